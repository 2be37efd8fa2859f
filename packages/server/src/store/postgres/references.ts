/**
 * Reference data sets: one record and its rows, stored in one transaction; feature values and probas in the
 * model's layout (featureLayout.ts), shared with its predictions.
 */
import { REFERENCE_COLUMNS, type ReferenceMethods } from '../sql/referenceColumns.js';
import type { Reference, ReferenceRow } from '../types.js';
import { opt, type Pool, type PoolClient, withTransaction } from './db.js';
import { type LayoutCache, layoutChanged, layoutCheck, MAX_ATTEMPTS } from './featureLayout.js';
import { notFound } from './notFound.js';
import { readColumns } from './readColumns.js';
import { finiteOrNull, scalarNumber, scalarText } from './scalar.js';
import { type EncodedValues, ValueEncoder } from './valueEncoder.js';

/** Rows per INSERT statement: large enough to amortise round trips, small enough to keep parameters modest. */
const CHUNK = 5_000;

function toReference(row: {
  id: number;
  model: string;
  version: string | null;
  source: string;
  rows: number;
  schema: Reference['schema'];
  created_at: number;
}): Reference {
  return {
    id: row.id,
    model: row.model,
    version: opt(row.version),
    source: row.source,
    rows: row.rows,
    schema: row.schema,
    createdAt: row.created_at,
  };
}

async function insertReferenceRows(
  client: PoolClient,
  referenceId: number,
  rows: readonly ReferenceRow[],
  values: readonly EncodedValues[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await client.query(
      `INSERT INTO reference_rows
         (reference_id, row_no, num, txt, prediction, prediction_num, score, label, label_num)
       SELECT $1, r.row_no, r.num, r.txt, r.prediction, r.prediction_num, r.score, r.label, r.label_num
       FROM json_to_recordset($2::json) AS r(row_no integer, num float8[], txt text[], prediction text,
            prediction_num float8, score float8, label text, label_num float8)`,
      [
        referenceId,
        JSON.stringify(
          chunk.map((row, i) => ({
            row_no: start + i,
            num: values[start + i].num,
            txt: values[start + i].txt,
            prediction: scalarText(row.prediction),
            prediction_num: scalarNumber(row.prediction),
            score: finiteOrNull(row.score),
            label: scalarText(row.label),
            label_num: scalarNumber(row.label),
          })),
        ),
      ],
    );
  }
}

export function referenceMethods(pool: Pool, now: () => number, layouts: LayoutCache): ReferenceMethods {
  return {
    async createReference(reference, rows) {
      const missingModel = () => {
        layouts.forget(reference.model);
        return notFound('createReference', 'reference.model', 'an existing model', reference.model);
      };
      for (let attempt = 1; ; attempt++) {
        let encoder = new ValueEncoder(await layouts.get(reference.model));
        let values = rows.map((row) => encoder.encodeRow(row.features, row.probas));
        if (encoder.missing.length > 0) {
          const layout = await layouts.add(reference.model, encoder.missing);
          if (layout === undefined) throw missingModel();
          encoder = new ValueEncoder(layout);
          values = rows.map((row) => encoder.encodeRow(row.features, row.probas));
        }
        const created = await withTransaction(pool, async (client) => {
          // The lock keeps the model (and so its layout) from being deleted until the rows are in.
          const model = await client.query('SELECT 1 FROM models WHERE name = $1 FOR KEY SHARE', [
            reference.model,
          ]);
          if (model.rowCount === 0) throw missingModel();
          const check = await client.query<{ ok: boolean }>(layoutCheck('$1', 2), [
            reference.model,
            ...encoder.usedSlots(),
          ]);
          if (!check.rows[0].ok) return undefined;
          const result = await client.query(
            `INSERT INTO reference_sets (model, version, source, rows, schema, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${REFERENCE_COLUMNS}`,
            [
              reference.model,
              reference.version ?? null,
              reference.source,
              rows.length,
              JSON.stringify(reference.schema),
              now(),
            ],
          );
          const record = toReference(result.rows[0]);
          await insertReferenceRows(client, record.id, rows, values);
          return record;
        });
        if (created !== undefined) return created;
        // Another server deleted the model and created it again since its layout was cached: encode again.
        layouts.forget(reference.model);
        if (attempt === MAX_ATTEMPTS) throw layoutChanged('createReference', reference.model);
      }
    },

    async latestReference(model, version) {
      const result = await pool.query(
        `SELECT ${REFERENCE_COLUMNS} FROM reference_sets
         WHERE model = $1 AND ($2::text IS NULL OR version = $2)
         ORDER BY created_at DESC, id DESC LIMIT 1`,
        [model, version ?? null],
      );
      return result.rows.length === 0 ? undefined : toReference(result.rows[0]);
    },

    async listReferences(model) {
      const result = await pool.query(
        `SELECT ${REFERENCE_COLUMNS} FROM reference_sets WHERE model = $1 ORDER BY created_at, id`,
        [model],
      );
      return result.rows.map(toReference);
    },

    async readReference(referenceId, spec) {
      return readColumns(pool, spec, { kind: 'reference', referenceId });
    },
  };
}
