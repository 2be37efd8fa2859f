import { describe, expect, it } from 'vitest';
import { mrr } from '../../../src/metrics/ranking/mrr.js';
import { describeRankingErrors, describeRankingGolden } from './rankingCases.js';

describeRankingGolden('mrr', mrr);

describe('mrr behaviour', () => {
  it('mrr(first relevant at ranks 3 and 2) is (1/3 + 1/2) / 2', () => {
    expect(mrr([1, 1, 1, 2, 2], [0, 0, 1, 0, 1], [0.9, 0.8, 0.1, 0.7, 0.6])).toBe((1 / 3 + 1 / 2) / 2);
  });
  it('mrr({ k }) counts 0 when the first relevant item is below k', () => {
    expect(mrr([1, 1, 1], [0, 0, 1], [3, 2, 1], { k: 2 })).toBe(0);
  });
  it('mrr(tied scores) ranks tied rows in input order', () => {
    expect(mrr([1, 1], [0, 1], [1, 1])).toBe(0.5);
  });
});

describeRankingErrors('mrr', mrr);
