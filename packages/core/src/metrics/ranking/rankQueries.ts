/**
 * Grouping and ordering shared by the ranking metrics (internal: not exported from the package barrel).
 */
import {
  checkArgument,
  checkFinite,
  checkNonNegative,
  checkNotEmpty,
  checkSameLength,
} from '../../validation.js';
import type { NoRelevantPolicy, RankingOptions } from './rankingOptions.js';

/** Rows grouped by query and ranked within each query. */
export interface RankedQueries {
  /** Row indices: queries in ascending query id, each query's rows by descending score, ties in input order. */
  order: Uint32Array;
  /** Query q occupies order[starts[q]] … order[starts[q + 1] − 1]; length nQueries + 1. */
  starts: Uint32Array;
  /** Number of distinct query ids. */
  nQueries: number;
  /** Size of the largest query. */
  maxSize: number;
}

/**
 * Checks the three columns (same length, non-empty, finite, relevance ≥ 0) and ranks rows within queries:
 * descending score, ties broken by original row order (a stable sort), so results never depend on the sort
 * algorithm.
 *
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE; INVALID_ARGUMENT for a negative relevance.
 */
export function rankQueries(
  fn: string,
  queryIds: ArrayLike<number>,
  relevance: ArrayLike<number>,
  scores: ArrayLike<number>,
): RankedQueries {
  checkSameLength(fn, 'queryIds', queryIds, 'relevance', relevance);
  checkSameLength(fn, 'queryIds', queryIds, 'scores', scores);
  checkNotEmpty(fn, 'queryIds', queryIds);
  checkFinite(fn, 'queryIds', queryIds);
  checkFinite(fn, 'relevance', relevance);
  checkFinite(fn, 'scores', scores);
  checkNonNegative(fn, 'relevance', relevance);
  const n = queryIds.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const qa = queryIds[a];
    const qb = queryIds[b];
    if (qa !== qb) return qa < qb ? -1 : 1;
    const sa = scores[a];
    const sb = scores[b];
    if (sa !== sb) return sa > sb ? -1 : 1;
    return a - b;
  });
  let nQueries = 0;
  for (let p = 0; p < n; p++) if (p === 0 || queryIds[order[p]] !== queryIds[order[p - 1]]) nQueries++;
  const starts = new Uint32Array(nQueries + 1);
  let q = 0;
  let maxSize = 0;
  for (let p = 0; p < n; p++) {
    if (p === 0 || queryIds[order[p]] !== queryIds[order[p - 1]]) {
      if (q > 0) maxSize = Math.max(maxSize, p - starts[q - 1]);
      starts[q++] = p;
    }
  }
  starts[nQueries] = n;
  maxSize = Math.max(maxSize, n - starts[nQueries - 1]);
  return { order, starts, nQueries, maxSize };
}

/**
 * Reads and checks `k` and `noRelevant` from the options: k a positive integer (required unless `defaultK` is
 * given, e.g. Infinity for "the whole list"), noRelevant 'zero' or 'skip'.
 */
export function readRankingOptions(
  fn: string,
  options: RankingOptions | undefined,
  defaultK: number | undefined,
  defaultPolicy: NoRelevantPolicy,
): { k: number; noRelevant: NoRelevantPolicy } {
  const k = options?.k ?? defaultK;
  const noRelevant = options?.noRelevant ?? defaultPolicy;
  checkArgument(
    fn,
    'k',
    k,
    k === Number.POSITIVE_INFINITY || (Number.isInteger(k) && (k as number) >= 1),
    'a positive integer (options.k)',
  );
  checkArgument(
    fn,
    'noRelevant',
    noRelevant,
    noRelevant === 'zero' || noRelevant === 'skip',
    "'zero' or 'skip'",
  );
  return { k: k as number, noRelevant };
}
