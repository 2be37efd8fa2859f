/**
 * Shared checks for the regression metrics: scikit-learn golden values and the input errors every metric throws.
 */
import { describe, expect, it } from 'vitest';
import golden from '../../golden/metrics_regression_clustering_ranking.json' with { type: 'json' };
import { expectClose } from '../../helpers/close.js';

export type RegressionMetric = (yTrue: ArrayLike<number>, yPred: ArrayLike<number>) => number;
type MetricName = keyof (typeof golden.regression)[number]['expected'];

/** The golden cases as typed arrays, with null (NaN in the JSON) read back as NaN. */
export const regressionCases = golden.regression.map((c) => ({
  name: c.name,
  yTrue: Float64Array.from(c.yTrue),
  yPred: Float64Array.from(c.yPred),
  expected: Object.fromEntries(Object.entries(c.expected).map(([k, v]) => [k, v ?? Number.NaN])) as Record<
    MetricName,
    number
  >,
  adjusted: c.adjustedR2Score.map((a) => ({ nFeatures: a.nFeatures, value: a.value ?? Number.NaN })),
}));

/** Registers the golden comparison (rtol 1e-9) and the common input-error tests for one metric. */
export function describeRegressionGolden(name: MetricName, metric: RegressionMetric): void {
  describe(`${name} golden (scikit-learn 1.2.1)`, () => {
    for (const c of regressionCases) {
      it(`${name}(${c.name}) matches sklearn`, () => {
        expectClose(metric(c.yTrue, c.yPred), c.expected[name]);
      });
    }
    it(`${name}(plain arrays) equals ${name}(Float64Array)`, () => {
      const c = regressionCases[0];
      expect(metric(Array.from(c.yTrue), Array.from(c.yPred))).toBe(metric(c.yTrue, c.yPred));
    });
  });
  describe(`${name} input errors`, () => {
    it(`${name}([], []) throws EMPTY_INPUT`, () => {
      expect(() => metric([], [])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    });
    it(`${name}(lengths 3 and 2) throws LENGTH_MISMATCH`, () => {
      expect(() => metric([1, 2, 3], [1, 2])).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH' }));
    });
    it(`${name}(NaN in yTrue) throws NON_FINITE naming the index`, () => {
      expect(() => metric([1, Number.NaN, 3], [1, 2, 3])).toThrow(
        expect.objectContaining({
          code: 'NON_FINITE',
          message: `${name}: yTrue must be finite numbers; got NaN at index 1`,
        }),
      );
    });
    it(`${name}(Infinity in yPred) throws NON_FINITE`, () => {
      expect(() => metric([1, 2, 3], [1, 2, Number.POSITIVE_INFINITY])).toThrow(
        expect.objectContaining({ code: 'NON_FINITE' }),
      );
    });
  });
}
