import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../src/errors.js';
import { zTestTwoProportions } from '../../src/stats/zTestTwoProportions.js';
import { expectCloseAt, golden, num } from './parametricGolden.js';

// Same formula as statsmodels; measured p-value difference ≤ 2e-14 (scipy's ndtr in the tail).
describe('zTestTwoProportions golden (statsmodels proportions_ztest 0.13.5)', () => {
  for (const c of golden.zTestTwoProportions) {
    it(`zTestTwoProportions(${c.s1}, ${c.n1}, ${c.s2}, ${c.n2}) gives statsmodels' z and p-value`, () => {
      const r = zTestTwoProportions(c.s1, c.n1, c.s2, c.n2);
      expectCloseAt('statistic', r.statistic, num(c.statistic), 1e-14);
      expectCloseAt('pValue', r.pValue, num(c.pValue), 1e-12, 1e-300);
    });
  }
});

describe('zTestTwoProportions behaviour', () => {
  it('zTestTwoProportions(all failures or all successes) gives statistic 0 and p-value 1 (statsmodels: NaN)', () => {
    for (const c of golden.zTestTwoProportionsDegenerate) {
      expect(num(c.statsmodelsPValue)).toBeNaN();
      expect(zTestTwoProportions(c.s1, c.n1, c.s2, c.n2)).toEqual({ statistic: 0, pValue: 1 });
    }
  });
  it('zTestTwoProportions(s1, n1, s2, n2) is antisymmetric in the samples', () => {
    const a = zTestTwoProportions(3, 10, 7, 20);
    const b = zTestTwoProportions(7, 20, 3, 10);
    expect(b.statistic).toBe(-a.statistic);
    expect(b.pValue).toBe(a.pValue);
  });
});

describe('zTestTwoProportions errors', () => {
  it('zTestTwoProportions(s, 0, …) throws INVALID_ARGUMENT', () => {
    expect(() => zTestTwoProportions(0, 0, 1, 2)).toThrow(
      expect.objectContaining({ code: ErrorCodes.INVALID_ARGUMENT }),
    );
  });
  it('zTestTwoProportions(s > n, …) and negative counts throw INVALID_ARGUMENT', () => {
    expect(() => zTestTwoProportions(3, 2, 1, 2)).toThrow(
      expect.objectContaining({ code: ErrorCodes.INVALID_ARGUMENT }),
    );
    expect(() => zTestTwoProportions(1, 2, -1, 2)).toThrow(
      expect.objectContaining({ code: ErrorCodes.INVALID_ARGUMENT }),
    );
    expect(() => zTestTwoProportions(Number.NaN, 2, 1, 2)).toThrow(
      expect.objectContaining({ code: ErrorCodes.INVALID_ARGUMENT }),
    );
  });
});
