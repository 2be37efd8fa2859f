/**
 * First Wasserstein (earth mover's) distance between two one-dimensional empirical distributions.
 */
import { cdfDistanceSum } from './cdfDistanceSum.js';
import { checkSortedSample, sortSample } from './sortSample.js';

/**
 * Wasserstein-1 distance between the empirical distributions of two sorted samples, by one merge pass.
 *
 * Formula: W₁(u, v) = ∫ |U(t) − V(t)| dt, with U and V the empirical CDFs. Both CDFs are step functions, so the
 * integral is Σₖ |U(zₖ) − V(zₖ)|·(zₖ₊₁ − zₖ) over the pooled sorted values z. We accumulate the integer
 * |i·n_v − j·n_u| (i, j = counts of u and v at or below zₖ) and divide by n_u·n_v once at the end.
 *
 * Best value 0 (same empirical distribution); unbounded above; in the units of the data. O(n_u + n_v).
 *
 * @param u first sample, ascending Float64Array (or array-like) of finite numbers.
 * @param v second sample, likewise.
 * @returns the distance.
 * @throws EMPTY_INPUT when a sample is empty; NON_FINITE on NaN or ±Infinity; INVALID_ARGUMENT when a sample is
 *   not ascending.
 * Matches `scipy.stats.wasserstein_distance(u, v)` (unweighted, scipy 1.10.1).
 * @see L. N. Vaserstein (1969), "Markov processes over denumerable products of spaces", Problems Inform.
 *   Transmission 5(3); Ramdas, García Trillos, Cuturi (2017), "On Wasserstein two-sample testing", Entropy 19(2).
 * @example
 * wassersteinDistanceSorted(Float64Array.of(0, 1, 3), Float64Array.of(5, 6, 8)); // => 5
 */
export function wassersteinDistanceSorted(u: ArrayLike<number>, v: ArrayLike<number>): number {
  checkSortedSample('wassersteinDistanceSorted', 'u', u);
  checkSortedSample('wassersteinDistanceSorted', 'v', v);
  return cdfDistanceSum(u, v, 1) / u.length / v.length;
}

/**
 * Wasserstein-1 distance between the empirical distributions of two samples (copies and sorts them).
 *
 * Formula: W₁(u, v) = ∫ |U(t) − V(t)| dt (see {@link wassersteinDistanceSorted}). Best value 0; unbounded above.
 * O(n log n).
 *
 * @param u first sample, finite numbers in any order.
 * @param v second sample, likewise.
 * @returns the distance.
 * @throws EMPTY_INPUT when a sample is empty; NON_FINITE on NaN or ±Infinity (scipy propagates NaN; we throw).
 * Matches `scipy.stats.wasserstein_distance(u, v)` (unweighted, scipy 1.10.1).
 * @example
 * wassersteinDistance([0, 1, 3], [5, 6, 8]); // => 5
 */
export function wassersteinDistance(u: ArrayLike<number>, v: ArrayLike<number>): number {
  return wassersteinDistanceSorted(
    sortSample(u, 'wassersteinDistance', 'u'),
    sortSample(v, 'wassersteinDistance', 'v'),
  );
}
