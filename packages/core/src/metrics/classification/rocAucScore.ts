/**
 * Area under the ROC curve: binary ({@link rocAucScore}) and one-vs-rest multiclass ({@link rocAucOvr}).
 */

import { ErrorCodes, VigilError } from '../../errors.js';
import { checkArgument } from '../../validation.js';
import {
  checkBinaryScoreTargets,
  checkBothClasses,
  checkClassCodes,
  checkPairLength,
  checkProbabilityColumns,
} from '../checkTargets.js';
import { scoresByClass } from './binaryClfCurve.js';

/**
 * Area under the receiver operating characteristic curve (ROC AUC): the trapezoidal area under (FPR, TPR) over
 * the distinct score thresholds. Equivalently AUC = P(s⁺ > s⁻) + ½ P(s⁺ = s⁻) for a random positive/negative pair
 * (the Mann–Whitney U statistic divided by P·N), so ties count one half.
 *
 * Best 1, 0.5 for a random or constant score, worst 0 (a perfectly inverted ranking).
 *
 * The area is accumulated as the integer pair count Σ (2·#{s⁻ < s⁺} + #{s⁻ = s⁺}) (exact below 2⁵³) and divided
 * by 2·P·N once, so the result is correctly rounded. Cost O(n log n) with no index sort: the scores are split by
 * class into two Float64Arrays, each sorted, then merged with two pointers.
 *
 * @param yTrue - binary codes, 1 = positive.
 * @param yScore - scores of class 1 (probabilities or any finite decision values), same length.
 * @returns the AUC in [0, 1].
 * @throws VigilError ONE_CLASS when yTrue holds only one class (scikit-learn raises ValueError: "Only one class
 *   present in y_true"); EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN/±Infinity, with index), INVALID_ARGUMENT
 *   (code other than 0/1).
 *
 * Undefined when yTrue holds one class: throws ONE_CLASS (never a silent NaN or 0.5).
 *
 * Matches `sklearn.metrics.roc_auc_score` for binary targets (scikit-learn 1.2.1; no max_fpr, no sample weights).
 * References: Hanley, J.A., McNeil, B.J. (1982). Radiology 143(1), 29–36. Fawcett, T. (2006). Pattern
 * Recognition Letters 27(8), 861–874.
 *
 * @example
 * rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // => 0.75
 */
export function rocAucScore(yTrue: ArrayLike<number>, yScore: ArrayLike<number>): number {
  const fn = 'rocAucScore';
  const nPos = checkBinaryScoreTargets(fn, yTrue, yScore);
  checkBothClasses(fn, nPos, yTrue.length, 'ROC AUC');
  return aucFromSorted(scoresByClass(yTrue, yScore, nPos));
}

/** Options of {@link rocAucOvr}. */
export interface RocAucOvrOptions {
  /** 'macro' (default): unweighted mean of the per-class AUCs; 'weighted': weighted by class prevalence. */
  average?: 'macro' | 'weighted';
}

/**
 * One-vs-rest multiclass ROC AUC: for each class c, the binary ROC AUC of "class c vs the rest" scored by the
 * probability column c, then averaged: macro = (1/K) Σ_c AUC_c, weighted = Σ_c n_c AUC_c / n.
 *
 * Best 1, 0.5 for an uninformative model, worst 0.
 *
 * @param yTrue - class codes 0 … K-1.
 * @param yProba - K probability columns (index = class code), each the length of yTrue; rows sum to 1.
 * @param options.average - 'macro' (default) or 'weighted'.
 * @returns the averaged AUC.
 * @throws VigilError ONE_CLASS when a class never occurs in yTrue (its one-vs-rest AUC is undefined; scikit-learn
 *   raises ValueError); INVALID_PROBABILITY for values outside [0, 1] or rows whose sum differs from 1 by more
 *   than 1e-6 (naming the row); NON_FINITE, LENGTH_MISMATCH, EMPTY_INPUT, INVALID_ARGUMENT.
 *
 * Undefined when a class is absent from yTrue: throws ONE_CLASS naming the class.
 *
 * Matches `sklearn.metrics.roc_auc_score(multi_class='ovr', labels=range(K))` (scikit-learn 1.2.1), which
 * requires K ≥ 3 columns; K = 2 is accepted here and gives the binary AUC of column 1 (up to rounding).
 * Reference: Provost, F., Domingos, P. (2000). Well-trained PETs: improving probability estimation trees.
 * CeDER Working Paper IS-00-04, NYU; Fawcett, T. (2006), §10.
 *
 * @example
 * rocAucOvr([0, 1, 2, 2], [[0.8, 0.1, 0.1, 0.2], [0.1, 0.7, 0.2, 0.2], [0.1, 0.2, 0.7, 0.6]]); // => 1
 */
export function rocAucOvr(
  yTrue: ArrayLike<number>,
  yProba: readonly ArrayLike<number>[],
  options: RocAucOvrOptions = {},
): number {
  const fn = 'rocAucOvr';
  const average = options.average ?? 'macro';
  checkArgument(
    fn,
    'average',
    average,
    average === 'macro' || average === 'weighted',
    "'macro' or 'weighted'",
  );
  checkArgument(fn, 'yProba', typeof yProba, Array.isArray(yProba), 'an array of probability columns');
  if (yProba.length > 0) checkPairLength(fn, yTrue, yProba[0], 'yProba[0]');
  const k = checkProbabilityColumns(fn, 'yProba', yProba, yTrue.length);
  checkClassCodes(fn, 'yTrue', yTrue, k);
  const n = yTrue.length;
  const support = new Float64Array(k);
  for (let i = 0; i < n; i++) support[yTrue[i]]++;
  for (let c = 0; c < k; c++) {
    if (support[c] === 0) {
      const fix =
        'its one-vs-rest AUC is undefined: evaluate on data where every class occurs, or drop its column';
      throw new VigilError(
        ErrorCodes.ONE_CLASS,
        `${fn}: yTrue must contain every class 0 … ${k - 1}; got no sample of class ${c} in ${n} samples (${fix}).`,
        { details: { missingClass: c, n }, hint: fix },
      );
    }
  }
  const isClass = new Uint8Array(n);
  let sum = 0;
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < n; i++) isClass[i] = yTrue[i] === c ? 1 : 0;
    const auc = aucFromSorted(scoresByClass(isClass, yProba[c], support[c]));
    sum += average === 'macro' ? auc : support[c] * auc;
  }
  return average === 'macro' ? sum / k : sum / n;
}

/**
 * ROC area from the class-split ascending scores (both non-empty), as the Mann–Whitney count
 * Σ over positives of (#negatives below + ½ #negatives tied), which equals the trapezoidal area under the ROC
 * curve with tied scores forming one diagonal step. Walking positives upward with two pointers into the negatives
 * needs no curve arrays. The doubled count is an integer ≤ 2·P·N, exact in doubles for P·N < 2⁵².
 */
function aucFromSorted(sorted: { pos: Float64Array; neg: Float64Array }): number {
  const { pos, neg } = sorted;
  const nPos = pos.length;
  const nNeg = neg.length;
  let below = 0; // negatives with a score < the current positive's score
  let notAbove = 0; // negatives with a score ≤ it
  let twice = 0;
  for (let i = 0; i < nPos; i++) {
    const v = pos[i];
    while (below < nNeg && neg[below] < v) below++;
    if (notAbove < below) notAbove = below;
    while (notAbove < nNeg && neg[notAbove] === v) notAbove++;
    twice += below + notAbove; // 2·below + ties
  }
  return twice / (2 * nPos * nNeg);
}
