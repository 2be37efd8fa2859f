import { calinskiHarabaszScore } from '../metrics/clustering/calinskiHarabaszScore.js';
import { daviesBouldinScore } from '../metrics/clustering/daviesBouldinScore.js';
import { silhouetteScore } from '../metrics/clustering/silhouetteScore.js';
import { type MetricSet, metricSetOverRows } from './metricSet.js';

/** `vigil eval --task clustering`: silhouette, daviesBouldin, calinskiHarabasz of cluster ids over features. */
export function clusteringMetrics(
  features: readonly ArrayLike<number>[],
  labels: ArrayLike<number>,
): MetricSet {
  return metricSetOverRows(labels.length, [labels, ...features] as const, (l, ...f) => ({
    silhouette: silhouetteScore(f, l),
    daviesBouldin: daviesBouldinScore(f, l),
    calinskiHarabasz: calinskiHarabaszScore(f, l),
  }));
}
