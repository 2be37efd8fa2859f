import { describe, expect, it } from 'vitest';
import { r2Score } from '../../../src/metrics/regression/r2Score.js';
import { describeRegressionGolden } from './regressionCases.js';

describeRegressionGolden('r2Score', r2Score);

describe('r2Score edge cases', () => {
  it('r2Score(n = 1) is NaN (undefined), as in scikit-learn', () => {
    expect(r2Score([1], [1])).toBeNaN();
  });
  it('r2Score(constant yTrue, perfect) is 1', () => {
    expect(r2Score([0.1, 0.1, 0.1], [0.1, 0.1, 0.1])).toBe(1);
  });
  it('r2Score(constant 0.1 yTrue, imperfect) is exactly 0: the mean of a constant is exact', () => {
    // Plain sum/n gives 0.10000000000000002 here, which would make SS_tot tiny but nonzero.
    expect((0.1 + 0.1 + 0.1) / 3).not.toBe(0.1);
    expect(r2Score([0.1, 0.1, 0.1], [0.1, 0.1, 0.2])).toBe(0);
  });
  it('r2Score(mean predictor) is 0 and r2Score(reversed) is -3', () => {
    expect(r2Score([1, 2, 3], [2, 2, 2])).toBe(0);
    expect(r2Score([1, 2, 3], [3, 2, 1])).toBe(-3);
  });
});
