/**
 * The write path: predictions and labels, each call one statement (hence one transaction) that also marks the
 * windows the rows fall in as having new data. Window start = floor(ts / windowMs) * windowMs, computed in SQL as
 * `ts - mod(mod(ts, w) + w, w)` so timestamps before 1970 floor too. Feature values and probas are stored in the
 * model's layout (featureLayout.ts); a batch bringing keys the layout lacks first gives them slots, in a short
 * transaction of its own.
 */
import { isPredictionColumns, predictionColumns } from '../predictionColumns.js';
import type { LabelRow, Store, WindowRange } from '../types.js';
import type { Pool } from './db.js';
import { type LayoutCache, layoutChanged, layoutCheck, MAX_ATTEMPTS } from './featureLayout.js';
import { notFound } from './notFound.js';
import { readColumns } from './readColumns.js';
import { finiteOrNull, scalarNumber, scalarText } from './scalar.js';
import { ValueEncoder } from './valueEncoder.js';

/** Upserts the windows of the timestamps in CTE `source` (column `ts`), for the model row in CTE `m`. */
function markWindows(source: string): string {
  return `INSERT INTO window_state (model, window_start, window_ms, last_data_at)
    SELECT $1, ${source}.ts - ((${source}.ts % m.window_ms) + m.window_ms) % m.window_ms AS start, m.window_ms, $2
    FROM ${source}, m GROUP BY 2, 3 ORDER BY 2
    ON CONFLICT (model, window_start) DO UPDATE
      SET last_data_at = GREATEST(window_state.last_data_at, EXCLUDED.last_data_at),
          window_ms = EXCLUDED.window_ms`;
}

// Stores nothing when the slots the batch uses ($4-$6) are not the model's (see featureLayout.ts).
const INSERT_PREDICTIONS = `
WITH m AS (SELECT window_ms, active_version FROM models WHERE name = $1),
chk AS (${layoutCheck('$1', 4)}),
ins AS (
  INSERT INTO predictions
    (model, id, ts, version, prediction, prediction_num, score, latency_ms, num, txt, tags, received_at)
  SELECT $1, r.id, r.ts, COALESCE(r.version, m.active_version), r.prediction, r.prediction_num, r.score,
         r.latency_ms, r.num, r.txt, r.tags::jsonb, $2
  FROM m, chk, ROWS FROM (json_to_recordset($3::json)
         AS (id text, ts bigint, version text, prediction text, prediction_num float8, score float8,
             latency_ms float8, num float8[], txt text[], tags text)) WITH ORDINALITY
       AS r(id, ts, version, prediction, prediction_num, score, latency_ms, num, txt, tags, ord)
  WHERE chk.ok
  -- Inserting in id order makes concurrent batches with shared ids wait for each other instead of deadlocking;
  -- of rows sharing an id, the first given is the one stored.
  ORDER BY r.id, r.ord
  ON CONFLICT (model, id) DO NOTHING
  RETURNING ts
),
w AS (${markWindows('ins')})
SELECT (SELECT count(*) FROM m) AS models, (SELECT ok FROM chk) AS layout_ok, (SELECT count(*) FROM ins) AS inserted`;

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

export function ingestMethods(pool: Pool, layouts: LayoutCache): IngestMethods {
  return {
    async insertPredictions(model, predictions, receivedAt) {
      const columns = isPredictionColumns(predictions) ? predictions : predictionColumns(predictions);
      for (let attempt = 1; ; attempt++) {
        const sent = await layouts.inTurn(model, async () => {
          let encoder = new ValueEncoder(await layouts.get(model));
          let values = encoder.encodeColumns(columns);
          if (encoder.missing.length > 0) {
            const layout = await layouts.add(model, encoder.missing);
            if (layout === undefined)
              throw notFound('insertPredictions', 'model', 'an existing model', model);
            encoder = new ValueEncoder(layout);
            values = encoder.encodeColumns(columns);
          }
          // One JSON document for the batch: the server parses it once, and the client escapes nothing per row (a
          // text[] of JSON strings would be escaped twice). Absent fields (undefined) read as NULL.
          const batch = values.map(({ num, txt }, i) => ({
            id: columns.ids[i],
            ts: Math.floor(columns.timestamps[i]),
            version: columns.versions[i],
            prediction: scalarText(columns.predictions[i]),
            prediction_num: scalarNumber(columns.predictions[i]),
            score: finiteOrNull(columns.scores[i]),
            latency_ms: finiteOrNull(columns.latencies[i]),
            num,
            txt,
            tags: columns.tags[i],
          }));
          // Sent now, awaited outside the turn.
          const query = pool.query<{ models: number; layout_ok: boolean; inserted: number }>(
            INSERT_PREDICTIONS,
            [model, receivedAt, JSON.stringify(batch), ...encoder.usedSlots()],
          );
          return { query };
        });
        const result = await sent.query;
        const { models, layout_ok, inserted } = result.rows[0];
        if (models === 0) {
          layouts.forget(model);
          throw notFound('insertPredictions', 'model', 'an existing model', model);
        }
        if (layout_ok) return { inserted, duplicates: columns.n - inserted };
        // Another server deleted the model and created it again since its layout was cached: encode again.
        layouts.forget(model);
        if (attempt === MAX_ATTEMPTS) throw layoutChanged('insertPredictions', model);
      }
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
      return readColumns(pool, spec, { kind: 'predictions', model, range });
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
