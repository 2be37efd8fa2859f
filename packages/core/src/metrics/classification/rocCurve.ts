import { checkBinaryScoreTargets, checkBothClasses } from '../checkTargets.js';
import { binaryClfCurve, scoresByClass } from './binaryClfCurve.js';

/** Options of {@link rocCurve}. */
export interface RocCurveOptions {
  /** Drop thresholds whose point is collinear with its neighbours (default true, as scikit-learn). */
  dropIntermediate?: boolean;
}

/** Points of a ROC curve, by decreasing threshold. */
export interface RocCurve {
  /** False positive rate FP/N of the predictions score ≥ thresholds[i]; increasing from 0 to 1. */
  fpr: Float64Array;
  /** True positive rate TP/P of the predictions score ≥ thresholds[i]; increasing from 0 to 1. */
  tpr: Float64Array;
  /** Decreasing thresholds; thresholds[0] = max(yScore) + 1 stands for "predict nothing positive". */
  thresholds: Float64Array;
}

/**
 * Receiver operating characteristic curve: for each distinct score t (decreasing), the false positive rate
 * FPR(t) = #{negatives with score ≥ t} / N and the true positive rate TPR(t) = #{positives with score ≥ t} / P,
 * preceded by the point (0, 0) at threshold max(yScore) + 1.
 *
 * With `dropIntermediate` (default), a point is kept only if it is the first or last, or where the second
 * difference of the FP or TP counts is non-zero (a corner), exactly as scikit-learn does; the area is unchanged.
 *
 * @param yTrue - binary codes, 1 = positive.
 * @param yScore - scores of class 1 (probabilities or any finite decision values), same length.
 * @param options.dropIntermediate - drop collinear points (default true).
 * @returns `{ fpr, tpr, thresholds }`, Float64Arrays of equal length.
 * @throws VigilError EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN/±Infinity, with index), INVALID_ARGUMENT
 *   (code other than 0/1), ONE_CLASS (yTrue lacks a class: scikit-learn returns NaN rates with a warning instead).
 *
 * Undefined when yTrue holds one class (a rate with denominator 0): throws ONE_CLASS.
 *
 * Matches `sklearn.metrics.roc_curve` (scikit-learn 1.2.1, including thresholds[0] = max + 1; later versions use
 * +Infinity).
 * Reference: Fawcett, T. (2006). An introduction to ROC analysis. Pattern Recognition Letters 27(8), 861–874.
 *
 * @example
 * rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // => { fpr: [0, 0, 0.5, 0.5, 1], tpr: [0, 0.5, 0.5, 1, 1], thresholds: [1.8, 0.8, 0.4, 0.35, 0.1] } (Float64Arrays)
 */
export function rocCurve(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  options: RocCurveOptions = {},
): RocCurve {
  const fn = 'rocCurve';
  const nPos = checkBinaryScoreTargets(fn, yTrue, yScore);
  checkBothClasses(fn, nPos, yTrue.length, 'the ROC curve');
  const curve = binaryClfCurve(scoresByClass(yTrue, yScore, nPos));
  const { fps, tps, thresholds } = curve;
  const m = fps.length;
  const keep = new Int32Array(m);
  let nKeep = 0;
  if ((options.dropIntermediate ?? true) && m > 2) {
    keep[nKeep++] = 0;
    for (let i = 1; i < m - 1; i++) {
      // np.diff(x, 2)[i - 1] = x[i + 1] - 2 x[i] + x[i - 1]; counts are integers, so the test is exact.
      if (fps[i + 1] - 2 * fps[i] + fps[i - 1] !== 0 || tps[i + 1] - 2 * tps[i] + tps[i - 1] !== 0) {
        keep[nKeep++] = i;
      }
    }
    keep[nKeep++] = m - 1;
  } else {
    for (let i = 0; i < m; i++) keep[nKeep++] = i;
  }
  const nNeg = yTrue.length - nPos;
  const fpr = new Float64Array(nKeep + 1);
  const tpr = new Float64Array(nKeep + 1);
  const outThresholds = new Float64Array(nKeep + 1);
  outThresholds[0] = thresholds[0] + 1;
  for (let r = 0; r < nKeep; r++) {
    const i = keep[r];
    fpr[r + 1] = fps[i] / nNeg;
    tpr[r + 1] = tps[i] / nPos;
    outThresholds[r + 1] = thresholds[i];
  }
  return { fpr, tpr, thresholds: outThresholds };
}
