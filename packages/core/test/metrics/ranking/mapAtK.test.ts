import { describe, expect, it } from 'vitest';
import { mapAtK } from '../../../src/metrics/ranking/mapAtK.js';
import { describeRankingErrors, describeRankingGolden } from './rankingCases.js';

describeRankingGolden('mapAtK', mapAtK);

describe('mapAtK behaviour', () => {
  it('mapAtK(relevant at ranks 1 and 3 of 2 relevant) is (1 + 2/3) / 2', () => {
    expect(mapAtK([1, 1, 1], [1, 0, 1], [0.9, 0.8, 0.1], { k: 3 })).toBe((1 + 2 / 3) / 2);
  });
  it('mapAtK(top k all relevant, more relevant than k) is 1: denominator min(k, R)', () => {
    expect(mapAtK([1, 1, 1, 1], [1, 1, 1, 1], [4, 3, 2, 1], { k: 2 })).toBe(1);
  });
  it('mapAtK(query without relevant items) is left out by default', () => {
    expect(mapAtK([1, 2], [1, 0], [1, 1], { k: 1 })).toBe(1);
    expect(mapAtK([1, 2], [1, 0], [1, 1], { k: 1, noRelevant: 'zero' })).toBe(0.5);
  });
});

describeRankingErrors('mapAtK', mapAtK);
