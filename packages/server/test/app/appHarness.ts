/**
 * Test harness of the app: a real store (embedded DuckDB in memory), an app built on it, one key per role, and
 * request helpers for `app.inject`.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type BuildAppOptions, buildApp } from '../../src/app/buildApp.js';
import { createKey } from '../../src/auth/createKey.js';
import { createDuckDbStore } from '../../src/store/duckdb/createDuckDbStore.js';
import type { Role, Store } from '../../src/store/types.js';

/** A fresh, migrated in-memory DuckDB store. */
export async function openTestStore(): Promise<Store> {
  const store = await createDuckDbStore({ path: ':memory:' });
  await store.migrate();
  return store;
}

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  /** A key of each role. */
  keys: Record<Role, string>;
  /** `Authorization` headers of each role's key. */
  as: Record<Role, { authorization: string }>;
  close(): Promise<void>;
}

/** An app on a fresh store (or `options.store`), with one key per role. */
export async function startTestApp(options: Partial<BuildAppOptions> = {}): Promise<TestApp> {
  const store = options.store ?? (await openTestStore());
  const app = await buildApp({ ...options, store });
  const keys = {} as Record<Role, string>;
  const as = {} as Record<Role, { authorization: string }>;
  for (const role of ['admin', 'ingest', 'read'] as const) {
    keys[role] = (await createKey(store, { name: `${role} key`, role })).key;
    as[role] = { authorization: `Bearer ${keys[role]}` };
  }
  return {
    app,
    store,
    keys,
    as,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** The parsed JSON body of a response. */
export function json(response: LightMyRequestResponse): unknown {
  return JSON.parse(response.body);
}

/** Creates a model through the API (admin) and returns the response. */
export async function createModel(
  t: TestApp,
  body: Record<string, unknown> = { name: 'churn', task: 'binary' },
): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: '/api/v1/models', headers: t.as.admin, payload: body });
}

/** `n` valid predictions with ids `${prefix}0…`. */
export function predictions(n: number, prefix = 'p', start = 0): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${start + i}`,
    timestamp: 1_700_000_000_000 + (start + i) * 1000,
    features: { age: 30 + ((start + i) % 40), region: (start + i) % 2 === 0 ? 'north' : 'south' },
    prediction: (start + i) % 3 === 0 ? 'churn' : 'stay',
    score: ((start + i) % 10) / 10,
  }));
}
