/** Alerts and the hysteresis state of each (monitor, feature, metric) rule. */
import { ALERT_COLUMNS, ALERT_FIELDS, type AlertMethods } from '../sql/alertColumns.js';
import type { Alert, RuleState } from '../types.js';
import { opt, type Pool, setList } from './db.js';
import { notFound } from './notFound.js';

interface AlertRecord {
  id: number;
  model: string;
  monitor_id: number;
  feature: string;
  metric: string;
  severity: Alert['severity'];
  state: Alert['state'];
  value: number | null;
  threshold: number;
  message: string;
  window_start: number;
  fired_at: number;
  resolved_at: number | null;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  last_notified_at: number | null;
}

function toAlert(row: AlertRecord): Alert {
  return {
    id: row.id,
    model: row.model,
    monitorId: row.monitor_id,
    feature: row.feature,
    metric: row.metric,
    severity: row.severity,
    state: row.state,
    value: row.value,
    threshold: row.threshold,
    message: row.message,
    windowStart: row.window_start,
    firedAt: row.fired_at,
    resolvedAt: opt(row.resolved_at),
    acknowledgedAt: opt(row.acknowledged_at),
    acknowledgedBy: opt(row.acknowledged_by),
    lastNotifiedAt: opt(row.last_notified_at),
  };
}

export function alertMethods(pool: Pool): AlertMethods {
  return {
    async getRuleState(monitorId, feature, metric) {
      const result = await pool.query<{
        consecutive_breaches: number;
        consecutive_ok: number;
        open_alert_id: number | null;
        last_window_start: number | null;
      }>(
        `SELECT consecutive_breaches, consecutive_ok, open_alert_id, last_window_start FROM rule_states
         WHERE monitor_id = $1 AND feature = $2 AND metric = $3`,
        [monitorId, feature, metric],
      );
      if (result.rows.length === 0) return undefined;
      const row = result.rows[0];
      return {
        monitorId,
        feature,
        metric,
        consecutiveBreaches: row.consecutive_breaches,
        consecutiveOk: row.consecutive_ok,
        openAlertId: opt(row.open_alert_id),
        lastWindowStart: opt(row.last_window_start),
      } satisfies RuleState;
    },

    async putRuleState(state) {
      await pool.query(
        `INSERT INTO rule_states
           (monitor_id, feature, metric, consecutive_breaches, consecutive_ok, open_alert_id, last_window_start)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (monitor_id, feature, metric) DO UPDATE SET
           consecutive_breaches = EXCLUDED.consecutive_breaches, consecutive_ok = EXCLUDED.consecutive_ok,
           open_alert_id = EXCLUDED.open_alert_id, last_window_start = EXCLUDED.last_window_start`,
        [
          state.monitorId,
          state.feature,
          state.metric,
          state.consecutiveBreaches,
          state.consecutiveOk,
          state.openAlertId ?? null,
          state.lastWindowStart ?? null,
        ],
      );
    },

    async createAlert(alert) {
      const fields = Object.keys(ALERT_FIELDS) as (keyof typeof ALERT_FIELDS)[];
      const result = await pool.query<AlertRecord>(
        `INSERT INTO alerts (${fields.map((field) => ALERT_FIELDS[field]).join(', ')})
         VALUES (${fields.map((_field, i) => `$${i + 1}`).join(', ')}) RETURNING ${ALERT_COLUMNS}`,
        fields.map((field) => alert[field] ?? null),
      );
      return toAlert(result.rows[0]);
    },

    async updateAlert(id, patch) {
      const set = setList(patch, ALERT_FIELDS, 2);
      const sql = set.sql
        ? `UPDATE alerts SET ${set.sql} WHERE id = $1 RETURNING ${ALERT_COLUMNS}`
        : `SELECT ${ALERT_COLUMNS} FROM alerts WHERE id = $1`;
      const result = await pool.query<AlertRecord>(sql, [id, ...set.values]);
      if (result.rowCount === 0) throw notFound('updateAlert', 'id', 'an existing alert', id);
      return toAlert(result.rows[0]);
    },

    async getAlert(id) {
      const result = await pool.query<AlertRecord>(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE id = $1`, [id]);
      return result.rows.length === 0 ? undefined : toAlert(result.rows[0]);
    },

    async listAlerts(query = {}) {
      const result = await pool.query<AlertRecord>(
        `SELECT ${ALERT_COLUMNS} FROM alerts
         WHERE ($1::text IS NULL OR model = $1) AND ($2::text IS NULL OR state = $2)
           AND ($3::text IS NULL OR severity = $3)
         ORDER BY fired_at DESC, id DESC LIMIT $4`,
        [query.model ?? null, query.state ?? null, query.severity ?? null, query.limit ?? null],
      );
      return result.rows.map(toAlert);
    },
  };
}
