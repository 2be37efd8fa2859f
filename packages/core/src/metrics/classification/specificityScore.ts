import {
  checkBinaryCodes,
  checkPairLength,
  checkSampleWeight,
  checkZeroDivision,
  type ZeroDivision,
} from '../checkTargets.js';
import { classCounts } from './classCounts.js';

/** Options of {@link specificityScore}. */
export interface SpecificityOptions {
  /** Value when yTrue has no negative sample (default 0). */
  zeroDivision?: ZeroDivision;
  /** Weight of each sample (default: 1 each). */
  sampleWeight?: ArrayLike<number>;
}

/**
 * Specificity (true negative rate, selectivity): TN / (TN + FP), the fraction of negatives (class 0) predicted
 * negative. Equals 1 − false positive rate, and the recall of class 0.
 *
 * Best 1, worst 0. Binary only: codes 0 (negative) and 1 (positive).
 *
 * @param yTrue - true binary codes (0 or 1).
 * @param yPred - predicted binary codes (0 or 1), same length.
 * @param options.zeroDivision - value when there are no negatives (default 0).
 * @param options.sampleWeight - weight of each sample (default 1).
 * @returns the specificity.
 * @throws VigilError EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN label), INVALID_ARGUMENT (code other than 0/1).
 *
 * Undefined when yTrue has no negative sample (TN + FP = 0): returns `zeroDivision` (default 0).
 *
 * scikit-learn 1.2.1 has no specificity function; the golden values are TN / (TN + FP) from
 * `sklearn.metrics.confusion_matrix(labels=[0, 1])`.
 * Reference: Altman, D.G., Bland, J.M. (1994). Diagnostic tests 1: sensitivity and specificity. BMJ 308, 1552.
 *
 * @example
 * specificityScore([0, 0, 0, 1], [0, 1, 0, 1]); // => 0.6666666666666666
 */
export function specificityScore(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: SpecificityOptions = {},
): number {
  const fn = 'specificityScore';
  const zd = checkZeroDivision(fn, options.zeroDivision ?? 0);
  checkPairLength(fn, yTrue, yPred);
  checkBinaryCodes(fn, 'yTrue', yTrue);
  checkBinaryCodes(fn, 'yPred', yPred);
  checkSampleWeight(fn, options.sampleWeight, yTrue.length);
  const { tp, actual } = classCounts(yTrue, yPred, 2, options.sampleWeight);
  // tp[0] counts samples with yTrue = yPred = 0, i.e. the true negatives; actual[0] = TN + FP.
  return actual[0] === 0 ? zd : tp[0] / actual[0];
}
