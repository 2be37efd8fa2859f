import { checkLabelTargets, checkSampleWeight } from '../checkTargets.js';
import { classCounts } from './classCounts.js';

/** Options of {@link matthewsCorrcoef}. */
export interface MatthewsOptions {
  /** Weight of each sample (default: 1 each). */
  sampleWeight?: ArrayLike<number>;
}

/**
 * Matthews correlation coefficient (phi coefficient; Gorodkin's R_K for K classes).
 *
 * From the confusion matrix C with row sums t_k (true), column sums p_k (predicted), c = trace(C), s = Σ C:
 * MCC = (c·s − Σ_k t_k·p_k) / √((s² − Σ_k p_k²) · (s² − Σ_k t_k²)).
 * For binary codes: (TP·TN − FP·FN) / √((TP+FP)(TP+FN)(TN+FP)(TN+FN)).
 *
 * Best 1 (perfect), 0 no better than chance, worst −1 (binary; the multiclass minimum lies between −1 and 0).
 *
 * @param yTrue - true class codes (integers ≥ 0).
 * @param yPred - predicted class codes, same length.
 * @param options.sampleWeight - weight of each sample (default 1).
 * @returns the coefficient in [−1, 1].
 * @throws VigilError EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN label), INVALID_ARGUMENT.
 *
 * Undefined when yTrue or yPred holds a single class (a zero factor in the denominator): returns 0, as
 * scikit-learn does.
 *
 * Matches `sklearn.metrics.matthews_corrcoef` (scikit-learn 1.2.1).
 * References: Matthews, B.W. (1975). Biochim. Biophys. Acta 405(2), 442–451. Gorodkin, J. (2004). Comparing two
 * K-category assignments by a K-category correlation coefficient. Comput. Biol. Chem. 28(5–6), 367–374.
 *
 * @example
 * matthewsCorrcoef([1, 1, 1, 0], [1, 0, 1, 1]); // => -0.3333333333333333
 */
export function matthewsCorrcoef(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: MatthewsOptions = {},
): number {
  const fn = 'matthewsCorrcoef';
  const { nCodes } = checkLabelTargets(fn, yTrue, yPred);
  checkSampleWeight(fn, options.sampleWeight, yTrue.length);
  const { tp, predicted, actual, total } = classCounts(yTrue, yPred, nCodes, options.sampleWeight);
  let correct = 0;
  let tDotP = 0;
  let pDotP = 0;
  let tDotT = 0;
  for (let c = 0; c < nCodes; c++) {
    correct += tp[c];
    tDotP += actual[c] * predicted[c];
    pDotP += predicted[c] * predicted[c];
    tDotT += actual[c] * actual[c];
  }
  const covTP = correct * total - tDotP;
  const covPP = total * total - pDotP;
  const covTT = total * total - tDotT;
  if (covPP * covTT === 0) return 0;
  return covTP / Math.sqrt(covTT * covPP);
}
