import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/store/postgres/createPostgresStore.js';
import { migrations } from '../../src/store/postgres/migrations.js';
import type { Store } from '../../src/store/types.js';
import { runStoreContract } from './contract.js';
import {
  createTestStore,
  dropSchemas,
  ensurePostgres,
  freshSchema,
  openPostgresStore,
  postgresUrl,
} from './postgresHarness.js';

const opened: Store[] = [];
async function open(schema?: string): Promise<Store> {
  const store = await openPostgresStore(schema);
  opened.push(store);
  return store;
}

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});
afterAll(dropSchemas, 120_000);

// Every test that opens a store fails, saying how to start PostgreSQL, when the server does not answer (no skip).
runStoreContract(`postgres ${postgresUrl}`, () => createTestStore());

describe('the test database', () => {
  it(`PostgreSQL answers at ${postgresUrl}`, ensurePostgres);
});

describe('createPostgresStore', () => {
  it('createPostgresStore({url}) reaches the test database', async () => {
    const store = await open();
    expect(store.kind).toBe('postgres');
    expect(await store.ping()).toBe(true);
  });

  it('createPostgresStore({url}) names the URL without its password when the server does not answer', async () => {
    await expect(createPostgresStore({ url: 'postgres://vigil:s3cret@127.0.0.1:1/none' })).rejects.toThrow(
      /createPostgresStore: url must reach a PostgreSQL server; got postgres:\/\/vigil:\*\*\*@127\.0\.0\.1:1\/none/,
    );
  });

  it('createPostgresStore({schema: ""}) refuses an empty schema name', async () => {
    await expect(createPostgresStore({ url: postgresUrl, schema: '' })).rejects.toThrow(
      'createPostgresStore: schema must be 1 to 63 bytes; got ""',
    );
  });

  it('close() twice is harmless and ping() then answers false', async () => {
    const store = await createTestStore();
    await store.close();
    await store.close();
    expect(await store.ping()).toBe(false);
  });
});

describe('migrate', () => {
  it('migrate() creates the schema and records every version in schema_migrations', async () => {
    const schema = freshSchema();
    await open(schema);
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      const result = await client.query(
        `SELECT version FROM ${pg.escapeIdentifier(schema)}.schema_migrations ORDER BY version`,
      );
      expect(result.rows.map((row) => row.version)).toEqual(migrations.map((m) => m.version));
    } finally {
      await client.end();
    }
  });

  it('migrate() run by two servers at once applies each migration once', async () => {
    const schema = freshSchema();
    const a = await createTestStore(schema);
    const b = await createTestStore(schema);
    opened.push(a, b);
    await Promise.all([a.migrate(), b.migrate(), a.migrate()]);
    await a.createModel({ name: 'm', task: 'binary' });
    expect((await b.getModel('m'))?.name).toBe('m');
  });

  it('migrate() is idempotent on an up-to-date schema', async () => {
    const store = await open();
    await store.createModel({ name: 'm', task: 'regression' });
    await store.migrate();
    expect((await store.listModels()).map((m) => m.name)).toEqual(['m']);
  });

  it('migrate() creates the tables in a schema whose name needs quoting, and nowhere else', async () => {
    const schema = freshSchema('Vigil test "odd"\\ ');
    const store = await open(schema);
    await store.createModel({ name: 'm', task: 'binary' });
    expect((await store.listModels()).map((m) => m.name)).toEqual(['m']);
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      const result = await client.query("SELECT schemaname FROM pg_tables WHERE tablename = 'models'");
      expect(result.rows.map((row) => row.schemaname)).toContain(schema);
      const models = await client.query(`SELECT name FROM ${pg.escapeIdentifier(schema)}.models`);
      expect(models.rows).toEqual([{ name: 'm' }]);
    } finally {
      await client.end();
    }
  });

  it('stores in different schemas do not see each other', async () => {
    const a = await open();
    const b = await open();
    await a.createModel({ name: 'only-in-a', task: 'binary' });
    expect(await b.listModels()).toEqual([]);
  });
});

describe('insertPredictions / insertLabels (PostgreSQL)', () => {
  it('insertPredictions(concurrent batches sharing ids in different orders) neither deadlocks nor double-counts', async () => {
    const store = await open();
    await store.createModel({ name: 'm', task: 'binary' });
    const ids = Array.from({ length: 300 }, (_, i) => `id${i}`);
    const shuffled = (seed: number) =>
      [...ids].sort(
        (a, b) =>
          ((a.length * seed + a.charCodeAt(2)) % 7) - ((b.length * seed + b.charCodeAt(2)) % 7) ||
          (seed % 2 ? a.localeCompare(b) : b.localeCompare(a)),
      );
    const batches = Array.from({ length: 6 }, (_, b) =>
      shuffled(b + 1).map((id, i) => ({ id, timestamp: i, features: { x: b }, prediction: 1 })),
    );
    const results = await Promise.all(batches.map((rows) => store.insertPredictions('m', rows, 1)));
    expect(results.reduce((sum, r) => sum + r.inserted, 0)).toBe(300);
    expect(results.reduce((sum, r) => sum + r.duplicates, 0)).toBe(5 * 300);
    const labels = await Promise.all(
      batches.map((rows) =>
        store.insertLabels(
          'm',
          rows.map((row) => ({ id: row.id, label: 1 })),
          2,
        ),
      ),
    );
    expect(labels.map((r) => r.matched)).toEqual(Array(6).fill(300));
    expect(await store.countPredictions('m')).toBe(300);
  });
});
