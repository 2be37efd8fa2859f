/**
 * The names and defaults monitor evaluators share with the monitor settings (monitorConfig.ts): reserved feature
 * names, default settings, the score metrics, how a rule picks the metric it judges. Apart from the TypeBox
 * schemas of monitorConfig.ts, so the evaluation worker threads (src/workers) load the evaluators without TypeBox
 * (a good part of a worker's start-up).
 */

/** The `feature` of drift points about the model's prediction (a reserved name, in parentheses). */
export const PREDICTION_FEATURE = '(prediction)';
/** The `feature` of drift points about the binary model's score. */
export const SCORE_FEATURE = '(score)';

/** Default minimum label coverage of performance monitors. */
export const DEFAULT_MIN_LABEL_COVERAGE = 0.5;
/** Default latency percentiles. */
export const DEFAULT_LATENCY_QUANTILES = ['p50', 'p95', 'p99'];

/** Binary metrics computed from the score; multiclass metrics computed from the class probabilities. */
export const scoreMetricNames: ReadonlySet<string> = new Set([
  'rocAuc',
  'prAuc',
  'logLoss',
  'brier',
  'rocAucOvrMacro',
  'rocAucOvrWeighted',
]);

/** Whether the monitor's rule judges points of `metric` (its `config.alertMetric`, or every metric). */
export function judgesMetric(config: Record<string, unknown>, metric: string): boolean {
  const alert = config.alertMetric;
  return typeof alert !== 'string' || alert === metric;
}
