/**
 * Performance monitors: `vigil eval` metrics (see {@link performanceMetrics}) on the window's labelled
 * predictions, judged against the rule, absolutely or relative to the same metric on the reference.
 *
 * Points, all with `feature` '':
 * - `labelCoverage`: predictions with a label / predictions in the window; status 'insufficient' below
 *   `config.minLabelCoverage` (default 0.5), when the metrics are not judged yet (labels arrive later: the
 *   window is evaluated again then);
 * - one per `config.metrics` key: the metric on the labelled rows; status 'insufficient' while the coverage is
 *   below the minimum (the value is still reported when it can be computed) or when the metric is undefined on
 *   the data; else, for the metric the rule judges (`config.alertMetric`), the rule's verdict against
 *   `rule.value`, or `rule.value × reference metric` when `rule.relativeToReference` (e.g. `lt 0.95`: more than
 *   5 % below the reference's accuracy). Details give the reference value (`reference`, which the alert engine
 *   reads for relative rules) and the threshold.
 */
import type { MetricPoint, Monitor, RowColumns } from '../store/types.js';
import { cacheOf, type EvaluationContext, makePoint, ruleStatus } from './evaluationContext.js';
import type { PerformanceConfig } from './monitorConfig.js';
import { DEFAULT_MIN_LABEL_COVERAGE, scoreMetricNames } from './monitorDefaults.js';
import { type PerformanceResult, performanceMetrics } from './performanceMetrics.js';

export function evaluatePerformance(
  monitor: Monitor,
  reference: RowColumns,
  window: RowColumns,
  context: EvaluationContext,
): MetricPoint[] {
  const config = monitor.config as PerformanceConfig;
  const cache = cacheOf(context);
  const { task, schema } = context.model;
  const minimum = config.minLabelCoverage ?? DEFAULT_MIN_LABEL_COVERAGE;
  const labelled = cache.memo(window, `labelled:${task}`, () => countLabels(window, task === 'regression'));
  const coverage = window.n === 0 ? null : labelled / window.n;
  const enough = coverage !== null && coverage >= minimum;
  const points: MetricPoint[] = [
    makePoint(
      context,
      monitor,
      '',
      'labelCoverage',
      coverage,
      enough ? ruleStatus(monitor, 'labelCoverage', coverage) : 'insufficient',
      {
        labelled,
        rows: window.n,
        minimum,
      },
    ),
  ];
  const metrics = (rows: RowColumns, part: 'labels' | 'scores'): PerformanceResult =>
    cache.memo(rows, `performance:${task}:${part}`, () => performanceMetrics(rows, task, schema, part));
  const rule = monitor.rule;
  for (const key of config.metrics) {
    const part = scoreMetricNames.has(key) ? 'scores' : 'labels';
    const current = metrics(window, part);
    const value = current.metrics[key] ?? null;
    const referenceResult = metrics(reference, part);
    const referenceValue = referenceResult.metrics[key] ?? Number.NaN;
    const threshold =
      rule === undefined ? Number.NaN : rule.relativeToReference ? rule.value * referenceValue : rule.value;
    const details: Record<string, unknown> = {
      reference: Number.isFinite(referenceValue) ? referenceValue : null,
      threshold: Number.isFinite(threshold) ? threshold : null,
      labelled: current.labelled,
      labelCoverage: coverage,
    };
    const reason = current.unavailable[key] ?? current.unavailable['*'];
    if (value === null && reason !== undefined) details.reason = reason;
    if (rule?.relativeToReference && !Number.isFinite(referenceValue)) {
      details.referenceReason =
        referenceResult.unavailable[key] ?? referenceResult.unavailable['*'] ?? 'undefined on the reference';
    }
    const status = enough ? ruleStatus(monitor, key, value, threshold) : 'insufficient';
    points.push(makePoint(context, monitor, '', key, value, status, details));
  }
  return points;
}

/** Predictions with a label: text for classifiers, a number for regression. */
function countLabels(rows: RowColumns, numeric: boolean): number {
  let m = 0;
  if (numeric) {
    for (let i = 0; i < rows.n; i++) if (!Number.isNaN(rows.labelNumber[i])) m++;
  } else {
    for (let i = 0; i < rows.n; i++) if (rows.labelText[i] !== null) m++;
  }
  return m;
}
