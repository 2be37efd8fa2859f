import { describe, expect, it } from 'vitest';
import { inferStringType, percent, stringStats } from '../src/inferStringType.js';

describe('inferStringType', () => {
  it('inferStringType(stats) says text when > 50% distinct and average length > 20', () => {
    expect(
      inferStringType('VARCHAR', { nonMissing: 100, distinct: 51, avgLength: 20.5, numeric: 0 }),
    ).toEqual({
      type: 'text',
      reason:
        'VARCHAR: 51 distinct of 100 values (51%), average length 20.5 — more than 50% distinct and longer than ' +
        '20 characters, so free text',
    });
  });

  it('inferStringType(stats) says categorical at exactly 50% distinct or length 20 (strict thresholds)', () => {
    expect(
      inferStringType('VARCHAR', { nonMissing: 100, distinct: 50, avgLength: 40, numeric: 0 }).type,
    ).toBe('categorical');
    expect(
      inferStringType('VARCHAR', { nonMissing: 100, distinct: 100, avgLength: 20, numeric: 0 }).type,
    ).toBe('categorical');
  });

  it('inferStringType(stats) says categorical when every value is missing', () => {
    expect(inferStringType('VARCHAR', { nonMissing: 0, distinct: 0, avgLength: 0, numeric: 0 })).toEqual({
      type: 'categorical',
      reason: 'VARCHAR: every value is missing',
    });
  });

  it('inferStringType(stats) points at the value that keeps a mostly numeric column from being numbers', () => {
    const r = inferStringType('VARCHAR', {
      nonMissing: 10,
      distinct: 10,
      avgLength: 1,
      numeric: 9,
      firstNonNumeric: { row: 4, value: 'x' },
    });
    expect(r.reason).toBe(
      'VARCHAR: 10 distinct of 10 values (100%), average length 1.0; 90% of the values are numbers but not "x" ' +
        'in row 4 (declare it numerical to list it as an error, or add it to the missing tokens)',
    );
  });
});

describe('stringStats', () => {
  it('stringStats(codes, dictionary) counts non-missing, distinct used values, length and numbers', () => {
    const codes = Int32Array.from([0, 1, -1, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // "unused" is in the dictionary but never coded: it does not count.
    const s = stringStats(codes, ['12', '3.5', 'abc', 'unused']);
    expect(s).toEqual({
      nonMissing: 19,
      distinct: 3,
      avgLength: (16 * 2 + 2 * 3 + 3) / 19,
      numeric: 18,
      firstNonNumeric: { row: 5, value: 'abc' },
    });
  });

  it('stringStats(codes, dictionary) leaves firstNonNumeric out below 90% numbers', () => {
    expect(stringStats(Int32Array.from([0, 1]), ['1', 'a']).firstNonNumeric).toBeUndefined();
  });
});

describe('percent', () => {
  it('percent(share) never rounds a partial share to 0% or 100%', () => {
    expect([percent(0), percent(1), percent(0.5), percent(2 / 3), percent(1e-7), percent(1 - 1e-7)]).toEqual([
      '0%',
      '100%',
      '50%',
      '66.667%',
      '<0.001%',
      '>99.999%',
    ]);
  });
});
