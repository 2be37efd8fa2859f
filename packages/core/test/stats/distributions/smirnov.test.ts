import { describe, expect, it } from 'vitest';
import { smirnovSf } from '../../../src/stats/distributions/smirnov.js';
import { expectCloseAt, golden, num } from '../parametricGolden.js';

// Rows are [n, d, scipy.special.smirnov(n, d)] for n from 1 to 1 000 001 (the last uses scipy's approximation
// for n > 10⁶). Measured worst: 2e-13, for a result of 2e-22 at n = 1e5.
describe('smirnovSf golden (scipy.special.smirnov 1.10.1)', () => {
  it(`smirnovSf(n, d) matches scipy to 1e-12 on ${golden.distributions.smirnov.length} points`, () => {
    for (const [n, d, sf] of golden.distributions.smirnov) {
      expectCloseAt(`smirnovSf(${n}, ${d})`, smirnovSf(num(n), num(d)), num(sf), 1e-12, 1e-300);
    }
  });
});

describe('smirnovSf edge cases', () => {
  it('smirnovSf(1, d) = 1 − d, smirnovSf(n, 0) = 1, smirnovSf(n, 1) = 0', () => {
    expect(smirnovSf(1, 0.3)).toBe(0.7);
    expect(smirnovSf(10, 0)).toBe(1);
    expect(smirnovSf(10, 1)).toBe(0);
  });
  it('smirnovSf(n, d) = (1 − d)ⁿ for d ≥ 1 − 1/n (a single term)', () => {
    expectCloseAt('smirnovSf(5, 0.9)', smirnovSf(5, 0.9), 0.1 ** 5, 1e-14);
  });
  it('smirnovSf(n, d) is NaN for non-integer or non-positive n and d outside [0, 1]', () => {
    expect(smirnovSf(0, 0.5)).toBeNaN();
    expect(smirnovSf(2.5, 0.5)).toBeNaN();
    expect(smirnovSf(10, 1.1)).toBeNaN();
    expect(smirnovSf(10, -0.1)).toBeNaN();
    expect(smirnovSf(10, Number.NaN)).toBeNaN();
  });
  it('smirnovSf(n, d) decreases in d', () => {
    let last = 1;
    for (let d = 0.01; d < 1; d += 0.01) {
      const p = smirnovSf(50, d);
      expect(p).toBeLessThanOrEqual(last);
      last = p;
    }
  });
});
