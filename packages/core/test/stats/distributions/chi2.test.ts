import { describe, expect, it } from 'vitest';
import { chi2Cdf, chi2Sf } from '../../../src/stats/distributions/chi2.js';
import { expectCloseAt, golden, num } from '../parametricGolden.js';

// Rows are [x, df, scipy sf, scipy cdf, mpmath sf]. Measured worst: 3.2e-13 against scipy and 1.1e-13 against
// mpmath, for upper tails below 1e-120 (df = 1000), where the prefactor's exponent carries the rounding.
describe('chi2Sf / chi2Cdf golden (scipy.stats.chi2 1.10.1, mpmath 1.2.1)', () => {
  const rows = golden.distributions.chi2;
  it(`chi2Sf(x, df) and chi2Cdf(x, df) match scipy to 1e-12 on ${rows.length} points, df 0.5 … 1000`, () => {
    for (const [x, df, sf, cdf] of rows) {
      expectCloseAt(`chi2Sf(${x}, ${df})`, chi2Sf(num(x), num(df)), num(sf), 1e-12, 1e-300);
      expectCloseAt(`chi2Cdf(${x}, ${df})`, chi2Cdf(num(x), num(df)), num(cdf), 1e-12, 1e-300);
    }
  });
  it('chi2Sf(x, df) is within 1e-12 of mpmath, tails down to 1e-300 included', () => {
    for (const [x, df, , , exact] of rows) {
      if (exact !== null)
        expectCloseAt(`chi2Sf(${x}, ${df})`, chi2Sf(num(x), num(df)), num(exact), 1e-12, 1e-300);
    }
  });
});

describe('chi2Sf / chi2Cdf edge cases', () => {
  it('chi2Sf(x, 2) = e^(−x/2)', () => {
    // The exponent (≈ x/2) is formed in double, so the relative error grows like ε·x/2: 3e-14 at x = 1000.
    for (const x of [0.01, 1, 5, 100, 1000])
      expectCloseAt(`chi2Sf(${x}, 2)`, chi2Sf(x, 2), Math.exp(-x / 2), 1e-13);
  });
  it('chi2Sf(x ≤ 0, df) = 1 and chi2Cdf(x ≤ 0, df) = 0; chi2Sf(∞, df) = 0', () => {
    expect(chi2Sf(0, 3)).toBe(1);
    expect(chi2Sf(-2, 3)).toBe(1);
    expect(chi2Cdf(0, 3)).toBe(0);
    expect(chi2Sf(Number.POSITIVE_INFINITY, 3)).toBe(0);
    expect(chi2Cdf(Number.POSITIVE_INFINITY, 3)).toBe(1);
  });
  it('chi2Sf(x, df) is NaN for df ≤ 0 or NaN arguments', () => {
    expect(chi2Sf(1, 0)).toBeNaN();
    expect(chi2Sf(1, -1)).toBeNaN();
    expect(chi2Sf(Number.NaN, 1)).toBeNaN();
    expect(chi2Cdf(1, Number.NaN)).toBeNaN();
  });
});
