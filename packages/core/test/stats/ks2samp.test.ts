import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../src/errors.js';
import { ks2samp, ks2sampSorted } from '../../src/stats/ks2samp.js';
import { expectCloseAt, golden, num, weyl } from './parametricGolden.js';

function samples(c: (typeof golden.ks2samp)[number]): [Float64Array, Float64Array] {
  if (c.generator) return [weyl(c.generator.x), weyl(c.generator.y)];
  return [Float64Array.from(c.x ?? [], num), Float64Array.from(c.y ?? [], num)];
}

// The statistic is computed with the same floating-point operations as scipy (counts / n, then the difference),
// so it agrees exactly; the exact p-values repeat scipy's recursions operation for operation. Measured worst
// p-value difference: 5e-14 (asymptotic branch, through kstwo). 1e-12 leaves room for other platforms' libm.
describe('ks2samp golden (scipy.stats.ks_2samp 1.10.1, two-sided)', () => {
  for (const c of golden.ks2samp) {
    it(`ks2samp(${c.name}) gives scipy's statistic and p-value (method ${c.method})`, () => {
      const [x, y] = samples(c);
      const r = ks2samp(x, y, { method: c.method as 'auto' | 'exact' | 'asymp' });
      expectCloseAt('statistic', r.statistic, num(c.statistic), 1e-15);
      expectCloseAt('pValue', r.pValue, num(c.pValue), 1e-12, 1e-300);
    });
  }
  it('ks2sampSorted(sorted x, sorted y) gives the same result as ks2samp(x, y)', () => {
    for (const c of golden.ks2samp.slice(0, 30)) {
      const [x, y] = samples(c);
      const method = c.method as 'auto' | 'exact' | 'asymp';
      expect(ks2sampSorted(x.slice().sort(), y.slice().sort(), { method })).toEqual(
        ks2samp(x, y, { method }),
      );
    }
  });
});

describe('ks2samp behaviour', () => {
  it('ks2samp(x, y) is symmetric in its samples', () => {
    const x = [0.3, 1.2, -0.5, 2.2, 0.9];
    const y = [1.1, 2.5, 3.1, 0.2, 1.7, 2.9, 4];
    expect(ks2samp(x, y)).toEqual(ks2samp(y, x));
  });
  it('ks2samp(x, y) does not modify its inputs', () => {
    const x = [3, 1, 2];
    const y = Float64Array.of(9, 7, 8);
    ks2samp(x, y);
    expect(x).toEqual([3, 1, 2]);
    expect(Array.from(y)).toEqual([9, 7, 8]);
  });
  it('ks2samp(x, x) has statistic 0 and p-value 1', () => {
    const x = [5, 1, 4, 1, 3];
    expect(ks2samp(x, x)).toEqual({ statistic: 0, pValue: 1 });
  });
  it('ks2samp(separated samples) reaches p-values near 1e-145 (exact) and below', () => {
    const c = golden.ks2samp.find((k) => k.name === 'separated 300 vs 200');
    expect(c).toBeDefined();
    const [x, y] = samples(c as (typeof golden.ks2samp)[number]);
    const r = ks2samp(x, y);
    expect(r.statistic).toBe(1);
    expect(r.pValue).toBeGreaterThan(1e-146);
    expect(r.pValue).toBeLessThan(1e-144);
  });
  it('ks2samp(x, y) switches from exact to asymptotic above 10 000 observations per sample', () => {
    const x = weyl({ n: 10001, seed: 3, scale: 1, shift: 0 });
    const y = weyl({ n: 10001, seed: 5, scale: 1, shift: 0.01 });
    expect(ks2samp(x, y)).toEqual(ks2samp(x, y, { method: 'asymp' }));
    const x2 = x.subarray(0, 10000);
    const y2 = y.subarray(0, 10000);
    expect(ks2samp(x2, y2)).toEqual(ks2samp(x2, y2, { method: 'exact' }));
  });
});

describe('ks2samp errors', () => {
  it('ks2samp([], y) throws EMPTY_INPUT', () => {
    expect(() => ks2samp([], [1])).toThrow(expect.objectContaining({ code: ErrorCodes.EMPTY_INPUT }));
    expect(() => ks2sampSorted([1], [])).toThrow(expect.objectContaining({ code: ErrorCodes.EMPTY_INPUT }));
  });
  it('ks2samp(x with NaN, y) throws NON_FINITE naming the index', () => {
    expect(() => ks2samp([1, Number.NaN], [1])).toThrow(
      expect.objectContaining({
        code: ErrorCodes.NON_FINITE,
        details: expect.objectContaining({ index: 1 }),
      }),
    );
    expect(() => ks2sampSorted([1], [Number.NaN])).toThrow(
      expect.objectContaining({ code: ErrorCodes.NON_FINITE }),
    );
  });
  it('ks2sampSorted(unsorted, y) throws INVALID_ARGUMENT', () => {
    expect(() => ks2sampSorted([2, 1], [1, 2])).toThrow(
      expect.objectContaining({ code: ErrorCodes.INVALID_ARGUMENT }),
    );
  });
  it('ks2samp(x, y, { method: "bogus" }) throws INVALID_ARGUMENT', () => {
    expect(() => ks2samp([1], [2], { method: 'bogus' as 'auto' })).toThrow(
      expect.objectContaining({ code: ErrorCodes.INVALID_ARGUMENT }),
    );
  });
});
