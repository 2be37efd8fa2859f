import { calinskiHarabaszScore } from '../metrics/clustering/calinskiHarabaszScore.js';
import { daviesBouldinScore } from '../metrics/clustering/daviesBouldinScore.js';
import { silhouetteScore } from '../metrics/clustering/silhouetteScore.js';
import { type MetricSet, metricSetOverRows } from './metricSet.js';

/**
 * `vigil eval --task clustering`: silhouette, daviesBouldin, calinskiHarabasz of cluster ids (codes
 * 0 … k − 1) over features. The scores need 2 ≤ clusters ≤ n − 1: on the whole data the metrics' own errors
 * stand; on a segment or bootstrap resample outside that range the scores are NaN (as one-class AUC is), so one
 * degenerate resample does not fail the evaluation.
 */
export function clusteringMetrics(
  features: readonly ArrayLike<number>[],
  labels: ArrayLike<number>,
): MetricSet {
  const set = metricSetOverRows(labels.length, [labels, ...features] as const, (l, ...f) => ({
    silhouette: silhouetteScore(f, l),
    daviesBouldin: daviesBouldinScore(f, l),
    calinskiHarabasz: calinskiHarabaszScore(f, l),
  }));
  let nCodes = 0;
  for (let i = 0; i < labels.length; i++) nCodes = Math.max(nCodes, labels[i] + 1);
  const seen = new Uint8Array(nCodes);
  return {
    n: set.n,
    compute(indices) {
      if (indices !== undefined) {
        seen.fill(0);
        let clusters = 0;
        for (let i = 0; i < indices.length; i++) {
          const c = labels[indices[i]];
          if (seen[c] === 0) {
            seen[c] = 1;
            clusters++;
          }
        }
        if (clusters < 2 || clusters > indices.length - 1) {
          return { silhouette: Number.NaN, daviesBouldin: Number.NaN, calinskiHarabasz: Number.NaN };
        }
      }
      return set.compute(indices);
    },
  };
}
