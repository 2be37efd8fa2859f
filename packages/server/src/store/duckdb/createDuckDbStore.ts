/**
 * The embedded store: DuckDB in one file beside the server (or in memory), with its own DuckDB instance (not the
 * one @vigil/io loads files with). Writes are serialised on one connection; reads use a small pool of others.
 *
 * Durability: a write resolves after DuckDB committed it to its write-ahead log (written and fsynced), so a process
 * killed afterwards (even with SIGKILL) finds it on reopening; DuckDB checkpoints the log into the file by itself.
 */
import { ErrorCodes, VigilError } from '@vigil/core';
import type { Store } from '../types.js';
import { alertMethods } from './alerts.js';
import { channelMethods } from './channels.js';
import { dashboardMethods } from './dashboard.js';
import { openDb } from './db.js';
import { ingestMethods } from './ingest.js';
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
   * Size of write-ahead log that makes DuckDB checkpoint it into the file (default DuckDB's, 16MB). A checkpoint
   * holds up writes while it compresses the rows appended since the last one (about 0.5–2 s per 16MB of log, i.e.
   * ~75k predictions of 20 features, on 2 busy cores); a larger threshold checkpoints less often and for longer,
   * and makes reopening after a crash replay more log.
   */
  checkpointThreshold?: string;
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
      checkpointThreshold: options.checkpointThreshold,
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
  return {
    kind: 'duckdb',
    async migrate() {
      await migrate(db, now);
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
      await db.close();
    },
    ...modelMethods(db, models, known, now),
    ...referenceMethods(db, models, now),
    ...ingestMethods(db, models, known),
    ...windowMethods(db),
    ...monitorMethods(db, now),
    ...alertMethods(db),
    ...channelMethods(db, now),
    ...keyMethods(db, now),
    ...dashboardMethods(db, models),
  };
}
