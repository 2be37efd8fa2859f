/**
 * The prediction write path, with group commit.
 *
 * Predictions go straight into `pred_<n>` through the appender (appendColumns.ts); the primary key on id refuses a
 * batch holding an id stored before, and then the batch is inserted again through a staging table with
 * `ON CONFLICT DO NOTHING`, which skips and counts the duplicates. (Checking every row for a conflict costs DuckDB
 * several times more than appending, and duplicates are rare: a client retrying a batch.)
 *
 * Group commit: calls arriving while the writer is busy wait together and are then written in one transaction per
 * model (DuckDB's cost per append and per commit is mostly fixed: one transaction of 4 × 500 rows costs about 40%
 * of four). Each call still gets its own result, counted as if the calls had run one after another in arrival
 * order, and resolves only once that transaction has committed. When the shared transaction fails, every call of
 * the group is retried alone, so a call with a bad row fails by itself and stores nothing.
 *
 * A file store puts the ingest journal in front of this writer (journaledWriter.ts): batches are answered from the
 * journal and written here right after.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { isPredictionColumns, predictionColumns } from '../predictionColumns.js';
import type { InsertResult, PredictionColumns, Store } from '../types.js';
import { appendRows } from './appendColumns.js';
import { type Db, exec, query, rollback } from './db.js';
import { type EncodedRows, encodePredictions, type PredictionPart } from './encodeRows.js';
import { LayoutDraft, type ModelCache, type ModelInfo, predTable } from './modelTables.js';
import { notFound } from './notFound.js';
import { addArrival, type KnownWindows, markWindowsSql } from './windows.js';

/** Rows written in one group transaction at most (a call is never split). */
const GROUP_ROWS = 20_000;
const STAGE = 'vigil_stage';

interface Call {
  model: string;
  columns: PredictionColumns;
  receivedAt: number;
  resolve: (result: InsertResult) => void;
  reject: (error: unknown) => void;
}

/** DuckDB's message for a primary-key conflict ("PRIMARY KEY or UNIQUE constraint violation: duplicate key …"). */
function isDuplicateKey(error: unknown): boolean {
  return error instanceof Error && /duplicate key/i.test(error.message);
}

/** Inserts through a staging table, skipping ids stored before; returns the ids inserted. */
async function insertSkippingDuplicates(
  conn: DuckDBConnection,
  table: string,
  encoded: EncodedRows,
): Promise<Set<string>> {
  await exec(conn, `CREATE TEMP TABLE ${STAGE} AS SELECT * FROM ${table} LIMIT 0`);
  await appendRows(conn, STAGE, encoded, true);
  const inserted = await query(
    conn,
    `INSERT INTO ${table} SELECT * FROM temp.main.${STAGE} ON CONFLICT DO NOTHING RETURNING id`,
  );
  await exec(conn, `DROP TABLE temp.main.${STAGE}`);
  return new Set(inserted.map((row) => row.id as string));
}

/** The rows of each call to write: ids seen in an earlier call of the group (or earlier in the call) left out. */
function partsOf(
  calls: readonly Pick<Call, 'columns' | 'receivedAt'>[],
  results: InsertResult[],
): PredictionPart[] {
  const seen = new Set<string>();
  return calls.map((call, k) => {
    const { ids, n } = call.columns;
    let keep: number[] | undefined;
    for (let i = 0; i < n; i++) {
      if (seen.has(ids[i])) {
        results[k].duplicates++;
        keep ??= Array.from({ length: i }, (_, r) => r);
        continue;
      }
      seen.add(ids[i]);
      keep?.push(i);
    }
    return keep === undefined ? { columns: call.columns, receivedAt: call.receivedAt } : { ...call, keep };
  });
}

/**
 * Writes the calls of one model in one transaction; returns their results in order, or throws (rolled back, and
 * nothing of the cache changed).
 */
