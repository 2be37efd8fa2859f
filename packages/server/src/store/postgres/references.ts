/** Reference data sets: one record and its rows, stored in one transaction. */
import { REFERENCE_COLUMNS, type ReferenceMethods } from '../sql/referenceColumns.js';
import type { Reference, ReferenceRow } from '../types.js';
import { opt, type Pool, type PoolClient, withTransaction } from './db.js';
import { notFound } from './notFound.js';
import { readColumns } from './readColumns.js';
import { finiteOrNull, scalarNumber, scalarText } from './scalar.js';

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
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await client.query(
      `INSERT INTO reference_rows
         (reference_id, row_no, features, prediction, prediction_num, score, probas, label, label_num)
       SELECT $1, r.row_no, r.features, r.prediction, r.prediction_num, r.score, r.probas, r.label, r.label_num
       FROM json_to_recordset($2::json) AS r(row_no integer, features jsonb, prediction text,
            prediction_num float8, score float8, probas jsonb, label text, label_num float8)`,
      [
        referenceId,
        JSON.stringify(
          chunk.map((row, i) => ({
            row_no: start + i,
            features: row.features,
            prediction: scalarText(row.prediction),
            prediction_num: scalarNumber(row.prediction),
            score: finiteOrNull(row.score),
            probas: row.probas,
            label: scalarText(row.label),
            label_num: scalarNumber(row.label),
          })),
        ),
      ],
    );
  }
}

export function referenceMethods(pool: Pool, now: () => number): ReferenceMethods {
  return {
    async createReference(reference, rows) {
      return withTransaction(pool, async (client) => {
        const result = await client.query(
          `INSERT INTO reference_sets (model, version, source, rows, schema, created_at)
           SELECT name, $2, $3, $4, $5, $6 FROM models WHERE name = $1
           RETURNING ${REFERENCE_COLUMNS}`,
          [
            reference.model,
            reference.version ?? null,
            reference.source,
            rows.length,
            JSON.stringify(reference.schema),
            now(),
          ],
        );
        if (result.rowCount === 0) {
          throw notFound('createReference', 'reference.model', 'an existing model', reference.model);
        }
        const created = toReference(result.rows[0]);
        await insertReferenceRows(client, created.id, rows);
        return created;
      });
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
      return readColumns(pool, spec, {
        kind: 'reference',
        from: 'reference_rows r',
        where: 'r.reference_id = $1',
        params: [referenceId],
        orderBy: 'r.row_no',
      });
    },
  };
}
