/**
 * Latency monitors: percentiles of the predictions' `latencyMs` in the window (`p50`, `p95`, `p99` by default,
 * `feature` ''), from @vigil/core's `quantileSorted` over the finite latencies sorted once (`sortedFinite`):
 * linear interpolation, numpy's default (`numpy.quantile(x, q)`). The rule judges the percentile of
 * `config.alertMetric` (stored as the highest one when the monitor was created without it); the others are
 * reported with status 'ok'. Status 'insufficient' when
 * no prediction of the window reported a latency.
 */
import { quantileSorted, sortedFinite } from '@vigil/core';
import type { MetricPoint, Monitor, RowColumns } from '../store/types.js';
import { type EvaluationContext, makePoint, ruleStatus } from './evaluationContext.js';
import type { LatencyConfig } from './monitorConfig.js';
import { DEFAULT_LATENCY_QUANTILES } from './monitorDefaults.js';

export function evaluateLatency(
  monitor: Monitor,
  _reference: RowColumns,
  window: RowColumns,
  context: EvaluationContext,
): MetricPoint[] {
  const config = monitor.config as LatencyConfig;
  const names = config.quantiles ?? DEFAULT_LATENCY_QUANTILES;
  const sorted = sortedFinite(window.latencyMs);
  return names.map((name) => {
    // 'p99.9' → 0.999 exactly as written (99.9 / 100 is 0.9990000000000001 in binary floating point).
    const p = Number((Number(name.slice(1)) / 100).toPrecision(12));
    const value = sorted.length === 0 ? null : quantileSorted(sorted, p);
    const status = ruleStatus(monitor, name, value);
    const details: Record<string, unknown> = { count: sorted.length };
    if (sorted.length === 0) details.reason = 'no prediction of the window has a latencyMs';
    return makePoint(context, monitor, '', name, value, status, details);
  });
}
