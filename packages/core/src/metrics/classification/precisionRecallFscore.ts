/**
 * Precision, recall and F-beta: one file because they share the per-class counts and the zero-division and
 * averaging rules (scikit-learn's `precision_recall_fscore_support` family).
 */

import { checkArgument } from '../../validation.js';
import {
  type Average,
  checkBinaryCodes,
  checkLabelTargets,
  checkPairLength,
  checkSampleWeight,
  checkZeroDivision,
  type LabelOptions,
  type ZeroDivision,
} from '../checkTargets.js';
import { classCounts } from './classCounts.js';

/** Options shared by {@link precisionScore}, {@link recallScore}, {@link f1Score} and {@link fbetaScore}. */
export interface PrecisionRecallOptions extends LabelOptions {
  /**
   * 'binary' (default): the score of class 1, codes must be 0 or 1. 'macro': unweighted mean over classes.
   * 'micro': from the counts summed over classes. 'weighted': mean weighted by each class's support.
   * `labels` / `nClasses` apply to the multiclass averages only.
   */
  average?: Average;
  /** Value for 0/0 (default 0; scikit-learn 1.2.1's 'warn' also gives 0, Vigil does not print a warning). */
  zeroDivision?: ZeroDivision;
  /** Weight of each sample (default: 1 each). */
  sampleWeight?: ArrayLike<number>;
}

/** Options of {@link fbetaScore}. */
export interface FbetaOptions extends PrecisionRecallOptions {
  /** Weight of recall relative to precision (β ≥ 0; Infinity gives recall). Required. */
  beta: number;
}

/** Options of {@link precisionRecallFscoreSupport}: per-class values, not averaged. */
export interface PrecisionRecallSupportOptions extends LabelOptions {
  /** Weight of recall relative to precision (default 1). */
  beta?: number;
  /** Value for 0/0 (default 0). */
  zeroDivision?: ZeroDivision;
  /** Weight of each sample (default: 1 each). */
  sampleWeight?: ArrayLike<number>;
}

/** Per-class precision, recall, F-beta and support, in the order of `labels`. */
export interface PrecisionRecallSupport {
  labels: number[];
  precision: number[];
  recall: number[];
  fScore: number[];
  /** (Weighted) number of samples of each class in yTrue. */
  support: number[];
}

/**
 * Precision, recall, F-beta and support of each class (scikit-learn's `average=None`).
 *
 * precision_c = TP_c / (TP_c + FP_c); recall_c = TP_c / (TP_c + FN_c);
 * F_β = (1 + β²) · P · R / (β² · P + R), computed from P and R after the zero-division substitution, and 0
 * when β²·P + R = 0 (scikit-learn 1.2.1). With `zeroDivision: 'nan'`, F_β = (1 + β²)·TP / ((1 + β²)·TP + β²·FN + FP)
 * and NaN only when that denominator is 0 (as scikit-learn ≥ 1.3 does for 'nan').
 *
 * @param yTrue - true class codes (integers ≥ 0).
 * @param yPred - predicted class codes, same length.
 * @param options.labels / options.nClasses - which classes (default: codes present in yTrue or yPred).
 * @param options.beta - β ≥ 0 (default 1; Infinity gives recall).
 * @param options.zeroDivision - value for 0/0 (default 0).
 * @param options.sampleWeight - weight of each sample (default 1).
 * @returns per-class arrays in the order of `labels`.
 * @throws VigilError EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN label), INVALID_ARGUMENT.
 *
 * Undefined when a class is never predicted (precision) or never occurs (recall): the `zeroDivision` value.
 *
 * Matches `sklearn.metrics.precision_recall_fscore_support(average=None)` (scikit-learn 1.2.1).
 * Reference: van Rijsbergen, C.J. (1979). Information Retrieval, 2nd ed., ch. 7 (the F-measure).
 *
 * @example
 * precisionRecallFscoreSupport([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1]);
 * // => { labels: [0, 1, 2], precision: [0.6666666666666666, 0, 0], recall: [1, 0, 0], fScore: [0.8, 0, 0],
 * //      support: [2, 2, 2] }
 */
export function precisionRecallFscoreSupport(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: PrecisionRecallSupportOptions = {},
): PrecisionRecallSupport {
  const fn = 'precisionRecallFscoreSupport';
  const beta = options.beta ?? 1;
  checkBeta(fn, beta);
  const zd = checkZeroDivision(fn, options.zeroDivision ?? 0);
  const { labels, nCodes } = checkLabelTargets(fn, yTrue, yPred, options);
  checkSampleWeight(fn, options.sampleWeight, yTrue.length);
  const { tp, predicted, actual } = classCounts(yTrue, yPred, nCodes, options.sampleWeight);
  const result: PrecisionRecallSupport = { labels, precision: [], recall: [], fScore: [], support: [] };
  for (const c of labels) {
    const s = scoresFromCounts(tp[c], predicted[c], actual[c], beta, zd);
    result.precision.push(s.precision);
    result.recall.push(s.recall);
    result.fScore.push(s.fScore);
    result.support.push(actual[c]);
  }
  return result;
}

