import { describe, expect, it } from 'vitest';
import { besselK, besselKScaled } from '../../../src/stats/special/besselK.js';
import golden from '../../golden/stats_distances.json' with { type: 'json' };
import { expectClose } from '../../helpers/close.js';

describe('besselK golden (mpmath.besselk at 40 digits; scipy.special.kv beside it)', () => {
  for (const c of golden.besselK) {
    it(`besselKScaled(${c.nu}, ${c.x}) is within 1e-13 of the 40-digit value`, () => {
      expectClose(besselKScaled(c.nu, c.x), c.kScaled, 1e-13);
    });
    it(`besselK(${c.nu}, ${c.x}) matches mpmath and scipy.special.kv`, () => {
      expectClose(besselK(c.nu, c.x), c.k, 1e-13);
      // scipy's kv is itself accurate to ~1e-14 here, except that it flushes K(ν, 700) ≈ 4.7e-306 to 0.
      if (c.scipyKv !== 0) expectClose(besselK(c.nu, c.x), c.scipyKv, 1e-12);
    });
  }
});

describe('besselK behaviour', () => {
  it('besselK(½, x) is the closed form √(π/(2x))·e^(−x)', () => {
    for (const x of [1e-6, 0.3, 2, 17, 300]) {
      expectClose(besselK(0.5, x), Math.sqrt(Math.PI / (2 * x)) * Math.exp(-x), 1e-14);
    }
  });
  it('besselK(−ν, x) equals besselK(ν, x)', () => {
    expect(besselK(-0.25, 1.3)).toBe(besselK(0.25, 1.3));
  });
  it('besselK(ν, 0) is +∞; negative x and NaN give NaN; huge x underflows to 0', () => {
    expect(besselK(0.25, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(besselK(0.25, -1)).toBeNaN();
    expect(besselK(Number.NaN, 1)).toBeNaN();
    expect(besselK(0.25, 800)).toBe(0);
    expect(besselKScaled(0.25, Number.POSITIVE_INFINITY)).toBe(0);
  });
  it('besselKScaled(ν, x) stays finite where besselK underflows', () => {
    expectClose(besselKScaled(0.25, 1e6), Math.sqrt(Math.PI / 2e6), 1e-6);
  });
});
