/**
 * Input validation shared by every statistic and metric (STYLE.md §3): each public function calls these first,
 * so messages are uniform: `<function>: <parameter> must be <rule>; got <value>`.
 */
import { type ErrorCode, ErrorCodes, VigilError } from './errors.js';

/** Formats a received value for an error message, short enough to read. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** Throws EMPTY_INPUT when `values` has no elements. */
export function checkNotEmpty(fn: string, name: string, values: ArrayLike<unknown>): void {
  if (values.length === 0) {
    throw new VigilError(ErrorCodes.EMPTY_INPUT, `${fn}: ${name} must not be empty; got 0 values`);
  }
}

/** Throws LENGTH_MISMATCH unless `a` and `b` have the same length. */
export function checkSameLength(
  fn: string,
  nameA: string,
  a: ArrayLike<unknown>,
  nameB: string,
  b: ArrayLike<unknown>,
): void {
  if (a.length !== b.length) {
    throw new VigilError(
      ErrorCodes.LENGTH_MISMATCH,
      `${fn}: ${nameA} and ${nameB} must have the same length; got ${a.length} and ${b.length}`,
    );
  }
}

/** Throws NON_FINITE at the first NaN or ±Infinity, naming its 0-based index in `details.index`. */
export function checkFinite(fn: string, name: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      throw new VigilError(
        ErrorCodes.NON_FINITE,
        `${fn}: ${name} must be finite numbers; got ${describeValue(v)} at index ${i}`,
        { details: { index: i, value: v } },
      );
    }
  }
}

/** Throws INVALID_PROBABILITY at the first value outside [0, 1] (or NaN). */
export function checkProbabilities(fn: string, name: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= 0 && v <= 1)) {
      throw new VigilError(
        ErrorCodes.INVALID_PROBABILITY,
        `${fn}: ${name} must be probabilities in [0, 1]; got ${describeValue(v)} at index ${i}`,
        { details: { index: i, value: v } },
      );
    }
  }
}

/**
 * Throws at the first negative value (NaN passes: check finiteness first), naming its 0-based index in
 * `details.index`; `rule` completes "must be …" (e.g. 'non-negative weights'), `code` defaults to INVALID_ARGUMENT.
 */
export function checkNonNegative(
  fn: string,
  name: string,
  values: ArrayLike<number>,
  rule = 'non-negative',
  code: ErrorCode = ErrorCodes.INVALID_ARGUMENT,
): void {
  for (let i = 0; i < values.length; i++) {
    if (values[i] < 0) {
      throw new VigilError(
        code,
        `${fn}: ${name} must be ${rule}; got ${describeValue(values[i])} at index ${i}`,
        {
          details: { index: i, value: values[i] },
        },
      );
    }
  }
}

/** Throws INVALID_ARGUMENT unless `predicate` holds; `rule` completes "must be …". */
export function checkArgument(
  fn: string,
  name: string,
  value: unknown,
  predicate: boolean,
  rule: string,
): void {
  if (!predicate) {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `${fn}: ${name} must be ${rule}; got ${describeValue(value)}`,
    );
  }
}
