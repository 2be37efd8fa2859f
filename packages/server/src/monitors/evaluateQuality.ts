/**
 * Data-quality monitors: per feature, the share of missing values, of numbers outside the reference's range and
 * of categories the reference never had, from @vigil/core's `qualitySummary` (missing shares, as
 * `vigil profile`) and `validateFrame` against the schema `inferSchema` reads off the reference (its min/max and
 * its categories: what `vigil schema infer` / `validate` would check).
 *
 * Points, per feature:
 * - `missingShare`: missing values / rows (a value the store could not read as the feature's kind counts as
 *   missing: that is how a schema violation of one value shows);
 * - `outOfRangeShare` (numerical): values below the reference minimum or above its maximum (±Infinity
 *   included) / present values;
 * - `unseenShare` (categorical): values not among the reference's categories / present values.
 * Points of the metrics the rule judges (`config.alertMetric`, or all three) carry its verdict against
 * `rule.value` (e.g. `gt 0.1`); details give the reference's own share. Status 'insufficient' when the window has
 * no row (or no present value, for the two last shares).
 *
 * Features are independent: `evaluateQuality` concatenates {@link qualityFeaturePoints} over
 * {@link qualityFeatures}, which is how the scheduler's worker threads split the work.
 */
import {
  type Column,
  type ColumnSchema,
  createFrame,
  inferSchema,
  qualitySummary,
  validateFrame,
} from '@vigil/core';
import type { FeatureKind, MetricPoint, Monitor, RowColumns } from '../store/types.js';
import { cacheOf, type EvaluationContext, makePoint, ruleStatus } from './evaluationContext.js';
import type { QualityConfig } from './monitorConfig.js';
import { featureColumn } from './rowFrames.js';

export function evaluateQuality(
  monitor: Monitor,
  reference: RowColumns,
  window: RowColumns,
  context: EvaluationContext,
): MetricPoint[] {
  return qualityFeatures(monitor, context).flatMap((feature) =>
    qualityFeaturePoints(monitor, feature, reference, window, context),
  );
}

/** A feature a quality monitor watches; `kind` undefined when the schema has no feature of that name. */
export interface QualityFeature {
  name: string;
  kind: FeatureKind | undefined;
}

/** The features `monitor` watches, in point order (as configured, else the schema's). */
export function qualityFeatures(monitor: Monitor, context: EvaluationContext): QualityFeature[] {
  const config = monitor.config as QualityConfig;
  const schemaFeatures = context.model.schema?.features ?? [];
  return config.features === undefined
    ? schemaFeatures.map(({ name, kind }) => ({ name, kind }))
    : config.features.map((name) => ({ name, kind: schemaFeatures.find((f) => f.name === name)?.kind }));
}

/**
 * The points of one feature: independent of the other features, so they can be computed anywhere (worker
 * threads) and concatenated in {@link qualityFeatures} order.
 */
export function qualityFeaturePoints(
  monitor: Monitor,
  feature: QualityFeature,
  reference: RowColumns,
  window: RowColumns,
  context: EvaluationContext,
): MetricPoint[] {
  const cache = cacheOf(context);
  const { name, kind } = feature;
  const points: MetricPoint[] = [];
  const ref = kind && featureColumn(reference, name, kind, cache);
  const cur = kind && featureColumn(window, name, kind, cache);
  if (ref === undefined || cur === undefined) {
    points.push(
      makePoint(context, monitor, name, 'missingShare', null, 'insufficient', {
        reason: `"${name}" is not a feature of the model schema`,
      }),
    );
    return points;
  }
  const referenceMissing = cache.memo(reference, `missingShare:${kind}:${name}`, () => missingShare(ref));
  const currentMissing = missingShare(cur);
  points.push(
    makePoint(
      context,
      monitor,
      name,
      'missingShare',
      currentMissing,
      ruleStatus(monitor, 'missingShare', currentMissing),
      {
        reference: referenceMissing,
        rows: window.n,
      },
    ),
  );
  const bounds = cache.memo(reference, `schema:${kind}:${name}`, () => referenceBounds(ref));
  const outside = outsideBounds(cur, bounds);
  // Present values, back from the missing share (an exact count: the share is missing / rows).
  const present = window.n === 0 ? 0 : window.n - Math.round(window.n * currentMissing);
  const metric = (kind as FeatureKind) === 'numerical' ? 'outOfRangeShare' : 'unseenShare';
  const share = present === 0 ? null : outside / present;
  const details: Record<string, unknown> = { count: outside, present };
  if (bounds.min !== undefined) Object.assign(details, { min: bounds.min, max: bounds.max });
  if (present > 0 && bounds.min === undefined && bounds.allowedValues === undefined) {
    points.push(
      makePoint(context, monitor, name, metric, null, 'insufficient', {
        reason: 'the reference has no value of this feature to compare with',
      }),
    );
    return points;
  }
  points.push(makePoint(context, monitor, name, metric, share, ruleStatus(monitor, metric, share), details));
  return points;
}

/** Missing values / rows, as `qualitySummary` (and `columnProfile`) define it; NaN without rows. */
function missingShare(column: Column): number {
  // No column is summarised for constant columns and duplicates (the second argument): only the missing
  // shares, which qualitySummary gives for every column of the frame in one pass.
  return qualitySummary(createFrame([column]), []).missingShare.get(column.name) as number;
}

/** What the reference allows: its min/max (numbers) or its categories, as `inferSchema` writes them. */
function referenceBounds(column: Column): ColumnSchema {
  const inferred = inferSchema(createFrame([column]), { maxCategories: Number.MAX_SAFE_INTEGER }).columns[0];
  const bounds: ColumnSchema = { name: inferred.name, type: inferred.type };
  if (inferred.min !== undefined) bounds.min = inferred.min;
  if (inferred.max !== undefined) bounds.max = inferred.max;
  if (inferred.allowedValues !== undefined) bounds.allowedValues = inferred.allowedValues;
  return bounds;
}

/** Values outside the reference's bounds: rows of `validateFrame`'s min + max (or allowedValues) violations. */
function outsideBounds(column: Column, bounds: ColumnSchema): number {
  const result = validateFrame(createFrame([column]), {
    version: 1,
    allowExtraColumns: true,
    columns: [bounds],
  });
  let outside = 0;
  for (const v of result.violations) {
    if (v.rule === 'min' || v.rule === 'max' || v.rule === 'allowedValues') outside += v.count;
  }
  return outside;
}
