import { describe, expect, it } from 'vitest';
import { daviesBouldinScore } from '../../../src/metrics/clustering/daviesBouldinScore.js';
import { describeClusteringMetric } from './clusteringCases.js';

describeClusteringMetric('daviesBouldinScore', daviesBouldinScore);

describe('daviesBouldinScore edge cases', () => {
  it('daviesBouldinScore(1-D, two tight pairs 10 apart) is (0.5 + 0.5) / 10', () => {
    expect(daviesBouldinScore([[0, 1, 10, 11]], [0, 0, 1, 1])).toBe(0.1);
  });
  it('daviesBouldinScore(every cluster a repeated point) is 0, as in scikit-learn', () => {
    expect(daviesBouldinScore([[3, 3, 8, 8]], [0, 0, 1, 1])).toBe(0);
  });
  it('daviesBouldinScore(coincident centroids) skips that pair instead of dividing by 0', () => {
    // Clusters 0 and 1 share centroid 0; cluster 2 is at 10. Pairs (0,1) contribute 0.
    const x = [-1, 1, -2, 2, 9, 11];
    const s = [1, 2, 1]; // mean distances to centroids
    const expected = ((s[0] + s[2]) / 10 + (s[1] + s[2]) / 10 + (s[2] + s[1]) / 10) / 3;
    expect(daviesBouldinScore([x], [0, 0, 1, 1, 2, 2])).toBeCloseTo(expected, 15);
  });
});
