/**
 * Hellinger distance between two discrete distributions.
 */
import { checkWeightPair } from './checkWeightPair.js';

/**
 * Hellinger distance H(p, q) = (1/√2)·‖√p − √q‖₂ = √(½·Σᵢ (√pᵢ − √qᵢ)²).
 *
 * For probability vectors (sums 1) this equals √(1 − Σ √(pᵢqᵢ)) (one minus the Bhattacharyya coefficient), but
 * the form used here has no cancellation when p ≈ q and stays defined for vectors that do not sum exactly to 1
 * (e.g. binned proportions with missing values or filled zeros). Vectors are used as given, not renormalised.
 *
 * Best value 0 (p = q); worst 1 (disjoint supports, for probability vectors).
 *
 * @param p first distribution (non-negative proportions).
 * @param q second distribution, same length.
 * @returns H(p, q) ≥ 0.
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE; INVALID_PROBABILITY on a negative entry.
 * Matches `sqrt(0.5 * sum((sqrt(p) - sqrt(q))**2))` in numpy (the definition of Hellinger 1909 as normalised by
 * Le Cam & Yang 2000).
 * @see E. Hellinger (1909), J. reine angew. Math. 136, 210–271; L. Le Cam, G. L. Yang (2000), "Asymptotics in
 *   Statistics", 2nd ed., Springer, §3.
 * @example
 * hellingerDistance([1, 0], [0, 1]); // => 1
 */
export function hellingerDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  checkWeightPair('hellingerDistance', p, q);
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const d = Math.sqrt(p[i]) - Math.sqrt(q[i]);
    sum += d * d;
  }
  return Math.sqrt(0.5 * sum);
}
