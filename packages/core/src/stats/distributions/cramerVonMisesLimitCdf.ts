/**
 * Limiting (n → ∞) distribution of the Cramér–von Mises statistic, by the series of Csörgő & Faraway (1996).
 */
import { besselKScaled } from '../special/besselK.js';

/** scipy stops the series at the first term below this size; we stop at the same term to return its value. */
const TERM_TOLERANCE = 1e-7;
const PI_3_2 = Math.PI ** 1.5;

/**
 * CDF of the limiting Cramér–von Mises distribution, V(x) = lim P(ω²ₙ ≤ x).
 *
 * Formula (Csörgő & Faraway 1996, eq. 1.2–1.3):
 * V(x) = Σₖ₌₀^∞ Γ(k + ½) / (Γ(k + 1)·π^{3/2}·√x) · √(4k + 1) · e^(−q)·K_{1/4}(q), with q = (4k + 1)²/(16x).
 * Terms are added until the first one below 1e-7 (that one included), exactly scipy's stopping rule, so the
 * result agrees with scipy's to rounding (about 1e-15 absolute), while both may differ from the true V by up to
 * ~1e-7 where the series converges slowly (large x, V near 1). K_{1/4} is {@link besselKScaled}, and
 * Γ(k + ½)/Γ(k + 1) is formed by its recurrence from √π.
 *
 * @param x the statistic, any number; V(x) = 0 for x ≤ 0.
 * @returns V(x) in [0, 1] (up to the series truncation, which can overshoot 1 by ~1e-7 for large x); NaN for NaN.
 * Matches `scipy.stats._hypotests._cdf_cvm_inf` (scipy 1.10.1), used by `scipy.stats.cramervonmises` and
 * `cramervonmises_2samp` for their asymptotic p-values.
 * @see S. Csörgő, J. J. Faraway (1996), "The exact and asymptotic distributions of Cramér–von Mises statistics",
 *   J. R. Statist. Soc. B 58(1) 221–234.
 * @example
 * cramerVonMisesLimitCdf(0.46136); // => 0.9499996168673488 (0.46136 is the classical 5% critical value)
 */
export function cramerVonMisesLimitCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 0;
  const c = 1 / (PI_3_2 * Math.sqrt(x));
  let ratio = Math.sqrt(Math.PI); // Γ(k + ½)/Γ(k + 1) at k = 0
  let total = 0;
  for (let k = 0; k < 100_000; k++) {
    const y = 4 * k + 1;
    const q = (y * y) / (16 * x);
    // e^(−q)·K(q) = e^(−2q)·(e^q·K(q)): the scaled form avoids the 0·∞ of e^(−q) and K(q) at large q.
    const term = ratio * c * Math.sqrt(y) * Math.exp(-2 * q) * besselKScaled(0.25, q);
    total += term;
    if (Math.abs(term) < TERM_TOLERANCE) break;
    ratio *= (k + 0.5) / (k + 1);
  }
  return total;
}
