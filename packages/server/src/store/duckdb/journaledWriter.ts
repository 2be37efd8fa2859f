/**
 * `insertPredictions` of a DuckDB file store: a batch is acknowledged once it is synced to the ingest journal
 * (journal.ts), and stored in DuckDB right after by the group-commit writer (insertPredictions.ts). DuckDB holds
 * up every commit while it checkpoints (50–300 ms); the journal lets answers go out meanwhile.
 *
 * The answer still counts duplicates exactly. Each model's stored ids are kept in an {@link IdIndex}: a batch none
 * of whose ids may be stored is journaled and answered at once; a batch with an id that may be stored (a client
 * retrying, or a hash collision) waits until everything before it is in DuckDB and is written the direct way, which
 * asks DuckDB. Reads wait (through {@link JournaledWriter.barrier}) until every batch acknowledged before them is in
 * DuckDB, so an answered batch is visible to the next read as before. Batches waiting for DuckDB are bounded by
 * rows; beyond the bound an answer waits for room.
 *
 * A batch DuckDB fails to store after it was answered stays in the journal and is stored on the next start.
 */
import { isPredictionColumns, predictionColumns } from '../predictionColumns.js';
import type { PredictionColumns, Store } from '../types.js';
import type { Db } from './db.js';
import { IdIndex } from './idIndex.js';
import type { Journal } from './journal.js';
import { type ModelCache, predTable } from './modelTables.js';
import { notFound } from './notFound.js';
import { forEachStrings } from './readColumns.js';

/** Rows answered but not yet in DuckDB, at most (one group of the writer). */
const MAX_PENDING_ROWS = 20_000;

/** A model's stored ids, and whether they have all been read from DuckDB yet. */
interface ModelIds {
  index: IdIndex;
  ready: boolean;
}

/** What the journal holds for one batch. */
interface JournalRecord {
  model: string;
  /** The model's table when answered: a record of a model deleted (and maybe re-created) since is dropped. */
  tableNo: number;
  receivedAt: number;
  columns: PredictionColumns;
}

/** Largest |timestamp| a BIGINT column holds as whole ms, rounded down to a double. */
const MAX_MILLIS = 9.2e18;

/**
 * False when a row could not be stored (no string id, a timestamp that is not a finite number of ms in range):
 * such a batch goes the direct way, to be refused by DuckDB as before, not answered first.
 */
function storable(columns: PredictionColumns, receivedAt: number): boolean {
  if (!(Math.abs(receivedAt) < MAX_MILLIS)) return false;
  for (let i = 0; i < columns.n; i++) {
    if (typeof columns.ids[i] !== 'string' || !(Math.abs(columns.timestamps[i]) < MAX_MILLIS)) return false;
  }
  return true;
}

export interface JournaledWriter {
  insert: Store['insertPredictions'];
  /** Resolves once every batch answered before the call is in DuckDB; undefined when none is waiting. */
  barrier(): Promise<void> | undefined;
  /** Stores the records an earlier process left in the journal (after migrations, before any other write). */
  replay(): Promise<void>;
  /** Waits for the answered batches to be in DuckDB, then closes the journal. */
  close(): Promise<void>;
}

interface Opened {
  journal: Journal;
  records: unknown[];
  discardOld: () => void;
}