/**
 * Precision: TP / (TP + FP), the fraction of predicted positives that are positive.
 *
 * Best 1, worst 0. Averages as in {@link PrecisionRecallOptions} ('binary' by default: class 1 of codes {0, 1}).
 *
 * @param yTrue - true class codes.
 * @param yPred - predicted class codes, same length.
 * @param options.average - 'binary' (default), 'macro', 'micro' or 'weighted'.
 * @param options.labels / options.nClasses - classes averaged over (default: codes present in yTrue or yPred).
 * @param options.zeroDivision - value when nothing is predicted positive (default 0).
 * @param options.sampleWeight - weight of each sample (default 1).
 * @returns the precision.
 * @throws VigilError EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN label), INVALID_ARGUMENT (e.g. a code other
 *   than 0/1 with average 'binary').
 *
 * Undefined when no sample is predicted positive: returns `zeroDivision` (default 0).
 *
 * Matches `sklearn.metrics.precision_score` (scikit-learn 1.2.1).
 *
 * @example
 * precisionScore([0, 1, 1, 0], [1, 1, 0, 0]); // => 0.5
 */
export function precisionScore(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: PrecisionRecallOptions = {},
): number {
  return averaged('precisionScore', yTrue, yPred, options, 1).precision;
}

/**
 * Recall (sensitivity, true positive rate): TP / (TP + FN), the fraction of positives that are found.
 *
 * Best 1, worst 0. Averages as in {@link PrecisionRecallOptions}; micro-averaged recall over all classes equals
 * accuracy.
 *
 * @param yTrue - true class codes.
 * @param yPred - predicted class codes, same length.
 * @param options.average - 'binary' (default), 'macro', 'micro' or 'weighted'.
 * @param options.labels / options.nClasses - classes averaged over.
 * @param options.zeroDivision - value when a class has no true samples (default 0).
 * @param options.sampleWeight - weight of each sample (default 1).
 * @returns the recall.
 * @throws VigilError as {@link precisionScore}.
 *
 * Undefined when there are no positive samples: returns `zeroDivision` (default 0).
 *
 * Matches `sklearn.metrics.recall_score` (scikit-learn 1.2.1).
 *
 * @example
 * recallScore([0, 1, 1, 0], [1, 1, 0, 0]); // => 0.5
 */
export function recallScore(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: PrecisionRecallOptions = {},
): number {
  return averaged('recallScore', yTrue, yPred, options, 1).recall;
}

/**
 * F-beta score: F_β = (1 + β²) · P · R / (β² · P + R), the weighted harmonic mean of precision P and recall R
 * (recall counts β times as much as precision).
 *
 * Best 1, worst 0. β = 1 gives F1, β = 0 precision, β = Infinity recall. For 'macro'/'weighted', F is computed
 * per class and then averaged (so it is not the F of the averaged P and R).
 *
 * @param yTrue - true class codes.
 * @param yPred - predicted class codes, same length.
 * @param options.beta - β ≥ 0, required.
 * @param options.average - 'binary' (default), 'macro', 'micro' or 'weighted'.
 * @param options.labels / options.nClasses - classes averaged over.
 * @param options.zeroDivision - value for 0/0 in P or R (default 0); F is 0 when β²·P + R = 0.
 * @param options.sampleWeight - weight of each sample (default 1).
 * @returns the F-beta score.
 * @throws VigilError as {@link precisionScore}; INVALID_ARGUMENT for β < 0 or NaN.
 *
 * Undefined when a class is neither predicted nor present: `zeroDivision` (default 0).
 *
 * Matches `sklearn.metrics.fbeta_score` (scikit-learn 1.2.1).
 * Reference: van Rijsbergen, C.J. (1979). Information Retrieval, 2nd ed., ch. 7.
 *
 * @example
 * fbetaScore([0, 1, 1, 1], [1, 1, 0, 1], { beta: 2 }); // => 0.6666666666666666
 */
export function fbetaScore(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: FbetaOptions,
): number {
  return averaged('fbetaScore', yTrue, yPred, options, options?.beta).fScore;
}

/**
 * F1 score: 2 · P · R / (P + R), the harmonic mean of precision and recall (= {@link fbetaScore} with β = 1).
 *
 * Best 1, worst 0.
 *
 * @param yTrue - true class codes.
 * @param yPred - predicted class codes, same length.
 * @param options.average - 'binary' (default), 'macro', 'micro' or 'weighted'.
 * @param options.labels / options.nClasses - classes averaged over.
 * @param options.zeroDivision - value for 0/0 (default 0).
 * @param options.sampleWeight - weight of each sample (default 1).
 * @returns the F1 score.
 * @throws VigilError as {@link precisionScore}.
 *
 * Undefined when a class is neither predicted nor present: `zeroDivision` (default 0).
 *
 * Matches `sklearn.metrics.f1_score` (scikit-learn 1.2.1).
 *
 * @example
 * f1Score([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], { average: 'macro' }); // => 0.26666666666666666
 */
