import { describe, expect, it } from 'vitest';
import { regularizedBeta, regularizedBetaComplement } from '../../../src/stats/special/incompleteBeta.js';
import { expectCloseAt, golden, num } from '../parametricGolden.js';

// Rows are [a, b, x, scipy, mpmath]. Against mpmath the worst relative error is 1.8e-13 (a result of 1.8e-215).
// scipy's cephes incbet itself is off by up to 3.5e-10 when max(a, b) ≥ 1e4 (measured against mpmath, e.g.
// a = 5e5, b = 3, x = 0.999), so there the scipy comparison can only be as tight as 1e-9.
describe('regularizedBeta golden (scipy.special.betainc 1.10.1, mpmath 1.2.1)', () => {
  const rows = golden.special.betaInc;
  it(`regularizedBeta(a, b, x) is within 1e-12 of mpmath on ${rows.length} points, shapes 0.5 … 5e5`, () => {
    for (const [a, b, x, , exact] of rows) {
      if (exact === null) continue;
      expectCloseAt(
        `I(${a}, ${b}, ${x})`,
        regularizedBeta(num(a), num(b), num(x)),
        num(exact),
        1e-12,
        1e-300,
      );
    }
  });
  it('regularizedBeta(a, b, x) matches scipy to 1e-12 (1e-9 where max(a, b) ≥ 1e4, scipy’s own error)', () => {
    for (const [a, b, x, scipy] of rows) {
      const rtol = Math.max(num(a), num(b)) >= 1e4 ? 1e-9 : 1e-12;
      expectCloseAt(`I(${a}, ${b}, ${x})`, regularizedBeta(num(a), num(b), num(x)), num(scipy), rtol, 1e-300);
    }
  });
});

describe('regularizedBeta edge cases', () => {
  it('regularizedBeta(1, 1, x) = x and regularizedBeta(a, 1, x) = x^a', () => {
    for (const x of [1e-8, 0.3, 0.5, 0.97]) {
      expectCloseAt(`I(1, 1, ${x})`, regularizedBeta(1, 1, x), x, 1e-14);
      expectCloseAt(`I(3.5, 1, ${x})`, regularizedBeta(3.5, 1, x), x ** 3.5, 1e-13);
    }
  });
  it('regularizedBeta(a, b, x) = 1 − regularizedBeta(b, a, 1 − x), and the complement is computed directly', () => {
    for (const [a, b, x] of [
      [2, 3, 0.4],
      [0.5, 7, 0.2],
      [30, 40, 0.45],
    ]) {
      expect(regularizedBeta(a, b, x) + regularizedBeta(b, a, 1 - x)).toBeCloseTo(1, 14);
      expectCloseAt(
        `complement(${a}, ${b}, ${x})`,
        regularizedBetaComplement(a, b, x),
        regularizedBeta(b, a, 1 - x),
        1e-14,
      );
    }
    // A complement of 1e-30 survives; 1 − I would round to 0.
    expect(regularizedBetaComplement(2, 200, 0.5)).toBeGreaterThan(0);
  });
  it('regularizedBeta(a, b, 0) = 0 and regularizedBeta(a, b, 1) = 1', () => {
    expect(regularizedBeta(2, 3, 0)).toBe(0);
    expect(regularizedBeta(2, 3, 1)).toBe(1);
  });
  it('regularizedBeta(a, b, x) is NaN outside the domain', () => {
    expect(regularizedBeta(0, 1, 0.5)).toBeNaN();
    expect(regularizedBeta(1, -1, 0.5)).toBeNaN();
    expect(regularizedBeta(1, 1, 1.5)).toBeNaN();
    expect(regularizedBeta(1, 1, Number.NaN)).toBeNaN();
  });
});
