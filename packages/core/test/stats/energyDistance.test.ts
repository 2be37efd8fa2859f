import { describe, expect, it } from 'vitest';
import { energyDistance, energyDistanceSorted } from '../../src/stats/energyDistance.js';
import { sortSample } from '../../src/stats/sortSample.js';
import golden from '../golden/stats_distances.json' with { type: 'json' };
import { expectClose } from '../helpers/close.js';

/** E-statistic by its pairwise definition, O(n·m), to check the CDF formula independently of scipy. */
function energyBruteForce(x: number[], y: number[]): number {
  const mean = (a: number[], b: number[]) => {
    let s = 0;
    for (const u of a) for (const v of b) s += Math.abs(u - v);
    return s / (a.length * b.length);
  };
  return Math.sqrt(2 * mean(x, y) - mean(x, x) - mean(y, y));
}

describe('energyDistance golden (scipy.stats.energy_distance, scipy 1.10.1)', () => {
  for (const c of golden.pairs) {
    it(`energyDistance(${c.name}) matches scipy`, () => {
      expectClose(energyDistance(c.x, c.y), c.energy, 1e-9, 1e-15);
    });
    it(`energyDistanceSorted(${c.name}) equals the unsorted variant`, () => {
      expect(energyDistanceSorted(sortSample(c.x), sortSample(c.y))).toBe(energyDistance(c.x, c.y));
    });
  }
});

describe('energyDistance edge cases', () => {
  it('energyDistance([0], [1]) is √2', () => {
    expect(energyDistance([0], [1])).toBe(Math.SQRT2);
  });
  it('energyDistance(x, y) equals the pairwise definition √(2E|X−Y| − E|X−X′| − E|Y−Y′|)', () => {
    const x = [0.3, -1.2, 2.5, 2.5, 0.7];
    const y = [1.1, 0.9, -0.4, 3.3];
    expectClose(energyDistance(x, y), energyBruteForce(x, y), 1e-12);
  });
  it('energyDistance(constant, same constant) is 0', () => {
    expect(energyDistance([4, 4, 4], [4, 4])).toBe(0);
  });
  it('energyDistance(empty, y) throws EMPTY_INPUT', () => {
    expect(() => energyDistance([1], [])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
  });
  it('energyDistance with Infinity throws NON_FINITE', () => {
    expect(() => energyDistance([1], [Number.POSITIVE_INFINITY])).toThrow(
      expect.objectContaining({ code: 'NON_FINITE' }),
    );
  });
  it('energyDistanceSorted(unsorted) throws INVALID_ARGUMENT', () => {
    expect(() => energyDistanceSorted([1], [3, 2])).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
