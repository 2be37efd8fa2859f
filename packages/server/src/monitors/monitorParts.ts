/**
 * A monitor's evaluation cut into independent parts, so the parts can run in worker threads and be joined back
 * into exactly the points `evaluateWindow` gives. The cut is by column, as `vigil drift` splits drift over its
 * workers (each column's sort and test is independent):
 * - drift: one part per tested column ({@link driftPairs}), each a `columnDrift` outcome; joined by
 *   {@link driftPoints} (p-value correction and drift share need every column);
 * - quality: one part per feature ({@link qualityFeatures}), each that feature's points; joined by concatenation;
 * - performance, latency, volume: the whole monitor as one part.
 * Custom monitors are not cut: they judge the points of the others, so they run last, where the points are.
 *
 * For every kind but custom, `joinMonitorParts(m, c, parts.map((p) => runMonitorPart(m, p.index, …)))` is
 * `evaluateWindow(m, …)`: the evaluators are written as that very composition (test/monitors/monitorParts.test.ts
 * checks it kind by kind).
 */
import type { MetricPoint, Monitor, RowColumns } from '../store/types.js';
import { type DriftOutcome, driftPairs, driftPoints, testDriftPair } from './evaluateDrift.js';
import { qualityFeaturePoints, qualityFeatures } from './evaluateQuality.js';
import { evaluateWindow } from './evaluateWindow.js';
import type { EvaluationContext } from './evaluationContext.js';

/** A column of {@link RowColumns} that a part reads (in both row sets). */
export type ColumnKey =
  | `feature:${string}`
  | `proba:${string}`
  | 'predictionText'
  | 'predictionNumber'
  | 'score'
  | 'latencyMs'
  | 'labelText'
  | 'labelNumber';

export interface MonitorPart {
  /** Its place among the monitor's parts: what {@link runMonitorPart} takes. */
  index: number;
  /** What it reads besides the row count; none for parts that cost nothing (volume, an unknown feature). */
  columns: ColumnKey[];
  /** Rough work per row, to schedule the largest parts first: a sort counts 4, a pass over the values 1. */
  cost: number;
}

/** What a part computes: a drift column's outcome, or points. Plain data: it crosses threads by structured clone. */
export type PartResult = DriftOutcome | MetricPoint[];

/** Whether `monitor` can be cut into parts (every kind but custom). */
export function isSplittable(monitor: Pick<Monitor, 'kind'>): boolean {
  return monitor.kind !== 'custom';
}

/** The parts of a splittable monitor, in the order their results are joined. */
export function monitorParts(monitor: Monitor, context: EvaluationContext): MonitorPart[] {
  const { task } = context.model;
  switch (monitor.kind) {
    case 'drift':
      return driftPairs(monitor, context).map((pair, index) => {
        if (pair.source === 'feature') {
          if (pair.kind === undefined) return { index, columns: [], cost: 0 };
          return { index, columns: [`feature:${pair.name}`], cost: pair.kind === 'numerical' ? 4 : 1 };
        }
        if (pair.source === 'score') return { index, columns: ['score'], cost: 4 };
        return task === 'regression'
          ? { index, columns: ['predictionNumber'], cost: 4 }
          : { index, columns: ['predictionText'], cost: 1 };
      });
    case 'quality':
      return qualityFeatures(monitor, context).map((feature, index) =>
        feature.kind === undefined
          ? { index, columns: [], cost: 0 }
          : { index, columns: [`feature:${feature.name}`], cost: 1 },
      );
    case 'performance': {
      const classes = context.model.schema?.classes ?? [];
      const columns: ColumnKey[] =
        task === 'regression'
          ? ['labelNumber', 'predictionNumber']
          : task === 'binary'
            ? ['labelText', 'predictionText', 'score']
            : ['labelText', 'predictionText', ...classes.map((c): ColumnKey => `proba:${c}`)];
      return [{ index: 0, columns, cost: 3 }];
    }
    case 'latency':
      return [{ index: 0, columns: ['latencyMs'], cost: 2 }];
    case 'volume':
      return [{ index: 0, columns: [], cost: 0 }];
    case 'custom':
      throw new Error('monitorParts: a custom monitor must be evaluated whole, after the others');
  }
}

/** Computes part `index` of `monitor` (pure: the same anywhere, given the part's columns). */
export function runMonitorPart(
  monitor: Monitor,
  index: number,
  reference: RowColumns,
  window: RowColumns,
  context: EvaluationContext,
): PartResult {
  switch (monitor.kind) {
    case 'drift':
      return testDriftPair(monitor, driftPairs(monitor, context)[index], reference, window, context);
    case 'quality':
      return qualityFeaturePoints(
        monitor,
        qualityFeatures(monitor, context)[index],
        reference,
        window,
        context,
      );
    default:
      return evaluateWindow(monitor, reference, window, context);
  }
}

/** The monitor's points from its parts' results, in part order. */
export function joinMonitorParts(
  monitor: Monitor,
  context: EvaluationContext,
  results: readonly PartResult[],
): MetricPoint[] {
  if (monitor.kind === 'drift')
    return driftPoints(monitor, context, driftPairs(monitor, context), results as DriftOutcome[]);
  return (results as MetricPoint[][]).flat();
}
