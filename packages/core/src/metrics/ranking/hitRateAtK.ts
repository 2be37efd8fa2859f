/**
 * Hit rate at k over queries.
 */

import { averageHitsOverQueries } from './averageOverQueries.js';
import type { RankingOptions } from './rankingOptions.js';
import { rankQueries, readRankingOptions } from './rankQueries.js';

/**
 * Hit rate at k: the fraction of queries with at least one relevant item among their k top-scored items.
 *
 * An item is relevant when its relevance is > 0. Tied scores are ordered by original row order (a stable sort).
 *
 * Best value 1, worst 0. Higher is better.
 * A query with no relevant item cannot be hit: by default (`noRelevant: 'skip'`) it is left out (recommender
 * evaluations only score users with held-out items); `'zero'` counts it as a miss. Undefined when every query is
 * skipped: returns NaN.
 *
 * No scikit-learn function exists; the golden values come from a plain Python implementation of this definition.
 *
 * @param queryIds the query (group) of each row: finite numbers, rows of a query need not be contiguous.
 * @param relevance true relevance of each row, finite and ≥ 0 (relevant when > 0).
 * @param scores model scores of each row (higher ranks first), finite.
 * @param options `k` (required), `noRelevant` ('skip').
 * @returns the hit rate.
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE; INVALID_ARGUMENT for negative relevance, a missing or bad k, a
 *   bad policy.
 * @see M. Deshpande, G. Karypis (2004), "Item-based top-N recommendation algorithms", ACM TOIS 22(1) (hit rate).
 * @example
 * hitRateAtK([1, 1, 1, 2, 2], [0, 0, 1, 0, 1], [0.9, 0.8, 0.1, 0.7, 0.6], { k: 2 }); // => 0.5
 */
export function hitRateAtK(
  queryIds: ArrayLike<number>,
  relevance: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: RankingOptions,
): number {
  const fn = 'hitRateAtK';
  const { k, noRelevant } = readRankingOptions(fn, options, undefined, 'skip');
  const ranked = rankQueries(fn, queryIds, relevance, scores);
  return averageHitsOverQueries(ranked, relevance, k, noRelevant, (hits) => (hits > 0 ? 1 : 0));
}
