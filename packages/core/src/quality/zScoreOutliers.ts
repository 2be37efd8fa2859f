/**
 * Outliers by the z-score rule.
 */
import { checkArgument } from '../validation.js';
import { type OutlierOptions, type OutlierResult, scanOutliers } from './outlierResult.js';

/**
 * Values whose z-score exceeds a threshold in absolute value.
 *
 * Formula: zᵢ = (xᵢ − x̄)/s with the population standard deviation s = √(Σ(xᵢ − x̄)²/n) (ddof = 0, as
 * `scipy.stats.zscore`); xᵢ is an outlier when |zᵢ| > threshold. Only finite values enter x̄, s and the scan:
 * NaN and ±Infinity are skipped (the profile counts them as missing and infinities). Bounds reported:
 * x̄ ± threshold·s.
 *
 * @param values numbers, any order (non-finite values skipped).
 * @param options `threshold` (default 3), `maxRows` (default 10).
 * @returns an {@link OutlierResult} with method `'zscore'`.
 * @throws INVALID_ARGUMENT when `threshold` is not a positive finite number or `maxRows` not an integer ≥ 0.
 * Undefined when there is no finite value (count 0, bounds and share NaN, a note); with s = 0 nothing is flagged.
 * Matches `numpy.abs(scipy.stats.zscore(x)) > threshold` on the finite values (scipy 1.10.1).
 * @example
 * zScoreOutliers([1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 40], { threshold: 3 }).rows; // => [10]
 */
export function zScoreOutliers(
  values: ArrayLike<number>,
  options: OutlierOptions & { threshold?: number } = {},
): OutlierResult {
  const fn = 'zScoreOutliers';
  const threshold = options.threshold ?? 3;
  const maxRows = options.maxRows ?? 10;
  checkArgument(
    fn,
    'threshold',
    threshold,
    Number.isFinite(threshold) && threshold > 0,
    'a finite number > 0',
  );
  checkArgument(fn, 'maxRows', maxRows, Number.isInteger(maxRows) && maxRows >= 0, 'an integer ≥ 0');
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      n++;
      sum += v;
    }
  }
  if (n === 0) return undefinedResult(threshold, 'no finite value');
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) ss += (v - mean) * (v - mean);
  }
  const std = Math.sqrt(ss / n);
  // With s = 0 every z is 0/0: nothing is an outlier (scipy gives NaN scores, which compare false).
  const { count, rows } =
    std === 0
      ? { count: 0, rows: [] }
      : scanOutliers(values, maxRows, (v) => Math.abs((v - mean) / std) > threshold);
  return {
    method: 'zscore',
    threshold,
    lower: mean - threshold * std,
    upper: mean + threshold * std,
    count,
    share: count / n,
    rows,
  };
}

function undefinedResult(threshold: number, note: string): OutlierResult {
  return {
    method: 'zscore',
    threshold,
    lower: Number.NaN,
    upper: Number.NaN,
    count: 0,
    share: Number.NaN,
    rows: [],
    note,
  };
}
