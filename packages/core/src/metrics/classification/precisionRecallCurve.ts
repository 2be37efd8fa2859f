import { checkBinaryScoreTargets, checkBothClasses } from '../checkTargets.js';
import { binaryClfCurve, scoresByClass } from './binaryClfCurve.js';

/** Points of a precision–recall curve, by increasing threshold, plus the end point (recall 0, precision 1). */
export interface PrecisionRecallCurve {
  /** precision[i] = TP/(TP+FP) of the predictions score ≥ thresholds[i]; last element 1. */
  precision: Float64Array;
  /** recall[i] = TP/P of the predictions score ≥ thresholds[i]; decreasing, last element 0. */
  recall: Float64Array;
  /** Distinct scores, increasing; one element shorter than precision and recall. */
  thresholds: Float64Array;
}

/**
 * Precision–recall curve: for each distinct score t (increasing), precision(t) = TP(t) / (TP(t) + FP(t)) and
 * recall(t) = TP(t) / P of the rule "positive if score ≥ t"; the point (recall 0, precision 1) is appended with
 * no threshold. All thresholds are kept (scikit-learn ≥ 1.1 no longer stops at full recall).
 *
 * @param yTrue - binary codes, 1 = positive.
 * @param yScore - scores of class 1 (probabilities or any finite decision values), same length.
 * @returns `{ precision, recall, thresholds }` as Float64Arrays.
 * @throws VigilError ONE_CLASS when yTrue has no positive sample (recall is 0/0; scikit-learn sets recall to 1
 *   with a warning instead); EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (with index), INVALID_ARGUMENT (code
 *   other than 0/1).
 *
 * Undefined when yTrue has no positive sample (recall = TP/0): throws ONE_CLASS.
 *
 * Matches `sklearn.metrics.precision_recall_curve` (scikit-learn 1.2.1).
 * Reference: Davis, J., Goadrich, M. (2006). The relationship between precision-recall and ROC curves. ICML 2006,
 * 233–240.
 *
 * @example
 * precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // => { precision: [0.5, 0.6666666666666666, 0.5, 1, 1], recall: [1, 1, 0.5, 0.5, 0],
 * //      thresholds: [0.1, 0.35, 0.4, 0.8] } (Float64Arrays)
 */
export function precisionRecallCurve(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
): PrecisionRecallCurve {
  const fn = 'precisionRecallCurve';
  const nPos = checkBinaryScoreTargets(fn, yTrue, yScore);
  checkBothClasses(fn, nPos, yTrue.length, 'recall', false);
  const { fps, tps, thresholds } = binaryClfCurve(scoresByClass(yTrue, yScore, nPos));
  const m = fps.length;
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const outThresholds = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    // Reverse to increasing thresholds. TP + FP ≥ 1 at every threshold, so precision is always defined.
    const r = m - 1 - i;
    precision[r] = tps[i] / (tps[i] + fps[i]);
    recall[r] = tps[i] / nPos;
    outThresholds[r] = thresholds[i];
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: outThresholds };
}
