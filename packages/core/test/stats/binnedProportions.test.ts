import { describe, expect, it } from 'vitest';
import { binnedProportions } from '../../src/stats/binnedProportions.js';
import { hellingerDistance } from '../../src/stats/hellingerDistance.js';
import { jensenShannonDistance } from '../../src/stats/jensenShannonDistance.js';
import { klDivergence } from '../../src/stats/klDivergence.js';
import { populationStabilityIndex } from '../../src/stats/populationStabilityIndex.js';
import { totalVariationDistance } from '../../src/stats/totalVariationDistance.js';
import golden from '../golden/stats_distances.json' with { type: 'json' };
import { expectClose } from '../helpers/close.js';

const pairs = new Map(golden.pairs.map((p) => [p.name, p]));

function inputs(c: (typeof golden.binnedProportions)[number]): [ArrayLike<number>, ArrayLike<number>] {
  if ('pair' in c && c.pair) {
    const p = pairs.get(c.pair)!;
    return [p.x, p.y];
  }
  const r = c as { referenceCodes: number[]; currentCodes: number[] };
  return [Int32Array.from(r.referenceCodes), Int32Array.from(r.currentCodes)];
}

describe('binnedProportions golden (Evidently 0.4.x get_binned_data rule, re-implemented with numpy/pandas)', () => {
  for (const c of golden.binnedProportions) {
    it(`binnedProportions(${c.name}) reproduces the bins and filled proportions`, () => {
      const [ref, cur] = inputs(c);
      const r = binnedProportions(ref, cur, { kind: c.kind as 'numerical' | 'categorical' });
      if ('edges' in c && c.edges) expect(Array.from(r.edges!)).toEqual(c.edges);
      else expect(r.keys).toEqual((c as { keys: number[] }).keys);
      expect(r.reference).toHaveLength(c.reference.length);
      r.reference.forEach((v, i) => {
        expectClose(v, c.reference[i], 1e-15);
      });
      r.current.forEach((v, i) => {
        expectClose(v, c.current[i], 1e-15);
      });
    });
    it(`distances on binnedProportions(${c.name}) match scipy / Evidently formulas`, () => {
      const [ref, cur] = inputs(c);
      const r = binnedProportions(ref, cur, { kind: c.kind as 'numerical' | 'categorical' });
      const d = c.distances;
      expectClose(jensenShannonDistance(r.reference, r.current), d.jensenShannon, 1e-9, 1e-15);
      expectClose(klDivergence(r.reference, r.current), d.kl, 1e-9, 1e-15);
      expectClose(populationStabilityIndex(r.reference, r.current), d.psi, 1e-9, 1e-15);
      expectClose(hellingerDistance(r.reference, r.current), d.hellinger, 1e-9, 1e-15);
      expectClose(totalVariationDistance(r.reference, r.current), d.totalVariation, 1e-9, 1e-15);
    });
  }
});

describe('binnedProportions behaviour', () => {
  it('binnedProportions(few values) uses one bin per value of the union and fills zeros with 1e-4', () => {
    const r = binnedProportions([1, 1, 2], [2, 3, 3, 3], { kind: 'numerical' });
    expect(r.keys).toEqual([1, 2, 3]);
    expect(Array.from(r.reference)).toEqual([2 / 3, 1 / 3, 1e-4]);
    expect(Array.from(r.current)).toEqual([1e-4, 0.25, 0.75]);
  });
  it('binnedProportions(…, fillZeros false) keeps the zeros', () => {
    const r = binnedProportions([1, 1, 2], [2, 3, 3, 3], { kind: 'numerical', fillZeros: false });
    expect(Array.from(r.reference)).toEqual([2 / 3, 1 / 3, 0]);
  });
  it('binnedProportions fills with min/1e6 when the smallest proportion is at most 1e-4', () => {
    const ref = new Int32Array(20000);
    ref[0] = 1; // proportion 5e-5 for code 1
    const r = binnedProportions(ref, Int32Array.of(0, 2), { kind: 'categorical' });
    expect(r.keys).toEqual([0, 1, 2]);
    expect(r.reference[2]).toBe(5e-5 / 1e6);
  });
  it('binnedProportions(categorical) counts −1 in the length but in no bin', () => {
    const r = binnedProportions(Int32Array.of(0, 0, 1, -1), Int32Array.of(1, 1), { kind: 'categorical' });
    expect(r.keys).toEqual([0, 1]);
    expect(Array.from(r.reference)).toEqual([0.5, 0.25]);
    expect(Array.from(r.current)).toEqual([1e-4, 1]);
  });
  it('binnedProportions(numerical with > 20 distinct values) uses Sturges edges over both samples', () => {
    const ref = Array.from({ length: 100 }, (_, i) => i);
    const cur = Array.from({ length: 28 }, (_, i) => 50 + 2 * i);
    const r = binnedProportions(ref, cur, { kind: 'numerical' });
    expect(r.edges).toBeDefined();
    expect(r.edges).toHaveLength(Math.ceil(Math.log2(128) + 1) + 1);
    expectClose(
      r.reference.reduce((a, b) => a + b, 0),
      1,
      1e-12,
    );
  });
  it('binnedProportions(codes all missing) throws EMPTY_INPUT', () => {
    expect(() => binnedProportions(Int32Array.of(-1, -1), Int32Array.of(0), { kind: 'categorical' })).toThrow(
      expect.objectContaining({ code: 'EMPTY_INPUT' }),
    );
  });
  it('binnedProportions(empty, current) throws EMPTY_INPUT', () => {
    expect(() => binnedProportions([], [1], { kind: 'numerical' })).toThrow(
      expect.objectContaining({ code: 'EMPTY_INPUT' }),
    );
  });
  it('binnedProportions(numerical with NaN) throws NON_FINITE', () => {
    expect(() => binnedProportions([1, Number.NaN], [1], { kind: 'numerical' })).toThrow(
      expect.objectContaining({ code: 'NON_FINITE' }),
    );
  });
  it('binnedProportions(categorical with a code below −1 or fractional) throws INVALID_ARGUMENT', () => {
    expect(() => binnedProportions([0, -2], [0], { kind: 'categorical' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => binnedProportions([0, 0.5], [0], { kind: 'categorical' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
  it('binnedProportions with an unknown kind throws INVALID_ARGUMENT', () => {
    // @ts-expect-error testing a value outside the type
    expect(() => binnedProportions([0], [0], { kind: 'text' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
