import { describe, expect, it } from 'vitest';
import { andersonKSamp } from '../../src/stats/andersonKSamp.js';
import golden from '../golden/stats_distances.json' with { type: 'json' };
import { expectClose } from '../helpers/close.js';

interface Expected {
  statistic: number;
  criticalValues: number[];
  pValue: number;
  pValueClipped: boolean;
}

function check(samples: number[][], midrank: boolean, expected: Expected): void {
  const r = andersonKSamp(samples, { midrank });
  expectClose(r.statistic, expected.statistic, 1e-9, 1e-14);
  r.criticalValues.forEach((v, i) => {
    expectClose(v, expected.criticalValues[i], 1e-12);
  });
  expect(r.pValueClipped).toBe(expected.pValueClipped);
  // The interpolated p-value is exact up to the quadratic fit: numpy.polyfit (SVD) and our QR agree to rounding.
  expectClose(r.pValue, expected.pValue, 1e-9);
}

describe('andersonKSamp golden (scipy.stats.anderson_ksamp, scipy 1.10.1)', () => {
  for (const c of golden.pairs) {
    if (!c.anderson) continue;
    it(`andersonKSamp([${c.name}]) midrank matches scipy`, () => check([c.x, c.y], true, c.anderson.midrank));
    it(`andersonKSamp([${c.name}], midrank false) matches scipy`, () =>
      check([c.x, c.y], false, c.anderson.right));
  }
  for (const c of golden.andersonKSamp) {
    it(`andersonKSamp(${c.name}) midrank matches scipy`, () => check(c.samples, true, c.midrank));
    it(`andersonKSamp(${c.name}, midrank false) matches scipy`, () => check(c.samples, false, c.right));
  }
});

describe('andersonKSamp behaviour', () => {
  it('andersonKSamp lists the significance levels of its critical values', () => {
    const r = andersonKSamp([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    expect(r.significanceLevels).toEqual([0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001]);
    expect(r.criticalValues).toHaveLength(7);
  });
  it('andersonKSamp of well-separated samples floors the p-value at 0.001 and says so', () => {
    const a = Array.from({ length: 50 }, (_, i) => i);
    const b = Array.from({ length: 50 }, (_, i) => 100 + i);
    const r = andersonKSamp([a, b]);
    expect(r.pValue).toBe(0.001);
    expect(r.pValueClipped).toBe(true);
  });
  it('andersonKSamp is invariant to the order of the samples', () => {
    const a = [0.3, 1.2, 2.2, 0.9, 1.7];
    const b = [1.1, 2.5, 3.1, 0.4];
    const c = [2.2, 2.9, 1.4];
    expectClose(andersonKSamp([a, b, c]).statistic, andersonKSamp([c, a, b]).statistic, 1e-12);
  });
  it('andersonKSamp with one sample throws INVALID_ARGUMENT', () => {
    expect(() => andersonKSamp([[1, 2, 3]])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
  it('andersonKSamp with an empty sample throws EMPTY_INPUT', () => {
    expect(() => andersonKSamp([[1, 2, 3], []])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
  });
  it('andersonKSamp with fewer than 4 values in all throws INVALID_ARGUMENT (scipy returns NaN)', () => {
    expect(() => andersonKSamp([[1, 2], [3]])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
  it('andersonKSamp of one repeated value throws INVALID_ARGUMENT', () => {
    expect(() =>
      andersonKSamp([
        [2, 2],
        [2, 2, 2],
      ]),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
  it('andersonKSamp with NaN throws NON_FINITE', () => {
    expect(() =>
      andersonKSamp([
        [1, Number.NaN],
        [3, 4],
      ]),
    ).toThrow(expect.objectContaining({ code: 'NON_FINITE' }));
  });
});
