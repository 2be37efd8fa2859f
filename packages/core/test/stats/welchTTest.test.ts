import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../src/errors.js';
import { welchTTest } from '../../src/stats/welchTTest.js';
import { expectCloseAt, golden, num } from './parametricGolden.js';

// Means and variances are summed in another order than numpy's pairwise sum (ours is compensated), so the
// statistic differs by rounding only: measured ≤ 2e-15 relative, p-value ≤ 1.1e-14, df ≤ 5e-16.
describe('welchTTest golden (scipy.stats.ttest_ind(equal_var=False) 1.10.1)', () => {
  for (const c of golden.welchTTest) {
    it(`welchTTest(${c.name}) gives scipy's t, p-value and Welch–Satterthwaite df`, () => {
      const r = welchTTest(c.x.map(num), c.y.map(num));
      expectCloseAt('statistic', r.statistic, num(c.statistic), 1e-12);
      expectCloseAt('pValue', r.pValue, num(c.pValue), 1e-12, 1e-300);
      expectCloseAt('df', r.df, num(c.df), 1e-12);
    });
  }
});

describe('welchTTest behaviour', () => {
  it('welchTTest(x, y) = −welchTTest(y, x) with the same p-value and df', () => {
    const x = [1.2, 3.4, 2.2, 5.1];
    const y = [0.3, 0.1, 1.7];
    const a = welchTTest(x, y);
    const b = welchTTest(y, x);
    expect(b.statistic).toBe(-a.statistic);
    expect(b.pValue).toBe(a.pValue);
    expect(b.df).toBe(a.df);
  });
  it('welchTTest([c]*10, [c]*7) is NaN even where rounding of the mean would fake a finite t', () => {
    const r = welchTTest(new Array(10).fill(0.1), new Array(7).fill(0.1));
    expect(r.statistic).toBeNaN();
    expect(r.pValue).toBeNaN();
  });
  it('welchTTest(one value, y) is NaN (no variance)', () => {
    const r = welchTTest([1], [2, 3, 4]);
    expect(r.statistic).toBeNaN();
    expect(r.pValue).toBeNaN();
    expect(r.df).toBeNaN();
  });
});

describe('welchTTest errors', () => {
  it('welchTTest([], y) throws EMPTY_INPUT', () => {
    expect(() => welchTTest([], [1, 2])).toThrow(expect.objectContaining({ code: ErrorCodes.EMPTY_INPUT }));
  });
  it('welchTTest(x with NaN, y) throws NON_FINITE', () => {
    expect(() => welchTTest([1, Number.NaN], [1, 2])).toThrow(
      expect.objectContaining({ code: ErrorCodes.NON_FINITE }),
    );
  });
});
