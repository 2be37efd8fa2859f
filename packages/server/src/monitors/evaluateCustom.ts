/**
 * Custom monitors: a threshold on any stored series, i.e. the point of (`config.monitorId`, `config.feature`,
 * `config.metric`) on the same window, as computed by that monitor in the same evaluation (or stored before).
 * The point repeats the series' value under the same feature and metric, with this monitor's verdict; status
 * 'insufficient' when the series has no value on the window.
 */
import type { MetricPoint, Monitor, RowColumns } from '../store/types.js';
import { type EvaluationContext, makePoint, ruleStatus } from './evaluationContext.js';
import type { CustomConfig } from './monitorConfig.js';

export function evaluateCustom(
  monitor: Monitor,
  _reference: RowColumns,
  _window: RowColumns,
  context: EvaluationContext,
): MetricPoint[] {
  const config = monitor.config as CustomConfig;
  const feature = config.feature ?? '';
  const source = context.points?.find(
    (p) =>
      p.monitorId === config.monitorId &&
      p.feature === feature &&
      p.metric === config.metric &&
      p.windowStart === context.windowStart,
  );
  const value = source?.value ?? null;
  const details: Record<string, unknown> = {
    source: { monitorId: config.monitorId, feature, metric: config.metric },
  };
  if (source === undefined) details.reason = 'the series has no point on this window';
  else if (value === null) details.reason = 'the series has no value on this window';
  return [
    makePoint(
      context,
      monitor,
      feature,
      config.metric,
      value,
      ruleStatus(monitor, config.metric, value),
      details,
    ),
  ];
}
