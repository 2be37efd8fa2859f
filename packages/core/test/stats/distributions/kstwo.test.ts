import { describe, expect, it } from 'vitest';
import { kstwoCdf, kstwoSf } from '../../../src/stats/distributions/kstwo.js';
import { expectCloseAt, golden, num } from '../parametricGolden.js';

// Rows are [d, n, scipy kstwo.sf, scipy kstwo.cdf, sf regime, cdf regime] on a grid n = 1 … 1e6 whose d values
// straddle every cut-off of scipy's _kolmogn. Measured worst: 4e-13 (Pomeranz sf at n = 140, p = 6e-4; Durbin cdf
// at n = 1e5, p = 5e-19). Results below 1e-300 are compared absolutely: scipy keeps a few subnormals (1.5e-321)
// that our exp() flushes to 0.
const rows = golden.distributions.kstwo;

describe('kstwoSf / kstwoCdf golden (scipy.stats.kstwo 1.10.1)', () => {
  const sfRegimes = new Set(rows.map((r) => String(r[4])));
  const cdfRegimes = new Set(rows.map((r) => String(r[5])));
  for (const regime of sfRegimes) {
    it(`kstwoSf(d, n) matches scipy to 1e-12 in the ${regime} regime`, () => {
      for (const [d, n, sf, , r] of rows) {
        if (r === regime)
          expectCloseAt(`kstwoSf(${d}, ${n})`, kstwoSf(num(d), num(n)), num(sf), 1e-12, 1e-300);
      }
    });
  }
  for (const regime of cdfRegimes) {
    it(`kstwoCdf(d, n) matches scipy to 1e-12 in the ${regime} regime`, () => {
      for (const [d, n, , cdf, , r] of rows) {
        if (r === regime)
          expectCloseAt(`kstwoCdf(${d}, ${n})`, kstwoCdf(num(d), num(n)), num(cdf), 1e-12, 1e-300);
      }
    });
  }
  it('the golden grid covers every branch of scipy’s regime selection', () => {
    for (const regime of [
      'support-low',
      'support-high',
      'ruben-gambino-low',
      'ruben-gambino-high',
      '2smirnov-half',
      'durbin',
      'pomeranz',
      '2smirnov-miller',
      'zero',
      '2smirnov',
      'pelz-good',
    ]) {
      expect(sfRegimes.has(regime) || cdfRegimes.has(regime), regime).toBe(true);
    }
    expect(cdfRegimes.has('one')).toBe(true);
  });
});

describe('kstwoSf edge cases', () => {
  it('kstwoSf(d ≤ 1/(2n), n) = 1 and kstwoSf(d ≥ 1, n) = 0', () => {
    expect(kstwoSf(0, 10)).toBe(1);
    expect(kstwoSf(0.05, 10)).toBe(1);
    expect(kstwoCdf(0.05, 10)).toBe(0);
    expect(kstwoSf(1, 10)).toBe(0);
    expect(kstwoSf(1.5, 10)).toBe(0);
    expect(kstwoCdf(1, 10)).toBe(1);
  });
  it('kstwoSf(d, 1) = 2(1 − d) for ½ ≤ d ≤ 1 (a single observation)', () => {
    expectCloseAt('kstwoSf(0.7, 1)', kstwoSf(0.7, 1), 2 * (1 - 0.7), 1e-14);
  });
  it('kstwoSf(d, n) is NaN for non-integer or non-positive n and NaN d', () => {
    expect(kstwoSf(0.3, 0)).toBeNaN();
    expect(kstwoSf(0.3, 10.5)).toBeNaN();
    expect(kstwoSf(Number.NaN, 10)).toBeNaN();
    expect(kstwoCdf(0.3, -1)).toBeNaN();
  });
  it('kstwoSf(d, n) + kstwoCdf(d, n) = 1 where both are computed directly', () => {
    for (const [d, n] of [
      [0.2, 30],
      [0.05, 500],
      [0.01, 20000],
      [0.3, 100],
    ]) {
      expect(kstwoSf(d, n) + kstwoCdf(d, n)).toBeCloseTo(1, 12);
    }
  });
});
