/**
 * Population stability index (PSI) between two binned distributions.
 */
import { checkWeightPair } from './checkWeightPair.js';

/**
 * Population stability index of the current distribution against the reference.
 *
 * Formula: PSI = Σᵢ (refᵢ − curᵢ)·ln(refᵢ/curᵢ), over bin proportions as given (not renormalised), i.e. the
 * symmetrised KL divergence KL(ref‖cur) + KL(cur‖ref). Every term is ≥ 0. A bin where both proportions are 0
 * contributes 0; a bin where exactly one is 0 makes PSI +∞ (fill empty bins first, as
 * {@link binnedProportions} does with `fillZeros`). Common reading: < 0.1 stable, 0.1–0.25 moderate shift,
 * > 0.25 significant shift (Evidently's default threshold is 0.1).
 *
 * Best value 0; unbounded above.
 *
 * @param ref reference proportions (non-negative), e.g. from {@link binnedProportions}.
 * @param cur current proportions, same bins.
 * @returns PSI ≥ 0, or +∞.
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE; INVALID_PROBABILITY on a negative entry.
 * Matches Evidently's PSI stattest (`evidently.calculations.stattests.psi`, evidently 0.4.x):
 * `np.sum((ref - cur) * np.log(ref / cur))` on its binned proportions.
 * @see B. Yurdakul (2018), "Statistical properties of population stability index", Western Michigan University
 *   dissertation 3208.
 * @example
 * populationStabilityIndex([0.5, 0.5], [0.25, 0.75]); // => 0.27465307216702745
 */
export function populationStabilityIndex(ref: ArrayLike<number>, cur: ArrayLike<number>): number {
  checkWeightPair('populationStabilityIndex', ref, cur);
  let sum = 0;
  for (let i = 0; i < ref.length; i++) {
    const r = ref[i];
    const c = cur[i];
    if (r === c) continue; // includes 0 = 0; the term is exactly 0
    sum += r > 0 && c > 0 ? (r - c) * Math.log(r / c) : Number.POSITIVE_INFINITY;
  }
  return sum;
}
