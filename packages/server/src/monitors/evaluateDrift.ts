/**
 * Drift monitors: each feature (and optionally the prediction and the binary score) of the window against the
 * reference, with @vigil/core's `columnDrift` (the `auto` rule and tests of `vigil drift`, issue 2) and
 * `summarizeDrift` (p-value correction, share of drifted columns).
 *
 * Points, per tested column (`feature` = its name, `(prediction)` or `(score)`):
 * - `driftScore`: the p-value (corrected when a correction is set) for p-value tests, the distance for
 *   distances, as Evidently's `drift_score`; status 'breach' when the test finds drift at its threshold
 *   (`config.threshold`, default the test's own: p < 0.05, distance ≥ 0.1), whatever the rule's operator and
 *   value (the details name the test, statistic, threshold and sample sizes). The metric alerts judge by
 *   default: an alert per drifted column, with the monitor rule's severity and hysteresis;
 * - `drift`: 1 when the test finds drift, else 0 (for dashboards and Prometheus; a rule judges it when
 *   `alertMetric` is 'drift').
 * And one point with `feature` '':
 * - `driftShare`: drifted columns / tested columns, judged by the rule when `alertMetric` is 'driftShare'
 *   (Evidently's dataset drift is `gte 0.5`).
 * A column without values on a side (all missing in the window) gets 'insufficient' points and is not counted.
 * Points of the metric the rule judges (`config.alertMetric`) carry the rule's verdict.
 *
 * The work splits by column, as `vigil drift --workers` does: {@link driftPairs} names the columns, each is tested
 * on its own ({@link testDriftPair}: the sort and the test, the costly part) and {@link driftPoints} joins the
 * outcomes (correction, share). `evaluateDrift` is exactly that composition, so a caller that tests the pairs in
 * worker threads gets the same points.
 */
import { type Column, type ColumnDriftResult, columnDrift, summarizeDrift } from '@vigil/core';
import type { FeatureKind, MetricPoint, Monitor, RowColumns } from '../store/types.js';
import { cacheOf, type EvaluationContext, errorText, makePoint, ruleStatus } from './evaluationContext.js';
import type { DriftConfig } from './monitorConfig.js';
import { judgesMetric, PREDICTION_FEATURE, SCORE_FEATURE } from './monitorDefaults.js';
import { featureColumn, predictionColumn, scoreColumn } from './rowFrames.js';

/** Unseen categories listed in a point's details (the count is always given). */
const LISTED_CATEGORIES = 20;

export function evaluateDrift(
  monitor: Monitor,
  reference: RowColumns,
  window: RowColumns,
  context: EvaluationContext,
): MetricPoint[] {
  const pairs = driftPairs(monitor, context);
  const outcomes = pairs.map((pair) => testDriftPair(monitor, pair, reference, window, context));
  return driftPoints(monitor, context, pairs, outcomes);
}

/**
 * One column a drift monitor tests: a schema feature (`kind` undefined when the schema has no feature of that
 * name), the prediction or the binary score.
 */
export type DriftPair =
  | { name: string; source: 'feature'; kind: FeatureKind | undefined }
  | { name: string; source: 'prediction' | 'score' };

/** What testing one pair gave: the test's result, or why the column could not be tested. */
export type DriftOutcome = { result: ColumnDriftResult } | { reason: string };

/** The columns `monitor` tests, in point order (features as configured or the schema's, then prediction, score). */
export function driftPairs(monitor: Monitor, context: EvaluationContext): DriftPair[] {
  const config = monitor.config as DriftConfig;
  const schemaFeatures = context.model.schema?.features ?? [];
  const selected =
    config.features === undefined
      ? schemaFeatures
      : config.features.map((name) => ({ name, kind: schemaFeatures.find((f) => f.name === name)?.kind }));
  const pairs: DriftPair[] = selected.map(({ name, kind }) => ({ name, source: 'feature', kind }));
  if (config.prediction) pairs.push({ name: PREDICTION_FEATURE, source: 'prediction' });
  if (config.score) pairs.push({ name: SCORE_FEATURE, source: 'score' });
  return pairs;
}

/**
 * Tests one pair of {@link driftPairs} with @vigil/core's `columnDrift`: independent of the other pairs, so the
 * pairs of a monitor can be tested anywhere (worker threads) and joined by {@link driftPoints}.
 */
