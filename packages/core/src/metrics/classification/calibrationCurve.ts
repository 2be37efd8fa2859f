import { ErrorCodes, VigilError } from '../../errors.js';
import { quantileSorted } from '../../stats/quantile.js';
import { checkArgument, describeValue } from '../../validation.js';
import { checkBinaryCodes, checkPairLength, checkProbabilityValues } from '../checkTargets.js';

/** How {@link calibrationCurve} places its bin edges. */
export type CalibrationStrategy = 'uniform' | 'quantile';

/** Options of {@link calibrationCurve}. */
export interface CalibrationCurveOptions {
  /** Number of bins the interval [0, 1] is cut into (default 10; scikit-learn's default is 5). */
  nBins?: number;
  /** `'uniform'` (default): bins of equal width; `'quantile'`: bins with (about) the same number of samples. */
  strategy?: CalibrationStrategy;
  /** Class code of the positive class, whose probability `yProb` is (default 1). */
  posLabel?: 0 | 1;
}

/** Points of a calibration curve (reliability diagram), one per non-empty bin, by increasing bin. */
export interface CalibrationCurve {
  /** Fraction of positives in each non-empty bin (scikit-learn's `prob_true`). */
  probTrue: Float64Array;
  /** Mean predicted probability in each non-empty bin (scikit-learn's `prob_pred`). */
  probPred: Float64Array;
  /** Number of samples in each non-empty bin (all positive; they sum to n). */
  counts: Float64Array;
  /** The nBins + 1 bin edges, empty bins included (repeated edges are possible with `'quantile'`). */
  edges: Float64Array;
}

/**
 * Calibration curve: the probabilities are cut into bins and, for each bin that holds samples, the fraction of
 * positives probTrue_b = #{i ∈ b : yᵢ = posLabel} / |b| is paired with the mean probability probPred_b =
 * (1/|b|) Σ_{i ∈ b} pᵢ. A perfectly calibrated model has probTrue_b = probPred_b (the diagonal).
 *
 * Bins are those of scikit-learn: edges eⱼ = j·(1/nBins) (`numpy.linspace(0, 1, nBins + 1)`) for `'uniform'`, or
 * the sample quantiles at those levels (`numpy.percentile`, linear interpolation) for `'quantile'`; a sample goes
 * to bin b = #{inner edges eⱼ (0 < j < nBins) with eⱼ < pᵢ} (`numpy.searchsorted(edges[1:-1], p)`), so a value
 * on an inner edge belongs to the lower bin, 0 to the first and 1 to the last. Empty bins are left out (with
 * repeated quantile edges, some always are), so the result may have fewer than nBins points.
 *
 * @param yTrue - binary codes 0 or 1 (one class alone is allowed: probTrue is then all 0 or all 1).
 * @param yProb - probability of the positive class, in [0, 1], same length.
 * @param options.nBins - number of bins, an integer ≥ 1 (default 10; scikit-learn's default is 5).
 * @param options.strategy - `'uniform'` (default) or `'quantile'`.
 * @param options.posLabel - code of the positive class, 0 or 1 (default 1).
 * @returns `{ probTrue, probPred, counts, edges }`; the first three have one entry per non-empty bin.
 * @throws VigilError EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN, with index), INVALID_PROBABILITY (outside
 *   [0, 1], with index), INVALID_ARGUMENT (code other than 0/1, bad nBins, strategy or posLabel).
 *
 * Never undefined: every returned bin holds at least one sample.
 *
 * Matches `sklearn.calibration.calibration_curve(y_true, y_prob, n_bins=nBins, strategy=strategy,
 * pos_label=posLabel)` (scikit-learn 1.2.1), bin for bin; `counts` and `edges` are the internal bins scikit-learn
 * uses but does not return.
 * Reference: Niculescu-Mizil, A., Caruana, R. (2005). Predicting good probabilities with supervised learning.
 * ICML 2005, section 4.
 *
 * @example
 * calibrationCurve([0, 0, 0, 0, 1, 1, 1, 1, 1], [0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1], { nBins: 3 });
 * // => { probTrue: [0, 0.5, 1], probPred: [0.2, 0.525, 0.85], counts: [3, 2, 4],
 * //      edges: [0, 0.3333333333333333, 0.6666666666666666, 1] } (Float64Arrays)
 */
export function calibrationCurve(
  yTrue: ArrayLike<number>,
  yProb: ArrayLike<number>,
  options: CalibrationCurveOptions = {},
): CalibrationCurve {
  const fn = 'calibrationCurve';
  const nBins = options.nBins ?? 10;
  const strategy = options.strategy ?? 'uniform';
  const posLabel = options.posLabel ?? 1;
  checkArgument(fn, 'nBins', nBins, Number.isInteger(nBins) && nBins >= 1, 'an integer ≥ 1');
  if (strategy !== 'uniform' && strategy !== 'quantile') {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `${fn}: strategy must be 'uniform' or 'quantile'; got ${describeValue(strategy)}`,
    );
  }
  checkArgument(fn, 'posLabel', posLabel, posLabel === 0 || posLabel === 1, '0 or 1');
  checkPairLength(fn, yTrue, yProb, 'yProb');
  checkBinaryCodes(fn, 'yTrue', yTrue);
  checkProbabilityValues(fn, 'yProb', yProb);

  const n = yTrue.length;
  const edges = binEdges(yProb, nBins, strategy);
  const sums = new Float64Array(nBins);
  const positives = new Float64Array(nBins);
  const totals = new Float64Array(nBins);
  for (let i = 0; i < n; i++) {
    const p = yProb[i];
    const b = innerEdgesBelow(edges, p);
    sums[b] += p;
    totals[b] += 1;
    if (yTrue[i] === posLabel) positives[b] += 1;
  }
  let nonEmpty = 0;
  for (let b = 0; b < nBins; b++) if (totals[b] > 0) nonEmpty++;
  const probTrue = new Float64Array(nonEmpty);
  const probPred = new Float64Array(nonEmpty);
  const counts = new Float64Array(nonEmpty);
  let r = 0;
  for (let b = 0; b < nBins; b++) {
    if (totals[b] === 0) continue;
    probTrue[r] = positives[b] / totals[b];
    probPred[r] = sums[b] / totals[b];
    counts[r] = totals[b];
    r++;
  }
  return { probTrue, probPred, counts, edges };
}

/**
 * The nBins + 1 edges, computed as numpy does: `linspace` multiplies j by the step 1/nBins (so 3 · 0.1 =
 * 0.30000000000000004, not 0.3) and sets the last edge to 1; `percentile` receives (j · step) · 100 and divides it
 * by 100 before interpolating.
 */
function binEdges(yProb: ArrayLike<number>, nBins: number, strategy: CalibrationStrategy): Float64Array {
  const edges = new Float64Array(nBins + 1);
  const step = 1 / nBins;
  for (let j = 0; j < nBins; j++) edges[j] = j * step;
  edges[nBins] = 1;
  if (strategy === 'uniform') return edges;
  const sorted = Float64Array.from(yProb).sort();
  for (let j = 0; j <= nBins; j++) edges[j] = quantileSorted(sorted, (edges[j] * 100) / 100);
  return edges;
}

/**
 * Number of inner edges (edges[1 … nBins − 1]) strictly below p, by binary search: `numpy.searchsorted(edges[1:-1],
 * p, side='left')` on ascending edges.
 */
function innerEdgesBelow(edges: Float64Array, p: number): number {
  let lo = 1;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] < p) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
