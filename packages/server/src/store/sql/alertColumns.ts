/** Column lists and field → column maps shared by the DuckDB and PostgreSQL stores (alerts). */
import type { Store } from '../types.js';

export const ALERT_COLUMNS = `id, model, monitor_id, feature, metric, severity, state, value, threshold, message,
  window_start, fired_at, resolved_at, acknowledged_at, acknowledged_by, last_notified_at`;

/** Alert field → column, for inserts and patches (`id` excluded). */
export const ALERT_FIELDS = {
  model: 'model',
  monitorId: 'monitor_id',
  feature: 'feature',
  metric: 'metric',
  severity: 'severity',
  state: 'state',
  value: 'value',
  threshold: 'threshold',
  message: 'message',
  windowStart: 'window_start',
  firedAt: 'fired_at',
  resolvedAt: 'resolved_at',
  acknowledgedAt: 'acknowledged_at',
  acknowledgedBy: 'acknowledged_by',
  lastNotifiedAt: 'last_notified_at',
} as const;

export type AlertMethods = Pick<
  Store,
  'getRuleState' | 'putRuleState' | 'createAlert' | 'updateAlert' | 'getAlert' | 'listAlerts'
>;
