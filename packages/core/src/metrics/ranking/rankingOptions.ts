/**
 * Options shared by the ranking metrics ({@link ndcgAtK}, {@link precisionAtK}, {@link recallAtK}, {@link mapAtK},
 * {@link mrr}, {@link hitRateAtK}).
 */

/**
 * What a query with no relevant item (every relevance ≤ 0) contributes to the average over queries:
 * `'zero'` — it counts, with value 0; `'skip'` — it is left out of the average (as trec_eval drops queries without
 * relevance judgements). Each metric documents its default.
 */
export type NoRelevantPolicy = 'zero' | 'skip';

/** Options of the ranking metrics: the cut-off k and the no-relevant-item policy. */
export interface RankingOptions {
  /**
   * Cut-off: only the k top-scored items of each query count. A positive integer, which may exceed a query's size
   * (Infinity: no cut-off).
   */
  k?: number;
  /** Policy for queries with no relevant item; see {@link NoRelevantPolicy}. */
  noRelevant?: NoRelevantPolicy;
}
