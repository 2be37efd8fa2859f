/**
 * Mean reciprocal rank over queries.
 */

import { averageOverQueries, NO_RELEVANT } from './averageOverQueries.js';
import type { RankingOptions } from './rankingOptions.js';
import { rankQueries, readRankingOptions } from './rankQueries.js';

/**
 * Mean reciprocal rank (MRR, or MRR@k with a cut-off): per query, 1 / (1-based rank of the first relevant item),
 * or 0 when no relevant item is in the top k; averaged over queries.
 *
 * An item is relevant when its relevance is > 0. Tied scores are ordered by original row order (a stable sort).
 *
 * Best value 1 (a relevant item first in every query), worst 0. Higher is better.
 * A query with no relevant item at all: by default (`noRelevant: 'skip'`) it is left out of the mean, as trec_eval
 * does; `'zero'` counts it as 0. Undefined when every query is skipped: returns NaN.
 *
 * No scikit-learn function exists; the golden values come from a plain Python implementation of this definition.
 *
 * @param queryIds the query (group) of each row: finite numbers, rows of a query need not be contiguous.
 * @param relevance true relevance of each row, finite and ≥ 0 (relevant when > 0).
 * @param scores model scores of each row (higher ranks first), finite.
 * @param options `k` (default: no cut-off), `noRelevant` ('skip').
 * @returns the MRR.
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE; INVALID_ARGUMENT for negative relevance, a bad k or policy.
 * @see E. M. Voorhees (1999), "The TREC-8 question answering track report", TREC.
 * @example
 * mrr([1, 1, 1, 2, 2], [0, 0, 1, 0, 1], [0.9, 0.8, 0.1, 0.7, 0.6]); // => 0.41666666666666663 ((1/3 + 1/2) / 2)
 */
export function mrr(
  queryIds: ArrayLike<number>,
  relevance: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: RankingOptions = {},
): number {
  const fn = 'mrr';
  const { k, noRelevant } = readRankingOptions(fn, options, Number.POSITIVE_INFINITY, 'skip');
  const ranked = rankQueries(fn, queryIds, relevance, scores);
  const { order } = ranked;
  return averageOverQueries(ranked, noRelevant, (s, e) => {
    for (let p = s; p < e; p++) {
      if (relevance[order[p]] > 0) {
        // 1-based rank of the first relevant item; beyond the cut-off the query scores 0.
        const first = p - s + 1;
        return first <= k ? 1 / first : 0;
      }
    }
    return NO_RELEVANT;
  });
}
