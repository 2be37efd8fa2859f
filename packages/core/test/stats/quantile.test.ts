import { describe, expect, it } from 'vitest';
import { quantile, quantileSorted } from '../../src/stats/quantile.js';
import golden from '../golden/metrics_regression_clustering_ranking.json' with { type: 'json' };
import { expectClose } from '../helpers/close.js';

describe('quantile golden (numpy.quantile, method linear, numpy 1.24)', () => {
  for (const c of golden.quantile) {
    it(`quantile(${c.name}, p) uses the R-7 method like numpy`, () => {
      c.p.forEach((p, j) => {
        expectClose(quantile(c.values, p), c.expected[j]);
      });
    });
    it(`quantileSorted(sorted ${c.name}, p) matches numpy`, () => {
      const sorted = Float64Array.from(c.values).sort();
      c.p.forEach((p, j) => {
        expectClose(quantileSorted(sorted, p), c.expected[j]);
      });
    });
  }
});

describe('quantile edge cases', () => {
  it('quantileSorted([1, 2, 3, 4], 0.25) interpolates to 1.75', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
  });
  it('quantileSorted(x, 0) and (x, 1) are the extremes', () => {
    expect(quantileSorted([-3, 0, 9], 0)).toBe(-3);
    expect(quantileSorted([-3, 0, 9], 1)).toBe(9);
  });
  it('quantileSorted(constant, p) is the constant', () => {
    expect(quantileSorted([0.1, 0.1, 0.1], 0.37)).toBe(0.1);
  });
  it('quantile([]) throws EMPTY_INPUT and quantile(NaN) throws NON_FINITE', () => {
    expect(() => quantile([], 0.5)).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(() => quantileSorted([], 0.5)).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(() => quantile([1, Number.NaN], 0.5)).toThrow(expect.objectContaining({ code: 'NON_FINITE' }));
  });
  it('quantile(x, p outside [0, 1] or NaN) throws INVALID_ARGUMENT', () => {
    for (const p of [-0.1, 1.1, Number.NaN]) {
      expect(() => quantile([1, 2], p)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
  });
  it('quantile(values, p) does not reorder its input', () => {
    const x = [3, 1, 2];
    quantile(x, 0.5);
    expect(x).toEqual([3, 1, 2]);
  });
});
