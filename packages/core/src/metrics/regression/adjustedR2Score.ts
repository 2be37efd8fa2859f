/**
 * Adjusted R² of a regression with p features.
 */
import { checkArgument } from '../../validation.js';
import { checkRegressionInputs } from './checkRegressionInputs.js';
import { r2Score } from './r2Score.js';

/** Options of {@link adjustedR2Score}. */
export interface AdjustedR2Options {
  /** Number of features (predictors) p the model used, a non-negative integer (intercept not counted). */
  nFeatures: number;
}

/**
 * Adjusted coefficient of determination: R²_adj = 1 − (1 − R²)·(n − 1)/(n − p − 1), which penalises R² for the
 * number of features p so that adding a useless feature does not raise it.
 *
 * Best value 1; unbounded below; can be negative even when R² is not. Higher is better. R² is
 * {@link r2Score} (scikit-learn's, including its constant-yTrue policy: R² = 0 there, so R²_adj =
 * 1 − (n − 1)/(n − p − 1)).
 *
 * Undefined when n − p − 1 ≤ 0 (as many features as residual degrees of freedom) or n < 2: returns NaN.
 *
 * Not in scikit-learn; the formula is Theil's (1961) as in Wooldridge, Introductory Econometrics, §6.3; the golden
 * values are computed from `sklearn.metrics.r2_score` (scikit-learn 1.2.1) with this formula.
 *
 * @param yTrue true target values (finite).
 * @param yPred predicted values (finite), same length.
 * @param options `nFeatures` (required): p.
 * @returns R²_adj.
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN or ±Infinity); INVALID_ARGUMENT when `nFeatures`
 *   is not a non-negative integer.
 * @example
 * adjustedR2Score([3, -0.5, 2, 7], [2.5, 0, 2, 8], { nFeatures: 1 }); // => 0.9229122055674519
 */
export function adjustedR2Score(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: AdjustedR2Options,
): number {
  const p = options?.nFeatures;
  checkArgument(
    'adjustedR2Score',
    'nFeatures',
    p,
    Number.isInteger(p) && p >= 0,
    'a non-negative integer (options.nFeatures)',
  );
  checkRegressionInputs('adjustedR2Score', yTrue, yPred);
  const r2 = r2Score(yTrue, yPred);
  const n = yTrue.length;
  const dof = n - p - 1;
  if (dof <= 0) return Number.NaN;
  return 1 - ((1 - r2) * (n - 1)) / dof;
}
