import { describe, expect, it } from 'vitest';
import { meanSquaredError } from '../../../src/metrics/regression/meanSquaredError.js';
import { describeRegressionGolden } from './regressionCases.js';

describeRegressionGolden('meanSquaredError', meanSquaredError);

describe('meanSquaredError edge cases', () => {
  it('meanSquaredError([5], [2]) is the one squared residual', () => {
    expect(meanSquaredError([5], [2])).toBe(9);
  });
  it('meanSquaredError(1e6 rows of residual ±2) is exactly 4', () => {
    const n = 1_000_000;
    const y = new Float64Array(n);
    const p = new Float64Array(n);
    for (let i = 0; i < n; i++) p[i] = i % 2 === 0 ? 2 : -2;
    expect(meanSquaredError(y, p)).toBe(4);
  });
  it('meanSquaredError(huge values) stays finite and relative', () => {
    expect(meanSquaredError([1e150, -1e150], [0, 0])).toBeCloseTo(1e300, -290);
  });
});
