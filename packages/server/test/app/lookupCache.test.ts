import { afterEach, describe, expect, test } from 'vitest';
import { withLookupCache } from '../../src/app/lookupCache.js';
import { createDuckDbStore } from '../../src/store/duckdb/createDuckDbStore.js';
import type { Store } from '../../src/store/types.js';

/** An in-memory store whose getModel / findApiKeysByPrefix calls are counted. */
async function countingStore(): Promise<{ store: Store; calls: { models: number; keys: number } }> {
  const raw = await createDuckDbStore({ path: ':memory:' });
  await raw.migrate();
  const calls = { models: 0, keys: 0 };
  const store: Store = {
    ...raw,
    getModel: (name) => {
      calls.models++;
      return raw.getModel(name);
    },
    findApiKeysByPrefix: (prefix) => {
      calls.keys++;
      return raw.findApiKeysByPrefix(prefix);
    },
  };
  return { store, calls };
}

describe('withLookupCache', () => {
  const stores: Store[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });

  test('withLookupCache(store).getModel() asks the store once per ttl, and again after an update', async () => {
    const { store, calls } = await countingStore();
    stores.push(store);
    const cached = withLookupCache(store, 60_000);
    await cached.createModel({ name: 'm', task: 'binary' });
    expect((await cached.getModel('m'))?.activeVersion).toBeUndefined();
    await cached.getModel('m');
    await Promise.all([cached.getModel('m'), cached.getModel('m')]);
    expect(calls.models).toBe(1);
    await cached.createVersion({ model: 'm', version: 'v1' });
    await cached.updateModel('m', { activeVersion: 'v1' });
    expect((await cached.getModel('m'))?.activeVersion).toBe('v1');
    expect(calls.models).toBe(2);
    await cached.deleteModel('m');
    expect(await cached.getModel('m')).toBeUndefined();
  });

  test('withLookupCache(store, 0) never answers from memory', async () => {
    const { store, calls } = await countingStore();
    stores.push(store);
    const cached = withLookupCache(store, 0);
    await cached.getModel('x');
    await cached.getModel('x');
    expect(calls.models).toBe(2);
  });

  test('withLookupCache(store).findApiKeysByPrefix() sees a revoked key at once', async () => {
    const { store, calls } = await countingStore();
    stores.push(store);
    const cached = withLookupCache(store, 60_000);
    const key = await cached.createApiKey({
      name: 'k',
      role: 'ingest',
      prefix: 'vgl_abcdefgh',
      hash: 'ab'.repeat(32),
    });
    expect((await cached.findApiKeysByPrefix('vgl_abcdefgh'))[0].revokedAt).toBeUndefined();
    await cached.findApiKeysByPrefix('vgl_abcdefgh');
    expect(calls.keys).toBe(1);
    await cached.revokeApiKey(key.id, 99);
    const after = await cached.findApiKeysByPrefix('vgl_abcdefgh');
    expect(after.filter((k) => k.revokedAt === undefined)).toEqual([]);
    expect(calls.keys).toBe(2);
  });
});
