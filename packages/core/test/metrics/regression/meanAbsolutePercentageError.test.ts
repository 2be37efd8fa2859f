import { describe, expect, it } from 'vitest';
import { meanAbsolutePercentageError } from '../../../src/metrics/regression/meanAbsolutePercentageError.js';
import { describeRegressionGolden } from './regressionCases.js';

describeRegressionGolden('meanAbsolutePercentageError', meanAbsolutePercentageError);

describe('meanAbsolutePercentageError edge cases', () => {
  it('meanAbsolutePercentageError(yTrue = 0) divides by float64 epsilon, not by 0', () => {
    expect(meanAbsolutePercentageError([0], [1])).toBe(1 / Number.EPSILON);
  });
  it('meanAbsolutePercentageError(0 predicted for 0) contributes 0', () => {
    expect(meanAbsolutePercentageError([0, 2], [0, 1])).toBe(0.25);
  });
  it('meanAbsolutePercentageError is a fraction, not a percentage', () => {
    expect(meanAbsolutePercentageError([100], [110])).toBeCloseTo(0.1, 15);
  });
});
