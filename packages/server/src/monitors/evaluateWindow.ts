/**
 * One monitor on one window: pure (no store, no clock: the time is the context's), so the scheduler, the
 * `evaluate` route and tests share it. Every number comes from @vigil/core (see each kind's evaluator).
 */
import type { MetricPoint, Monitor, MonitorKind, RowColumns } from '../store/types.js';
import { evaluateCustom } from './evaluateCustom.js';
import { evaluateDrift } from './evaluateDrift.js';
import { evaluateLatency } from './evaluateLatency.js';
import { evaluatePerformance } from './evaluatePerformance.js';
import { evaluateQuality } from './evaluateQuality.js';
import { evaluateVolume } from './evaluateVolume.js';
import { createEvaluationCache, type EvaluationContext } from './evaluationContext.js';

type Evaluator = (
  monitor: Monitor,
  reference: RowColumns,
  window: RowColumns,
  context: EvaluationContext,
) => MetricPoint[];

export const evaluators: Readonly<Record<MonitorKind, Evaluator>> = {
  drift: evaluateDrift,
  quality: evaluateQuality,
  performance: evaluatePerformance,
  volume: evaluateVolume,
  latency: evaluateLatency,
  custom: evaluateCustom,
};

/**
 * The points of `monitor` on the window `[context.windowStart, context.windowEnd)`, each with its status
 * ('breach' when the monitor's rule, or for drift the test's verdict, is broken; 'insufficient' when the data
 * cannot tell). Custom monitors judge `context.points`: evaluate them after the monitors they read.
 * @param reference the model's reference rows (read with the same spec as the window).
 * @param window the window's rows.
 */
export function evaluateWindow(
  monitor: Monitor,
  reference: RowColumns,
  window: RowColumns,
  context: EvaluationContext,
): MetricPoint[] {
  return evaluators[monitor.kind](monitor, reference, window, context);
}

/**
 * Every monitor on one window, custom monitors last (they read the others' points), sharing one cache.
 * @returns the points, in monitor order (custom last).
 */
export function evaluateMonitors(
  monitors: readonly Monitor[],
  reference: RowColumns,
  window: RowColumns,
  context: EvaluationContext,
): MetricPoint[] {
  const points: MetricPoint[] = [...(context.points ?? [])];
  const cache = context.cache ?? createEvaluationCache();
  const own: MetricPoint[] = [];
  const ordered = [
    ...monitors.filter((m) => m.kind !== 'custom'),
    ...monitors.filter((m) => m.kind === 'custom'),
  ];
  for (const monitor of ordered) {
    const computed = evaluateWindow(monitor, reference, window, { ...context, points, cache });
    points.push(...computed);
    own.push(...computed);
  }
  return own;
}