export function journaledWriter(
  db: Db,
  models: ModelCache,
  write: Store['insertPredictions'],
  { journal, records, discardOld }: Opened,
): JournaledWriter {
  /** Batches answered (or being written the direct way) and not yet in DuckDB; each promise never rejects. */
  const pending = new Map<Promise<void>, number>();
  let pendingRows = 0;
  const indexes = new Map<number, ModelIds>();
  let closed = false;

  /**
   * The ids stored for table `tableNo`: read from DuckDB on a reader connection the first time (10M ids take ~7 s),
   * so neither requests nor other writes wait for it. Until it is read, batches go the direct way and add their ids
   * themselves: a row stored after the read's snapshot is in the index either way.
   */
  function idsOf(tableNo: number, table: string): ModelIds {
    let ids = indexes.get(tableNo);
    if (ids === undefined) {
      const loading: ModelIds = { index: new IdIndex(), ready: false };
      ids = loading;
      indexes.set(tableNo, loading);
      db.read((conn) =>
        forEachStrings(conn, `SELECT id FROM ${table}`, (values, rows) => {
          for (let i = 0; i < rows; i++) loading.index.add(values[i] as string);
        }),
      ).then(
        () => {
          loading.ready = true;
        },
        () => {
          // Read again at the next batch (the store closing, or the model deleted meanwhile).
          if (indexes.get(tableNo) === loading) indexes.delete(tableNo);
        },
      );
    }
    return ids;
  }

  /** Registers work not yet in DuckDB; returns the function that marks it done. */
  function track(rows: number): () => void {
    let done!: () => void;
    const promise = new Promise<void>((resolve) => {
      done = resolve;
    });
    pending.set(promise, rows);
    pendingRows += rows;
    return () => {
      if (!pending.delete(promise)) return;
      pendingRows -= rows;
      done();
    };
  }

  function barrier(): Promise<void> | undefined {
    if (pending.size === 0) return undefined;
    return Promise.all(pending.keys()).then(() => undefined);
  }

  /** Stores an answered record; releases it from the journal once stored, or when its model is gone. */
  async function apply(record: JournalRecord): Promise<boolean> {
    try {
      await write(record.model, record.columns, record.receivedAt);
      return true;
    } catch (error) {
      const info = await models.get(record.model).catch(() => undefined);
      if (info?.tableNo !== record.tableNo) return true;
      process.emitWarning(
        `duckdb store: ${record.columns.n} predictions of model ${JSON.stringify(record.model)} answered but not yet stored (${(error as Error).message}); they stay in the ingest journal and are stored at the next start`,
      );
      return false;
    }
  }

  async function insertBatch(
    model: string,
    batch: Parameters<Store['insertPredictions']>[1],
    receivedAt: number,
  ) {
    if (closed) throw notFound('insertPredictions', 'store', 'open', 'closed');
    const columns = isPredictionColumns(batch) ? batch : predictionColumns(batch);
    const info = await models.get(model);
    if (info === undefined) throw notFound('insertPredictions', 'model', 'an existing model', model);
    const ids = idsOf(info.tableNo, predTable(info));
    while (pendingRows > 0 && pendingRows + columns.n > MAX_PENDING_ROWS) {
      await Promise.race(pending.keys());
    }
    // From here to the journal append, nothing awaits: the check and the additions to the index are one step.
    const unique = new Set(columns.ids);
    const valid = storable(columns, receivedAt);
    let direct = !valid || !ids.ready;
    if (valid) {
      for (const id of unique) {
        if (!direct && ids.index.has(id)) direct = true;
        ids.index.add(id);
      }
    }
    const done = track(columns.n);
    if (direct) {
      // DuckDB's answer (a duplicate count, or the error of a row it cannot store), after every batch answered
      // before this one is there.
      try {
        const others = [...pending.keys()].slice(0, -1);
        await Promise.all(others);
        return await write(model, columns, receivedAt);
      } finally {
        done();
      }
    }
    const record: JournalRecord = { model, tableNo: info.tableNo, receivedAt, columns };
    let ticket: Awaited<ReturnType<Journal['append']>>;
    try {
      ticket = await journal.append(record);
    } catch (error) {
      done();
      throw error;
    }
    void apply(record).then((stored) => {
      if (stored) journal.release(ticket);
      done();
    });
    return { inserted: unique.size, duplicates: columns.n - unique.size };
  }

  /** Calls begun and not yet answered: close() waits for them. */
  const calls = new Set<Promise<unknown>>();

  const insert: Store['insertPredictions'] = (model, batch, receivedAt) => {
    const call = insertBatch(model, batch, receivedAt);
    const settled = call.catch(() => undefined);
    calls.add(settled);
    void settled.then(() => calls.delete(settled));
    return call;
  };

  return {
    insert,
    barrier,
    async replay() {
      const results = await Promise.all(
        (records as JournalRecord[]).map(async (record) => {
          const info = await models.get(record.model);
          if (info?.tableNo !== record.tableNo) return true;
          return apply(record);
        }),
      );
      if (results.every(Boolean)) discardOld();
    },
    async close() {
      closed = true;
      await Promise.all(calls);
      await Promise.all(pending.keys());
      await journal.close();
    },
  };
}
