/**
 * Opens the store named by a `--store` spec: `duckdb:PATH` (PATH a file, its folder created when missing, or
 * ':memory:') or a PostgreSQL URL (`postgres://…`, `postgresql://…`), and by default runs its migrations.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ErrorCodes, VigilError } from '@vigil/core';
import { createDuckDbStore } from './duckdb/createDuckDbStore.js';
import type { Store } from './types.js';

export interface OpenStoreOptions {
  /** Run the pending migrations before returning (default true). */
  migrate?: boolean;
  /** Clock of the records' `createdAt` / `updatedAt` (default Date.now). */
  now?: () => number;
}

/**
 * Opens the store `spec` names.
 *
 * @throws VigilError INVALID_ARGUMENT when the spec is neither `duckdb:PATH` nor a PostgreSQL URL, or the store
 *   cannot be opened (the message says why).
 * @example
 * const store = await openStore('duckdb:./vigil-data/vigil.duckdb');
 * const pg = await openStore('postgres://postgres@127.0.0.1:5432/vigil');
 */
export async function openStore(spec: string, options: OpenStoreOptions = {}): Promise<Store> {
  let store: Store;
  if (spec.startsWith('duckdb:')) {
    const path = spec.slice('duckdb:'.length);
    if (path === '') {
      throw new VigilError(
        ErrorCodes.INVALID_ARGUMENT,
        `openStore: spec must name a file after "duckdb:" (or :memory:); got ${JSON.stringify(spec)}`,
      );
    }
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    store = await createDuckDbStore({ path, now: options.now });
  } else if (/^postgres(ql)?:\/\//.test(spec)) {
    // Loaded on demand: a DuckDB installation never loads the PostgreSQL driver.
    const { createPostgresStore } = await import('./postgres/createPostgresStore.js');
    store = await createPostgresStore({ url: spec, now: options.now });
  } else {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `openStore: spec must be "duckdb:PATH" or a postgres:// URL; got ${JSON.stringify(spec)}`,
    );
  }
  if (options.migrate !== false) {
    try {
      await store.migrate();
    } catch (error) {
      await store.close().catch(() => undefined);
      throw error;
    }
  }
  return store;
}
