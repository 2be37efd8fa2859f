/** Monitors and their metric series. */
import { MONITOR_COLUMNS, type MonitorMethods, POINT_COLUMNS } from '../sql/monitorColumns.js';
import type { MetricPoint, Monitor } from '../types.js';
import { opt, type Pool, setList } from './db.js';
import { notFound } from './notFound.js';

interface MonitorRecord {
  id: number;
  model: string;
  name: string;
  kind: Monitor['kind'];
  config: Monitor['config'];
  rule: Monitor['rule'] | null;
  enabled: boolean;
  created_at: number;
  updated_at: number;
}

function toMonitor(row: MonitorRecord): Monitor {
  return {
    id: row.id,
    model: row.model,
    name: row.name,
    kind: row.kind,
    config: row.config,
    rule: opt(row.rule),
    enabled: row.enabled,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

interface PointRecord {
  model: string;
  monitor_id: number;
  window_start: number;
  window_end: number;
  feature: string;
  metric: string;
  value: number | null;
  status: MetricPoint['status'];
  details: MetricPoint['details'] | null;
  computed_at: number;
}

export function toPoint(row: PointRecord): MetricPoint {
  return {
    model: row.model,
    monitorId: row.monitor_id,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    feature: row.feature,
    metric: row.metric,
    value: row.value,
    status: row.status,
    details: opt(row.details),
    computedAt: row.computed_at,
  };
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

export function monitorMethods(pool: Pool, now: () => number): MonitorMethods {
  return {
    async createMonitor(monitor) {
      const at = now();
      const result = await pool.query<MonitorRecord>(
        `INSERT INTO monitors (model, name, kind, config, rule, enabled, created_at, updated_at)
         SELECT name, $2, $3, $4, $5, $6, $7, $7 FROM models WHERE name = $1
         RETURNING ${MONITOR_COLUMNS}`,
        [
          monitor.model,
          monitor.name,
          monitor.kind,
          JSON.stringify(monitor.config),
          json(monitor.rule),
          monitor.enabled,
          at,
        ],
      );
      if (result.rowCount === 0)
        throw notFound('createMonitor', 'monitor.model', 'an existing model', monitor.model);
      return toMonitor(result.rows[0]);
    },

    async getMonitor(id) {
      const result = await pool.query<MonitorRecord>(
        `SELECT ${MONITOR_COLUMNS} FROM monitors WHERE id = $1`,
        [id],
      );
      return result.rows.length === 0 ? undefined : toMonitor(result.rows[0]);
    },

    async listMonitors(model) {
      const result = await pool.query<MonitorRecord>(
        `SELECT ${MONITOR_COLUMNS} FROM monitors WHERE $1::text IS NULL OR model = $1 ORDER BY id`,
        [model ?? null],
      );
      return result.rows.map(toMonitor);
    },

    async updateMonitor(id, patch) {
      const set = setList(
        patch,
        { name: 'name', kind: 'kind', config: 'config', rule: 'rule', enabled: 'enabled' },
        3,
        (field, value) => (field === 'config' || field === 'rule' ? json(value) : value),
      );
      const result = await pool.query<MonitorRecord>(
        `UPDATE monitors SET updated_at = $2${set.sql ? `, ${set.sql}` : ''} WHERE id = $1
         RETURNING ${MONITOR_COLUMNS}`,
        [id, now(), ...set.values],
      );
      if (result.rowCount === 0) throw notFound('updateMonitor', 'id', 'an existing monitor', id);
      return toMonitor(result.rows[0]);
    },

    async deleteMonitor(id) {
      await pool.query('DELETE FROM monitors WHERE id = $1', [id]);
    },

    async writePoints(given) {
      // One row per key, the last given winning: an upsert may not touch the same row twice.
      const byKey = new Map<string, MetricPoint>();
      for (const p of given) {
        const key = JSON.stringify([p.monitorId, p.windowStart, p.feature, p.metric]);
        byKey.delete(key);
        byKey.set(key, p);
      }
      const points = [...byKey.values()];
      if (points.length === 0) return;
      await pool.query(
        `INSERT INTO metric_points (${POINT_COLUMNS})
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::text[], $6::text[],
                              $7::float8[], $8::text[], $9::jsonb[], $10::bigint[])
         ON CONFLICT (monitor_id, window_start, feature, metric) DO UPDATE SET
           model = EXCLUDED.model, window_end = EXCLUDED.window_end, value = EXCLUDED.value,
           status = EXCLUDED.status, details = EXCLUDED.details, computed_at = EXCLUDED.computed_at`,
        [
          points.map((p) => p.model),
          points.map((p) => p.monitorId),
          points.map((p) => p.windowStart),
          points.map((p) => p.windowEnd),
          points.map((p) => p.feature),
          points.map((p) => p.metric),
          points.map((p) => (p.value === null || Number.isNaN(p.value) ? null : p.value)),
          points.map((p) => p.status),
          points.map((p) => json(p.details)),
          points.map((p) => p.computedAt),
        ],
      );
    },

    async readSeries(query) {
      // NULL instead of details when they are not wanted: the JSON is most of a long series' bytes.
      const columns =
        query.details === false ? POINT_COLUMNS.replace('details', 'NULL::jsonb AS details') : POINT_COLUMNS;
      const result = await pool.query<PointRecord>(
        `SELECT ${columns} FROM metric_points
         WHERE monitor_id = $1 AND ($2::text IS NULL OR feature = $2) AND ($3::text IS NULL OR metric = $3)
           AND ($4::bigint IS NULL OR window_start >= $4) AND ($5::bigint IS NULL OR window_start < $5)
         ORDER BY window_start, feature COLLATE "C", metric COLLATE "C" LIMIT $6`,
        [
          query.monitorId,
          query.feature ?? null,
          query.metric ?? null,
          query.from ?? null,
          query.to ?? null,
          query.limit ?? null,
        ],
      );
      return result.rows.map(toPoint);
    },

    async latestPoints(model) {
      const result = await pool.query<PointRecord>(
        `SELECT DISTINCT ON (monitor_id, feature, metric) ${POINT_COLUMNS} FROM metric_points
         WHERE $1::text IS NULL OR model = $1
         ORDER BY monitor_id, feature, metric, window_start DESC`,
        [model ?? null],
      );
      return result.rows.map(toPoint);
    },
  };
}
