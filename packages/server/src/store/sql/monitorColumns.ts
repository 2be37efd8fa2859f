/** Column lists and field → column maps shared by the DuckDB and PostgreSQL stores (monitors). */
import type { Store } from '../types.js';

export const MONITOR_COLUMNS = 'id, model, name, kind, config, rule, enabled, created_at, updated_at';

export const POINT_COLUMNS =
  'model, monitor_id, window_start, window_end, feature, metric, value, status, details, computed_at';

export type MonitorMethods = Pick<
  Store,
  | 'createMonitor'
  | 'getMonitor'
  | 'listMonitors'
  | 'updateMonitor'
  | 'deleteMonitor'
  | 'writePoints'
  | 'readSeries'
  | 'latestPoints'
>;
