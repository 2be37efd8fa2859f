import { describe, expect, it } from 'vitest';
import { sortSample } from '../../src/stats/sortSample.js';
import { wassersteinDistance, wassersteinDistanceSorted } from '../../src/stats/wassersteinDistance.js';
import golden from '../golden/stats_distances.json' with { type: 'json' };
import { expectClose } from '../helpers/close.js';

describe('wassersteinDistance golden (scipy.stats.wasserstein_distance, scipy 1.10.1)', () => {
  for (const c of golden.pairs) {
    it(`wassersteinDistance(${c.name}) matches scipy`, () => {
      // atol for the identical/constant cases, where scipy's 0 is exact and so is ours.
      expectClose(wassersteinDistance(c.x, c.y), c.wasserstein, 1e-9, 1e-15);
    });
    it(`wassersteinDistanceSorted(${c.name}) equals the unsorted variant`, () => {
      expect(wassersteinDistanceSorted(sortSample(c.x), sortSample(c.y))).toBe(wassersteinDistance(c.x, c.y));
    });
  }
});

describe('wassersteinDistance edge cases', () => {
  it('wassersteinDistance([0, 1, 3], [5, 6, 8]) is the shift 5', () => {
    expect(wassersteinDistance([0, 1, 3], [5, 6, 8])).toBe(5);
  });
  it('wassersteinDistance(x, x) is 0 and symmetric', () => {
    expect(wassersteinDistance([3, 1, 2], [1, 2, 3])).toBe(0);
    expect(wassersteinDistance([1, 4], [2, 2, 9])).toBe(wassersteinDistance([2, 2, 9], [1, 4]));
  });
  it('wassersteinDistance of single values is their distance', () => {
    expect(wassersteinDistance([-2], [1.5])).toBe(3.5);
  });
  it('wassersteinDistance(empty, y) throws EMPTY_INPUT', () => {
    expect(() => wassersteinDistance([], [1])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
  });
  it('wassersteinDistance with NaN throws NON_FINITE', () => {
    expect(() => wassersteinDistance([1, Number.NaN], [1])).toThrow(
      expect.objectContaining({ code: 'NON_FINITE' }),
    );
  });
  it('wassersteinDistanceSorted(unsorted) throws INVALID_ARGUMENT', () => {
    expect(() => wassersteinDistanceSorted([2, 1], [1])).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
  it('wassersteinDistance is translation-invariant for huge values', () => {
    expectClose(wassersteinDistance([1e15, 1e15 + 2], [1e15 + 4, 1e15 + 6]), 4, 1e-12);
  });
});
