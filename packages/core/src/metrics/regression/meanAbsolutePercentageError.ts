/**
 * Mean absolute percentage error of a regression.
 */
import { checkRegressionInputs } from './checkRegressionInputs.js';

/**
 * Mean absolute percentage error, as a fraction: MAPE = (1/n) Σᵢ |yᵢ − ŷᵢ| / max(|yᵢ|, ε), ε = 2^−52
 * (float64 machine epsilon, `Number.EPSILON`).
 *
 * Best value 0; no upper bound (lower is better). A fraction, not a percentage: 0.1 means 10 %.
 * Where yᵢ = 0 the term is |ŷᵢ| / ε (about 4.5·10^15 |ŷᵢ|), not Infinity: scikit-learn's choice, kept so a zero
 * target gives a huge but finite score that flags the problem instead of breaking aggregation. Prefer MAE or a
 * scaled error when y can be 0.
 *
 * @param yTrue true target values (finite).
 * @param yPred predicted values (finite), same length.
 * @returns the MAPE (a fraction).
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN or ±Infinity in either input).
 * Matches `sklearn.metrics.mean_absolute_percentage_error(y_true, y_pred)` (scikit-learn 1.2.1).
 * @example
 * meanAbsolutePercentageError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // => 0.3273809523809524
 */
export function meanAbsolutePercentageError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkRegressionInputs('meanAbsolutePercentageError', yTrue, yPred);
  const n = yTrue.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const y = yTrue[i];
    sum += Math.abs(yPred[i] - y) / Math.max(Math.abs(y), Number.EPSILON);
  }
  return sum / n;
}
