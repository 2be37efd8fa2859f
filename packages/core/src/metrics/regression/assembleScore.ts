/**
 * The constant-target policy shared by R² and explained variance (internal: not exported from the barrel).
 */

/**
 * 1 − numerator/denominator with scikit-learn's `force_finite=True` policy (`_assemble_r2_explained_variance`,
 * scikit-learn 1.2.1): 1 when numerator = 0 (perfect, even if denominator = 0), 0 when only the denominator is 0
 * (constant truth, imperfect predictions), else the formula.
 */
export function assembleScore(numerator: number, denominator: number): number {
  if (numerator === 0) return 1;
  if (denominator === 0) return 0;
  return 1 - numerator / denominator;
}
