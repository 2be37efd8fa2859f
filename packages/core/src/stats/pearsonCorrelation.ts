/**
 * Pearson's product-moment correlation coefficient.
 */
import { checkFinite, checkNotEmpty, checkSameLength } from '../validation.js';

/**
 * Pearson's correlation coefficient r of paired samples.
 *
 * Formula: r = Σ(xᵢ − x̄)(yᵢ − ȳ) / √(Σ(xᵢ − x̄)² · Σ(yᵢ − ȳ)²), computed in two passes (means first) so that
 * large offsets do not cancel. The result is clipped to [−1, 1] against rounding, as scipy does.
 * Best/worst: 1 (perfect increasing linear relation), −1 (perfect decreasing), 0 (no linear relation).
 *
 * @param x finite numbers.
 * @param y finite numbers, paired with `x`.
 * @returns r in [−1, 1].
 * @throws EMPTY_INPUT when the samples are empty; LENGTH_MISMATCH when their lengths differ; NON_FINITE on NaN
 *   or ±Infinity.
 * Undefined (NaN) when n < 2 or either sample is constant (scipy also returns NaN there, with a warning; it
 * raises for n < 2).
 * Matches `scipy.stats.pearsonr(x, y).statistic` (scipy 1.10.1) and `pandas.Series.corr` (pandas 1.5).
 * @see K. Pearson (1895), "Notes on regression and inheritance in the case of two parents", Proc. R. Soc. Lond. 58.
 * @example
 * pearsonCorrelation([1, 2, 3, 4], [2, 4, 5, 9]); // => 0.9561828874675149
 */
export function pearsonCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const fn = 'pearsonCorrelation';
  checkNotEmpty(fn, 'x', x);
  checkSameLength(fn, 'x', x, 'y', y);
  checkFinite(fn, 'x', x);
  checkFinite(fn, 'y', y);
  return pearsonUnchecked(x, y);
}

/** {@link pearsonCorrelation} without validation, for callers that have filtered their data (the profile). */
export function pearsonUnchecked(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i];
    sy += y[i];
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return Number.NaN;
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}
