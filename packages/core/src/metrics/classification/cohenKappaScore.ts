import { checkArgument } from '../../validation.js';
import { checkLabelTargets, checkSampleWeight, type LabelOptions } from '../checkTargets.js';
import { confusionCounts } from './classCounts.js';

/** Options of {@link cohenKappaScore}. */
export interface CohenKappaOptions extends LabelOptions {
  /**
   * Disagreement weights: none (default; every disagreement counts 1), 'linear' (|i − j|) or 'quadratic'
   * ((i − j)²), where i, j are positions in `labels` (ordinal classes).
   */
  weights?: 'linear' | 'quadratic';
  /** Weight of each sample (default: 1 each). */
  sampleWeight?: ArrayLike<number>;
}

/**
 * Cohen's kappa: agreement between two labelings corrected for chance, κ = 1 − Σ w_ij O_ij / Σ w_ij E_ij, where
 * O is the confusion matrix, E_ij = (row sum i)(column sum j) / total the agreement expected by chance, and
 * w_ij the disagreement weight (1 off the diagonal by default). Unweighted, this is (p_o − p_e) / (1 − p_e).
 *
 * Best 1 (perfect agreement), 0 chance agreement, negative worse than chance (minimum −1 for two balanced
 * classes).
 *
 * @param yTrue - class codes from the first rater (the truth).
 * @param yPred - class codes from the second rater (the model), same length.
 * @param options.labels / options.nClasses - classes to use (default: codes present in either); samples with
 *   other codes are left out. With weights, distances are positions in this list.
 * @param options.weights - undefined (default), 'linear' or 'quadratic'.
 * @param options.sampleWeight - weight of each sample (default 1).
 * @returns kappa.
 * @throws VigilError EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN label), INVALID_ARGUMENT.
 *
 * Undefined when the chance disagreement Σ w_ij E_ij is 0 (e.g. both labelings are one and the same class):
 * returns NaN, as scikit-learn does (with a warning there).
 *
 * Matches `sklearn.metrics.cohen_kappa_score` (scikit-learn 1.2.1).
 * References: Cohen, J. (1960). Educ. Psychol. Meas. 20(1), 37–46; Cohen, J. (1968). Weighted kappa. Psychol.
 * Bull. 70(4), 213–220; Artstein, R., Poesio, M. (2008). Comput. Linguist. 34(4), 555–596.
 *
 * @example
 * cohenKappaScore([0, 1, 1, 0], [0, 1, 0, 0]); // => 0.5
 */
export function cohenKappaScore(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: CohenKappaOptions = {},
): number {
  const fn = 'cohenKappaScore';
  const { weights } = options;
  checkArgument(
    fn,
    'weights',
    weights,
    weights === undefined || weights === 'linear' || weights === 'quadratic',
    "undefined, 'linear' or 'quadratic'",
  );
  const { labels, nCodes } = checkLabelTargets(fn, yTrue, yPred, options);
  checkSampleWeight(fn, options.sampleWeight, yTrue.length);
  const k = labels.length;
  const observed = confusionCounts(yTrue, yPred, labels, nCodes, options.sampleWeight);
  const rowSums = new Float64Array(k);
  const colSums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const o = observed[i * k + j];
      rowSums[i] += o;
      colSums[j] += o;
      total += o;
    }
  }
  let observedDisagreement = 0;
  let expectedDisagreement = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const d = i - j;
      const w = weights === undefined ? (d === 0 ? 0 : 1) : weights === 'linear' ? Math.abs(d) : d * d;
      if (w === 0) continue;
      observedDisagreement += w * observed[i * k + j];
      expectedDisagreement += (w * (colSums[i] * rowSums[j])) / total;
    }
  }
  return 1 - observedDisagreement / expectedDisagreement;
}
