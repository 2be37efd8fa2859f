/**
 * Labels, and the reads of predictions: labels are one transaction per call on the writer connection that also
 * marks the windows of the predictions they match (insertPredictions.ts writes predictions).
 */
import { DOUBLE, VARCHAR } from '@duckdb/node-api';
import { emptyRows } from '../emptyRows.js';
import type { LabelRow, Store, WindowRange } from '../types.js';
import { appendRows } from './appendColumns.js';
import { type Db, exec, integer, query, rollback } from './db.js';
import type { EncodedRows } from './encodeRows.js';
import { labTable, type ModelCache, predTable } from './modelTables.js';
import { notFound } from './notFound.js';
import { readColumns } from './readColumns.js';
import { scalarNumber, scalarText } from './scalar.js';
import { type KnownWindows, markWindowsSql } from './windows.js';

const STAGE = 'vigil_labels';

/** The predictions of a model in a range: the WHERE clause on alias `r` (parameters inlined or bound). */
function rangeWhere(range: WindowRange | undefined): { where: string; params: string[] } {
  if (range === undefined) return { where: 'true', params: [] };
  const where = `r.ts >= ${integer(Math.ceil(range.from))} AND r.ts < ${integer(Math.ceil(range.to))}`;
  if (range.version === undefined) return { where, params: [] };
  return { where: `${where} AND r.version = $1`, params: [range.version] };
}

type IngestMethods = Pick<Store, 'insertPredictions' | 'insertLabels' | 'readRows' | 'countPredictions'>;

/**
 * `insertPredictions` is the group-commit writer (insertPredictions.ts), or the ingest journal a file store puts in
 * front of it (journaledWriter.ts).
 */
export function ingestMethods(
  db: Db,
  models: ModelCache,
  known: KnownWindows,
  insertPredictions: Store['insertPredictions'],
): IngestMethods {
  return {
    insertPredictions,

    insertLabels(model, labels, receivedAt) {
      return db.exclusive(async (conn) => {
        const info = await models.load(conn, model);
        if (info === undefined) throw notFound('insertLabels', 'model', 'an existing model', model);
        // One row per id, the last label given winning: an upsert may not touch the same row twice.
        const byId = new Map<string, LabelRow>();
        for (const label of labels) {
          byId.delete(label.id);
          byId.set(label.id, label);
        }
        const unique = [...byId.values()];
        if (unique.length === 0) return { stored: 0, matched: 0 };
        const encoded: EncodedRows = {
          types: [VARCHAR, VARCHAR, DOUBLE],
          columns: [
            { type: 'varchar', values: unique.map((label) => label.id) },
            { type: 'varchar', values: unique.map((label) => scalarText(label.label)) },
            { type: 'double', values: Float64Array.from(unique, (label) => scalarNumber(label.label)) },
          ],
          rows: unique.length,
        };
        const w = integer(info.windowMs);
        let matched = 0;
        await conn.run('BEGIN TRANSACTION');
        try {
          await exec(conn, `CREATE TEMP TABLE ${STAGE} (id VARCHAR, label_text VARCHAR, label_num DOUBLE)`);
          await appendRows(conn, STAGE, encoded, true);
          await exec(
            conn,
            `INSERT INTO ${labTable(info)} SELECT id, label_text, label_num, ${integer(receivedAt)}
             FROM temp.main.${STAGE}
             ON CONFLICT (id) DO UPDATE SET label_text = excluded.label_text, label_num = excluded.label_num,
               received_at = excluded.received_at`,
          );
          const windows = await query(
            conn,
            `SELECT p.ts - (((p.ts % ${w}) + ${w}) % ${w}) AS start, count(*) AS n
             FROM ${predTable(info)} p SEMI JOIN temp.main.${STAGE} s ON p.id = s.id GROUP BY start`,
          );
          await exec(conn, `DROP TABLE temp.main.${STAGE}`);
          for (const row of windows) matched += row.n as number;
          const arrivals = new Map(windows.map((row) => [row.start as number, receivedAt]));
          const { sql, fresh } = markWindowsSql(known, info.name, info.windowMs, arrivals);
          await exec(conn, [...sql, 'COMMIT'].join(';\n'));
          known.add(info.name, fresh);
        } catch (error) {
          await rollback(conn);
          throw error;
        }
        return { stored: unique.length, matched };
      });
    },

    async readRows(model, range, spec) {
      const info = await models.get(model);
      if (info === undefined) return emptyRows(spec);
      const { where, params } = rangeWhere(range);
      return db.read((conn) =>
        readColumns(conn, spec, {
          table: `${predTable(info)} r`,
          labels: labTable(info),
          where,
          orderBy: 'r.ts, r.id',
          params,
          layout: info.pred,
        }),
      );
    },

    async countPredictions(model, range) {
      const info = await models.get(model);
      if (info === undefined) return 0;
      const { where, params } = rangeWhere(range);
      const [row] = await db.all(`SELECT count(*) AS n FROM ${predTable(info)} r WHERE ${where}`, params);
      return row.n as number;
    },
  };
}
