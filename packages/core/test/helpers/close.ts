import { expect } from 'vitest';

/**
 * Asserts |actual − expected| ≤ atol + rtol·|expected| (numpy.isclose's rule). NaN matches only NaN, and an
 * infinite expected value must be matched exactly.
 */
export function expectClose(actual: number, expected: number, rtol = 1e-9, atol = 0): void {
  if (Number.isNaN(expected)) {
    expect(actual, `expected NaN, got ${actual}`).toBeNaN();
    return;
  }
  if (!Number.isFinite(expected)) {
    expect(actual).toBe(expected);
    return;
  }
  const tolerance = atol + rtol * Math.abs(expected);
  const error = Math.abs(actual - expected);
  expect(
    error <= tolerance,
    `expected ${actual} to be within ${tolerance} of ${expected} (|error| = ${error}, rtol = ${rtol}, atol = ${atol})`,
  ).toBe(true);
}
