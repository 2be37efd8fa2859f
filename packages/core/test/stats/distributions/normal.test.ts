import { describe, expect, it } from 'vitest';
import { normalCdf, normalPpf, normalSf } from '../../../src/stats/distributions/normal.js';
import { expectCloseAt, golden, num } from '../parametricGolden.js';

// Rows are [x or p, scipy, mpmath]. Measured: ≤ 5e-16 relative to mpmath everywhere, both tails down to 1e-307;
// scipy's ndtr itself is off by up to 6e-14 in the far tail (x = ±30), hence 1e-12 against scipy.
describe('normal distribution golden (scipy.stats.norm 1.10.1, mpmath 1.2.1)', () => {
  const d = golden.distributions;
  it(`normalSf(x) and normalCdf(x) are within 2e-15 of mpmath on ${d.normalSf.length} points, |x| up to 38`, () => {
    for (const [x, , exact] of d.normalSf)
      expectCloseAt(`normalSf(${x})`, normalSf(num(x)), num(exact), 2e-15, 1e-310);
    for (const [x, , exact] of d.normalCdf) {
      expectCloseAt(`normalCdf(${x})`, normalCdf(num(x)), num(exact), 2e-15, 1e-310);
    }
  });
  it('normalSf(x) and normalCdf(x) match scipy.stats.norm to 1e-12', () => {
    for (const [x, scipy] of d.normalSf)
      expectCloseAt(`normalSf(${x})`, normalSf(num(x)), num(scipy), 1e-12, 1e-300);
    for (const [x, scipy] of d.normalCdf)
      expectCloseAt(`normalCdf(${x})`, normalCdf(num(x)), num(scipy), 1e-12, 1e-300);
  });
  it('normalPpf(p) matches scipy.stats.norm.ppf and mpmath to 1e-15 (Wichura AS 241), p from 1e-300', () => {
    for (const [p, scipy, exact] of d.normalPpf) {
      expectCloseAt(`normalPpf(${p})`, normalPpf(num(p)), num(scipy), 1e-15);
      expectCloseAt(`normalPpf(${p})`, normalPpf(num(p)), num(exact), 1e-15);
    }
  });
});

describe('normal distribution edge cases', () => {
  it('normalSf(0) = normalCdf(0) = 0.5 and normalSf(x) = normalCdf(-x)', () => {
    expect(normalSf(0)).toBe(0.5);
    expect(normalCdf(0)).toBe(0.5);
    for (const x of [-40, -5, -0.3, 0.7, 8, 37]) expect(normalSf(x)).toBe(normalCdf(-x));
  });
  it('normalSf(±∞) is 0 / 1 and normalSf(NaN) is NaN', () => {
    expect(normalSf(Number.POSITIVE_INFINITY)).toBe(0);
    expect(normalSf(Number.NEGATIVE_INFINITY)).toBe(1);
    expect(normalSf(Number.NaN)).toBeNaN();
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
  it('normalSf(37) keeps full precision where ½·erfc(x/√2) would lose ~x²·ε', () => {
    // mpmath 1.2.1: ncdf(-37) = 5.72557122252457682e-300
    expectCloseAt('normalSf(37)', normalSf(37), 5.725571222524577e-300, 2e-15);
  });
  it('normalPpf(0) = −∞, normalPpf(1) = +∞, normalPpf(0.5) = 0; outside [0, 1] or NaN gives NaN', () => {
    expect(normalPpf(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalPpf(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalPpf(0.5)).toBe(0);
    expect(normalPpf(-0.1)).toBeNaN();
    expect(normalPpf(1.1)).toBeNaN();
    expect(normalPpf(Number.NaN)).toBeNaN();
  });
  it('normalCdf(normalPpf(p)) returns p', () => {
    for (const p of [1e-300, 1e-20, 0.01, 0.3, 0.5, 0.8, 0.999]) {
      expectCloseAt(`round trip ${p}`, normalCdf(normalPpf(p)), p, 1e-13);
    }
  });
});
