import { describe, expect, it } from 'vitest';
import { rootMeanSquaredError } from '../../../src/metrics/regression/rootMeanSquaredError.js';
import { describeRegressionGolden } from './regressionCases.js';

describeRegressionGolden('rootMeanSquaredError', rootMeanSquaredError);

describe('rootMeanSquaredError edge cases', () => {
  it('rootMeanSquaredError([0, 0], [3, -4]) is sqrt(12.5)', () => {
    expect(rootMeanSquaredError([0, 0], [3, -4])).toBe(Math.sqrt(12.5));
  });
});
