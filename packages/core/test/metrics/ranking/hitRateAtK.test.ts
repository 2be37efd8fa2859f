import { describe, expect, it } from 'vitest';
import { hitRateAtK } from '../../../src/metrics/ranking/hitRateAtK.js';
import { describeRankingErrors, describeRankingGolden } from './rankingCases.js';

describeRankingGolden('hitRateAtK', hitRateAtK);

describe('hitRateAtK behaviour', () => {
  it('hitRateAtK(one query hit, one missed) is 0.5', () => {
    expect(hitRateAtK([1, 1, 1, 2, 2], [0, 0, 1, 0, 1], [0.9, 0.8, 0.1, 0.7, 0.6], { k: 2 })).toBe(0.5);
  });
  it('hitRateAtK(query without relevant items) is left out by default, a miss with zero', () => {
    expect(hitRateAtK([1, 2], [1, 0], [1, 1], { k: 1 })).toBe(1);
    expect(hitRateAtK([1, 2], [1, 0], [1, 1], { k: 1, noRelevant: 'zero' })).toBe(0.5);
  });
});

describeRankingErrors('hitRateAtK', hitRateAtK);
