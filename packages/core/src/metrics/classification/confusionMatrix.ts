import { checkLabelTargets, checkSampleWeight, type LabelOptions } from '../checkTargets.js';
import { confusionCounts } from './classCounts.js';

/** Options of {@link confusionMatrix}. */
export interface ConfusionMatrixOptions extends LabelOptions {
  /** Weight of each sample (default: 1 each). */
  sampleWeight?: ArrayLike<number>;
}

/** A confusion matrix with the class code of each row and column. */
export interface ConfusionMatrix {
  /** matrix[i][j]: (weighted) number of samples of class labels[i] predicted as labels[j]. */
  matrix: number[][];
  /** Class code of each row and column. */
  labels: number[];
}

/**
 * Confusion matrix: C[i][j] = number of samples whose true class is `labels[i]` and predicted class `labels[j]`.
 *
 * Rows are true classes and columns predicted classes (scikit-learn's convention; for binary codes C[0][0] = TN,
 * C[0][1] = FP, C[1][0] = FN, C[1][1] = TP). Samples whose true or predicted code is not among `labels` are left
 * out.
 *
 * @param yTrue - true class codes (integers ≥ 0).
 * @param yPred - predicted class codes, same length.
 * @param options.nClasses - number of classes: rows/columns 0 … nClasses - 1, including classes never seen.
 * @param options.labels - class codes to report, in this order (instead of `nClasses`).
 *   Default: the sorted codes present in yTrue or yPred.
 * @param options.sampleWeight - weight of each sample (default 1).
 * @returns `{ matrix, labels }`.
 * @throws VigilError EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN label, with its index), INVALID_ARGUMENT
 *   (non-integer, negative or out-of-range code; bad labels, nClasses or weights).
 *
 * Never undefined; rows of classes that never occur in yTrue are all zeros.
 *
 * Matches `sklearn.metrics.confusion_matrix` (scikit-learn 1.2.1).
 * Reference: Fawcett, T. (2006). An introduction to ROC analysis. Pattern Recognition Letters 27(8), 861–874.
 *
 * @example
 * confusionMatrix([0, 1, 1, 2], [0, 1, 2, 2], { nClasses: 3 });
 * // => { matrix: [[1, 0, 0], [0, 1, 1], [0, 0, 1]], labels: [0, 1, 2] }
 */
export function confusionMatrix(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: ConfusionMatrixOptions = {},
): ConfusionMatrix {
  const fn = 'confusionMatrix';
  const { labels, nCodes } = checkLabelTargets(fn, yTrue, yPred, options);
  checkSampleWeight(fn, options.sampleWeight, yTrue.length);
  const flat = confusionCounts(yTrue, yPred, labels, nCodes, options.sampleWeight);
  const k = labels.length;
  const matrix: number[][] = [];
  for (let r = 0; r < k; r++) matrix.push(Array.from(flat.subarray(r * k, (r + 1) * k)));
  return { matrix, labels };
}
