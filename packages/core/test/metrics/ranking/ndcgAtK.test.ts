import { describe, expect, it } from 'vitest';
import { ndcgAtK } from '../../../src/metrics/ranking/ndcgAtK.js';
import { expectClose } from '../../helpers/close.js';
import { describeRankingErrors, optionsOf, rankingCases } from './rankingCases.js';

describe('ndcgAtK golden (scikit-learn 1.2.1 ndcg_score)', () => {
  for (const c of rankingCases) {
    it(`ndcgAtK(${c.name}) equals the mean of ndcg_score per query, every k and policy`, () => {
      for (const e of c.ndcg) {
        expectClose(ndcgAtK(c.queryIds, c.relevance, c.scores, optionsOf(e)), e.value ?? Number.NaN);
      }
    });
    if (c.ndcg2d) {
      it(`ndcgAtK(${c.name}) equals one ndcg_score call on the 2-D arrays`, () => {
        for (const e of c.ndcg2d ?? []) {
          const options = e.k === null ? {} : { k: e.k };
          expectClose(ndcgAtK(c.queryIds, c.relevance, c.scores, options), e.value);
        }
      });
    }
  }
});

describe('ndcgAtK behaviour', () => {
  it('ndcgAtK(sklearn docs example) is 0.6956940443813076', () => {
    expectClose(ndcgAtK([0, 0, 0, 0, 0], [10, 0, 0, 1, 5], [0.1, 0.2, 0.3, 4, 70]), 0.6956940443813076);
  });
  it('ndcgAtK(tied scores) averages the tie group and ignores the order of tied rows', () => {
    // Both items tied at the top, k = 1: the first position gets the mean gain (1 + 0) / 2 = 0.5 of the ideal 1.
    expect(ndcgAtK([0, 0], [1, 0], [0.5, 0.5], { k: 1 })).toBe(0.5);
    expect(ndcgAtK([0, 0], [0, 1], [0.5, 0.5], { k: 1 })).toBe(0.5);
  });
  it('ndcgAtK(one-item query) is 1 when relevant, 0 (or skipped) when not', () => {
    expect(ndcgAtK([7], [2], [0.1])).toBe(1);
    expect(ndcgAtK([7], [0], [0.1])).toBe(0);
    expect(ndcgAtK([7, 8, 8], [0, 1, 0], [0.1, 0.1, 0.2], { noRelevant: 'skip' })).toBe(1 / Math.log2(3));
  });
  it('ndcgAtK(all queries without relevant items, skip) is NaN', () => {
    expect(ndcgAtK([1, 1], [0, 0], [1, 2], { noRelevant: 'skip' })).toBeNaN();
  });
  it('ndcgAtK(k larger than every query) equals ndcgAtK without k', () => {
    const c = rankingCases[1];
    expect(ndcgAtK(c.queryIds, c.relevance, c.scores, { k: 1000 })).toBe(
      ndcgAtK(c.queryIds, c.relevance, c.scores),
    );
  });
  it('ndcgAtK(perfect ranking) is 1', () => {
    expect(ndcgAtK([1, 1, 1, 2, 2], [3, 2, 0, 0, 1], [0.9, 0.8, 0.1, 0.2, 0.3], { k: 2 })).toBe(1);
  });
});

describeRankingErrors('ndcgAtK', ndcgAtK);