async function writeCalls(
  conn: DuckDBConnection,
  info: ModelInfo,
  known: KnownWindows,
  calls: readonly Pick<Call, 'columns' | 'receivedAt'>[],
): Promise<InsertResult[]> {
  const results = calls.map(() => ({ inserted: 0, duplicates: 0 }));
  const parts = partsOf(calls, results);
  const draft = new LayoutDraft(info.pred);
  // Encoding throws on a row that cannot be stored (a timestamp that is not a number) before anything is written.
  const encoded = encodePredictions(parts, draft, info.activeVersion);
  if (encoded.rows === 0) return results;
  const table = predTable(info);
  let stored: Set<string> | undefined;
  await conn.run('BEGIN TRANSACTION');
  try {
    await draft.create(conn, info.name, 'p', table);
    try {
      await appendRows(conn, table, encoded);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await rollback(conn);
      await conn.run('BEGIN TRANSACTION');
      await draft.create(conn, info.name, 'p', table);
      stored = await insertSkippingDuplicates(conn, table, encoded);
    }
    const arrivals = new Map<number, number>();
    forEachKept(parts, (part, i) => {
      if (stored === undefined || stored.has(part.columns.ids[i])) {
        addArrival(arrivals, Math.floor(part.columns.timestamps[i]), info.windowMs, part.receivedAt);
      }
    });
    const { sql, fresh } = markWindowsSql(known, info.name, info.windowMs, arrivals);
    await exec(conn, [...sql, 'COMMIT'].join(';\n'));
    known.add(info.name, fresh);
  } catch (error) {
    await rollback(conn);
    throw error;
  }
  info.pred = draft.layout;
  parts.forEach((part, k) => {
    forEachKept([part], (_, i) => {
      if (stored === undefined || stored.has(part.columns.ids[i])) results[k].inserted++;
      else results[k].duplicates++;
    });
  });
  return results;
}

/** Calls `visit(part, i)` for every kept row i of every part, in order. */
function forEachKept(
  parts: readonly PredictionPart[],
  visit: (part: PredictionPart, i: number) => void,
): void {
  for (const part of parts) {
    if (part.keep === undefined) for (let i = 0; i < part.columns.n; i++) visit(part, i);
    else for (const i of part.keep) visit(part, i);
  }
}

/** `Store.insertPredictions`, writing the calls that queue up together in one transaction per model. */
export function predictionWriter(
  db: Db,
  models: ModelCache,
  known: KnownWindows,
): Store['insertPredictions'] {
  const pending: Call[] = [];
  let scheduled = false;

  /** Splits calls into groups of consecutive calls of up to GROUP_ROWS rows (a call is never split). */
  function groups(calls: Call[]): Call[][] {
    const out: Call[][] = [];
    let rows = Number.POSITIVE_INFINITY;
    for (const call of calls) {
      if (rows + call.columns.n > GROUP_ROWS) {
        out.push([]);
        rows = 0;
      }
      out[out.length - 1].push(call);
      rows += call.columns.n;
    }
    return out;
  }

  async function writeModel(conn: DuckDBConnection, model: string, calls: Call[]): Promise<void> {
    let info: ModelInfo | undefined;
    try {
      info = await models.load(conn, model);
    } catch (error) {
      for (const call of calls) call.reject(error);
      return;
    }
    if (info === undefined) {
      for (const call of calls)
        call.reject(notFound('insertPredictions', 'model', 'an existing model', model));
      return;
    }
    if (calls.length > 1) {
      try {
        const results = await writeCalls(conn, info, known, calls);
        for (let k = 0; k < calls.length; k++) calls[k].resolve(results[k]);
        return;
      } catch {
        // One call spoils the group: write each alone below, so only that one fails.
      }
    }
    for (const call of calls) {
      try {
        call.resolve((await writeCalls(conn, info, known, [call]))[0]);
      } catch (error) {
        call.reject(error);
      }
    }
  }

  function schedule(): void {
    scheduled = true;
    db.exclusive(async (conn) => {
      // Calls arriving from now on schedule the next turn; this one writes every call waiting now.
      scheduled = false;
      for (const group of groups(pending.splice(0))) {
        const byModel = new Map<string, Call[]>();
        for (const call of group) {
          const calls = byModel.get(call.model);
          if (calls === undefined) byModel.set(call.model, [call]);
          else calls.push(call);
        }
        for (const [model, calls] of byModel) {
          try {
            await writeModel(conn, model, calls);
          } catch (error) {
            // Not expected (writeModel settles its calls); a call settled twice keeps its first outcome.
            for (const call of calls) call.reject(error);
          }
        }
      }
    }).catch((error: unknown) => {
      // The store was closed before the group ran: nothing was written.
      scheduled = false;
      for (const call of pending.splice(0)) call.reject(error);
    });
  }

  return (model, batch, receivedAt) =>
    new Promise<InsertResult>((resolve, reject) => {
      const columns = isPredictionColumns(batch) ? batch : predictionColumns(batch);
      pending.push({ model, columns, receivedAt, resolve, reject });
      if (!scheduled) schedule();
    });
}
