import { describe, expect, it } from 'vitest';
import { mannWhitneyU, mannWhitneyUSorted } from '../../src/stats/mannWhitneyU.js';
import { sortSample } from '../../src/stats/sortSample.js';
import golden from '../golden/stats_distances.json' with { type: 'json' };
import { expectClose } from '../helpers/close.js';

type Expected = { statistic: number; pValue: number | null; method?: string };

describe('mannWhitneyU golden (scipy.stats.mannwhitneyu two-sided, scipy 1.10.1)', () => {
  for (const c of golden.pairs) {
    const m = c.mannWhitneyU as Record<string, Expected | undefined>;
    const variants: [string, Expected | undefined, Parameters<typeof mannWhitneyU>[2]][] = [
      ['auto', m.auto, {}],
      ['asymptotic', m.asymptotic, { method: 'asymptotic' }],
      ['asymptoticNoContinuity', m.asymptoticNoContinuity, { method: 'asymptotic', useContinuity: false }],
      ['exact', m.exact, { method: 'exact' }],
    ];
    for (const [label, expected, options] of variants) {
      if (!expected) continue;
      it(`mannWhitneyU(${c.name}, ${label}) matches scipy`, () => {
        const r = mannWhitneyU(c.x, c.y, options);
        expect(r.statistic).toBe(expected.statistic);
        if (expected.pValue === null) {
          // scipy returns NaN (0/0) when every value ties and there is no continuity correction; we return 1.
          expect(r.pValue).toBe(1);
        } else {
          expectClose(r.pValue, expected.pValue, 1e-9);
        }
        if (expected.method) expect(r.method).toBe(expected.method);
      });
    }
    it(`mannWhitneyUSorted(${c.name}) equals the unsorted variant`, () => {
      const options = { method: 'asymptotic' } as const;
      expect(mannWhitneyUSorted(sortSample(c.x), sortSample(c.y), options)).toEqual(
        mannWhitneyU(c.x, c.y, options),
      );
    });
  }
});

describe('mannWhitneyU behaviour', () => {
  it('mannWhitneyU(males, females) reproduces the scipy docstring example (U = 17, p = 1/9)', () => {
    const r = mannWhitneyU([19, 22, 16, 29, 24], [20, 11, 17, 12]);
    expect(r).toEqual({ statistic: 17, pValue: 0.1111111111111111, method: 'exact' });
    expectClose(
      mannWhitneyU([19, 22, 16, 29, 24], [20, 11, 17, 12], { method: 'asymptotic' }).pValue,
      0.11134688653314041,
      1e-12,
    );
  });
  it("mannWhitneyU(x, y) 'auto' picks exact when only one sample has at most 8 values", () => {
    const x = [1, 2, 3];
    const y = Array.from({ length: 30 }, (_, i) => i + 0.5);
    expect(mannWhitneyU(x, y).method).toBe('exact');
  });
  it("mannWhitneyU(x, y) 'auto' picks asymptotic when there are ties", () => {
    expect(mannWhitneyU([1, 2, 2], [2, 3]).method).toBe('asymptotic');
  });
  it('mannWhitneyU(x, y) and (y, x) give U₁ + U₂ = n₁n₂ and the same p-value', () => {
    const x = [0.1, 2.3, 1.7, 4.4, 0.9, 3.1, 2.2, 5.0, 1.1, 0.3];
    const y = [1.5, 2.8, 3.9, 4.1, 6.2, 2.6, 3.3, 5.5, 4.8];
    const a = mannWhitneyU(x, y);
    const b = mannWhitneyU(y, x);
    expect(a.statistic + b.statistic).toBe(x.length * y.length);
    expect(a.pValue).toBe(b.pValue);
  });
  it('mannWhitneyU(x, y) with every x above every y gives U = n₁n₂', () => {
    expect(mannWhitneyU([10, 11, 12], [1, 2]).statistic).toBe(6);
  });
  it('mannWhitneyU of fully separated large samples has a tiny p-value from the accurate normal tail', () => {
    const x = Array.from({ length: 500 }, (_, i) => i);
    const y = Array.from({ length: 500 }, (_, i) => 1000 + i);
    const r = mannWhitneyU(x, y);
    expect(r.statistic).toBe(0);
    // z = (125000 − 0.5)/√(500·500·1001/12) = 27.3676…; 2·Q(z) ≈ 1.2e-164, far below where 1 − Φ would lose it.
    expect(r.pValue).toBeGreaterThan(0);
    expect(r.pValue).toBeLessThan(1e-160);
  });
  it('mannWhitneyU(constant, same constant) has p = 1', () => {
    expect(mannWhitneyU([2, 2, 2], [2, 2])).toEqual({ statistic: 3, pValue: 1, method: 'asymptotic' });
  });
  it('mannWhitneyU([a], [b]) with one value each is exact with p = 1', () => {
    expect(mannWhitneyU([1], [2])).toEqual({ statistic: 0, pValue: 1, method: 'exact' });
  });
  it('mannWhitneyU(empty, y) throws EMPTY_INPUT', () => {
    expect(() => mannWhitneyU([], [1])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
  });
  it('mannWhitneyU with NaN throws NON_FINITE', () => {
    expect(() => mannWhitneyU([1], [Number.NaN])).toThrow(expect.objectContaining({ code: 'NON_FINITE' }));
  });
  it('mannWhitneyU with an unknown method throws INVALID_ARGUMENT', () => {
    // @ts-expect-error testing a value outside the type
    expect(() => mannWhitneyU([1], [2], { method: 'fast' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
  it("mannWhitneyU(huge, huge, 'exact') refuses the O(m²n) work with INVALID_ARGUMENT", () => {
    const x = new Float64Array(2000).map((_, i) => i);
    const y = new Float64Array(2000).map((_, i) => i + 0.5);
    expect(() => mannWhitneyU(x, y, { method: 'exact' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
  it("mannWhitneyU(8 values, 7 million) 'auto' falls back to asymptotic where the exact table would not fit", () => {
    const x = Float64Array.of(-3, -2, -1, 0.5, 1.5, 2.5, 3.5, 4.5);
    const y = new Float64Array(7_000_000).map((_, i) => i / 1e6 - 3.4999995);
    expect(mannWhitneyUSorted(x, y).method).toBe('asymptotic');
    expect(mannWhitneyUSorted(x, y.subarray(0, 10_000)).method).toBe('exact');
  });
  it('mannWhitneyUSorted(unsorted) throws INVALID_ARGUMENT', () => {
    expect(() => mannWhitneyUSorted([3, 1], [2])).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
