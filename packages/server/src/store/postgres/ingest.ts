/**
 * The write path: predictions and labels, each call one statement (hence one transaction) that also marks the
 * windows the rows fall in as having new data. Window start = floor(ts / windowMs) * windowMs, computed in SQL as
 * `ts - mod(mod(ts, w) + w, w)` so timestamps before 1970 floor too.
 */
import type { LabelRow, Store, WindowRange } from '../types.js';
import type { Pool } from './db.js';
import { notFound } from './notFound.js';
import { readColumns } from './readColumns.js';
import { finiteOrNull, scalarNumber, scalarText } from './scalar.js';

/** Upserts the windows of the timestamps in CTE `source` (column `ts`), for the model row in CTE `m`. */
function markWindows(source: string): string {
  return `INSERT INTO window_state (model, window_start, window_ms, last_data_at)
    SELECT $1, ${source}.ts - ((${source}.ts % m.window_ms) + m.window_ms) % m.window_ms AS start, m.window_ms, $2
    FROM ${source}, m GROUP BY 2, 3 ORDER BY 2
    ON CONFLICT (model, window_start) DO UPDATE
      SET last_data_at = GREATEST(window_state.last_data_at, EXCLUDED.last_data_at),
          window_ms = EXCLUDED.window_ms`;
}

const INSERT_PREDICTIONS = `
WITH m AS (SELECT window_ms, active_version FROM models WHERE name = $1),
ins AS (
  INSERT INTO predictions
    (model, id, ts, version, features, prediction, prediction_num, score, probas, latency_ms, tags, received_at)
  SELECT $1, r.id, r.ts, COALESCE(r.version, m.active_version), r.features, r.prediction, r.prediction_num,
         r.score, r.probas, r.latency_ms, r.tags, $2
  FROM m, json_to_recordset($3::json)
       AS r(id text, ts bigint, version text, features jsonb, prediction text, prediction_num float8,
            score float8, probas jsonb, latency_ms float8, tags jsonb)
  -- Inserting in id order makes concurrent batches with shared ids wait for each other instead of deadlocking.
  ORDER BY r.id
  ON CONFLICT (model, id) DO NOTHING
  RETURNING ts
),
w AS (${markWindows('ins')})
SELECT (SELECT count(*) FROM m) AS models, (SELECT count(*) FROM ins) AS inserted`;

const INSERT_LABELS = `
WITH m AS (SELECT window_ms FROM models WHERE name = $1),
l AS (
  INSERT INTO labels (model, id, label, label_num, received_at)
  SELECT $1, r.id, r.label, r.label_num, $2
  FROM m, unnest($3::text[], $4::text[], $5::float8[]) AS r(id, label, label_num)
  ORDER BY r.id
  ON CONFLICT (model, id) DO UPDATE
    SET label = EXCLUDED.label, label_num = EXCLUDED.label_num, received_at = EXCLUDED.received_at
  RETURNING id
),
p AS (SELECT p.ts FROM predictions p JOIN l ON p.model = $1 AND p.id = l.id),
w AS (${markWindows('p')})
SELECT (SELECT count(*) FROM m) AS models, (SELECT count(*) FROM l) AS stored, (SELECT count(*) FROM p) AS matched`;

/** The predictions of `model` in a range: the WHERE clause on alias `r` and its parameters. */
function rangeFilter(model: string, range?: WindowRange): { where: string; params: unknown[] } {
  if (range === undefined) return { where: 'r.model = $1', params: [model] };
  return {
    where: 'r.model = $1 AND r.ts >= $2 AND r.ts < $3 AND ($4::text IS NULL OR r.version = $4)',
    params: [model, Math.ceil(range.from), Math.ceil(range.to), range.version ?? null],
  };
}

type IngestMethods = Pick<Store, 'insertPredictions' | 'insertLabels' | 'readRows' | 'countPredictions'>;

export function ingestMethods(pool: Pool): IngestMethods {
  return {
    async insertPredictions(model, rows, receivedAt) {
      // One JSON document for the batch: the server parses it once, and the client escapes nothing per row (a
      // text[] of JSON strings would be escaped twice). Absent fields (undefined) read as NULL.
      const batch = rows.map((row) => ({
        id: row.id,
        ts: Math.floor(row.timestamp),
        version: row.version,
        features: row.features,
        prediction: scalarText(row.prediction),
        prediction_num: scalarNumber(row.prediction),
        score: finiteOrNull(row.score),
        probas: row.probas,
        latency_ms: finiteOrNull(row.latencyMs),
        tags: row.tags,
      }));
      const result = await pool.query<{ models: number; inserted: number }>(INSERT_PREDICTIONS, [
        model,
        receivedAt,
        JSON.stringify(batch),
      ]);
      const { models, inserted } = result.rows[0];
      if (models === 0) throw notFound('insertPredictions', 'model', 'an existing model', model);
      return { inserted, duplicates: rows.length - inserted };
    },

    async insertLabels(model, labels, receivedAt) {
      // One row per id (the last label given wins): an upsert may not touch the same row twice.
      const byId = new Map<string, LabelRow>();
      for (const label of labels) {
        byId.delete(label.id);
        byId.set(label.id, label);
      }
      const unique = [...byId.values()];
      const result = await pool.query<{ models: number; stored: number; matched: number }>(INSERT_LABELS, [
        model,
        receivedAt,
        unique.map((label) => label.id),
        unique.map((label) => scalarText(label.label)),
        unique.map((label) => scalarNumber(label.label)),
      ]);
      const { models, stored, matched } = result.rows[0];
      if (models === 0) throw notFound('insertLabels', 'model', 'an existing model', model);
      return { stored, matched };
    },

    async readRows(model, range, spec) {
      const filter = rangeFilter(model, range);
      return readColumns(pool, spec, {
        kind: 'predictions',
        from: 'predictions r LEFT JOIN labels l ON l.model = r.model AND l.id = r.id',
        where: filter.where,
        params: filter.params,
        orderBy: 'r.ts, r.id',
      });
    },

    async countPredictions(model, range) {
      const filter = rangeFilter(model, range);
      const result = await pool.query<{ n: number }>(
        `SELECT count(*) AS n FROM predictions r WHERE ${filter.where}`,
        filter.params,
      );
      return result.rows[0].n;
    },
  };
}
