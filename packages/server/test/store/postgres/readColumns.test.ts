import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { PredictionRow, Store } from '../../../src/store/types.js';
import { dropSchemas, openPostgresStore } from '../postgresHarness.js';

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});
afterAll(dropSchemas, 120_000);

async function open(): Promise<Store> {
  const store = await openPostgresStore();
  opened.push(store);
  return store;
}

const arr = (values: Float64Array | (string | null)[] | undefined) =>
  values === undefined ? [] : [...values];

describe('readRows / readReference (PostgreSQL)', () => {
  it('readRows(model and version needing quotes and backslashes) reads only theirs (literals inlined into COPY)', async () => {
    const store = await open();
    const model = `it's a \\"model\\" \\'; DROP TABLE predictions; --`;
    await store.createModel({ name: model, task: 'binary' });
    await store.createModel({ name: 'it', task: 'binary' });
    const rows = (version: string): PredictionRow[] =>
      ['a', 'b'].map((id, i) => ({
        id: `${id}${version}`,
        timestamp: i,
        version,
        features: { x: i },
        prediction: 1,
      }));
    await store.insertPredictions(model, [...rows(`v'1\\`), ...rows('v2')], 0);
    await store.insertPredictions('it', rows(`v'1\\`), 0);
    const spec = { features: [{ name: 'x', kind: 'numerical' as const }] };
    const read = await store.readRows(model, { from: 0, to: 10, version: `v'1\\` }, spec);
    expect(read.ids).toEqual([`av'1\\`, `bv'1\\`]);
    expect(arr(read.features.x)).toEqual([0, 1]);
    expect((await store.readRows(model, { from: 0, to: 10 }, spec)).n).toBe(4);
    expect(await store.countPredictions(model)).toBe(4);
  });

  it('readRows(range bound that is not a safe integer) rejects, naming the bound', async () => {
    const store = await open();
    await store.createModel({ name: 'm', task: 'binary' });
    const spec = { features: [] };
    await expect(store.readRows('m', { from: Number.NaN, to: 10 }, spec)).rejects.toThrow(
      'readRows: range.from must be a safe integer (ms); got NaN',
    );
    await expect(store.readRows('m', { from: 0, to: Number.POSITIVE_INFINITY }, spec)).rejects.toThrow(
      'readRows: range.to must be a safe integer (ms); got Infinity',
    );
    // Fractional bounds round up, as the whole-ms timestamps compare: [0.5, 2.5) holds 1 and 2.
    await store.insertPredictions(
      'm',
      [0, 1, 2, 3].map((t) => ({ id: `p${t}`, timestamp: t, features: {}, prediction: 1 })),
      0,
    );
    expect((await store.readRows('m', { from: 0.5, to: 2.5 }, spec)).ids).toEqual(['p1', 'p2']);
  });

  it('readRows(window with labels on most rows) keeps the timestamp order and joins each label to its row', async () => {
    const store = await open();
    await store.createModel({ name: 'm', task: 'binary' });
    const n = 3000;
    // Ids in reverse of time order, so an order taken from the join or the ids would show.
    const rows: PredictionRow[] = Array.from({ length: n }, (_, i) => ({
      id: `id${String(n - i).padStart(5, '0')}`,
      timestamp: i,
      features: { x: i },
      prediction: i % 2,
    }));
    await store.insertPredictions('m', rows, 0);
    await store.insertLabels(
      'm',
      rows
        .filter((_r, i) => i % 4 !== 0)
        .map((r) => ({ id: r.id, label: r.timestamp % 3 === 0 ? 'yes' : 'no' })),
      1,
    );
    const read = await store.readRows(
      'm',
      { from: 0, to: n },
      { features: [{ name: 'x', kind: 'numerical' }] },
    );
    expect(read.ids).toEqual(rows.map((r) => r.id));
    expect(arr(read.features.x)).toEqual(rows.map((r) => r.timestamp));
    expect(read.labelText).toEqual(
      rows.map((r, i) => (i % 4 === 0 ? null : r.timestamp % 3 === 0 ? 'yes' : 'no')),
    );
  });

  it('readReference(id that is not a safe integer) reads no rows', async () => {
    const store = await open();
    const spec = { features: [{ name: 'x', kind: 'numerical' as const }] };
    for (const id of [1.5, Number.NaN, 2 ** 60]) {
      const rows = await store.readReference(id, spec);
      expect(rows.n).toBe(0);
      expect(arr(rows.features.x)).toEqual([]);
    }
  });
});
