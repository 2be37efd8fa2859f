import { describe, expect, it } from 'vitest';
import { calinskiHarabaszScore } from '../../../src/metrics/clustering/calinskiHarabaszScore.js';
import { describeClusteringMetric } from './clusteringCases.js';

describeClusteringMetric('calinskiHarabaszScore', calinskiHarabaszScore);

describe('calinskiHarabaszScore edge cases', () => {
  it('calinskiHarabaszScore(1-D pairs) is B(n - k) / (W(k - 1)) = 200', () => {
    expect(calinskiHarabaszScore([[0, 1, 10, 11]], [0, 0, 1, 1])).toBe(200);
  });
  it('calinskiHarabaszScore(clusters of repeated 0.1 points, W = 0) is 1, exactly detected', () => {
    expect(calinskiHarabaszScore([[0.1, 0.1, 0.1, 0.7, 0.7, 0.7]], [0, 0, 0, 1, 1, 1])).toBe(1);
  });
  it('calinskiHarabaszScore(centroids equal to the overall mean) is 0', () => {
    expect(calinskiHarabaszScore([[-1, 1, -2, 2]], [0, 0, 1, 1])).toBe(0);
  });
});
