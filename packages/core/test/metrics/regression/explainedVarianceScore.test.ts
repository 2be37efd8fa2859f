import { describe, expect, it } from 'vitest';
import { explainedVarianceScore } from '../../../src/metrics/regression/explainedVarianceScore.js';
import { r2Score } from '../../../src/metrics/regression/r2Score.js';
import { describeRegressionGolden, regressionCases } from './regressionCases.js';

describeRegressionGolden('explainedVarianceScore', explainedVarianceScore);

describe('explainedVarianceScore edge cases', () => {
  it('explainedVarianceScore(n = 1) is 1, as in scikit-learn', () => {
    expect(explainedVarianceScore([3.5], [2])).toBe(1);
  });
  it('explainedVarianceScore(constant bias) ignores the bias', () => {
    expect(explainedVarianceScore([1, 2, 3, 4], [3, 4, 5, 6])).toBe(1);
  });
  it('explainedVarianceScore >= r2Score on every golden case with n >= 2', () => {
    for (const c of regressionCases.filter((c) => c.yTrue.length >= 2)) {
      expect(explainedVarianceScore(c.yTrue, c.yPred)).toBeGreaterThanOrEqual(
        r2Score(c.yTrue, c.yPred) - 1e-12,
      );
    }
  });
});
