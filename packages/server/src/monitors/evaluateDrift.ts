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
 */
import { type Column, type ColumnDriftResult, columnDrift, summarizeDrift } from '@vigil/core';
import type { MetricPoint, Monitor, RowColumns } from '../store/types.js';
import { cacheOf, type EvaluationContext, errorText, makePoint, ruleStatus } from './evaluationContext.js';
import { type DriftConfig, judgesMetric, PREDICTION_FEATURE, SCORE_FEATURE } from './monitorConfig.js';
import { featureColumn, predictionColumn, scoreColumn } from './rowFrames.js';

/** Unseen categories listed in a point's details (the count is always given). */
const LISTED_CATEGORIES = 20;

export function evaluateDrift(
  monitor: Monitor,
  reference: RowColumns,
  window: RowColumns,
  context: EvaluationContext,
): MetricPoint[] {
  const config = monitor.config as DriftConfig;
  const cache = cacheOf(context);
  const schemaFeatures = context.model.schema?.features ?? [];
  const pairs: { name: string; reference?: Column; current?: Column }[] = [];
  const selected =
    config.features === undefined
      ? schemaFeatures
      : config.features.map((name) => ({ name, kind: schemaFeatures.find((f) => f.name === name)?.kind }));
  for (const { name, kind } of selected) {
    pairs.push({
      name,
      reference: kind && featureColumn(reference, name, kind, cache),
      current: kind && featureColumn(window, name, kind, cache),
    });
  }
  if (config.prediction) {
    const task = context.model.task;
    pairs.push({
      name: PREDICTION_FEATURE,
      reference: predictionColumn(reference, task, PREDICTION_FEATURE, cache),
      current: predictionColumn(window, task, PREDICTION_FEATURE, cache),
    });
  }
  if (config.score) {
    pairs.push({
      name: SCORE_FEATURE,
      reference: scoreColumn(reference, SCORE_FEATURE),
      current: scoreColumn(window, SCORE_FEATURE),
    });
  }

  const options = { test: config.test ?? 'auto', threshold: config.threshold } as const;
  const points: MetricPoint[] = [];
  const tested: ColumnDriftResult[] = [];
  for (const pair of pairs) {
    if (pair.reference === undefined || pair.current === undefined) {
      const reason = `"${pair.name}" is not a feature of the model schema`;
      points.push(...insufficient(context, monitor, pair.name, reason));
      continue;
    }
    try {
      tested.push(columnDrift(pair.reference, pair.current, options));
    } catch (error) {
      // A side without values (a feature missing in every row of the window) has no drift to measure.
      points.push(...insufficient(context, monitor, pair.name, errorText(error)));
    }
  }
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
