/**
 * Sample quantiles by linear interpolation between order statistics (Hyndman & Fan type 7, numpy's default).
 */
import { checkArgument, checkFinite, checkNotEmpty } from '../validation.js';

/**
 * The p-quantile of values already sorted ascending, by linear interpolation.
 *
 * Formula: with h = (n − 1)·p, i = ⌊h⌋ and γ = h − i, Q(p) = x₍ᵢ₎ + γ·(x₍ᵢ₊₁₎ − x₍ᵢ₎) (0-based order statistics);
 * Q(1) = x₍ₙ₋₁₎. Like numpy, the interpolation is computed from the nearer end (x₍ᵢ₊₁₎ − (1 − γ)·(x₍ᵢ₊₁₎ − x₍ᵢ₎)
 * when γ ≥ 0.5), so results agree with numpy to the last bit in most cases.
 *
 * The input is trusted to be sorted and finite (not checked: this is the hot-path half of the family; use
 * {@link quantile} for unsorted or unchecked data).
 *
 * @param sorted values sorted ascending.
 * @param p the probability, in [0, 1].
 * @returns the p-quantile.
 * @throws EMPTY_INPUT when `sorted` is empty; INVALID_ARGUMENT when `p` is not in [0, 1].
 * Matches `numpy.quantile(x, p)` (method='linear', numpy 1.24) and R's `quantile(x, p, type = 7)`.
 * @see R. J. Hyndman, Y. Fan (1996), "Sample quantiles in statistical packages", The American Statistician 50(4).
 * @example
 * quantileSorted([1, 2, 3, 4], 0.25); // => 1.75
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  checkNotEmpty('quantileSorted', 'sorted', sorted);
  checkArgument('quantileSorted', 'p', p, p >= 0 && p <= 1, 'in [0, 1]');
  const n = sorted.length;
  const h = (n - 1) * p;
  if (h >= n - 1) return sorted[n - 1];
  const i = Math.floor(h);
  const gamma = h - i;
  const a = sorted[i];
  const b = sorted[i + 1];
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

/**
 * The p-quantile of unsorted values (R-7, numpy's default): copies, sorts and calls {@link quantileSorted}.
 *
 * @param values finite numbers, any order.
 * @param p the probability, in [0, 1].
 * @returns the p-quantile.
 * @throws EMPTY_INPUT when `values` is empty; NON_FINITE on NaN or ±Infinity; INVALID_ARGUMENT when `p` is not in
 *   [0, 1].
 * Matches `numpy.quantile(x, p)` (numpy 1.24) on finite data (numpy returns NaN when x has NaN; we throw).
 * @example
 * quantile([3, 1, 4, 1, 5], 0.5); // => 3
 */
export function quantile(values: ArrayLike<number>, p: number): number {
  checkNotEmpty('quantile', 'values', values);
  checkFinite('quantile', 'values', values);
  checkArgument('quantile', 'p', p, p >= 0 && p <= 1, 'in [0, 1]');
  const sorted = Float64Array.from(values).sort();
  return quantileSorted(sorted, p);
}