export function f1Score(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: PrecisionRecallOptions = {},
): number {
  return averaged('f1Score', yTrue, yPred, options, 1).fScore;
}

interface Scores {
  precision: number;
  recall: number;
  fScore: number;
}

function checkBeta(fn: string, beta: unknown): asserts beta is number {
  checkArgument(fn, 'beta', beta, typeof beta === 'number' && beta >= 0, 'a number ≥ 0');
}

/** P, R and F_β of one class (or of the micro-summed counts); `zd` is the 0/0 value (NaN for 'nan'). */
function scoresFromCounts(tp: number, predicted: number, actual: number, beta: number, zd: number): Scores {
  const precision = predicted === 0 ? zd : tp / predicted;
  const recall = actual === 0 ? zd : tp / actual;
  let fScore: number;
  if (beta === Number.POSITIVE_INFINITY) {
    fScore = recall;
  } else if (Number.isNaN(zd)) {
    // 'nan' mode: F from the counts, so a class with positives but no predictions gets F = 0, not NaN.
    const b2 = beta * beta;
    const denominator = (1 + b2) * tp + b2 * (actual - tp) + (predicted - tp);
    fScore = denominator === 0 ? Number.NaN : ((1 + b2) * tp) / denominator;
  } else {
    // scikit-learn 1.2.1: F from P and R after the zero-division substitution; 0 when the denominator is 0.
    const b2 = beta * beta;
    const denominator = b2 * precision + recall;
    fScore = denominator === 0 ? 0 : ((1 + b2) * precision * recall) / denominator;
  }
  return { precision, recall, fScore };
}

/** Mean of `values` weighted by `weights` (unweighted when undefined), skipping NaN ('nan' mode); NaN if none. */
function average(values: number[], weights: number[] | undefined): number {
  let sum = 0;
  let total = 0;
  for (let j = 0; j < values.length; j++) {
    if (Number.isNaN(values[j])) continue;
    const w = weights === undefined ? 1 : weights[j];
    sum += w * values[j];
    total += w;
  }
  return total === 0 ? Number.NaN : sum / total;
}

function averaged(
  fn: string,
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: PrecisionRecallOptions,
  beta: unknown,
): Scores {
  checkBeta(fn, beta);
  const mode = options.average ?? 'binary';
  checkArgument(
    fn,
    'average',
    mode,
    mode === 'binary' || mode === 'macro' || mode === 'micro' || mode === 'weighted',
    "'binary', 'macro', 'micro' or 'weighted'",
  );
  const zd = checkZeroDivision(fn, options.zeroDivision ?? 0);
  const w = options.sampleWeight;

  if (mode === 'binary') {
    checkArgument(
      fn,
      'labels',
      'given with average "binary"',
      options.labels === undefined && options.nClasses === undefined,
      "omitted with average 'binary' (it scores class 1); use average 'macro', 'micro' or 'weighted' for classes",
    );
    checkPairLength(fn, yTrue, yPred);
    checkBinaryCodes(fn, 'yTrue', yTrue);
    checkBinaryCodes(fn, 'yPred', yPred);
    checkSampleWeight(fn, w, yTrue.length);
    const counts = classCounts(yTrue, yPred, 2, w);
    return scoresFromCounts(counts.tp[1], counts.predicted[1], counts.actual[1], beta, zd);
  }

  const { labels, nCodes } = checkLabelTargets(fn, yTrue, yPred, options);
  checkSampleWeight(fn, w, yTrue.length);
  const { tp, predicted, actual } = classCounts(yTrue, yPred, nCodes, w);

  if (mode === 'micro') {
    let tpSum = 0;
    let predictedSum = 0;
    let actualSum = 0;
    for (const c of labels) {
      tpSum += tp[c];
      predictedSum += predicted[c];
      actualSum += actual[c];
    }
    return scoresFromCounts(tpSum, predictedSum, actualSum, beta, zd);
  }

  const perClass = labels.map((c) => scoresFromCounts(tp[c], predicted[c], actual[c], beta, zd));
  let weights: number[] | undefined;
  if (mode === 'weighted') {
    weights = labels.map((c) => actual[c]);
    if (weights.reduce((a, b) => a + b, 0) === 0) {
      // scikit-learn 1.2.1: no true sample in any label. Precision is 0/0 only if nothing was predicted either;
      // recall is always 0/0; F is 0/0 only if both are.
      const predictedAny = labels.some((c) => predicted[c] > 0);
      return predictedAny
        ? { precision: 0, recall: zd, fScore: 0 }
        : { precision: zd, recall: zd, fScore: zd };
    }
  }
  return {
    precision: average(
      perClass.map((s) => s.precision),
      weights,
    ),
    recall: average(
      perClass.map((s) => s.recall),
      weights,
    ),
    fScore: average(
      perClass.map((s) => s.fScore),
      weights,
    ),
  };
}
