import { describe, expect, it } from 'vitest';
import { silhouetteScore } from '../../../src/metrics/clustering/silhouetteScore.js';
import { createRandom } from '../../../src/stats/random.js';
import { expectClose } from '../../helpers/close.js';
import { clusteringCases, describeClusteringMetric } from './clusteringCases.js';

describeClusteringMetric('silhouetteScore', silhouetteScore);

/** Two Gaussian-ish blobs in 2-D (sums of uniforms), n points, seeded. */
function twoBlobs(n: number, seed: number): { features: Float64Array[]; labels: Float64Array } {
  const random = createRandom(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % 2;
    x[i] = labels[i] * 3 + random.next() + random.next() - 1;
    y[i] = random.next() + random.next() - 1;
  }
  return { features: [x, y], labels };
}

describe('silhouetteScore definition', () => {
  it('silhouetteScore(1-D pairs) is the mean of (b - a) / max(a, b)', () => {
    const s = [(10.5 - 1) / 10.5, (9.5 - 1) / 9.5, (9.5 - 1) / 9.5, (10.5 - 1) / 10.5];
    expectClose(silhouetteScore([[0, 1, 10, 11]], [0, 0, 1, 1]), (s[0] + s[1] + s[2] + s[3]) / 4, 1e-15);
  });
  it('silhouetteScore(singleton cluster) gives that sample s = 0', () => {
    // Samples 0, 1 in cluster 0 (a = 1; b = 5 and 4, the distances to sample 2), sample 2 alone: s = 0.
    const expected = ((5 - 1) / 5 + (4 - 1) / 4 + 0) / 3;
    expectClose(silhouetteScore([[0, 1, 5]], [0, 0, 1]), expected, 1e-15);
  });
  it('silhouetteScore(duplicate points, a = b = 0) counts 0 for those samples', () => {
    expect(silhouetteScore([[0, 0, 0, 0, 1]], [0, 0, 1, 1, 2])).toBe(0);
  });
  it('silhouetteScore(many singleton clusters, k = n - 1) is finite', () => {
    const n = 50;
    const x = Float64Array.from({ length: n }, (_, i) => i * i);
    const labels = Float64Array.from({ length: n }, (_, i) => (i === 0 ? 1 : i));
    expect(Number.isFinite(silhouetteScore([x], labels))).toBe(true);
  });
});

describe('silhouetteScore sampleSize', () => {
  const { features, labels } = twoBlobs(2000, 9);
  it('silhouetteScore({ sampleSize, seed }) is deterministic for a seed and varies with it', () => {
    const a = silhouetteScore(features, labels, { sampleSize: 300, seed: 1 });
    expect(silhouetteScore(features, labels, { sampleSize: 300, seed: 1 })).toBe(a);
    expect(silhouetteScore(features, labels, { sampleSize: 300, seed: 2 })).not.toBe(a);
  });
  it('silhouetteScore({ sampleSize: 800 }) is close to the full score', () => {
    const full = silhouetteScore(features, labels);
    const sampled = silhouetteScore(features, labels, { sampleSize: 800, seed: 3 });
    expect(Math.abs(sampled - full)).toBeLessThan(0.02);
  });
  it('silhouetteScore({ sampleSize >= n }) uses every sample', () => {
    const c = clusteringCases[0];
    expect(silhouetteScore(c.features, c.labels, { sampleSize: 10_000 })).toBe(
      silhouetteScore(c.features, c.labels),
    );
  });
  it('silhouetteScore(sample with a single label) throws ONE_CLASS', () => {
    expect(() => silhouetteScore([[1, 2, 3, 4]], [0, 0, 0, 1], { sampleSize: 1 })).toThrow(
      expect.objectContaining({ code: 'ONE_CLASS' }),
    );
  });
  it('silhouetteScore(bad sampleSize or seed) throws INVALID_ARGUMENT', () => {
    for (const options of [{ sampleSize: 0 }, { sampleSize: 2.5 }, { seed: 0.5 }]) {
      expect(() => silhouetteScore([[1, 2, 3]], [0, 0, 1], options)).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      );
    }
  });
});
