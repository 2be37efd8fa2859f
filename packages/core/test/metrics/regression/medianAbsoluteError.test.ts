import { describe, expect, it } from 'vitest';
import { medianAbsoluteError } from '../../../src/metrics/regression/medianAbsoluteError.js';
import { createRandom } from '../../../src/stats/random.js';
import { describeRegressionGolden } from './regressionCases.js';

describeRegressionGolden('medianAbsoluteError', medianAbsoluteError);

/** Median by full sort: the obvious reference for the selection algorithm. */
function sortedMedian(errors: Float64Array): number {
  const s = Float64Array.from(errors).sort();
  const n = s.length;
  return n % 2 === 1 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

describe('medianAbsoluteError selection', () => {
  it('medianAbsoluteError(random data, many ties, n = 1 … 60) equals the sort-based median', () => {
    const random = createRandom(7);
    for (let n = 1; n <= 60; n++) {
      for (const levels of [3, 1000]) {
        const y = new Float64Array(n);
        const p = new Float64Array(n);
        for (let i = 0; i < n; i++) p[i] = random.nextInt(levels) - levels / 2;
        const abs = p.map(Math.abs);
        expect(medianAbsoluteError(y, p), `n=${n} levels=${levels}`).toBe(sortedMedian(abs));
      }
    }
  });
  it('medianAbsoluteError(all residuals equal, n = 100001) is that residual', () => {
    const y = new Float64Array(100_001);
    const p = new Float64Array(100_001).fill(-3);
    expect(medianAbsoluteError(y, p)).toBe(3);
  });
  it('medianAbsoluteError(sorted and reverse-sorted residuals) is the middle value', () => {
    const n = 10_000;
    const y = new Float64Array(n);
    const up = Float64Array.from({ length: n }, (_, i) => i);
    const down = Float64Array.from({ length: n }, (_, i) => n - 1 - i);
    expect(medianAbsoluteError(y, up)).toBe(4999.5);
    expect(medianAbsoluteError(y, down)).toBe(4999.5);
  });
  it('medianAbsoluteError(yTrue, yPred) leaves its inputs unchanged', () => {
    const y = Float64Array.of(5, 1, 3);
    const p = Float64Array.of(0, 0, 0);
    medianAbsoluteError(y, p);
    expect(Array.from(y)).toEqual([5, 1, 3]);
  });
});
