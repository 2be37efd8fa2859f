import { describe, expect, it } from 'vitest';
import { precisionAtK } from '../../../src/metrics/ranking/precisionAtK.js';
import type { RankingOptions } from '../../../src/metrics/ranking/rankingOptions.js';
import { describeRankingErrors, describeRankingGolden } from './rankingCases.js';

describeRankingGolden('precisionAtK', precisionAtK);

describe('precisionAtK behaviour', () => {
  it('precisionAtK(query shorter than k) divides by k', () => {
    expect(precisionAtK([1, 1], [1, 1], [0.2, 0.1], { k: 4 })).toBe(0.5);
  });
  it('precisionAtK(tied scores) ranks tied rows in input order', () => {
    expect(precisionAtK([1, 1], [0, 1], [0.5, 0.5], { k: 1 })).toBe(0);
    expect(precisionAtK([1, 1], [1, 0], [0.5, 0.5], { k: 1 })).toBe(1);
  });
  it('precisionAtK(query without relevant items) counts 0 by default, is left out with skip', () => {
    expect(precisionAtK([1, 2], [1, 0], [0.5, 0.5], { k: 1 })).toBe(0.5);
    expect(precisionAtK([1, 2], [1, 0], [0.5, 0.5], { k: 1, noRelevant: 'skip' })).toBe(1);
  });
  it('precisionAtK(without k) throws INVALID_ARGUMENT', () => {
    expect(() => precisionAtK([1], [1], [1], {} as RankingOptions)).toThrow(/k must be a positive integer/);
  });
});

describeRankingErrors('precisionAtK', precisionAtK);
