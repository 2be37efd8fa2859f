/**
 * Root mean squared error of a regression.
 */
import { checkRegressionInputs } from './checkRegressionInputs.js';
import { meanSquaredDifference } from './meanSquaredDifference.js';

/**
 * Root mean squared error: RMSE = √((1/n) Σᵢ (yᵢ − ŷᵢ)²).
 *
 * Best value 0; no upper bound (lower is better). Same units as y.
 *
 * @param yTrue true target values (finite).
 * @param yPred predicted values (finite), same length.
 * @returns the RMSE.
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN or ±Infinity in either input).
 * Matches `sklearn.metrics.mean_squared_error(y_true, y_pred, squared=False)` (scikit-learn 1.2.1).
 * @example
 * rootMeanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // => 0.6123724356957945
 */
export function rootMeanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkRegressionInputs('rootMeanSquaredError', yTrue, yPred);
  return Math.sqrt(meanSquaredDifference(yTrue, yPred));
}
