/**
 * Mean squared error of a regression.
 */
import { checkRegressionInputs } from './checkRegressionInputs.js';
import { meanSquaredDifference } from './meanSquaredDifference.js';

/**
 * Mean squared error: MSE = (1/n) Σᵢ (yᵢ − ŷᵢ)².
 *
 * Best value 0; no upper bound (lower is better). Same units as y².
 *
 * @param yTrue true target values (finite).
 * @param yPred predicted values (finite), same length.
 * @returns the MSE.
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN or ±Infinity in either input).
 * Matches `sklearn.metrics.mean_squared_error(y_true, y_pred)` (scikit-learn 1.2.1).
 * @example
 * meanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // => 0.375
 */
export function meanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkRegressionInputs('meanSquaredError', yTrue, yPred);
  return meanSquaredDifference(yTrue, yPred);
}
