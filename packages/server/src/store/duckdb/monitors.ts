/** Monitors and their metric series. */
import { MONITOR_COLUMNS, type MonitorMethods, POINT_COLUMNS } from '../sql/monitorColumns.js';
import type { MetricPoint, Monitor } from '../types.js';
import { type Db, exec, integer, literal, query, type Row } from './db.js';
import { deleteMonitorsSql } from './models.js';
import { notFound } from './notFound.js';
import { jsonOrNull, opt, parseJson, setList } from './values.js';

/** Points per INSERT statement (10 parameters each). */
const POINTS_PER_STATEMENT = 500;

function toMonitor(row: Row): Monitor {
  const monitor: Monitor = {
    id: row.id as number,
    model: row.model as string,
    name: row.name as string,
    kind: row.kind as Monitor['kind'],
    config: JSON.parse(row.config as string) as Monitor['config'],
    enabled: row.enabled as boolean,
    createdAt: row.created_at as number,
    updatedAt: row.updated_at as number,
  };
  const rule = parseJson<Monitor['rule']>(row.rule);
  if (rule !== undefined) monitor.rule = rule;
  return monitor;
}

function toPoint(row: Row): MetricPoint {
  const point: MetricPoint = {
    model: row.model as string,
    monitorId: row.monitor_id as number,
    windowStart: row.window_start as number,
    windowEnd: row.window_end as number,
    feature: row.feature as string,
    metric: row.metric as string,
    value: opt(row.value as number | null) ?? null,
    status: row.status as MetricPoint['status'],
    computedAt: row.computed_at as number,
  };
  const details = parseJson<MetricPoint['details']>(row.details);
  if (details !== undefined) point.details = details;
  return point;
}

export function monitorMethods(db: Db, now: () => number): MonitorMethods {
  return {
    createMonitor(monitor) {
      return db
        .write(async (conn) => {
          const exists = await query(conn, 'SELECT 1 FROM models WHERE name = $1', [monitor.model]);
          if (exists.length === 0) {
            throw notFound('createMonitor', 'monitor.model', 'an existing model', monitor.model);
          }
          const at = now();
          const [row] = await query(
            conn,
            `INSERT INTO monitors (${MONITOR_COLUMNS})
             VALUES (nextval('monitor_ids'), $1, $2, $3, $4, $5, $6, $7, $7) RETURNING ${MONITOR_COLUMNS}`,
            [
              monitor.model,
              monitor.name,
              monitor.kind,
              JSON.stringify(monitor.config),
              jsonOrNull(monitor.rule),
              monitor.enabled,
              at,
            ],
          );
          return row;
        })
        .then(toMonitor);
    },

    async getMonitor(id) {
      const rows = await db.all(`SELECT ${MONITOR_COLUMNS} FROM monitors WHERE id = $1`, [id]);
      return rows.length === 0 ? undefined : toMonitor(rows[0]);
    },

    async listMonitors(model) {
      const rows =
        model === undefined
          ? await db.all(`SELECT ${MONITOR_COLUMNS} FROM monitors ORDER BY id`)
          : await db.all(`SELECT ${MONITOR_COLUMNS} FROM monitors WHERE model = $1 ORDER BY id`, [model]);
      return rows.map(toMonitor);
    },

    async updateMonitor(id, patch) {
      const set = setList(
        patch,
        { name: 'name', kind: 'kind', config: 'config', rule: 'rule', enabled: 'enabled' },
        3,
        (field, value) => (field === 'config' || field === 'rule' ? jsonOrNull(value) : value),
      );
      const rows = await db.exclusive((conn) =>
        query(
          conn,
          `UPDATE monitors SET updated_at = $2${set.sql ? `, ${set.sql}` : ''} WHERE id = $1
           RETURNING ${MONITOR_COLUMNS}`,
          [id, now(), ...set.values],
        ),
      );
      if (rows.length === 0) throw notFound('updateMonitor', 'id', 'an existing monitor', id);
      return toMonitor(rows[0]);
    },

    async deleteMonitor(id) {
      await db.write((conn) => exec(conn, deleteMonitorsSql(`id = ${integer(id)}`)));
    },

    async writePoints(points) {
      if (points.length === 0) return;
      // One row per key, the last point given winning: an upsert may not touch the same row twice.
      const byKey = new Map<string, MetricPoint>();
      for (const p of points) {
        const key = JSON.stringify([p.monitorId, p.windowStart, p.feature, p.metric]);
        byKey.delete(key);
        byKey.set(key, p);
      }
      const unique = [...byKey.values()];
      await db.write(async (conn) => {
        for (let start = 0; start < unique.length; start += POINTS_PER_STATEMENT) {
          const slice = unique.slice(start, start + POINTS_PER_STATEMENT);
          const values = slice.map((_p, i) => {
            const b = i * 10;
            return `(${Array.from({ length: 10 }, (_x, j) => `$${b + j + 1}`).join(', ')})`;
          });
          await exec(
            conn,
            `INSERT INTO metric_points (${POINT_COLUMNS}) VALUES ${values.join(', ')}
             ON CONFLICT (monitor_id, window_start, feature, metric) DO UPDATE SET
               model = excluded.model, window_end = excluded.window_end, value = excluded.value,
               status = excluded.status, details = excluded.details, computed_at = excluded.computed_at`,
            slice.flatMap((p) => [
              p.model,
              p.monitorId,
              p.windowStart,
              p.windowEnd,
              p.feature,
              p.metric,
              p.value === null || Number.isNaN(p.value) ? null : p.value,
              p.status,
              jsonOrNull(p.details),
              p.computedAt,
            ]),
          );
        }
      });
    },

    async readSeries(q) {
      const where = [`monitor_id = ${integer(q.monitorId)}`];
      const params: string[] = [];
      if (q.feature !== undefined) {
        params.push(q.feature);
        where.push(`feature = $${params.length}`);
      }
      if (q.metric !== undefined) {
        params.push(q.metric);
        where.push(`metric = $${params.length}`);
      }
      if (q.from !== undefined) where.push(`window_start >= ${integer(Math.ceil(q.from))}`);
      if (q.to !== undefined) where.push(`window_start < ${integer(Math.ceil(q.to))}`);
      const rows = await db.all(
        `SELECT ${POINT_COLUMNS} FROM metric_points WHERE ${where.join(' AND ')}
         ORDER BY window_start, feature, metric${q.limit === undefined ? '' : ` LIMIT ${integer(q.limit)}`}`,
        params.length === 0 ? undefined : params,
      );
      return rows.map(toPoint);
    },

    async latestPoints(model) {
      const rows = await db.all(
        `SELECT ${POINT_COLUMNS} FROM metric_points${model === undefined ? '' : ` WHERE model = ${literal(model)}`}
         QUALIFY row_number() OVER (PARTITION BY monitor_id, feature, metric ORDER BY window_start DESC) = 1
         ORDER BY monitor_id, feature, metric`,
      );
      return rows.map(toPoint);
    },
  };
}
