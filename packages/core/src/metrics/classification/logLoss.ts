/**
 * Logarithmic loss (cross-entropy) for binary scores ({@link logLoss}) and multiclass probabilities
 * ({@link logLossMulticlass}).
 */

import { checkArgument } from '../../validation.js';
import {
  checkBinaryCodes,
  checkClassCodes,
  checkPairLength,
  checkProbabilityColumns,
  checkProbabilityValues,
  checkSampleWeight,
} from '../checkTargets.js';

/** Options of {@link logLoss} and {@link logLossMulticlass}. */
export interface LogLossOptions {
  /**
   * Probabilities are clipped to [eps, 1 − eps] so that log 0 never occurs. Default `Number.EPSILON`
   * (2.220446049250313e-16 = numpy's float64 eps, scikit-learn 1.2's `eps="auto"`; before 1.2 it was 1e-15).
   */
  eps?: number;
  /** Weight of each sample (default: 1 each). */
  sampleWeight?: ArrayLike<number>;
}

/**
 * Binary log loss: −(1/n) Σ_i [yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)], with pᵢ the predicted probability of class 1.
 *
 * Best 0, no upper bound (a confident wrong prediction costs up to −log(eps) ≈ 36.04 with the default eps).
 *
 * As scikit-learn 1.2.1: p is clipped to [eps, 1 − eps], the pair (1 − p, p) is renormalised by its sum, and the
 * mean is weighted by `sampleWeight`. yTrue may hold a single class (the classes are always {0, 1} here;
 * scikit-learn needs `labels=[0, 1]` for that).
 *
 * @param yTrue - binary codes, 1 = positive.
 * @param yScore - probability of class 1 for each sample, in [0, 1].
 * @param options.eps - clipping (default Number.EPSILON).
 * @param options.sampleWeight - weight of each sample (default 1).
 * @returns the mean log loss (natural log, nats).
 * @throws VigilError EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN, with index), INVALID_PROBABILITY (value
 *   outside [0, 1], with index), INVALID_ARGUMENT (code other than 0/1, bad eps or weights).
 *
 * Never undefined; with `eps: 0`, a probability of 0 for the true class gives +Infinity.
 *
 * Matches `sklearn.metrics.log_loss(labels=[0, 1])` (scikit-learn 1.2.1).
 * Reference: Bishop, C.M. (2006). Pattern Recognition and Machine Learning, Springer, §4.3.2, p. 206–209.
 *
 * @example
 * logLoss([1, 0, 0, 1], [0.9, 0.1, 0.2, 0.65]); // => 0.21616187468057912
 */
export function logLoss(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  options: LogLossOptions = {},
): number {
  const fn = 'logLoss';
  const eps = checkEps(fn, options.eps);
  checkPairLength(fn, yTrue, yScore, 'yScore');
  checkBinaryCodes(fn, 'yTrue', yTrue);
  checkProbabilityValues(fn, 'yScore', yScore);
  const w = options.sampleWeight;
  checkSampleWeight(fn, w, yTrue.length);
  const hi = 1 - eps;
  const n = yTrue.length;
  const mean = new WeightedMean();
  for (let i = 0; i < n; i++) {
    const p = Math.min(Math.max(yScore[i], eps), hi);
    const q = 1 - p;
    // scikit-learn renormalises the row (1 − p, p); q + p can differ from 1 by one ulp.
    mean.add(-Math.log((yTrue[i] === 1 ? p : q) / (q + p)), w === undefined ? 1 : w[i]);
  }
  return mean.value();
}

/**
 * Multiclass log loss (cross-entropy): −(1/n) Σ_i log p_{i, yᵢ}, the mean negative log-probability given to the
 * true class.
 *
 * Best 0, no upper bound (about 36.04 per sample with the default eps).
 *
 * As scikit-learn 1.2.1: every probability is clipped to [eps, 1 − eps] and each row is renormalised by its
 * clipped sum. Unlike scikit-learn, rows whose raw sum differs from 1 by more than 1e-6 are rejected instead
 * of silently renormalised.
 *
 * @param yTrue - class codes 0 … K-1.
 * @param yProba - K probability columns (index = class code), each the length of yTrue; rows sum to 1.
 * @param options.eps - clipping (default Number.EPSILON).
 * @param options.sampleWeight - weight of each sample (default 1).
 * @returns the mean log loss (nats).
 * @throws VigilError INVALID_PROBABILITY (value outside [0, 1], or a row sum off by more than 1e-6, naming the
 *   row and its sum); NON_FINITE, LENGTH_MISMATCH, EMPTY_INPUT, INVALID_ARGUMENT (code ≥ K, fewer than 2 columns).
 *
 * Never undefined; with `eps: 0`, a probability of 0 for the true class gives +Infinity.
 *
 * Matches `sklearn.metrics.log_loss(labels=range(K))` (scikit-learn 1.2.1).
 * Reference: Bishop, C.M. (2006). Pattern Recognition and Machine Learning, Springer, §4.3.4.
 *
 * @example
 * logLossMulticlass([0, 1, 2], [[0.8, 0.1, 0.2], [0.1, 0.6, 0.3], [0.1, 0.3, 0.5]]); // => 0.47570545188004854
 */
export function logLossMulticlass(
  yTrue: ArrayLike<number>,
  yProba: readonly ArrayLike<number>[],
  options: LogLossOptions = {},
): number {
  const fn = 'logLossMulticlass';
  const eps = checkEps(fn, options.eps);
  checkArgument(fn, 'yProba', typeof yProba, Array.isArray(yProba), 'an array of probability columns');
  if (yProba.length > 0) checkPairLength(fn, yTrue, yProba[0], 'yProba[0]');
  const k = checkProbabilityColumns(fn, 'yProba', yProba, yTrue.length);
  checkClassCodes(fn, 'yTrue', yTrue, k);
  const w = options.sampleWeight;
  checkSampleWeight(fn, w, yTrue.length);
  const hi = 1 - eps;
  const n = yTrue.length;
  // Row sums of the clipped probabilities, accumulated column by column (sequential memory access).
  const rowSums = new Float64Array(n);
  for (let c = 0; c < k; c++) {
    const column = yProba[c];
    for (let i = 0; i < n; i++) rowSums[i] += Math.min(Math.max(column[i], eps), hi);
  }
  const mean = new WeightedMean();
  for (let i = 0; i < n; i++) {
    const p = Math.min(Math.max(yProba[yTrue[i]][i], eps), hi);
    mean.add(-Math.log(p / rowSums[i]), w === undefined ? 1 : w[i]);
  }
  return mean.value();
}

function checkEps(fn: string, eps: number | undefined): number {
  const value = eps ?? Number.EPSILON;
  checkArgument(fn, 'eps', value, value >= 0 && value < 0.5, 'a number in [0, 0.5)');
  return value;
}

/**
 * Weighted mean with Neumaier's compensated summation, so that means over 10⁷ terms keep full accuracy (numpy
 * sums pairwise; naive summation would drift by up to n·ε).
 */
class WeightedMean {
  private sum = 0;
  private compensation = 0;
  private total = 0;

  add(x: number, weight: number): void {
    const y = weight * x;
    const t = this.sum + y;
    this.compensation += Math.abs(this.sum) >= Math.abs(y) ? this.sum - t + y : y - t + this.sum;
    this.sum = t;
    this.total += weight;
  }

  value(): number {
    return (this.sum + this.compensation) / this.total;
  }
}
