/**
 * The `method` option shared by the rank tests ({@link mannWhitneyU}, {@link cramerVonMises2Samp}). Internal: not
 * exported from the package barrel.
 */
import { checkArgument } from '../validation.js';

/**
 * Reads a test's `method` option: `'auto'` (the default), `'exact'` or `'asymptotic'`.
 *
 * @param fn name of the calling function, for error messages.
 * @param method the option as given (undefined for the default).
 * @returns the requested method, `'auto'` not yet resolved.
 * @throws INVALID_ARGUMENT for any other value.
 */
export function readPValueMethod(fn: string, method: unknown): 'auto' | 'exact' | 'asymptotic' {
  const requested = method ?? 'auto';
  checkArgument(
    fn,
    'options.method',
    requested,
    requested === 'auto' || requested === 'exact' || requested === 'asymptotic',
    "'auto', 'exact' or 'asymptotic'",
  );
  return requested as 'auto' | 'exact' | 'asymptotic';
}
