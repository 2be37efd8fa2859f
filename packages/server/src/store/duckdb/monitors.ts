/**
 * Monitors and their metric series.
 *
 * Points are written through the appender into a temporary table, then upserted by one `INSERT … SELECT … ON
 * CONFLICT`: DuckDB plans a multi-row `VALUES` upsert slowly (about 0.5 ms per point, parameters bound or inlined),
 * while the appender and one set-based upsert take microseconds per point. Series are read column by column:
 * converting a result to row objects costs more than the query itself once a series holds thousands of points (a
 * year of hourly windows). Both measured with `npm run bench -- server-series`.
 */
import { BIGINT, DOUBLE, VARCHAR } from '@duckdb/node-api';
import { MONITOR_COLUMNS, type MonitorMethods, POINT_COLUMNS } from '../sql/monitorColumns.js';
import type { MetricPoint, Monitor } from '../types.js';
import { appendRows } from './appendColumns.js';
import { type Db, exec, integer, literal, query, type Row } from './db.js';
import type { EncodedRows } from './encodeRows.js';
import { deleteMonitorsSql } from './models.js';
import { notFound } from './notFound.js';
import { jsonOrNull, parseJson, setList } from './values.js';

const STAGE = 'vigil_points';

/**
 * POINT_COLUMNS as read: times and ids as DOUBLE (exact below 2^53, as every stored value is), so they arrive as
 * numbers instead of BigInts; a feature or metric the query fixes is not read at all (NULL), as each text read
 * costs a conversion.
 */
export function readPointColumns(fixed: { feature?: string; metric?: string } = {}, details = true): string {
  const feature = fixed.feature === undefined ? 'feature' : 'NULL';
  const metric = fixed.metric === undefined ? 'metric' : 'NULL';
  // NULL instead of details: the JSON texts are most of a long series' bytes, and their parse most of its time.
  return `model, monitor_id::DOUBLE, window_start::DOUBLE, window_end::DOUBLE, ${feature}, ${metric}, value, status, ${details ? 'details' : 'NULL::VARCHAR'}, computed_at::DOUBLE`;
}

/** An integral time or id as a BIGINT (rounded, as DuckDB casts a bound fractional number). */
const bigint = (value: number): bigint => BigInt(Math.round(value));

/** Points as appender columns, in the order of POINT_COLUMNS. */
function encodePoints(points: readonly MetricPoint[]): EncodedRows {
  const n = points.length;
  const ints = (pick: (p: MetricPoint) => number) => {
    const values = new BigInt64Array(n);
    for (let i = 0; i < n; i++) values[i] = bigint(pick(points[i]));
    return { type: 'bigint' as const, values };
  };
  const texts = (pick: (p: MetricPoint) => string | null) => ({
    type: 'varchar' as const,
    values: points.map(pick),
  });
  // null and NaN are both stored as NULL (the appender writes NaN as NULL).
  const value = Float64Array.from(points, (p) => p.value ?? Number.NaN);
  return {
    types: [VARCHAR, BIGINT, BIGINT, BIGINT, VARCHAR, VARCHAR, DOUBLE, VARCHAR, VARCHAR, BIGINT],
    columns: [
      texts((p) => p.model),
      ints((p) => p.monitorId),
      ints((p) => p.windowStart),
      ints((p) => p.windowEnd),
      texts((p) => p.feature),
      texts((p) => p.metric),
      { type: 'double', values: value },
      texts((p) => p.status),
      texts((p) => jsonOrNull(p.details)),
      ints((p) => p.computedAt),
    ],
    rows: n,
  };
}

/** The points of a query selecting `readPointColumns(fixed)`, converted column by column. */
export async function readPoints(
  db: Db,
  sql: string,
  params?: string[],
  fixed: { feature?: string; metric?: string } = {},
): Promise<MetricPoint[]> {
  const reader = await db.read((conn) => conn.runAndReadAll(sql, params));
  const [model, monitorId, windowStart, windowEnd, feature, metric, value, status, details, computedAt] =
    reader.getColumnsJS() as [
      string[],
      number[],
      number[],
      number[],
      string[],
      string[],
      (number | null)[],
      MetricPoint['status'][],
      (string | null)[],
      number[],
    ];
  const points = new Array<MetricPoint>(reader.currentRowCount);
  for (let i = 0; i < points.length; i++) {
    const point: MetricPoint = {
      model: model[i],
      monitorId: monitorId[i],
      windowStart: windowStart[i],
      windowEnd: windowEnd[i],
      feature: fixed.feature ?? feature[i],
      metric: fixed.metric ?? metric[i],
      value: value[i],
      status: status[i],
      computedAt: computedAt[i],
    };
    const text = details[i];
    if (text !== null) point.details = JSON.parse(text) as MetricPoint['details'];
    points[i] = point;
  }
  return points;
}

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
      const encoded = encodePoints([...byKey.values()]);
      await db.write(async (conn) => {
        await exec(conn, `CREATE TEMP TABLE ${STAGE} AS SELECT ${POINT_COLUMNS} FROM metric_points LIMIT 0`);
        await appendRows(conn, STAGE, encoded, true);
        await exec(
          conn,
          `INSERT INTO metric_points (${POINT_COLUMNS}) SELECT ${POINT_COLUMNS} FROM temp.main.${STAGE}
           ON CONFLICT (monitor_id, window_start, feature, metric) DO UPDATE SET
             model = excluded.model, window_end = excluded.window_end, value = excluded.value,
             status = excluded.status, details = excluded.details, computed_at = excluded.computed_at;
           DROP TABLE temp.main.${STAGE}`,
        );
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
      const fixed = { feature: q.feature, metric: q.metric };
      return readPoints(
        db,
        `SELECT ${readPointColumns(fixed, q.details !== false)} FROM metric_points WHERE ${where.join(' AND ')}
         ORDER BY window_start, feature, metric${q.limit === undefined ? '' : ` LIMIT ${integer(q.limit)}`}`,
        params.length === 0 ? undefined : params,
        fixed,
      );
    },

    async latestPoints(model) {
      return readPoints(
        db,
        `SELECT ${readPointColumns()} FROM metric_points${model === undefined ? '' : ` WHERE model = ${literal(model)}`}
         QUALIFY row_number() OVER (PARTITION BY monitor_id, feature, metric ORDER BY window_start DESC) = 1
         ORDER BY monitor_id, feature, metric`,
      );
    },
  };
}
