/**
 * The mean of squared residuals shared by {@link meanSquaredError} and {@link rootMeanSquaredError} (internal: not
 * exported from the package barrel).
 */

/**
 * (1/n) Σᵢ (yᵢ − ŷᵢ)² in one pass, for inputs the caller has checked (non-empty, same length, finite).
 */
export function meanSquaredDifference(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const n = yTrue.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = yTrue[i] - yPred[i];
    sum += d * d;
  }
  return sum / n;
}
