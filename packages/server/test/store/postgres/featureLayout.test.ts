import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { PredictionRow, ReadSpec, Scalar, Store } from '../../../src/store/types.js';
import {
  createTestStore,
  dropSchemas,
  freshSchema,
  openPostgresStore,
  postgresUrl,
} from '../postgresHarness.js';

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});
afterAll(dropSchemas, 120_000);

const arr = (values: Float64Array | (string | null)[] | undefined) =>
  values === undefined ? [] : [...values];

/** Two stores on one schema: two servers sharing a database. */
async function twoServers(): Promise<[Store, Store, string]> {
  const schema = freshSchema();
  const a = await openPostgresStore(schema);
  const b = await createTestStore(schema);
  opened.push(a, b);
  return [a, b, schema];
}

function row(id: string, timestamp: number, features: Record<string, Scalar>): PredictionRow {
  return { id, timestamp, features, prediction: 1 };
}

const spec = (numerical: string[], categorical: string[] = []): ReadSpec => ({
  features: [
    ...numerical.map((name) => ({ name, kind: 'numerical' as const })),
    ...categorical.map((name) => ({ name, kind: 'categorical' as const })),
  ],
});

describe('feature layout (PostgreSQL)', () => {
  it('insertPredictions(after another server deleted and re-created the model) stores values at the new layout', async () => {
    const [a, b] = await twoServers();
    await a.createModel({ name: 'm', task: 'binary' });
    await a.insertPredictions('m', [row('old', 1, { x: 1, c: 'a' })], 0);
    // b re-creates the model; its first feature of each kind takes the slots x and c had in a's cached layout.
    await b.deleteModel('m');
    await b.createModel({ name: 'm', task: 'binary' });
    await b.insertPredictions('m', [row('b1', 2, { y: 7, x: 'text' })], 0);
    await a.insertPredictions('m', [row('a1', 3, { x: 2, c: 'b' })], 0);
    for (const store of [a, b]) {
      const numbers = await store.readRows('m', { from: 0, to: 10 }, spec(['x', 'y', 'c']));
      expect(numbers.ids).toEqual(['b1', 'a1']);
      expect(arr(numbers.features.x)).toEqual([Number.NaN, 2]);
      expect(arr(numbers.features.y)).toEqual([7, Number.NaN]);
      const texts = await store.readRows('m', { from: 0, to: 10 }, spec([], ['x', 'c']));
      expect(texts.features.x).toEqual(['text', '2']);
      expect(texts.features.c).toEqual([null, 'b']);
    }
  });

  it('createReference(after another server deleted and re-created the model) stores values at the new layout', async () => {
    const [a, b] = await twoServers();
    await a.createModel({ name: 'm', task: 'binary' });
    const schema = { features: [{ name: 'x', kind: 'numerical' as const }] };
    await a.createReference({ model: 'm', source: 'old', schema }, [
      { features: { x: 1 }, probas: { yes: 0.5 } },
    ]);
    await b.deleteModel('m');
    await b.createModel({ name: 'm', task: 'binary' });
    await b.insertPredictions('m', [{ ...row('b1', 2, { y: 7 }), probas: { no: 0.1 } }], 0);
    const reference = await a.createReference({ model: 'm', source: 'new', schema }, [
      { features: { x: 3 }, probas: { yes: 0.9 } },
    ]);
    const read = await b.readReference(reference.id, { ...spec(['x', 'y']), probaClasses: ['yes', 'no'] });
    expect(arr(read.features.x)).toEqual([3]);
    expect(arr(read.features.y)).toEqual([Number.NaN]);
    expect(arr(read.probas.yes)).toEqual([0.9]);
    expect(arr(read.probas.no)).toEqual([Number.NaN]);
  });

  it('insertPredictions(concurrent batches from two servers, each with new features) gives each key one slot', async () => {
    const [a, b, schema] = await twoServers();
    await a.createModel({ name: 'm', task: 'binary' });
    const batches = Array.from({ length: 8 }, (_, k) =>
      Array.from({ length: 20 }, (_, i) =>
        row(`b${k}-${i}`, k * 100 + i, { shared: k * 100 + i, [`own${k}`]: i, [`tag${k % 3}`]: `t${k}` }),
      ),
    );
    await Promise.all(batches.map((batch, k) => (k % 2 === 0 ? a : b).insertPredictions('m', batch, 0)));
    const names = ['shared', ...batches.map((_b, k) => `own${k}`)];
    const read = await b.readRows('m', { from: 0, to: 10_000 }, spec(names, ['tag0', 'tag1', 'tag2']));
    expect(read.n).toBe(160);
    const all = batches.flat();
    for (const name of names) {
      expect([name, arr(read.features[name])]).toEqual([
        name,
        all.map((r) => (typeof r.features[name] === 'number' ? r.features[name] : Number.NaN)),
      ]);
    }
    expect(read.features.tag1).toEqual(all.map((r) => (r.features.tag1 as string | undefined) ?? null));
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      const slots = await client.query(
        `SELECT kind, count(*)::int AS keys, max(slot) AS last FROM ${pg.escapeIdentifier(schema)}.feature_slots
         GROUP BY kind ORDER BY kind`,
      );
      // Numbers: shared + own0…own7; texts: tag0…tag2; numbered without gaps.
      expect(slots.rows).toEqual([
        { kind: 'n', keys: 9, last: 9 },
        { kind: 't', keys: 3, last: 3 },
      ]);
    } finally {
      await client.end();
    }
  });

  it('insertPredictions(a model deleted by another server) rejects and stores nothing', async () => {
    const [a, b] = await twoServers();
    await a.createModel({ name: 'm', task: 'binary' });
    await a.insertPredictions('m', [row('a', 1, { x: 1 })], 0);
    await b.deleteModel('m');
    await expect(a.insertPredictions('m', [row('b', 2, { x: 2 })], 0)).rejects.toThrow(
      'insertPredictions: model must be an existing model; got "m"',
    );
    await expect(a.insertPredictions('m', [row('c', 2, { fresh: 2 })], 0)).rejects.toThrow(
      'insertPredictions: model must be an existing model; got "m"',
    );
    expect(await b.countPredictions('m')).toBe(0);
  });
});
