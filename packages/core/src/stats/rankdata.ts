/**
 * Ranks with ties given their average rank (`rankdata`), and the variant that reuses a sort already made
 * (`rankdataSorted`): the ranks of Spearman's correlation.
 */
import { sortFloat64 } from '../sort/sortFloat64.js';
import { checkFinite, checkNotEmpty, checkSameLength } from '../validation.js';

/**
 * 1-based ranks of `values`, tied values sharing the mean of the ranks they span ("average" method).
 *
 * Formula: for a value v with L values below it and E values equal to it, rank(v) = L + (E + 1)/2.
 *
 * @param values finite numbers, any order.
 * @returns a new Float64Array of ranks in [1, n], aligned with `values`.
 * @throws EMPTY_INPUT when `values` is empty; NON_FINITE on NaN or ±Infinity.
 * Matches `scipy.stats.rankdata(values, method='average')` (scipy 1.10.1).
 * @example
 * rankdata([10, 20, 10, 30]); // => Float64Array [1.5, 3, 1.5, 4]
 */
export function rankdata(values: ArrayLike<number>): Float64Array {
  checkNotEmpty('rankdata', 'values', values);
  checkFinite('rankdata', 'values', values);
  return rankdataSorted(values, sortFloat64(Float64Array.from(values)));
}

/**
 * {@link rankdata} given `sorted`, the same values sorted ascending (e.g. the sort a profile already made), in
 * O(n log d) for d distinct values: each value's rank is found by binary search among the distinct values, so no
 * index sort (argsort) is needed. Inputs are trusted (not re-checked): finite, and `sorted` a sorted copy of
 * `values`.
 *
 * @param values finite numbers, any order.
 * @param sorted the same multiset, ascending.
 * @returns a new Float64Array of average ranks aligned with `values`.
 * @throws LENGTH_MISMATCH when the lengths differ.
 * Matches `scipy.stats.rankdata(values, method='average')` (scipy 1.10.1).
 * @example
 * rankdataSorted([3, 1, 3], [1, 3, 3]); // => Float64Array [2.5, 1, 2.5]
 */
export function rankdataSorted(values: ArrayLike<number>, sorted: ArrayLike<number>): Float64Array {
  checkSameLength('rankdataSorted', 'values', values, 'sorted', sorted);
  const n = sorted.length;
  // Distinct values and the average rank of each: a tie group spanning 0-based positions [i, j) has ranks
  // i + 1 … j, whose mean is (i + 1 + j) / 2.
  const distinct = new Float64Array(n);
  const average = new Float64Array(n);
  let d = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    distinct[d] = sorted[i];
    average[d] = (i + 1 + j) / 2;
    d++;
    i = j;
  }
  const ranks = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const v = values[k];
    let lo = 0;
    let hi = d - 1;
    // Last distinct index with distinct[lo] ≤ v; v is one of them, so that index holds v (−0 equals +0).
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (distinct[mid] <= v) lo = mid;
      else hi = mid - 1;
    }
    ranks[k] = average[lo];
  }
  return ranks;
}
