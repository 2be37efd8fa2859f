/**
 * The store of the scheduler tests: a fresh, migrated in-memory DuckDB store (the embedded default).
 */
import { createDuckDbStore } from '../../src/store/duckdb/createDuckDbStore.js';
import type { Store } from '../../src/store/types.js';

export async function openTestStore(): Promise<Store> {
  const store = await createDuckDbStore({ path: ':memory:' });
  await store.migrate();
  return store;
}
