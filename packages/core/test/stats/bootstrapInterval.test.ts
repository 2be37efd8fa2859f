import { describe, expect, it } from 'vitest';
import { bootstrapInterval, bootstrapIntervals } from '../../src/stats/bootstrapInterval.js';
import { gather } from '../../src/stats/gather.js';
import { quantileSorted } from '../../src/stats/quantile.js';
import { createRandom } from '../../src/stats/random.js';

/** n standard normal draws by Box–Muller from a seeded generator. */
function normalSample(n: number, seed: number): Float64Array {
  const random = createRandom(seed);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = 1 - random.next(); // (0, 1]: log(0) impossible
    x[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
  }
  return x;
}

const meanOf = (x: ArrayLike<number>) => (indices: Uint32Array) => {
  let s = 0;
  for (let i = 0; i < indices.length; i++) s += x[indices[i]];
  return s / indices.length;
};

describe('bootstrapInterval percentile method', () => {
  it('bootstrapInterval(mean, n, { seed }) is deterministic for a seed and changes with it', () => {
    const x = normalSample(40, 1);
    const a = bootstrapInterval(meanOf(x), 40, { seed: 5 });
    expect(bootstrapInterval(meanOf(x), 40, { seed: 5 })).toEqual(a);
    expect(bootstrapInterval(meanOf(x), 40, { seed: 6 }).low).not.toBe(a.low);
  });
  it('bootstrapInterval(mean) returns the estimate on the full sample and quantiles of the resamples', () => {
    const x = normalSample(30, 2);
    const result = bootstrapInterval(meanOf(x), 30, { seed: 3, resamples: 200, confidence: 0.9 });
    expect(result.estimate).toBe(meanOf(x)(Uint32Array.from({ length: 30 }, (_, i) => i)));
    // Replay the documented draw (indices = nextInt(n) in order, resample after resample) and take numpy-style
    // quantiles of the resampled means: the interval must be exactly these.
    const random = createRandom(3);
    const stats = new Float64Array(200);
    const idx = new Uint32Array(30);
    for (let r = 0; r < 200; r++) {
      for (let i = 0; i < 30; i++) idx[i] = random.nextInt(30);
      stats[r] = meanOf(x)(idx);
    }
    stats.sort();
    expect(result.low).toBe(quantileSorted(stats, 0.05));
    expect(result.high).toBe(quantileSorted(stats, 0.95));
    expect(result).toMatchObject({ confidence: 0.9, resamples: 200, skipped: 0 });
  });
  it('bootstrapInterval(mean of normal data) covers the true mean in about 95% of 200 seeded repetitions', () => {
    let covered = 0;
    for (let rep = 0; rep < 200; rep++) {
      const x = normalSample(50, 1000 + rep);
      const { low, high } = bootstrapInterval(meanOf(x), 50, { seed: rep, resamples: 400 });
      if (low <= 0 && 0 <= high) covered++;
    }
    // Binomial(200, 0.95) has sd ≈ 3.1 repetitions; the percentile interval under-covers slightly at n = 50.
    expect(covered).toBeGreaterThanOrEqual(178);
    expect(covered).toBeLessThanOrEqual(197);
  });
  it('bootstrapInterval(statistic giving NaN on one-class resamples) drops and counts them', () => {
    // One positive among five: P(no positive in a resample) = (4/5)^5 ≈ 0.33, where an AUC-like statistic is NaN.
    const y = [0, 0, 1, 0, 0];
    const statistic = (idx: Uint32Array) => {
      const ys = gather(y, idx);
      const positives = ys.reduce((s, v) => s + v, 0);
      return positives === 0 || positives === ys.length ? Number.NaN : positives / ys.length;
    };
    const result = bootstrapInterval(statistic, 5, { seed: 11, resamples: 1000 });
    expect(result.resamples + result.skipped).toBe(1000);
    expect(result.skipped).toBeGreaterThan(280);
    expect(result.skipped).toBeLessThan(380);
    expect(result.low).toBeGreaterThan(0);
    expect(Number.isNaN(result.high)).toBe(false);
  });
  it('bootstrapInterval(statistic always NaN) returns NaN bounds, 0 resamples, all skipped', () => {
    const result = bootstrapInterval(() => Number.NaN, 3, { resamples: 10 });
    expect(result.low).toBeNaN();
    expect(result.high).toBeNaN();
    expect(result).toMatchObject({ resamples: 0, skipped: 10 });
  });
  it('bootstrapInterval(constant data) is the constant at both ends; n = 1 works', () => {
    const x = [2.5, 2.5, 2.5];
    expect(bootstrapInterval(meanOf(x), 3)).toMatchObject({ low: 2.5, high: 2.5, estimate: 2.5 });
    expect(bootstrapInterval(meanOf([7]), 1, { resamples: 5 })).toMatchObject({ low: 7, high: 7 });
  });
  it('bootstrapInterval passes indices of length n with values in [0, n)', () => {
    let ok = true;
    bootstrapInterval(
      (idx) => {
        if (idx.length !== 7 || idx.some((i) => i >= 7)) ok = false;
        return 0;
      },
      7,
      { resamples: 50 },
    );
    expect(ok).toBe(true);
  });
});

describe('bootstrapInterval input errors', () => {
  const stat = () => 0;
  it('bootstrapInterval(n = 0) throws EMPTY_INPUT', () => {
    expect(() => bootstrapInterval(stat, 0)).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
  });
  it('bootstrapInterval(bad n, confidence, resamples, seed, statistic) throws INVALID_ARGUMENT', () => {
    const bad: [() => unknown, string][] = [
      [() => bootstrapInterval(stat, 2.5), 'n'],
      [() => bootstrapInterval(stat, 5, { confidence: 1 }), 'confidence'],
      [() => bootstrapInterval(stat, 5, { confidence: 0 }), 'confidence'],
      [() => bootstrapInterval(stat, 5, { resamples: 0 }), 'resamples'],
      [() => bootstrapInterval(stat, 5, { seed: 0.5 }), 'seed'],
      // @ts-expect-error: not a function
      [() => bootstrapInterval(42, 5), 'statistic'],
    ];
    for (const [call, name] of bad) {
      expect(call).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining(name) }),
      );
    }
  });
});

describe('bootstrapIntervals', () => {
  it('bootstrapIntervals(several statistics) gives each the interval bootstrapInterval gives it alone', () => {
    const x = [2.1, 3.4, 1.9, 5.6, 4.2, 3.3, 0.7, 8.8];
    const mean = (idx: Uint32Array) => idx.reduce((s, i) => s + x[i], 0) / idx.length;
    const max = (idx: Uint32Array) => idx.reduce((m, i) => Math.max(m, x[i]), Number.NEGATIVE_INFINITY);
    const both = bootstrapIntervals((idx) => ({ mean: mean(idx), max: max(idx) }), x.length, {
      seed: 7,
      resamples: 300,
    });
    expect(both.mean).toEqual(bootstrapInterval(mean, x.length, { seed: 7, resamples: 300 }));
    expect(both.max).toEqual(bootstrapInterval(max, x.length, { seed: 7, resamples: 300 }));
    expect(both.mean.low).toBeLessThan(both.mean.high);
  });
});

describe('bootstrapIntervals onProgress', () => {
  it('bootstrapIntervals(…, { onProgress }) reports every resample in order, ending at the total', () => {
    const seen: number[] = [];
    bootstrapIntervals((idx) => ({ n: idx.length }), 5, {
      resamples: 4,
      onProgress: (done, total) => seen.push(done, total),
    });
    expect(seen).toEqual([1, 4, 2, 4, 3, 4, 4, 4]);
  });
});
