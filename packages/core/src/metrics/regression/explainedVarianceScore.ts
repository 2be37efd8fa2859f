/**
 * Explained variance score of a regression.
 */
import { assembleScore } from './assembleScore.js';
import { checkRegressionInputs } from './checkRegressionInputs.js';
import { correctedMean } from './correctedMean.js';

/**
 * Explained variance: EV = 1 − Var(y − ŷ) / Var(y), population variances (divide by n).
 *
 * Unlike R², a constant bias in the predictions is not penalised (Var(y − ŷ) ignores the mean residual), so
 * EV ≥ R², equal when the mean residual is 0.
 *
 * Best value 1; unbounded below. Higher is better.
 * Constant yTrue (Var(y) = 0), scikit-learn's `force_finite=True` policy: 1 when Var(y − ŷ) = 0, else 0. Means
 * are computed with a correction pass, so "constant" is detected exactly (see {@link r2Score}). With n = 1 both
 * variances are 0 and the score is 1, as in scikit-learn.
 *
 * @param yTrue true target values (finite).
 * @param yPred predicted values (finite), same length.
 * @returns the explained variance score.
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN or ±Infinity in either input).
 * Matches `sklearn.metrics.explained_variance_score(y_true, y_pred)` (scikit-learn 1.2.1, force_finite=True).
 * @example
 * explainedVarianceScore([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // => 0.9571734475374732
 */
export function explainedVarianceScore(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkRegressionInputs('explainedVarianceScore', yTrue, yPred);
  const n = yTrue.length;
  const meanTrue = correctedMean(yTrue);
  const meanDiff = correctedMean(yTrue, yPred);
  let ssDiff = 0;
  let ssTrue = 0;
  for (let i = 0; i < n; i++) {
    const y = yTrue[i];
    const d = y - yPred[i] - meanDiff;
    const c = y - meanTrue;
    ssDiff += d * d;
    ssTrue += c * c;
  }
  // Both averaged over n as scikit-learn does; the ratio is the same, but 0-tests must see the same values.
  return assembleScore(ssDiff / n, ssTrue / n);
}
