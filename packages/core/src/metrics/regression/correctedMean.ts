/**
 * Two-pass mean used by the variance-based regression scores (internal: not exported from the package barrel).
 */

/**
 * Mean of `values[i]` (or of `values[i] − minus[i]` when `minus` is given), refined by a second pass:
 * m = Σx/n, then m + Σ(x − m)/n. The correction removes the rounding of the first sum (Higham, "Accuracy and
 * Stability of Numerical Algorithms", 2nd ed., §1.9) and makes the mean of a constant column exactly that
 * constant, so that Σ(x − m)² is exactly 0 for constant data and the "constant y" policies of R² and explained
 * variance trigger reliably (numpy's plain mean can be off by one ulp, giving a tiny nonzero denominator).
 */
export function correctedMean(values: ArrayLike<number>, minus?: ArrayLike<number>): number {
  const n = values.length;
  let sum = 0;
  if (minus === undefined) {
    for (let i = 0; i < n; i++) sum += values[i];
    const m = sum / n;
    let c = 0;
    for (let i = 0; i < n; i++) c += values[i] - m;
    return m + c / n;
  }
  for (let i = 0; i < n; i++) sum += values[i] - minus[i];
  const m = sum / n;
  let c = 0;
  for (let i = 0; i < n; i++) c += values[i] - minus[i] - m;
  return m + c / n;
}
