import { describe, expect, it } from 'vitest';
import { maxError } from '../../../src/metrics/regression/maxError.js';
import { describeRegressionGolden } from './regressionCases.js';

describeRegressionGolden('maxError', maxError);

describe('maxError edge cases', () => {
  it('maxError(negative residual largest) returns its absolute value', () => {
    expect(maxError([0, 0, 0], [1, -7, 3])).toBe(7);
  });
  it('maxError(perfect) is 0', () => {
    expect(maxError([1, 2], [1, 2])).toBe(0);
  });
});
