import { describe, expect, it } from 'vitest';
import { kolmogorovCdf, kolmogorovSf } from '../../../src/stats/distributions/kolmogorov.js';
import { expectCloseAt, golden, num } from '../parametricGolden.js';

// Rows are [x, scipy.special.kolmogorov(x), scipy.stats.kstwobign.cdf(x)]; measured worst 1e-14, at the 0.82
// switch between the two series.
describe('kolmogorovSf / kolmogorovCdf golden (scipy 1.10.1)', () => {
  it(`kolmogorovSf(x) and kolmogorovCdf(x) match scipy to 1e-13 on ${golden.distributions.kolmogorov.length} points`, () => {
    for (const [x, sf, cdf] of golden.distributions.kolmogorov) {
      expectCloseAt(`kolmogorovSf(${x})`, kolmogorovSf(num(x)), num(sf), 1e-13, 1e-300);
      expectCloseAt(`kolmogorovCdf(${x})`, kolmogorovCdf(num(x)), num(cdf), 1e-13, 1e-300);
    }
  });
});

describe('kolmogorovSf edge cases', () => {
  it('kolmogorovSf(x) = 2e^(−2x²) to leading order in the far tail', () => {
    expectCloseAt('kolmogorovSf(5)', kolmogorovSf(5), 2 * Math.exp(-50), 1e-15);
  });
  it('kolmogorovSf(x ≤ 0) = 1, kolmogorovSf(∞) = 0, kolmogorovSf(NaN) = NaN', () => {
    expect(kolmogorovSf(0)).toBe(1);
    expect(kolmogorovSf(-1)).toBe(1);
    expect(kolmogorovCdf(0)).toBe(0);
    expect(kolmogorovSf(Number.POSITIVE_INFINITY)).toBe(0);
    expect(kolmogorovSf(Number.NaN)).toBeNaN();
    expect(kolmogorovCdf(Number.NaN)).toBeNaN();
  });
  it('kolmogorovSf(x) + kolmogorovCdf(x) = 1 on both sides of the series switch', () => {
    for (const x of [0.3, 0.82, 0.83, 1.5]) expect(kolmogorovSf(x) + kolmogorovCdf(x)).toBeCloseTo(1, 15);
  });
});
