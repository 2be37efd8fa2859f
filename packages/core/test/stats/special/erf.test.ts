import { describe, expect, it } from 'vitest';
import { erf, erfc, erfcx } from '../../../src/stats/special/erf.js';
import { expectCloseAt, golden, num } from '../parametricGolden.js';

// Golden rows are [x, scipy, mpmath]. mpmath (40 digits, exact binary inputs) is the truth; scipy is the reference
// we promise to match. Measured: ≤ 8e-16 relative to both.
describe('erf family golden (scipy.special 1.10.1 and mpmath 1.2.1)', () => {
  const cases = [
    ['erf', erf, golden.special.erf],
    ['erfc', erfc, golden.special.erfc],
    ['erfcx', erfcx, golden.special.erfcx],
  ] as const;
  for (const [name, fn, rows] of cases) {
    it(`${name}(x) matches scipy.special.${name} to 1e-14 on ${rows.length} points including the tails`, () => {
      for (const [x, scipy] of rows) expectCloseAt(`${name}(${x})`, fn(num(x)), num(scipy), 1e-14);
    });
    it(`${name}(x) is within 2e-15 of the mpmath value (Cody's rational approximations)`, () => {
      for (const [x, , exact] of rows) {
        if (exact !== null) expectCloseAt(`${name}(${x})`, fn(num(x)), num(exact), 2e-15);
      }
    });
  }
});

describe('erf family edge cases', () => {
  it('erf(x) is odd and erfc(x) + erfc(-x) = 2', () => {
    for (const x of [0.1, 0.46875, 0.5, 2, 3.9, 4.1, 6]) {
      expect(erf(-x)).toBe(-erf(x));
      expect(erfc(x) + erfc(-x)).toBeCloseTo(2, 15);
    }
  });
  it('erf(±∞) = ±1, erfc(-∞) = 2, erfc(+∞) = 0, erfcx(+∞) = 0', () => {
    expect(erf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(erf(Number.NEGATIVE_INFINITY)).toBe(-1);
    expect(erfc(Number.NEGATIVE_INFINITY)).toBe(2);
    expect(erfc(Number.POSITIVE_INFINITY)).toBe(0);
    expect(erfcx(Number.POSITIVE_INFINITY)).toBe(0);
  });
  it('erfc(x) underflows to 0 only past x ≈ 26.6 and stays accurate at 26.5', () => {
    expect(erfc(26.5)).toBeGreaterThan(0);
    expect(erfc(28)).toBe(0);
  });
  it('erfcx(x) ~ 1/(x√π) for huge x and overflows for very negative x', () => {
    expectCloseAt('erfcx(1e300)', erfcx(1e300), 1 / (1e300 * Math.sqrt(Math.PI)), 1e-15);
    expect(erfcx(-30)).toBe(Number.POSITIVE_INFINITY);
  });
  it('erf(NaN), erfc(NaN), erfcx(NaN) are NaN', () => {
    expect(erf(Number.NaN)).toBeNaN();
    expect(erfc(Number.NaN)).toBeNaN();
    expect(erfcx(Number.NaN)).toBeNaN();
  });
});
