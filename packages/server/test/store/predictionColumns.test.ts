import { describe, expect, test } from 'vitest';
import { isPredictionColumns, predictionColumns, predictionRows } from '../../src/store/predictionColumns.js';
import type { PredictionRow } from '../../src/store/types.js';

const rows: PredictionRow[] = [
  {
    id: 'a',
    timestamp: 1000,
    version: 'v2',
    features: { age: 31, region: 'north', member: true, note: null },
    prediction: 'churn',
    score: 0.8,
    latencyMs: 12,
    tags: { team: 'x' },
  },
  // Features in another order, one missing, one of another kind: columns by name and kind, not position.
  { id: 'b', timestamp: 2000, features: { region: 'south', age: 'unknown' }, prediction: 1 },
  {
    id: 'c',
    timestamp: 3000,
    features: { age: Number.NaN, z: Number.POSITIVE_INFINITY },
    prediction: null,
    probas: { x: 0.25, y: 0.75 },
  },
];

describe('predictionColumns', () => {
  test('predictionColumns(rows) keeps one column per feature name and kind, absent values NaN or null', () => {
    const c = predictionColumns(rows);
    expect(c.n).toBe(3);
    expect(c.ids).toEqual(['a', 'b', 'c']);
    expect([...c.timestamps]).toEqual([1000, 2000, 3000]);
    expect(c.versions).toEqual(['v2', null, null]);
    expect(c.predictions).toEqual(['churn', 1, null]);
    expect([...c.scores]).toEqual([0.8, Number.NaN, Number.NaN]);
    expect([...c.latencies]).toEqual([12, Number.NaN, Number.NaN]);
    expect(c.tags).toEqual(['{"team":"x"}', null, null]);
    const byKey = Object.fromEntries(c.features.map((f) => [`${f.kind}:${f.name}`, [...f.values]]));
    expect(byKey).toEqual({
      'n:age': [31, Number.NaN, Number.NaN],
      't:region': ['north', 'south', null],
      't:member': ['true', null, null],
      't:age': [null, 'unknown', null],
    });
    expect(c.probas.map((p) => [p.label, [...p.values]])).toEqual([
      ['x', [Number.NaN, Number.NaN, 0.25]],
      ['y', [Number.NaN, Number.NaN, 0.75]],
    ]);
    expect(isPredictionColumns(c)).toBe(true);
    expect(isPredictionColumns(rows)).toBe(false);
  });

  test('predictionRows(predictionColumns(rows)) gives back every value a store keeps', () => {
    const back = predictionRows(predictionColumns(rows));
    expect(
      back.map((r) => ({ ...r, features: { ...r.features }, probas: r.probas && { ...r.probas } })),
    ).toEqual([
      { ...rows[0], features: { age: 31, region: 'north', member: 'true' }, probas: undefined },
      {
        id: 'b',
        timestamp: 2000,
        features: { region: 'south', age: 'unknown' },
        prediction: 1,
        probas: undefined,
      },
      { id: 'c', timestamp: 3000, features: {}, prediction: null, probas: { x: 0.25, y: 0.75 } },
    ]);
  });

  test('predictionRows() keeps a feature called "__proto__" as an ordinary key', () => {
    const parsed = JSON.parse(
      '[{"id":"p","timestamp":1,"features":{"__proto__":5},"prediction":0}]',
    ) as PredictionRow[];
    const [row] = predictionRows(predictionColumns(parsed));
    expect(Object.keys(row.features)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(row.features)).toBeNull();
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  test('predictionColumns([]) is an empty batch', () => {
    const c = predictionColumns([]);
    expect(c.n).toBe(0);
    expect(c.features).toEqual([]);
    expect(predictionRows(c)).toEqual([]);
  });
});
