/**
 * Mean absolute error of a regression.
 */
import { checkRegressionInputs } from './checkRegressionInputs.js';

/**
 * Mean absolute error: MAE = (1/n) Σᵢ |yᵢ − ŷᵢ|.
 *
 * Best value 0; no upper bound (lower is better). Same units as y.
 *
 * @param yTrue true target values (finite).
 * @param yPred predicted values (finite), same length.
 * @returns the MAE.
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN or ±Infinity in either input).
 * Matches `sklearn.metrics.mean_absolute_error(y_true, y_pred)` (scikit-learn 1.2.1).
 * @example
 * meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // => 0.5
 */
export function meanAbsoluteError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkRegressionInputs('meanAbsoluteError', yTrue, yPred);
  const n = yTrue.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(yTrue[i] - yPred[i]);
  return sum / n;
}
