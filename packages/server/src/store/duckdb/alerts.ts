/** Alerts and the hysteresis state of each (monitor, feature, metric) rule. */
import { ALERT_COLUMNS, ALERT_FIELDS, type AlertMethods } from '../sql/alertColumns.js';
import type { Alert, RuleState } from '../types.js';
import { type Db, exec, integer, query, type Row } from './db.js';
import { notFound } from './notFound.js';
import { opt, setList } from './values.js';

const OPTIONAL_ALERT_FIELDS = ['resolvedAt', 'acknowledgedAt', 'acknowledgedBy', 'lastNotifiedAt'] as const;

function toAlert(row: Row): Alert {
  const alert: Alert = {
    id: row.id as number,
    model: row.model as string,
    monitorId: row.monitor_id as number,
    feature: row.feature as string,
    metric: row.metric as string,
    severity: row.severity as Alert['severity'],
    state: row.state as Alert['state'],
    value: (row.value as number | null) ?? null,
    threshold: row.threshold as number,
    message: row.message as string,
    windowStart: row.window_start as number,
    firedAt: row.fired_at as number,
  };
  for (const field of OPTIONAL_ALERT_FIELDS) {
    const value = opt(row[ALERT_FIELDS[field]]);
    if (value !== undefined) (alert as unknown as Record<string, unknown>)[field] = value;
  }
  return alert;
}

export function alertMethods(db: Db): AlertMethods {
  return {
    async getRuleState(monitorId, feature, metric) {
      const rows = await db.all(
        `SELECT consecutive_breaches, consecutive_ok, open_alert_id, last_window_start FROM rule_states
         WHERE monitor_id = $1 AND feature = $2 AND metric = $3`,
        [monitorId, feature, metric],
      );
      if (rows.length === 0) return undefined;
      const row = rows[0];
      const state: RuleState = {
        monitorId,
        feature,
        metric,
        consecutiveBreaches: row.consecutive_breaches as number,
        consecutiveOk: row.consecutive_ok as number,
      };
      const open = opt(row.open_alert_id as number | null);
      if (open !== undefined) state.openAlertId = open;
      const last = opt(row.last_window_start as number | null);
      if (last !== undefined) state.lastWindowStart = last;
      return state;
    },

    async putRuleState(state) {
      await db.exclusive((conn) =>
        exec(
          conn,
          `INSERT INTO rule_states
             (monitor_id, feature, metric, consecutive_breaches, consecutive_ok, open_alert_id, last_window_start)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (monitor_id, feature, metric) DO UPDATE SET
             consecutive_breaches = excluded.consecutive_breaches, consecutive_ok = excluded.consecutive_ok,
             open_alert_id = excluded.open_alert_id, last_window_start = excluded.last_window_start`,
          [
            state.monitorId,
            state.feature,
            state.metric,
            state.consecutiveBreaches,
            state.consecutiveOk,
            state.openAlertId ?? null,
            state.lastWindowStart ?? null,
          ],
        ),
      );
    },

    async createAlert(alert) {
      const fields = Object.keys(ALERT_FIELDS) as (keyof typeof ALERT_FIELDS)[];
      const rows = await db.exclusive((conn) =>
        query(
          conn,
          `INSERT INTO alerts (id, ${fields.map((field) => ALERT_FIELDS[field]).join(', ')})
           VALUES (nextval('alert_ids'), ${fields.map((_field, i) => `$${i + 1}`).join(', ')})
           RETURNING ${ALERT_COLUMNS}`,
          fields.map((field) => alert[field] ?? null),
        ),
      );
      return toAlert(rows[0]);
    },

    async updateAlert(id, patch) {
      const set = setList(patch, ALERT_FIELDS, 2);
      const sql = set.sql
        ? `UPDATE alerts SET ${set.sql} WHERE id = $1 RETURNING ${ALERT_COLUMNS}`
        : `SELECT ${ALERT_COLUMNS} FROM alerts WHERE id = $1`;
      const rows = await db.exclusive((conn) => query(conn, sql, [id, ...set.values]));
      if (rows.length === 0) throw notFound('updateAlert', 'id', 'an existing alert', id);
      return toAlert(rows[0]);
    },

    async getAlert(id) {
      const rows = await db.all(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE id = $1`, [id]);
      return rows.length === 0 ? undefined : toAlert(rows[0]);
    },

    async listAlerts(q = {}) {
      const where: string[] = [];
      const params: string[] = [];
      for (const [field, column] of [
        [q.model, 'model'],
        [q.state, 'state'],
        [q.severity, 'severity'],
      ] as const) {
        if (field === undefined) continue;
        params.push(field);
        where.push(`${column} = $${params.length}`);
      }
      const rows = await db.all(
        `SELECT ${ALERT_COLUMNS} FROM alerts${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}
         ORDER BY fired_at DESC, id DESC${q.limit === undefined ? '' : ` LIMIT ${integer(q.limit)}`}`,
        params.length === 0 ? undefined : params,
      );
      return rows.map(toAlert);
    },
  };
}
