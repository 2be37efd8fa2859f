/** Reference data sets: one record in `reference_sets` and its rows in the model's `ref_<n>`, in one transaction. */

import { emptyRows } from '../emptyRows.js';
import { REFERENCE_COLUMNS, type ReferenceMethods } from '../sql/referenceColumns.js';
import type { Reference } from '../types.js';
import { appendRows } from './appendColumns.js';
import { type Db, integer, query, type Row } from './db.js';
import { encodeReferenceRows } from './encodeRows.js';
import { LayoutDraft, type ModelCache, type ModelInfo, refTable } from './modelTables.js';
import { notFound } from './notFound.js';
import { readColumns } from './readColumns.js';
import { opt } from './values.js';

function toReference(row: Row): Reference {
  const reference: Reference = {
    id: row.id as number,
    model: row.model as string,
    source: row.source as string,
    rows: row.rows as number,
    schema: JSON.parse(row.schema as string) as Reference['schema'],
    createdAt: row.created_at as number,
  };
  const version = opt(row.version as string | null);
  if (version !== undefined) reference.version = version;
  return reference;
}

export function referenceMethods(db: Db, models: ModelCache, now: () => number): ReferenceMethods {
  return {
    async createReference(reference, rows) {
      let info: ModelInfo | undefined;
      let draft: LayoutDraft | undefined;
      const row = await db.write(
        async (conn) => {
          info = await models.load(conn, reference.model);
          if (info === undefined) {
            throw notFound('createReference', 'reference.model', 'an existing model', reference.model);
          }
          const [created] = await query(
            conn,
            `INSERT INTO reference_sets (${REFERENCE_COLUMNS})
             VALUES (nextval('reference_ids'), $1, $2, $3, $4, $5, $6) RETURNING ${REFERENCE_COLUMNS}`,
            [
              reference.model,
              reference.version ?? null,
              reference.source,
              rows.length,
              JSON.stringify(reference.schema),
              now(),
            ],
          );
          draft = new LayoutDraft(info.ref);
          const encoded = encodeReferenceRows(rows, draft, created.id as number);
          const table = refTable(info);
          await draft.create(conn, reference.model, 'r', table);
          if (encoded.rows > 0) await appendRows(conn, table, encoded);
          return created;
        },
        () => {
          if (info !== undefined && draft !== undefined) info.ref = draft.layout;
        },
      );
      return toReference(row);
    },

    async latestReference(model, version) {
      const rows = await db.all(
        `SELECT ${REFERENCE_COLUMNS} FROM reference_sets WHERE model = $1${version === undefined ? '' : ' AND version = $2'}
         ORDER BY created_at DESC, id DESC LIMIT 1`,
        version === undefined ? [model] : [model, version],
      );
      return rows.length === 0 ? undefined : toReference(rows[0]);
    },

    async listReferences(model) {
      const rows = await db.all(
        `SELECT ${REFERENCE_COLUMNS} FROM reference_sets WHERE model = $1 ORDER BY created_at, id`,
        [model],
      );
      return rows.map(toReference);
    },

    async readReference(referenceId, spec) {
      const rows = await db.all('SELECT model FROM reference_sets WHERE id = $1', [referenceId]);
      const info = rows.length === 0 ? undefined : await models.get(rows[0].model as string);
      if (info === undefined) return emptyRows(spec);
      return db.read((conn) =>
        readColumns(conn, spec, {
          table: `${refTable(info)} r`,
          where: `r.reference_id = ${integer(referenceId)}`,
          orderBy: 'r.row_no',
          params: [],
          layout: info.ref,
        }),
      );
    },
  };
}
