/**
 * Outliers outside Tukey's fences.
 */
import { sortFloat64 } from '../sort/sortFloat64.js';
import { quantileSorted } from '../stats/quantile.js';
import { checkArgument } from '../validation.js';
import { finiteValues, type OutlierOptions, type OutlierResult, scanOutliers } from './outlierResult.js';

/**
 * Values outside Tukey's fences [Q1 − k·IQR, Q3 + k·IQR].
 *
 * Formula: Q1, Q3 are the 25th and 75th percentiles of the finite values by linear interpolation (numpy's default,
 * {@link quantileSorted}), IQR = Q3 − Q1; xᵢ is an outlier when xᵢ < Q1 − k·IQR or xᵢ > Q3 + k·IQR. k = 1.5 gives
 * Tukey's "outside" values, k = 3 his "far out" ones. NaN and ±Infinity are skipped.
 *
 * @param values numbers, any order (non-finite values skipped).
 * @param options `k` (default 1.5); `maxRows` (default 10); `sorted`: the finite values already sorted
 *   ascending, to reuse a sort (trusted, not checked).
 * @returns an {@link OutlierResult} with method `'iqr'` and `threshold` = k.
 * @throws INVALID_ARGUMENT when `k` is not a finite number ≥ 0 or `maxRows` not an integer ≥ 0.
 * Undefined when there is no finite value (count 0, bounds and share NaN, a note).
 * Matches `(x < q1 - k*iqr) | (x > q3 + k*iqr)` with `q1, q3 = numpy.percentile(x, [25, 75])` (numpy 1.24).
 * @see J. W. Tukey (1977), Exploratory Data Analysis, Addison-Wesley, ch. 2.
 * @example
 * iqrOutliers([1, 2, 3, 4, 5, 6, 7, 8, 100]).rows; // => [8]
 */
export function iqrOutliers(
  values: ArrayLike<number>,
  options: OutlierOptions & { k?: number; sorted?: ArrayLike<number> } = {},
): OutlierResult {
  const fn = 'iqrOutliers';
  const k = options.k ?? 1.5;
  const maxRows = options.maxRows ?? 10;
  checkArgument(fn, 'k', k, Number.isFinite(k) && k >= 0, 'a finite number ≥ 0');
  checkArgument(fn, 'maxRows', maxRows, Number.isInteger(maxRows) && maxRows >= 0, 'an integer ≥ 0');
  const sorted = options.sorted ?? sortFloat64(finiteValues(values));
  if (sorted.length === 0) {
    return {
      method: 'iqr',
      threshold: k,
      lower: Number.NaN,
      upper: Number.NaN,
      count: 0,
      share: Number.NaN,
      rows: [],
      note: 'no finite value',
    };
  }
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  const iqr = q3 - q1;
  const lower = q1 - k * iqr;
  const upper = q3 + k * iqr;
  const { count, rows } = scanOutliers(values, maxRows, (v) => v < lower || v > upper);
  return { method: 'iqr', threshold: k, lower, upper, count, share: count / sorted.length, rows };
}
