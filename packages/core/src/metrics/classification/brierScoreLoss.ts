import {
  checkBinaryCodes,
  checkPairLength,
  checkProbabilityValues,
  checkSampleWeight,
} from '../checkTargets.js';

/** Options of {@link brierScoreLoss}. */
export interface BrierOptions {
  /** Weight of each sample (default: 1 each). */
  sampleWeight?: ArrayLike<number>;
}

/**
 * Brier score: the mean squared difference between the predicted probability of class 1 and the outcome,
 * (1/n) Σ_i (yᵢ − pᵢ)², weighted by `sampleWeight` when given.
 *
 * Best 0, worst 1 (certain and wrong everywhere); 0.25 for a constant p = 0.5.
 *
 * @param yTrue - binary codes, 1 = positive (one class alone is allowed).
 * @param yScore - probability of class 1, in [0, 1].
 * @param options.sampleWeight - weight of each sample (default 1).
 * @returns the Brier score in [0, 1].
 * @throws VigilError EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN, with index), INVALID_PROBABILITY (outside
 *   [0, 1], with index), INVALID_ARGUMENT (code other than 0/1).
 *
 * Never undefined: inputs are non-empty and weights must have a positive sum.
 *
 * Matches `sklearn.metrics.brier_score_loss(pos_label=1)` (scikit-learn 1.2.1).
 * Reference: Brier, G.W. (1950). Verification of forecasts expressed in terms of probability. Monthly Weather
 * Review 78(1), 1–3.
 *
 * @example
 * brierScoreLoss([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]); // => 0.03749999999999999 (0.0375 up to rounding)
 */
export function brierScoreLoss(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  options: BrierOptions = {},
): number {
  const fn = 'brierScoreLoss';
  checkPairLength(fn, yTrue, yScore, 'yScore');
  checkBinaryCodes(fn, 'yTrue', yTrue);
  checkProbabilityValues(fn, 'yScore', yScore);
  const w = options.sampleWeight;
  checkSampleWeight(fn, w, yTrue.length);
  const n = yTrue.length;
  let sum = 0;
  let totalWeight = 0;
  for (let i = 0; i < n; i++) {
    const d = yTrue[i] - yScore[i];
    if (w === undefined) sum += d * d;
    else {
      sum += w[i] * d * d;
      totalWeight += w[i];
    }
  }
  return sum / (w === undefined ? n : totalWeight);
}
