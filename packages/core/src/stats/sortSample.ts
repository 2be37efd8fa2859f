/**
 * Sorted samples, the shared input of the two-sample tests and distances (`…Sorted` variants): a column is
 * sorted once and the sort is reused by every test that needs it.
 */
import { ErrorCodes, VigilError } from '../errors.js';
import { sortFloat64 } from '../sort/sortFloat64.js';
import { checkFinite, checkNotEmpty, describeValue } from '../validation.js';

/**
 * A sorted copy of a sample, ready for the `…Sorted` variants of the two-sample statistics.
 *
 * @param values finite numbers, any order.
 * @param fn name of the calling function, for error messages (default `'sortSample'`).
 * @param name name of the parameter, for error messages (default `'values'`).
 * @returns a new Float64Array holding `values` in ascending order.
 * @throws EMPTY_INPUT when `values` is empty; NON_FINITE on NaN or ±Infinity.
 * @example
 * sortSample([3, 1, 2]); // => Float64Array [1, 2, 3]
 */
export function sortSample(values: ArrayLike<number>, fn = 'sortSample', name = 'values'): Float64Array {
  checkNotEmpty(fn, name, values);
  checkFinite(fn, name, values);
  return sortFloat64(Float64Array.from(values));
}

/**
 * Checks that a sample is non-empty, finite and ascending, as the `…Sorted` variants require. O(n), one pass.
 *
 * @param fn name of the calling function, for error messages.
 * @param name name of the parameter, for error messages.
 * @param sorted the sample to check.
 * @throws EMPTY_INPUT when `sorted` is empty; NON_FINITE on NaN or ±Infinity; INVALID_ARGUMENT at the first
 *   descent (`details.index` is its 0-based index).
 * @example
 * checkSortedSample('f', 'x', [1, 2, 2, 5]); // no error
 */
export function checkSortedSample(fn: string, name: string, sorted: ArrayLike<number>): void {
  checkNotEmpty(fn, name, sorted);
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i];
    if (!Number.isFinite(v)) {
      throw new VigilError(
        ErrorCodes.NON_FINITE,
        `${fn}: ${name} must be finite numbers; got ${describeValue(v)} at index ${i}`,
        { details: { index: i, value: v } },
      );
    }
    if (v < previous) {
      throw new VigilError(
        ErrorCodes.INVALID_ARGUMENT,
        `${fn}: ${name} must be sorted ascending; got ${describeValue(v)} after ${describeValue(previous)} at index ${i}`,
        { details: { index: i, value: v } },
      );
    }
    previous = v;
  }
}
