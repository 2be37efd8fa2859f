/**
 * Recall at k, averaged over queries.
 */

import { averageHitsOverQueries } from './averageOverQueries.js';
import type { RankingOptions } from './rankingOptions.js';
import { rankQueries, readRankingOptions } from './rankQueries.js';

/**
 * Recall at k: per query, (number of relevant items among the k top-scored) / (number of relevant items);
 * averaged over queries.
 *
 * An item is relevant when its relevance is > 0. Tied scores are ordered by original row order (a stable sort).
 *
 * Best value 1, worst 0. Higher is better.
 * A query with no relevant item has recall 0/0: by default (`noRelevant: 'skip'`) it is left out of the average,
 * as trec_eval and most recommender toolkits do; `'zero'` counts it as 0 (torchmetrics' `empty_target_action='neg'`).
 * Undefined when every query is skipped: returns NaN.
 *
 * No scikit-learn function exists; the golden values come from a plain Python implementation of this definition.
 *
 * @param queryIds the query (group) of each row: finite numbers, rows of a query need not be contiguous.
 * @param relevance true relevance of each row, finite and ≥ 0 (relevant when > 0).
 * @param scores model scores of each row (higher ranks first), finite.
 * @param options `k` (required), `noRelevant` ('skip').
 * @returns the mean recall@k over queries.
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE; INVALID_ARGUMENT for negative relevance, a missing or bad k, a
 *   bad policy.
 * @see C. D. Manning, P. Raghavan, H. Schütze (2008), Introduction to Information Retrieval, §8.4.
 * @example
 * recallAtK([1, 1, 1, 2, 2], [1, 0, 1, 0, 1], [0.9, 0.8, 0.1, 0.7, 0.6], { k: 2 }); // => 0.75
 */
export function recallAtK(
  queryIds: ArrayLike<number>,
  relevance: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: RankingOptions,
): number {
  const fn = 'recallAtK';
  const { k, noRelevant } = readRankingOptions(fn, options, undefined, 'skip');
  const ranked = rankQueries(fn, queryIds, relevance, scores);
  return averageHitsOverQueries(ranked, relevance, k, noRelevant, (hits, relevant) => hits / relevant);
}
