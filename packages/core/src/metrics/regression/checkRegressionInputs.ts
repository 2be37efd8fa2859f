/**
 * Validation shared by the regression metrics (internal: not exported from the package barrel).
 */
import { checkFinite, checkNotEmpty, checkSameLength } from '../../validation.js';

/**
 * Throws EMPTY_INPUT, LENGTH_MISMATCH or NON_FINITE (in that order of checks) unless `yTrue` and `yPred` are
 * non-empty, of equal length and finite — as scikit-learn's `_check_reg_targets` + `check_array` reject NaN/inf.
 */
export function checkRegressionInputs(fn: string, yTrue: ArrayLike<number>, yPred: ArrayLike<number>): void {
  checkSameLength(fn, 'yTrue', yTrue, 'yPred', yPred);
  checkNotEmpty(fn, 'yTrue', yTrue);
  checkFinite(fn, 'yTrue', yTrue);
  checkFinite(fn, 'yPred', yPred);
}
