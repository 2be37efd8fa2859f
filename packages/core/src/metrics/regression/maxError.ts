/**
 * Maximum absolute error of a regression.
 */
import { checkRegressionInputs } from './checkRegressionInputs.js';

/**
 * Maximum residual error: maxᵢ |yᵢ − ŷᵢ|, the worst case.
 *
 * Best value 0; no upper bound (lower is better). Same units as y.
 *
 * @param yTrue true target values (finite).
 * @param yPred predicted values (finite), same length.
 * @returns the largest absolute residual.
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN or ±Infinity in either input).
 * Matches `sklearn.metrics.max_error(y_true, y_pred)` (scikit-learn 1.2.1).
 * @example
 * maxError([3, 2, 7, 1], [4, 2, 7, 1]); // => 1
 */
export function maxError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkRegressionInputs('maxError', yTrue, yPred);
  const n = yTrue.length;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.abs(yTrue[i] - yPred[i]);
    if (e > max) max = e;
  }
  return max;
}
