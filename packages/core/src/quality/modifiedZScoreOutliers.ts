/**
 * Outliers by the modified z-score (median and MAD) of Iglewicz and Hoaglin.
 */
import { sortFloat64 } from '../sort/sortFloat64.js';
import { quantileSorted } from '../stats/quantile.js';
import { checkArgument } from '../validation.js';
import { finiteValues, type OutlierOptions, type OutlierResult, scanOutliers } from './outlierResult.js';

/**
 * Values whose modified z-score exceeds a threshold in absolute value (Iglewicz & Hoaglin 1993).
 *
 * Formula: Mᵢ = 0.6745·(xᵢ − x̃)/MAD, with x̃ the median and MAD = median(|xᵢ − x̃|) (unscaled) of the finite
 * values; xᵢ is an outlier when |Mᵢ| > threshold (3.5, as recommended). 0.6745 ≈ Φ⁻¹(0.75) makes MAD/0.6745 a
 * consistent estimate of σ under normality. Bounds reported: x̃ ± threshold·MAD/0.6745. NaN and ±Infinity are
 * skipped.
 *
 * @param values numbers, any order (non-finite values skipped).
 * @param options `threshold` (default 3.5); `maxRows` (default 10); `sorted`: the finite values already sorted
 *   ascending, to reuse a sort (trusted, not checked).
 * @returns an {@link OutlierResult} with method `'mad'`.
 * @throws INVALID_ARGUMENT when `threshold` is not a positive finite number or `maxRows` not an integer ≥ 0.
 * Undefined when there is no finite value, or when MAD = 0 (at least half the values equal the median, so every
 * other value would score ±∞): then nothing is flagged, bounds are NaN and `note` says why.
 * Matches `numpy.abs(0.6745 * (x - med) / mad) > threshold` with `med = numpy.median(x)`,
 * `mad = numpy.median(numpy.abs(x - med))` (numpy 1.24).
 * @see B. Iglewicz, D. C. Hoaglin (1993), How to Detect and Handle Outliers, ASQC Quality Press, §3.
 * @example
 * modifiedZScoreOutliers([1, 2, 3, 4, 5, 6, 7, 8, 100]).rows; // => [8]
 */
export function modifiedZScoreOutliers(
  values: ArrayLike<number>,
  options: OutlierOptions & { threshold?: number; sorted?: ArrayLike<number> } = {},
): OutlierResult {
  const fn = 'modifiedZScoreOutliers';
  const threshold = options.threshold ?? 3.5;
  const maxRows = options.maxRows ?? 10;
  checkArgument(
    fn,
    'threshold',
    threshold,
    Number.isFinite(threshold) && threshold > 0,
    'a finite number > 0',
  );
  checkArgument(fn, 'maxRows', maxRows, Number.isInteger(maxRows) && maxRows >= 0, 'an integer ≥ 0');
  const sorted = options.sorted ?? sortFloat64(finiteValues(values));
  const n = sorted.length;
  const undefinedResult = (note: string): OutlierResult => ({
    method: 'mad',
    threshold,
    lower: Number.NaN,
    upper: Number.NaN,
    count: 0,
    share: n === 0 ? Number.NaN : 0,
    rows: [],
    note,
  });
  if (n === 0) return undefinedResult('no finite value');
  const median = quantileSorted(sorted, 0.5);
  // |x − x̃| is V-shaped in x, so its sorted order is a merge of the two halves of `sorted` around the median:
  // O(n) instead of a second sort.
  const deviations = new Float64Array(n);
  let lo = 0;
  while (lo < n && sorted[lo] < median) lo++;
  let left = lo - 1;
  let right = lo;
  for (let k = 0; k < n; k++) {
    const dl = left >= 0 ? median - sorted[left] : Number.POSITIVE_INFINITY;
    const dr = right < n ? sorted[right] - median : Number.POSITIVE_INFINITY;
    if (dl <= dr) {
      deviations[k] = dl;
      left--;
    } else {
      deviations[k] = dr;
      right++;
    }
  }
  const mad = quantileSorted(deviations, 0.5);
  if (mad === 0) return undefinedResult('MAD is 0 (at least half the values equal the median)');
  const { count, rows } = scanOutliers(
    values,
    maxRows,
    (v) => Math.abs((0.6745 * (v - median)) / mad) > threshold,
  );
  const half = (threshold * mad) / 0.6745;
  return {
    method: 'mad',
    threshold,
    lower: median - half,
    upper: median + half,
    count,
    share: count / n,
    rows,
  };
}
