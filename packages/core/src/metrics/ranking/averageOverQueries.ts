/**
 * The per-query walk shared by the ranking metrics (internal: not exported from the package barrel): visit each
 * query of a {@link RankedQueries}, apply the no-relevant-item policy, average.
 */
import type { NoRelevantPolicy } from './rankingOptions.js';
import type { RankedQueries } from './rankQueries.js';

/**
 * What a per-query formula returns for a query with no relevant item. Every ranking metric's per-query value is
 * ≥ 0, so a negative marker cannot be mistaken for one (NaN could: ndcgAtK yields ∞/∞ = NaN when relevances
 * overflow, and that NaN must reach the mean).
 */
export const NO_RELEVANT = -1;

/**
 * The mean of a per-query value over the queries of `ranked`.
 *
 * `perQuery(start, end)` gets the query's positions in `ranked.order` (`start` ≤ p < `end`, best score first) and
 * returns the query's value, or {@link NO_RELEVANT} when the query has no relevant item. Such a query counts as 0
 * under `noRelevant: 'zero'` and is left out under `'skip'`. Values are summed in query order (ascending query id).
 *
 * @returns the mean; NaN when every query is skipped.
 */
export function averageOverQueries(
  ranked: RankedQueries,
  noRelevant: NoRelevantPolicy,
  perQuery: (start: number, end: number) => number,
): number {
  const { starts, nQueries } = ranked;
  let total = 0;
  let counted = 0;
  for (let q = 0; q < nQueries; q++) {
    const value = perQuery(starts[q], starts[q + 1]);
    if (value === NO_RELEVANT) {
      if (noRelevant === 'zero') counted++;
      continue;
    }
    total += value;
    counted++;
  }
  return counted === 0 ? Number.NaN : total / counted;
}

/**
 * {@link averageOverQueries} for the metrics that only need, per query, the number of relevant items R (relevance
 * > 0) and the number of them among the k top-ranked, `hits`: `formula(hits, R)` is called for queries with R > 0.
 *
 * @returns the mean of `formula` over queries; NaN when every query is skipped.
 */
export function averageHitsOverQueries(
  ranked: RankedQueries,
  relevance: ArrayLike<number>,
  k: number,
  noRelevant: NoRelevantPolicy,
  formula: (hits: number, relevant: number) => number,
): number {
  const { order } = ranked;
  return averageOverQueries(ranked, noRelevant, (s, e) => {
    let relevant = 0;
    let hits = 0;
    for (let p = s; p < e; p++) {
      if (relevance[order[p]] > 0) {
        relevant++;
        if (p - s < k) hits++;
      }
    }
    return relevant === 0 ? NO_RELEVANT : formula(hits, relevant);
  });
}
