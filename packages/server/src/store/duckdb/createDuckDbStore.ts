/**
 * The embedded store: DuckDB in one file beside the server (or in memory), with its own DuckDB instance (not the
 * one @vigil/io loads files with). Writes are serialised on one connection; reads use a small pool of others.
 *
 * Durability: a write resolves after DuckDB committed it to its write-ahead log (written and fsynced), so a process
 * killed afterwards (even with SIGKILL) finds it on reopening; DuckDB checkpoints the log into the file by itself.
 * Predictions of a file store are the exception that keeps that promise another way: they resolve once synced to
 * the ingest journal beside the file (journal.ts, journaledWriter.ts) and are in DuckDB a moment later; reads wait
 * for them, and reopening stores whatever a killed process left in the journal.
 */
import { ErrorCodes, VigilError } from '@vigil/core';
import type { Store } from '../types.js';
import { alertMethods } from './alerts.js';
import { channelMethods } from './channels.js';
import { dashboardMethods } from './dashboard.js';
import { openDb } from './db.js';
import { ingestMethods } from './ingest.js';
import { predictionWriter } from './insertPredictions.js';
import { Journal } from './journal.js';
import { type JournaledWriter, journaledWriter } from './journaledWriter.js';
import { keyMethods } from './keys.js';
import { migrate } from './migrate.js';
import { modelMethods } from './models.js';
import { ModelCache } from './modelTables.js';
import { monitorMethods } from './monitors.js';
import { referenceMethods } from './references.js';
import { KnownWindows, windowMethods } from './windows.js';

export interface DuckDbStoreOptions {
  /** ':memory:' or a database file (its folder must exist; `openStore` creates it). */
  path: string;
  /** Clock of the records' `createdAt` / `updatedAt` (default Date.now). */
  now?: () => number;
  /** DuckDB worker threads (default: DuckDB's, the number of cores). */
  threads?: number;
  /**
   * Size of write-ahead log that makes DuckDB checkpoint it into the file (default '4MB'; DuckDB's own is 16MB).
   * A checkpoint holds up every commit while it compresses the row groups written since the last one, whole: about
   * 2–3 µs per 20-feature prediction plus ~25 ms, on this project's 2-core machine. Small checkpoints keep those
   * stalls short (see rowGroupSize); a larger threshold checkpoints less often and for longer, and makes reopening
   * after a crash replay more log.
   */
  checkpointThreshold?: string;
  /**
   * Rows per row group of the file (default 8192; DuckDB's own is 122 880). A checkpoint rewrites the last,
   * partly filled row group in full, so with DuckDB's size every checkpoint under steady ingestion costs up to a
   * whole row group (~0.3 s of stalled writes); with 8192 and 4MB checkpoints the stalls are ~50–100 ms. Reads of
   * a 1M-row window are as fast (measured by `npm run bench -- server-monitors`).
   */
  rowGroupSize?: number;
  /**
   * Most memory DuckDB may use for its cache of the file and for queries (default '1GiB'; DuckDB's own default is
   * 80 % of RAM). DuckDB keeps every block it writes and its primary-key index in memory while it can, ~170 bytes
   * per 20-feature prediction stored: without a bound a server's memory grows with its data. Blocks beyond the
   * bound are read back from the file when needed; larger queries spill to a temporary folder beside it.
   */
  memoryLimit?: string;
}

/**
 * Opens (creating when missing) a DuckDB store; run `migrate()` before the first use.
 *
 * @throws VigilError INVALID_ARGUMENT when the file cannot be opened (another process holds it, a folder is
 *   missing, it is not a DuckDB database), with DuckDB's reason.
 * @example
 * const store = await createDuckDbStore({ path: './vigil-data/vigil.duckdb' });
 * await store.migrate();
 */
export async function createDuckDbStore(options: DuckDbStoreOptions): Promise<Store> {
  const now = options.now ?? Date.now;
  let db: Awaited<ReturnType<typeof openDb>>;
  try {
    db = await openDb(options.path, {
      threads: options.threads,
      checkpointThreshold: options.checkpointThreshold ?? '4MB',
      rowGroupSize: options.rowGroupSize ?? 8192,
      memoryLimit: options.memoryLimit ?? (options.path === ':memory:' ? undefined : '1GiB'),
    });
  } catch (error) {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `createDuckDbStore: path must name a DuckDB database this process can open; got ${JSON.stringify(options.path)} (${(error as Error).message})`,
      { cause: error },
    );
  }
  const models = new ModelCache(db);
  const known = new KnownWindows();
  const direct = predictionWriter(db, models, known);
  let journaled: JournaledWriter | undefined;
  if (options.path !== ':memory:') {
    try {
      journaled = journaledWriter(db, models, direct, Journal.open(options.path));
    } catch (error) {
      await db.close();
      throw new VigilError(
        ErrorCodes.INVALID_ARGUMENT,
        `createDuckDbStore: the ingest journal beside ${JSON.stringify(options.path)} must be readable and writable (${(error as Error).message})`,
        { cause: error },
      );
    }
    db.setReadBarrier(journaled.barrier);
  }
  return {
    kind: 'duckdb',
    async migrate() {
      await migrate(db, now);
      await journaled?.replay();
    },
    async ping() {
      if (db.closed) return false;
      try {
        await db.all('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await journaled?.close();
      await db.close();
    },
    ...modelMethods(db, models, known, now),
    ...referenceMethods(db, models, now),
    ...ingestMethods(db, models, known, journaled?.insert ?? direct),
    ...windowMethods(db),
    ...monitorMethods(db, now),
    ...alertMethods(db),
    ...channelMethods(db, now),
    ...keyMethods(db, now),
    ...dashboardMethods(db, models),
  };
}
