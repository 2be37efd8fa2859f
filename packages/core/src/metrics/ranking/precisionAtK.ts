/**
 * Precision at k, averaged over queries.
 */

import { averageHitsOverQueries } from './averageOverQueries.js';
import type { RankingOptions } from './rankingOptions.js';
import { rankQueries, readRankingOptions } from './rankQueries.js';

/**
 * Precision at k: per query, (number of relevant items among the k top-scored) / k; averaged over queries.
 *
 * An item is relevant when its relevance is > 0. The denominator is always k, also for a query with fewer than k
 * items (the empty slots count as misses: trec_eval's P@k, torchmetrics' `RetrievalPrecision` default), so a
 * perfect ranking of a short query can score below 1.
 * Tied scores are ordered by original row order (a stable sort; documented, deterministic).
 *
 * Best value 1, worst 0. Higher is better.
 * A query with no relevant item scores 0 and counts by default (`noRelevant: 'zero'`); `'skip'` leaves it out.
 * Undefined when every query is skipped: returns NaN.
 *
 * No scikit-learn function exists; the golden values come from a plain Python implementation of this definition.
 *
 * @param queryIds the query (group) of each row: finite numbers, rows of a query need not be contiguous.
 * @param relevance true relevance of each row, finite and ≥ 0 (relevant when > 0).
 * @param scores model scores of each row (higher ranks first), finite.
 * @param options `k` (required), `noRelevant` ('zero').
 * @returns the mean precision@k over queries.
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE; INVALID_ARGUMENT for negative relevance, a missing or bad k, a
 *   bad policy.
 * @see C. D. Manning, P. Raghavan, H. Schütze (2008), Introduction to Information Retrieval, §8.4.
 * @example
 * precisionAtK([1, 1, 1, 2, 2], [1, 0, 1, 0, 1], [0.9, 0.8, 0.1, 0.7, 0.6], { k: 2 }); // => 0.5
 */
export function precisionAtK(
  queryIds: ArrayLike<number>,
  relevance: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: RankingOptions,
): number {
  const fn = 'precisionAtK';
  const { k, noRelevant } = readRankingOptions(fn, options, undefined, 'zero');
  const ranked = rankQueries(fn, queryIds, relevance, scores);
  // A query with no relevant item scores hits / k = 0, which is what the 'zero' policy counts.
  return averageHitsOverQueries(ranked, relevance, k, noRelevant, (hits) => hits / k);
}
