import { checkClassCodes, checkPairLength, checkSampleWeight } from '../checkTargets.js';

/** Options of {@link accuracyScore}. */
export interface AccuracyOptions {
  /** Weight of each sample (default: 1 each). */
  sampleWeight?: ArrayLike<number>;
}

/**
 * Accuracy: the fraction of samples whose predicted class equals the true class, Σ wᵢ [yTrueᵢ = yPredᵢ] / Σ wᵢ.
 *
 * Best 1, worst 0. Works for binary and multiclass codes alike.
 *
 * @param yTrue - true class codes (integers ≥ 0).
 * @param yPred - predicted class codes, same length.
 * @param options.sampleWeight - weight of each sample (default 1).
 * @returns the accuracy in [0, 1].
 * @throws VigilError EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN label, with its index), INVALID_ARGUMENT.
 *
 * Never undefined: inputs are non-empty (EMPTY_INPUT otherwise) and weights must have a positive sum.
 *
 * Matches `sklearn.metrics.accuracy_score` (scikit-learn 1.2.1, normalize=True).
 *
 * @example
 * accuracyScore([0, 1, 2, 1], [0, 2, 2, 1]); // => 0.75
 */
export function accuracyScore(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: AccuracyOptions = {},
): number {
  const fn = 'accuracyScore';
  checkPairLength(fn, yTrue, yPred);
  checkClassCodes(fn, 'yTrue', yTrue);
  checkClassCodes(fn, 'yPred', yPred);
  const w = options.sampleWeight;
  checkSampleWeight(fn, w, yTrue.length);
  const n = yTrue.length;
  if (w === undefined) {
    let correct = 0;
    for (let i = 0; i < n; i++) if (yTrue[i] === yPred[i]) correct++;
    return correct / n;
  }
  let correct = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += w[i];
    if (yTrue[i] === yPred[i]) correct += w[i];
  }
  return correct / total;
}
