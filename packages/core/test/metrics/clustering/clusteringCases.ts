/**
 * Shared checks for the clustering metrics: scikit-learn golden values and the input errors every metric throws.
 */
import { describe, expect, it } from 'vitest';
import golden from '../../golden/metrics_regression_clustering_ranking.json' with { type: 'json' };
import { expectClose } from '../../helpers/close.js';

export type ClusteringMetric = (features: readonly ArrayLike<number>[], labels: ArrayLike<number>) => number;
type MetricName = keyof (typeof golden.clustering)[number]['expected'];

export const clusteringCases = golden.clustering.map((c) => ({
  name: c.name,
  features: c.features.map((f) => Float64Array.from(f)),
  labels: Float64Array.from(c.labels),
  expected: c.expected as Record<MetricName, number>,
}));

/** Golden comparison (rtol 1e-9), invariances and the common input errors for one metric. */
export function describeClusteringMetric(name: MetricName, metric: ClusteringMetric): void {
  describe(`${name} golden (scikit-learn 1.2.1)`, () => {
    for (const c of clusteringCases) {
      it(`${name}(${c.name}) matches sklearn`, () => {
        expectClose(metric(c.features, c.labels), c.expected[name]);
      });
    }
  });
  describe(`${name} invariances`, () => {
    const c = clusteringCases[0];
    it(`${name}(relabelled clusters) is unchanged`, () => {
      const relabelled = c.labels.map((v) => 100 - 3 * v);
      expectClose(metric(c.features, relabelled), metric(c.features, c.labels), 1e-12);
    });
    it(`${name}(rows permuted) is unchanged`, () => {
      const n = c.labels.length;
      const perm = Array.from({ length: n }, (_, i) => (i * 7 + 3) % n);
      const features = c.features.map((f) => Float64Array.from(perm, (i) => f[i]));
      const labels = Float64Array.from(perm, (i) => c.labels[i]);
      expectClose(metric(features, labels), metric(c.features, c.labels), 1e-12);
    });
  });
  describe(`${name} input errors`, () => {
    it(`${name}(no samples) throws EMPTY_INPUT`, () => {
      expect(() => metric([[]], [])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    });
    it(`${name}(no feature column) throws EMPTY_INPUT`, () => {
      expect(() => metric([], [0, 1, 1])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    });
    it(`${name}(column shorter than labels) throws LENGTH_MISMATCH`, () => {
      expect(() =>
        metric(
          [
            [1, 2, 3],
            [1, 2],
          ],
          [0, 1, 1],
        ),
      ).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH' }));
    });
    it(`${name}(NaN feature or label) throws NON_FINITE`, () => {
      expect(() => metric([[1, Number.NaN, 3]], [0, 1, 1])).toThrow(
        expect.objectContaining({ code: 'NON_FINITE' }),
      );
      expect(() => metric([[1, 2, 3]], [0, Number.NaN, 1])).toThrow(
        expect.objectContaining({ code: 'NON_FINITE' }),
      );
    });
    it(`${name}(one label) throws ONE_CLASS`, () => {
      expect(() => metric([[1, 2, 3]], [4, 4, 4])).toThrow(
        expect.objectContaining({
          code: 'ONE_CLASS',
          message: `${name}: labels must have between 2 and n - 1 = 2 distinct values; got 1`,
        }),
      );
    });
    it(`${name}(as many labels as samples) throws INVALID_ARGUMENT`, () => {
      expect(() => metric([[1, 2, 3]], [0, 1, 2])).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      );
    });
  });
}
