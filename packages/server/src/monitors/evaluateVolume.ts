/**
 * Volume monitors: the number of predictions in the window (`count`, `feature` ''), judged by the rule (e.g.
 * `lt 1`: a window without traffic; the scheduler evaluates volume monitors on closed windows that received
 * nothing, so that alert can fire).
 */
import type { MetricPoint, Monitor, RowColumns } from '../store/types.js';
import { type EvaluationContext, makePoint, ruleStatus } from './evaluationContext.js';

export function evaluateVolume(
  monitor: Monitor,
  _reference: RowColumns,
  window: RowColumns,
  context: EvaluationContext,
): MetricPoint[] {
  const count = window.n;
  const status = ruleStatus(monitor, 'count', count);
  return [
    makePoint(context, monitor, '', 'count', count, status, {
      windowMs: context.windowEnd - context.windowStart,
    }),
  ];
}
