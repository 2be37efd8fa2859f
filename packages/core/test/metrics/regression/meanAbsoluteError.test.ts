import { describe, expect, it } from 'vitest';
import { meanAbsoluteError } from '../../../src/metrics/regression/meanAbsoluteError.js';
import { describeRegressionGolden } from './regressionCases.js';

describeRegressionGolden('meanAbsoluteError', meanAbsoluteError);

describe('meanAbsoluteError edge cases', () => {
  it('meanAbsoluteError(n = 1) is the absolute residual', () => {
    expect(meanAbsoluteError([-1], [2.5])).toBe(3.5);
  });
  it('meanAbsoluteError(yTrue, yPred) is symmetric in its arguments', () => {
    expect(meanAbsoluteError([1, 5, -2], [0, 7, 1])).toBe(meanAbsoluteError([0, 7, 1], [1, 5, -2]));
  });
});
