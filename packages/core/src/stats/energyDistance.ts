/**
 * Energy distance between two one-dimensional empirical distributions.
 */
import { cdfDistanceSum } from './cdfDistanceSum.js';
import { checkSortedSample, sortSample } from './sortSample.js';

/**
 * Energy distance between the empirical distributions of two sorted samples, by one merge pass.
 *
 * Formula: D(u, v) = √(2·E|X − Y| − E|X − X′| − E|Y − Y′|) = √2 · (∫ (U(t) − V(t))² dt)^½ (Székely 2002;
 * the CDF form is Rizzo & Székely 2016, eq. 5), with U and V the empirical CDFs. As for the Wasserstein distance
 * the integral is a sum over the gaps of the pooled sorted values; we accumulate the integer differences
 * i·n_v − j·n_u and divide by n_u·n_v once. O(n_u + n_v), no O(n²) pairwise sums.
 *
 * Best value 0 (same empirical distribution); unbounded above; in the units of the data to the power ½.
 *
 * @param u first sample, ascending Float64Array (or array-like) of finite numbers.
 * @param v second sample, likewise.
 * @returns the distance.
 * @throws EMPTY_INPUT when a sample is empty; NON_FINITE on NaN or ±Infinity; INVALID_ARGUMENT when a sample is
 *   not ascending.
 * Matches `scipy.stats.energy_distance(u, v)` (unweighted, scipy 1.10.1).
 * @see G. J. Székely (2002), "E-statistics: the energy of statistical samples", Bowling Green State University
 *   Technical Report 02-16; M. L. Rizzo, G. J. Székely (2016), "Energy distance", WIREs Computational Statistics 8.
 * @example
 * energyDistanceSorted(Float64Array.of(0), Float64Array.of(1)); // => 1.4142135623730951
 */
export function energyDistanceSorted(u: ArrayLike<number>, v: ArrayLike<number>): number {
  checkSortedSample('energyDistanceSorted', 'u', u);
  checkSortedSample('energyDistanceSorted', 'v', v);
  return (Math.SQRT2 * Math.sqrt(cdfDistanceSum(u, v, 2))) / u.length / v.length;
}

/**
 * Energy distance between the empirical distributions of two samples (copies and sorts them).
 *
 * Formula: D(u, v) = √2 · (∫ (U(t) − V(t))² dt)^½ (see {@link energyDistanceSorted}). Best value 0; unbounded
 * above. O(n log n).
 *
 * @param u first sample, finite numbers in any order.
 * @param v second sample, likewise.
 * @returns the distance.
 * @throws EMPTY_INPUT when a sample is empty; NON_FINITE on NaN or ±Infinity (scipy propagates NaN; we throw).
 * Matches `scipy.stats.energy_distance(u, v)` (unweighted, scipy 1.10.1).
 * @example
 * energyDistance([0, 8], [0, 8]); // => 0
 */
export function energyDistance(u: ArrayLike<number>, v: ArrayLike<number>): number {
  return energyDistanceSorted(sortSample(u, 'energyDistance', 'u'), sortSample(v, 'energyDistance', 'v'));
}
