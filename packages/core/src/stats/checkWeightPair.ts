/**
 * Validation shared by the distances between two discrete distributions (probability or count vectors).
 */
import { ErrorCodes, VigilError } from '../errors.js';
import { checkFinite, checkNonNegative, checkNotEmpty, checkSameLength } from '../validation.js';

/**
 * Checks that p and q are non-empty, of the same length, finite and non-negative.
 *
 * @param fn name of the calling function, for error messages.
 * @param p first vector.
 * @param q second vector.
 * @throws EMPTY_INPUT when a vector is empty; LENGTH_MISMATCH when the lengths differ; NON_FINITE on NaN or
 *   ±Infinity; INVALID_PROBABILITY at the first negative entry.
 * @example
 * checkWeightPair('f', [0.5, 0.5], [1, 0]); // no error
 */
export function checkWeightPair(fn: string, p: ArrayLike<number>, q: ArrayLike<number>): void {
  checkNotEmpty(fn, 'p', p);
  checkNotEmpty(fn, 'q', q);
  checkSameLength(fn, 'p', p, 'q', q);
  checkFinite(fn, 'p', p);
  checkFinite(fn, 'q', q);
  checkNonNegative(fn, 'p', p, 'non-negative weights', ErrorCodes.INVALID_PROBABILITY);
  checkNonNegative(fn, 'q', q, 'non-negative weights', ErrorCodes.INVALID_PROBABILITY);
}

/**
 * The sum of a non-negative vector, which must be positive to normalise it.
 *
 * @param fn name of the calling function, for error messages.
 * @param name name of the parameter, for error messages.
 * @param values non-negative finite weights (already checked).
 * @returns Σ values > 0.
 * @throws INVALID_PROBABILITY when the sum is 0.
 * @example
 * positiveSum('f', 'p', [1, 3]); // => 4
 */
export function positiveSum(fn: string, name: string, values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  if (!(sum > 0)) {
    throw new VigilError(
      ErrorCodes.INVALID_PROBABILITY,
      `${fn}: ${name} must have a positive sum; got ${sum}`,
    );
  }
  return sum;
}
