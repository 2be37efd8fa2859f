import { describe, expect, it } from 'vitest';
import { recallAtK } from '../../../src/metrics/ranking/recallAtK.js';
import { describeRankingErrors, describeRankingGolden } from './rankingCases.js';

describeRankingGolden('recallAtK', recallAtK);

describe('recallAtK behaviour', () => {
  it('recallAtK(query without relevant items) is left out by default, counts 0 with zero', () => {
    expect(recallAtK([1, 1, 2], [1, 0, 0], [0.9, 0.1, 0.5], { k: 1 })).toBe(1);
    expect(recallAtK([1, 1, 2], [1, 0, 0], [0.9, 0.1, 0.5], { k: 1, noRelevant: 'zero' })).toBe(0.5);
  });
  it('recallAtK(k beyond the query) is 1', () => {
    expect(recallAtK([3, 3, 3], [1, 2, 0], [0.1, 0.2, 0.3], { k: 10 })).toBe(1);
  });
  it('recallAtK(no query has a relevant item) is NaN', () => {
    expect(recallAtK([1, 2], [0, 0], [0.1, 0.2], { k: 1 })).toBeNaN();
  });
});

describeRankingErrors('recallAtK', recallAtK);
