/**
 * Percentile bootstrap confidence intervals for any statistic, seeded and reproducible.
 */
import { ErrorCodes, VigilError } from '../errors.js';
import { checkArgument } from '../validation.js';
import { quantileSorted } from './quantile.js';
import { createRandom } from './random.js';

/** Options of {@link bootstrapInterval}. */
export interface BootstrapOptions {
  /** Coverage of the interval, in (0, 1). Default 0.95. */
  confidence?: number;
  /** Number of bootstrap resamples drawn, a positive integer. Default 1000. */
  resamples?: number;
  /** Seed of the generator ({@link createRandom}): the same seed gives the same interval. Default 0. */
  seed?: number;
  /** Called after each resample with the number done so far (for progress bars on long runs). */
  onProgress?: (done: number, total: number) => void;
}

/** Result of {@link bootstrapInterval}. */
export interface BootstrapInterval {
  /** Lower bound: the (1 − confidence)/2 quantile of the resampled statistics; NaN when none was usable. */
  low: number;
  /** Upper bound: the (1 + confidence)/2 quantile of the resampled statistics; NaN when none was usable. */
  high: number;
  /** The statistic on the original sample (indices 0 … n − 1); may be NaN if the statistic is undefined there. */
  estimate: number;
  /** The confidence level used. */
  confidence: number;
  /** Number of resamples whose statistic was a number and entered the quantiles. */
  resamples: number;
  /** Number of resamples whose statistic was NaN (e.g. a one-class resample for ROC AUC), left out. */
  skipped: number;
}

/**
 * Percentile bootstrap confidence interval of a statistic.
 *
 * Draws `resamples` samples of size n with replacement (row indices uniform in [0, n), from
 * `createRandom(seed)`), evaluates `statistic(indices)` on each, drops NaN results (counted in `skipped`) and
 * returns the (1 − c)/2 and (1 + c)/2 quantiles of the rest, interpolated linearly as `numpy.quantile` does
 * (see {@link quantileSorted}). ±Infinity results are kept: they sort to the ends.
 *
 * The statistic receives row indices, not values, so any metric fits: gather the columns it needs with
 * {@link gather}, e.g. `(idx) => rocAuc(gather(y, idx), gather(score, idx))`. The same `Uint32Array` is reused
 * for every call (no allocation per resample): read it during the call, copy it if you keep it.
 *
 * Undefined when every resample gives NaN: `low` and `high` are then NaN (and `skipped === resamples`).
 *
 * Similar to `scipy.stats.bootstrap(..., method='percentile')` (scipy 1.10.1), whose resamples come from numpy's
 * generator: the intervals agree in distribution, not digit for digit.
 *
 * @param statistic the metric on a resample, given as row indices of length n.
 * @param n the number of rows (sample size), a positive integer.
 * @param options `confidence` (0.95), `resamples` (1000), `seed` (0).
 * @returns `{ low, high, estimate, confidence, resamples, skipped }`.
 * @throws EMPTY_INPUT when n = 0; INVALID_ARGUMENT for a non-integer n, confidence outside (0, 1), resamples not a
 *   positive integer, or a seed that is not a safe integer.
 * @see B. Efron, R. J. Tibshirani (1993), An Introduction to the Bootstrap, ch. 13 (percentile interval).
 * @example
 * const x = [2.1, 3.4, 1.9, 5.6, 4.2, 3.3];
 * const mean = (idx: Uint32Array) => idx.reduce((s, i) => s + x[i], 0) / idx.length;
 * bootstrapInterval(mean, x.length, { seed: 1 });
 * // => { low: 2.4495833333333334, high: 4.400833333333332, estimate: 3.4166666666666665,
 * //      confidence: 0.95, resamples: 1000, skipped: 0 }
 */
export function bootstrapInterval(
  statistic: (indices: Uint32Array) => number,
  n: number,
  options: BootstrapOptions = {},
): BootstrapInterval {
  const fn = 'bootstrapInterval';
  checkArgument(fn, 'statistic', typeof statistic, typeof statistic === 'function', 'a function');
  return bootstrapIntervals((indices) => ({ value: statistic(indices) }), n, options, fn).value;
}

/**
 * {@link bootstrapInterval} for several statistics computed together on each resample (e.g. every metric of an
 * evaluation): one draw of indices per resample serves them all, so k metrics cost one resampling, not k. The keys
 * of the first call (on the original sample) name the intervals; each key's interval is exactly what
 * `bootstrapInterval` gives for that statistic alone with the same seed.
 *
 * @example
 * bootstrapIntervals((idx) => ({ mean: mean(idx), max: max(idx) }), x.length, { seed: 1 }).mean
 * // => the same as bootstrapInterval(mean, x.length, { seed: 1 })
 */
export function bootstrapIntervals(
  statistics: (indices: Uint32Array) => Record<string, number>,
  n: number,
  options: BootstrapOptions = {},
  fn = 'bootstrapIntervals',
): Record<string, BootstrapInterval> {
  const { confidence = 0.95, resamples = 1000, seed = 0, onProgress } = options;
  checkArgument(fn, 'statistic', typeof statistics, typeof statistics === 'function', 'a function');
  if (n === 0) throw new VigilError(ErrorCodes.EMPTY_INPUT, `${fn}: n must be at least 1; got 0`);
  checkArgument(fn, 'n', n, Number.isInteger(n) && n >= 1 && n <= 2 ** 32, 'an integer in [1, 2^32]');
  checkArgument(fn, 'confidence', confidence, confidence > 0 && confidence < 1, 'in (0, 1)');
  checkArgument(
    fn,
    'resamples',
    resamples,
    Number.isInteger(resamples) && resamples >= 1,
    'a positive integer',
  );
  checkArgument(fn, 'seed', seed, Number.isSafeInteger(seed), 'a safe integer');

  const indices = new Uint32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;
  const estimates = statistics(indices);
  const keys = Object.keys(estimates);
  const values = keys.map(() => new Float64Array(resamples));
  const kept = new Uint32Array(keys.length);

  const random = createRandom(seed);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) indices[i] = random.nextInt(n);
    const result = statistics(indices);
    keys.forEach((key, k) => {
      const value = Number(result[key]);
      if (!Number.isNaN(value)) values[k][kept[k]++] = value;
    });
    onProgress?.(r + 1, resamples);
  }
  const alpha = (1 - confidence) / 2;
  const out: Record<string, BootstrapInterval> = {};
  keys.forEach((key, k) => {
    const estimate = Number(estimates[key]);
    const skipped = resamples - kept[k];
    if (kept[k] === 0) {
      out[key] = { low: Number.NaN, high: Number.NaN, estimate, confidence, resamples: 0, skipped };
      return;
    }
    const sorted = values[k].subarray(0, kept[k]).sort();
    out[key] = {
      low: quantileSorted(sorted, alpha),
      high: quantileSorted(sorted, 1 - alpha),
      estimate,
      confidence,
      resamples: kept[k],
      skipped,
    };
  });
  return out;
}
