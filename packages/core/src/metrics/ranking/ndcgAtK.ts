/**
 * Normalised discounted cumulative gain at k, averaged over queries.
 */

import { averageOverQueries, NO_RELEVANT } from './averageOverQueries.js';
import type { RankingOptions } from './rankingOptions.js';
import { rankQueries, readRankingOptions } from './rankQueries.js';

/**
 * Normalised discounted cumulative gain at k (NDCG@k), computed per query and averaged over queries.
 *
 * Per query, with items ranked by descending score: DCG@k = Σ_{r<k} g₍ᵣ₎ / log₂(r + 2) (0-based rank r, linear gain
 * g = relevance, not 2^rel − 1), NDCG@k = DCG@k / IDCG@k where IDCG@k is the DCG@k of the ideal order (relevance
 * descending). Tied scores are not broken arbitrarily: each item of a tie group gets the group's mean gain, spread
 * over the group's positions (McSherry & Najork 2008), as scikit-learn does with `ignore_ties=False`; so NDCG does
 * not depend on the order of tied rows.
 *
 * Best value 1 (ideal order), worst 0. Higher is better.
 * A query whose relevance is all 0 has IDCG = 0: by default (`noRelevant: 'zero'`) it counts as 0, as in
 * scikit-learn; `noRelevant: 'skip'` leaves it out of the average. A query with a single item scores 1 (or counts
 * as no-relevant); scikit-learn refuses one-item inputs, we apply the formula. Undefined when every query is skipped:
 * returns NaN.
 *
 * @param queryIds the query (group) of each row: finite numbers, rows of a query need not be contiguous.
 * @param relevance graded true relevance of each row, finite and ≥ 0 (scikit-learn 1.4 rejects negative values).
 * @param scores model scores of each row (higher ranks first), finite.
 * @param options `k` (default: all items of each query), `noRelevant` ('zero').
 * @returns the mean NDCG@k over queries.
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE; INVALID_ARGUMENT for negative relevance, a bad k or policy.
 * Matches `sklearn.metrics.ndcg_score(y_true, y_score, k=k)` (scikit-learn 1.2.1) when every query has the same
 * number of items (one row of y_true per query); for unequal queries, the mean of `ndcg_score` per query.
 * @see K. Järvelin, J. Kekäläinen (2002), "Cumulated gain-based evaluation of IR techniques", ACM TOIS 20(4);
 *   F. McSherry, M. Najork (2008), "Computing information retrieval performance measures efficiently in the
 *   presence of tied scores", ECIR.
 * @example
 * ndcgAtK([0, 0, 0, 0, 0], [10, 0, 0, 1, 5], [0.1, 0.2, 0.3, 4, 70]); // => 0.6956940443813074 (scikit-learn: 0.6956940443813076)
 */
export function ndcgAtK(
  queryIds: ArrayLike<number>,
  relevance: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: RankingOptions = {},
): number {
  const fn = 'ndcgAtK';
  const { k, noRelevant } = readRankingOptions(fn, options, Number.POSITIVE_INFINITY, 'zero');
  const ranked = rankQueries(fn, queryIds, relevance, scores);
  const { order, maxSize } = ranked;
  const depth = Math.min(k, maxSize);
  // discount[r] = 1 / log₂(r + 2), written as scikit-learn does (1 / (ln(r + 2) / ln 2)) to agree to the last bit.
  const discount = new Float64Array(depth);
  for (let r = 0; r < depth; r++) discount[r] = 1 / (Math.log(r + 2) / Math.LN2);
  const ideal = new Float64Array(maxSize);
  return averageOverQueries(ranked, noRelevant, (s, e) => {
    const m = e - s;
    const cut = Math.min(k, m);
    // Ideal DCG: relevances sorted descending (ties among equal gains do not matter).
    const rel = ideal.subarray(0, m);
    for (let p = 0; p < m; p++) rel[p] = relevance[order[s + p]];
    rel.sort();
    let idcg = 0;
    for (let r = 0; r < cut; r++) idcg += rel[m - 1 - r] * discount[r];
    if (idcg === 0) return NO_RELEVANT;
    // DCG with tie groups: a run of equal scores [g0, g1) shares its mean gain over its positions within the cut.
    let dcg = 0;
    for (let g0 = 0; g0 < cut; ) {
      const score = scores[order[s + g0]];
      let g1 = g0 + 1;
      let gain = relevance[order[s + g0]];
      while (g1 < m && scores[order[s + g1]] === score) gain += relevance[order[s + g1++]];
      let discountSum = 0;
      for (let r = g0; r < Math.min(g1, cut); r++) discountSum += discount[r];
      dcg += (gain / (g1 - g0)) * discountSum;
      g0 = g1;
    }
    return dcg / idcg;
  });
}
