/**
 * Coefficient of determination R² of a regression.
 */
import { assembleScore } from './assembleScore.js';
import { checkRegressionInputs } from './checkRegressionInputs.js';
import { correctedMean } from './correctedMean.js';

/**
 * Coefficient of determination: R² = 1 − SS_res / SS_tot, SS_res = Σᵢ (yᵢ − ŷᵢ)², SS_tot = Σᵢ (yᵢ − ȳ)².
 *
 * Best value 1 (perfect predictions); 0 for a model that always predicts ȳ; unbounded below (arbitrarily bad
 * models). Higher is better.
 *
 * Constant yTrue (SS_tot = 0), scikit-learn's `force_finite=True` policy: 1 when the predictions are perfect
 * (SS_res = 0), else 0 — instead of NaN or −Infinity. We detect "constant" exactly (ȳ is computed with a
 * correction pass so that it equals the constant); scikit-learn's mean may be one ulp off for constants such as
 * 0.1, in which case it returns a meaningless huge negative number and we return 0.
 *
 * Undefined when n < 2: returns NaN (scikit-learn warns and returns NaN too).
 *
 * @param yTrue true target values (finite).
 * @param yPred predicted values (finite), same length.
 * @returns R².
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN or ±Infinity in either input).
 * Matches `sklearn.metrics.r2_score(y_true, y_pred)` (scikit-learn 1.2.1, force_finite=True).
 * @example
 * r2Score([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // => 0.9486081370449679
 */
export function r2Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkRegressionInputs('r2Score', yTrue, yPred);
  const n = yTrue.length;
  if (n < 2) return Number.NaN;
  const mean = correctedMean(yTrue);
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    const y = yTrue[i];
    const r = y - yPred[i];
    const c = y - mean;
    ssRes += r * r;
    ssTot += c * c;
  }
  return assembleScore(ssRes, ssTot);
}
