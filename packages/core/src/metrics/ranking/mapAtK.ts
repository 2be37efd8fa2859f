/**
 * Mean average precision at k over queries.
 */

import { averageOverQueries, NO_RELEVANT } from './averageOverQueries.js';
import type { RankingOptions } from './rankingOptions.js';
import { rankQueries, readRankingOptions } from './rankQueries.js';

/**
 * Mean average precision at k (MAP@k): per query, AP@k = (1 / min(k, R)) Σ_{r ≤ k, item r relevant} P@r, where R is
 * the number of relevant items and P@r the precision of the top r (1-based); averaged over queries.
 *
 * The min(k, R) denominator (as in the widely used `ml_metrics.apk`) makes AP@k = 1 for a ranking that fills the
 * top k with relevant items even when R > k. An item is relevant when its relevance is > 0. Tied scores are ordered
 * by original row order (a stable sort).
 *
 * Best value 1, worst 0. Higher is better.
 * A query with no relevant item has AP 0/0: by default (`noRelevant: 'skip'`) it is left out of the mean;
 * `'zero'` counts it as 0. Undefined when every query is skipped: returns NaN.
 *
 * No scikit-learn function exists (`average_precision_score` is the area under a precision–recall curve of one
 * ranking, without k); the golden values come from a plain Python implementation of this definition.
 *
 * @param queryIds the query (group) of each row: finite numbers, rows of a query need not be contiguous.
 * @param relevance true relevance of each row, finite and ≥ 0 (relevant when > 0).
 * @param scores model scores of each row (higher ranks first), finite.
 * @param options `k` (required), `noRelevant` ('skip').
 * @returns MAP@k.
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE; INVALID_ARGUMENT for negative relevance, a missing or bad k, a
 *   bad policy.
 * @see C. D. Manning, P. Raghavan, H. Schütze (2008), Introduction to Information Retrieval, §8.4.
 * @example
 * mapAtK([1, 1, 1, 2, 2], [1, 0, 1, 0, 1], [0.9, 0.8, 0.1, 0.7, 0.6], { k: 3 }); // => 0.6666666666666666 ((1 + 2/3) / 2 and 1/2 / 1, averaged)
 */
export function mapAtK(
  queryIds: ArrayLike<number>,
  relevance: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: RankingOptions,
): number {
  const fn = 'mapAtK';
  const { k, noRelevant } = readRankingOptions(fn, options, undefined, 'skip');
  const ranked = rankQueries(fn, queryIds, relevance, scores);
  const { order } = ranked;
  return averageOverQueries(ranked, noRelevant, (s, e) => {
    let relevant = 0;
    let hits = 0;
    let sumPrecision = 0;
    for (let p = s; p < e; p++) {
      if (relevance[order[p]] > 0) {
        relevant++;
        const rank = p - s + 1;
        if (rank <= k) {
          hits++;
          sumPrecision += hits / rank;
        }
      }
    }
    return relevant === 0 ? NO_RELEVANT : sumPrecision / Math.min(k, relevant);
  });
}
