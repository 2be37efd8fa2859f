import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/stats/random.js';
import golden from '../golden/metrics_regression_clustering_ranking.json' with { type: 'json' };

describe('createRandom stream (xoshiro128** seeded by SplitMix64)', () => {
  for (const c of golden.random) {
    it(`createRandom(${c.seed}) reproduces the reference C algorithm's first outputs`, () => {
      const random = createRandom(c.seed);
      expect(Array.from({ length: c.uint32.length }, () => random.nextUint32())).toEqual(c.uint32);
    });
    it(`createRandom(${c.seed}).next() builds 53-bit doubles from output pairs`, () => {
      const random = createRandom(c.seed);
      expect(Array.from({ length: c.next.length }, () => random.next())).toEqual(c.next);
    });
  }
  it('createRandom() defaults to seed 0', () => {
    expect(createRandom().nextUint32()).toBe(createRandom(0).nextUint32());
  });
  it('createRandom(seed) twice gives the same stream; different seeds differ', () => {
    const a = createRandom(123);
    const b = createRandom(123);
    const c = createRandom(124);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(xs);
  });
});

describe('createRandom distribution', () => {
  it('next() stays in [0, 1) with mean near 1/2 over 100000 draws', () => {
    const random = createRandom(1);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = random.next();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    // sd of the mean = sqrt(1/12 / 1e5) ≈ 0.00091: 5 sd bound, deterministic for this seed.
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.0046);
  });
  it('nextInt(6) is uniform on 0..5 (chi-square over 60000 draws)', () => {
    const random = createRandom(2);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[random.nextInt(6)]++;
    const chi2 = counts.reduce((s, c) => s + (c - 10_000) ** 2 / 10_000, 0);
    expect(chi2).toBeLessThan(20.5); // χ²(5) 0.999 quantile
  });
  it('nextInt(n) covers the edges n = 1 and n = 2^32', () => {
    const random = createRandom(3);
    expect(random.nextInt(1)).toBe(0);
    const big = random.nextInt(2 ** 32);
    expect(Number.isInteger(big) && big >= 0 && big < 2 ** 32).toBe(true);
  });
  it('nextInt(3 · 2^30) rejects to stay unbiased: results below 2^30 are not over-represented', () => {
    // 2^32 mod (3·2^30) = 2^30: without rejection, [0, 2^30) would get twice the mass of the rest (1/2 vs 1/3).
    const random = createRandom(4);
    let low = 0;
    for (let i = 0; i < 30_000; i++) if (random.nextInt(3 * 2 ** 30) < 2 ** 30) low++;
    expect(Math.abs(low / 30_000 - 1 / 3)).toBeLessThan(0.015);
  });
});

describe('createRandom input errors', () => {
  it('createRandom(1.5) and createRandom(NaN) throw INVALID_ARGUMENT', () => {
    expect(() => createRandom(1.5)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => createRandom(Number.NaN)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
  it('nextInt(0), nextInt(2.5) and nextInt(2^32 + 1) throw INVALID_ARGUMENT', () => {
    const random = createRandom(0);
    for (const n of [0, 2.5, 2 ** 32 + 1, Number.NaN]) {
      expect(() => random.nextInt(n)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
  });
});
