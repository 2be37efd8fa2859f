/**
 * Total variation distance between two discrete distributions.
 */
import { checkWeightPair } from './checkWeightPair.js';

/**
 * Total variation distance TV(p, q) = ½·Σᵢ |pᵢ − qᵢ|, the largest difference in probability that p and q can
 * give one event. Vectors are used as given, not renormalised.
 *
 * Best value 0 (p = q); worst 1 (disjoint supports, for probability vectors).
 *
 * @param p first distribution (non-negative proportions).
 * @param q second distribution, same length.
 * @returns TV(p, q) ≥ 0.
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE; INVALID_PROBABILITY on a negative entry.
 * Matches `0.5 * numpy.sum(numpy.abs(p - q))`.
 * @see A. L. Gibbs, F. E. Su (2002), "On choosing and bounding probability metrics", International Statistical
 *   Review 70(3) 419–435.
 * @example
 * totalVariationDistance([0.5, 0.5], [0.25, 0.75]); // => 0.25
 */
export function totalVariationDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  checkWeightPair('totalVariationDistance', p, q);
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += Math.abs(p[i] - q[i]);
  return 0.5 * sum;
}
