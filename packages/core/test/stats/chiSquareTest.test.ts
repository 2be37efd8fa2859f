import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../src/errors.js';
import { chiSquareTest } from '../../src/stats/chiSquareTest.js';
import { expectCloseAt, golden, num } from './parametricGolden.js';

// Measured: statistic identical up to summation order (≤ 2e-16), p-value ≤ 1.2e-14.
describe('chiSquareTest golden (scipy.stats.chisquare 1.10.1)', () => {
  for (const c of golden.chisquare) {
    it(`chiSquareTest(${c.name}) gives scipy's statistic, p-value and dof`, () => {
      const r = chiSquareTest(c.observed.map(num), c.expected?.map(num), { ddof: c.ddof });
      expectCloseAt('statistic', r.statistic, num(c.statistic), 1e-13);
      expectCloseAt('pValue', r.pValue, num(c.pValue), 1e-12, 1e-300);
      expect(r.dof).toBe(c.dof);
    });
  }
});

describe('chiSquareTest behaviour', () => {
  it('chiSquareTest(o, e) with e = 0 where o > 0 gives statistic Infinity and p-value 0', () => {
    expect(chiSquareTest([10, 1, 5], [11, 0, 5])).toEqual({
      statistic: Number.POSITIVE_INFINITY,
      pValue: 0,
      dof: 2,
    });
  });
  it('chiSquareTest(o, e) with e = o = 0 in a category gives NaN (0/0), as scipy', () => {
    const r = chiSquareTest([10, 0, 5], [10, 0, 5]);
    expect(r.statistic).toBeNaN();
    expect(r.pValue).toBeNaN();
  });
  it('chiSquareTest([n]) has dof 0 and p-value NaN', () => {
    const r = chiSquareTest([10]);
    expect(r.statistic).toBe(0);
    expect(r.dof).toBe(0);
    expect(r.pValue).toBeNaN();
  });
  it('chiSquareTest(o) equals chiSquareTest(o, uniform expected)', () => {
    const o = [16, 18, 16, 14, 12, 12];
    const e = o.map(() => 88 / 6);
    expectCloseAt('statistic', chiSquareTest(o).statistic, chiSquareTest(o, e).statistic, 1e-14);
  });
});

describe('chiSquareTest errors', () => {
  it('chiSquareTest([]) throws EMPTY_INPUT', () => {
    expect(() => chiSquareTest([])).toThrow(expect.objectContaining({ code: ErrorCodes.EMPTY_INPUT }));
  });
  it('chiSquareTest(o, e of another length) throws LENGTH_MISMATCH', () => {
    expect(() => chiSquareTest([1, 2], [3])).toThrow(
      expect.objectContaining({ code: ErrorCodes.LENGTH_MISMATCH }),
    );
  });
  it('chiSquareTest(o with NaN) throws NON_FINITE', () => {
    expect(() => chiSquareTest([1, Number.NaN])).toThrow(
      expect.objectContaining({ code: ErrorCodes.NON_FINITE }),
    );
    expect(() => chiSquareTest([1, 2], [1, Number.NaN])).toThrow(
      expect.objectContaining({ code: ErrorCodes.NON_FINITE }),
    );
  });
  it('chiSquareTest(o, e) throws INVALID_ARGUMENT when the sums differ by more than 1e-8 relative, as scipy', () => {
    expect(() => chiSquareTest([10, 20], [10, 25])).toThrow(
      expect.objectContaining({ code: ErrorCodes.INVALID_ARGUMENT }),
    );
    expect(() => chiSquareTest([10, 20], [10, 20 + 1e-7])).not.toThrow();
  });
  it('chiSquareTest(negative frequency) throws INVALID_ARGUMENT', () => {
    expect(() => chiSquareTest([10, -1])).toThrow(
      expect.objectContaining({ code: ErrorCodes.INVALID_ARGUMENT }),
    );
    expect(() => chiSquareTest([1, 2], [4, -1])).toThrow(
      expect.objectContaining({ code: ErrorCodes.INVALID_ARGUMENT }),
    );
  });
  it('chiSquareTest(o, e, { ddof: NaN }) throws INVALID_ARGUMENT', () => {
    expect(() => chiSquareTest([1, 2], undefined, { ddof: Number.NaN })).toThrow(
      expect.objectContaining({ code: ErrorCodes.INVALID_ARGUMENT }),
    );
  });
});
