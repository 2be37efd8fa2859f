import { checkLabelTargets, checkSampleWeight } from '../checkTargets.js';
import { classCounts } from './classCounts.js';

/** Options of {@link balancedAccuracyScore}. */
export interface BalancedAccuracyOptions {
  /** Rescale so that chance level is 0 and a perfect score 1 (default false). */
  adjusted?: boolean;
  /** Weight of each sample (default: 1 each). */
  sampleWeight?: ArrayLike<number>;
}

/**
 * Balanced accuracy: the mean over classes of the recall of each class, (1/K) Σ_c TP_c / (TP_c + FN_c), averaged
 * over the K classes that occur in `yTrue`. With `adjusted`, (score − 1/K) / (1 − 1/K).
 *
 * Best 1, worst 0 (adjusted: chance level 0, can be negative). Equals accuracy on balanced data; robust to
 * class imbalance.
 *
 * Classes that occur only in `yPred` have no recall and are left out of the mean (scikit-learn warns
 * "y_pred contains classes not in y_true"; Vigil does the same without a warning).
 *
 * @param yTrue - true class codes (integers ≥ 0).
 * @param yPred - predicted class codes, same length.
 * @param options.adjusted - chance-corrected variant (default false).
 * @param options.sampleWeight - weight of each sample (default 1).
 * @returns the balanced accuracy.
 * @throws VigilError EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN label), INVALID_ARGUMENT.
 *
 * Undefined when `adjusted` and yTrue holds a single class (chance = 1): returns NaN (score 1) or −Infinity
 * (score 0), the values scikit-learn computes (with a division warning).
 *
 * Matches `sklearn.metrics.balanced_accuracy_score` (scikit-learn 1.2.1).
 * Reference: Brodersen, K.H., Ong, C.S., Stephan, K.E., Buhmann, J.M. (2010). The balanced accuracy and its
 * posterior distribution. ICPR 2010, 3121–3124. Adjusted form: Guyon, I. et al. (2015), IJCNN.
 *
 * @example
 * balancedAccuracyScore([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1]); // => 0.625
 */
export function balancedAccuracyScore(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: BalancedAccuracyOptions = {},
): number {
  const fn = 'balancedAccuracyScore';
  const { labels, nCodes } = checkLabelTargets(fn, yTrue, yPred);
  checkSampleWeight(fn, options.sampleWeight, yTrue.length);
  const { tp, actual } = classCounts(yTrue, yPred, nCodes, options.sampleWeight);
  let sum = 0;
  let nClasses = 0;
  for (const c of labels) {
    if (actual[c] > 0) {
      sum += tp[c] / actual[c];
      nClasses++;
    }
  }
  let score = sum / nClasses;
  if (options.adjusted === true) {
    const chance = 1 / nClasses;
    score = (score - chance) / (1 - chance);
  }
  return score;
}
