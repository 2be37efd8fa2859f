/**
 * The window the scheduler reads from the embedded store (store/duckdb/readColumns.ts): rows in the asked order
 * whether or not the table already has them in it (no sort is asked of DuckDB when it does), and string columns
 * carrying the codes monitors and worker threads use instead of coding them again.
 */
import { categoricalFromStrings, createRandom } from '@vigil/core';
import { afterEach, describe, expect, it } from 'vitest';
import { codesOf } from '../../src/monitors/codedStrings.js';
import type { PredictionRow, ReadSpec, RowColumns, Store } from '../../src/store/types.js';
import { openTestStore } from './testStore.js';

const H = 3_600_000;
const SPEC: ReadSpec = {
  features: [
    { name: 'x', kind: 'numerical' },
    { name: 'color', kind: 'categorical' },
  ],
};

/** `n` predictions with distinct ids (short ASCII, long, and non-ASCII ones) over `spread` ms. */
function predictions(n: number, seed: number, spread: number): PredictionRow[] {
  const random = createRandom(seed);
  const colors = ['red', 'green', 'blue', 'a much longer colour name'];
  return Array.from({ length: n }, (_, i) => ({
    id: i % 97 === 0 ? `identifier-number-${i}` : i % 101 === 0 ? `é${i}` : `p${i}`,
    timestamp: Math.floor(random.next() * spread),
    features: { x: random.next() < 0.05 ? null : i, color: random.next() < 0.05 ? null : colors[i % 4] },
    prediction: random.next() < 0.5 ? 'yes' : 'no',
    score: random.next(),
  }));
}

/** The asked order, as the reference: timestamp, then the id's UTF-8 bytes (SQL's bytewise VARCHAR order). */
function sorted(rows: readonly PredictionRow[]): PredictionRow[] {
  return [...rows].sort(
    (a, b) => a.timestamp - b.timestamp || Buffer.compare(Buffer.from(a.id), Buffer.from(b.id)),
  );
}

/** Every string column's attached codes are the column categoricalFromStrings builds. */
function expectCodes(rows: RowColumns) {
  for (const values of [rows.predictionText, rows.labelText, rows.features.color as (string | null)[]]) {
    const { codes, dictionary } = categoricalFromStrings('', values);
    expect(codesOf(values)).toEqual({ codes, dictionary });
  }
}

describe('store.readRows(model, range, spec) on DuckDB, as the scheduler reads a window', () => {
  let store: Store;
  afterEach(() => store.close());

  async function withModel(): Promise<Store> {
    store = await openTestStore();
    await store.createModel({ name: 'm', task: 'binary', windowMs: H, schema: SPEC });
    return store;
  }

  it.each([
    ['appended in time order (no sort needed)', true],
    ['appended out of order (sorted by DuckDB)', false],
  ])('reads rows %s in (timestamp, id) order with their labels and codes', async (_, ordered) => {
    await withModel();
    const all = predictions(5000, 1, H);
    const stored = ordered ? sorted(all) : all;
    for (let k = 0; k < stored.length; k += 1000)
      await store.insertPredictions('m', stored.slice(k, k + 1000), 0);
    const labels = all
      .filter((_, i) => i % 3 === 0)
      .map((r, i) => ({ id: r.id, label: i % 2 ? 'yes' : 'no' }));
    await store.insertLabels('m', labels, 0);

    const rows = await store.readRows('m', { from: 0, to: H }, SPEC);
    const expected = sorted(all);
    expect(rows.ids).toEqual(expected.map((r) => r.id));
    expect(Array.from(rows.timestamps)).toEqual(expected.map((r) => r.timestamp));
    expect(Array.from(rows.features.x as Float64Array)).toEqual(
      expected.map((r) => (r.features.x === null ? Number.NaN : r.features.x)),
    );
    expect(rows.features.color).toEqual(expected.map((r) => r.features.color));
    expect(rows.predictionText).toEqual(expected.map((r) => r.prediction));
    const label = new Map(labels.map((l) => [l.id, l.label]));
    expect(rows.labelText).toEqual(expected.map((r) => label.get(r.id) ?? null));
    expectCodes(rows);
  });

  it('orders ids of one timestamp by UTF-8 bytes, not UTF-16 units (U+FFFD before U+1F600)', async () => {
    await withModel();
    // In UTF-16 "\u{1F600}" (a surrogate pair, 0xD83D…) sorts before "\uFFFD"; in UTF-8 (and SQL) after. Appended
    // in UTF-16 order, the rows must still be sorted; appended in UTF-8 order, they are already in order.
    const rows = ['a', 'a\u{1F600}', 'a\uFFFD'].map((id) => ({
      id,
      timestamp: 7,
      features: {},
      prediction: 'yes',
    }));
    await store.insertPredictions('m', rows, 0);
    expect((await store.readRows('m', { from: 0, to: H }, SPEC)).ids).toEqual(['a', 'a\uFFFD', 'a\u{1F600}']);
    await store.close();
    await withModel();
    await store.insertPredictions('m', [rows[0], rows[2], rows[1]], 0);
    expect((await store.readRows('m', { from: 0, to: H }, SPEC)).ids).toEqual(['a', 'a\uFFFD', 'a\u{1F600}']);
  });

  it('gives a categorical feature sent as numbers as text, without codes (they would not cover it)', async () => {
    await withModel();
    await store.insertPredictions(
      'm',
      [
        { id: 'a', timestamp: 1, features: { color: 'red' }, prediction: 'yes' },
        { id: 'b', timestamp: 2, features: { color: 3 }, prediction: 'no' },
      ],
      0,
    );
    const rows = await store.readRows('m', { from: 0, to: H }, SPEC);
    expect(rows.features.color).toEqual(['red', '3']);
    expect(codesOf(rows.features.color as (string | null)[])).toBeUndefined();
    expect(codesOf(rows.predictionText)).toEqual({
      codes: Int32Array.from([0, 1]),
      dictionary: ['yes', 'no'],
    });
  });

  it('reads a reference in upload order with its codes', async () => {
    await withModel();
    const all = predictions(3000, 2, H);
    const reference = await store.createReference(
      { model: 'm', source: 'ref.csv', schema: SPEC },
      all.map((r, i) => ({ features: r.features, prediction: r.prediction, label: i % 2 ? 'yes' : null })),
    );
    const rows = await store.readReference(reference.id, SPEC);
    expect(rows.features.color).toEqual(all.map((r) => r.features.color));
    expect(rows.labelText).toEqual(all.map((_, i) => (i % 2 ? 'yes' : null)));
    expectCodes(rows);
  });
});