export function testDriftPair(
  monitor: Monitor,
  pair: DriftPair,
  reference: RowColumns,
  window: RowColumns,
  context: EvaluationContext,
): DriftOutcome {
  const config = monitor.config as DriftConfig;
  const cache = cacheOf(context);
  let ref: Column | undefined;
  let cur: Column | undefined;
  if (pair.source === 'feature') {
    ref = pair.kind && featureColumn(reference, pair.name, pair.kind, cache);
    cur = pair.kind && featureColumn(window, pair.name, pair.kind, cache);
  } else if (pair.source === 'prediction') {
    ref = predictionColumn(reference, context.model.task, PREDICTION_FEATURE, cache);
    cur = predictionColumn(window, context.model.task, PREDICTION_FEATURE, cache);
  } else {
    ref = scoreColumn(reference, SCORE_FEATURE);
    cur = scoreColumn(window, SCORE_FEATURE);
  }
  if (ref === undefined || cur === undefined)
    return { reason: `"${pair.name}" is not a feature of the model schema` };
  try {
    return { result: columnDrift(ref, cur, driftOptions(config)) };
  } catch (error) {
    // A side without values (a feature missing in every row of the window) has no drift to measure.
    return { reason: errorText(error) };
  }
}

/** The monitor's points from the outcomes of its pairs (in {@link driftPairs} order): corrections and share. */
export function driftPoints(
  monitor: Monitor,
  context: EvaluationContext,
  pairs: readonly DriftPair[],
  outcomes: readonly DriftOutcome[],
): MetricPoint[] {
  const config = monitor.config as DriftConfig;
  const options = driftOptions(config);
  const points: MetricPoint[] = [];
  const tested: ColumnDriftResult[] = [];
  outcomes.forEach((outcome, i) => {
    if ('result' in outcome) tested.push(outcome.result);
    else points.push(...insufficient(context, monitor, pairs[i].name, outcome.reason));
  });
  if (tested.length === 0) {
    points.push(
      makePoint(context, monitor, '', 'driftShare', null, 'insufficient', {
        reason: 'no column could be tested',
      }),
    );
    return points;
  }
  let summary: ReturnType<typeof summarizeDrift>;
  try {
    summary = summarizeDrift(tested, { correction: config.correction ?? 'none', ...options });
  } catch (error) {
    // One threshold over p-value tests and distances at once (see summarizeDrift): the monitor must name a test.
    const reason = errorText(error);
    for (const r of tested) points.push(...insufficient(context, monitor, r.column, reason));
    points.push(makePoint(context, monitor, '', 'driftShare', null, 'insufficient', { reason }));
    return points;
  }
  for (const r of summary.columns) {
    const score = r.pValueAdjusted ?? r.pValue ?? r.statistic;
    const details: Record<string, unknown> = {
      test: r.test,
      statistic: finiteOrText(r.statistic),
      pValue: r.pValue,
      threshold: r.threshold,
      drift: r.drift,
      referenceSize: r.referenceSize,
      currentSize: r.currentSize,
    };
    if (r.pValueAdjusted !== undefined) details.pValueAdjusted = r.pValueAdjusted;
    if (r.unseenCategories !== undefined && r.unseenCategories.length > 0) {
      details.unseenCategories = r.unseenCategories.slice(0, LISTED_CATEGORIES);
      details.unseenCategoryCount = r.unseenCategories.length;
    }
    if (r.note !== undefined) details.note = r.note;
    // The flag carries the test's verdict too, unless a rule judges it (alertMetric 'drift', e.g. `gte 1`).
    const verdict = r.drift ? 'breach' : 'ok';
    const flag = r.drift ? 1 : 0;
    const flagStatus =
      monitor.rule && judgesMetric(monitor.config, 'drift') ? ruleStatus(monitor, 'drift', flag) : verdict;
    points.push(
      makePoint(context, monitor, r.column, 'drift', flag, flagStatus, { test: r.test, driftScore: score }),
      makePoint(context, monitor, r.column, 'driftScore', score, verdict, details),
    );
  }
  points.push(
    makePoint(
      context,
      monitor,
      '',
      'driftShare',
      summary.driftShare,
      ruleStatus(monitor, 'driftShare', summary.driftShare),
      {
        driftedColumns: summary.columns.filter((r) => r.drift).map((r) => r.column),
        testedColumns: summary.columns.length,
        correction: summary.correction,
      },
    ),
  );
  return points;
}

function driftOptions(config: DriftConfig) {
  return { test: config.test ?? 'auto', threshold: config.threshold } as const;
}

function insufficient(
  context: EvaluationContext,
  monitor: Monitor,
  feature: string,
  reason: string,
): MetricPoint[] {
  return [
    makePoint(context, monitor, feature, 'drift', null, 'insufficient', { reason }),
    makePoint(context, monitor, feature, 'driftScore', null, 'insufficient', { reason }),
  ];
}

/** JSON cannot hold Infinity (a chi-square statistic with a category unseen in the reference): say it in text. */
function finiteOrText(value: number): number | string {
  return Number.isFinite(value) ? value : String(value);
}
