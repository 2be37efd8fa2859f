/**
 * Calinski–Harabasz index (variance ratio criterion) of a clustering.
 */
import { prepareClusters } from './prepareClusters.js';

/**
 * Calinski–Harabasz index: CH = [B / (k − 1)] / [W / (n − k)], with between-cluster dispersion
 * B = Σ_c n_c ‖m_c − m‖² and within-cluster dispersion W = Σ_c Σ_{i∈c} ‖xᵢ − m_c‖² (m_c cluster centroids, m the
 * overall mean).
 *
 * Best value: none (higher is better, unbounded); 0 when all centroids coincide with the overall mean.
 * Undefined when W = 0 (every cluster is a single repeated point): returns 1, scikit-learn's convention. Means are
 * computed with a correction pass so that W is exactly 0 for clusters of identical points.
 *
 * @param features the feature columns (each of length n, finite).
 * @param labels cluster labels (finite numbers, any values).
 * @returns the Calinski–Harabasz index.
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE; ONE_CLASS for a single label; INVALID_ARGUMENT for as many
 *   labels as samples (scikit-learn requires 2 ≤ labels ≤ n − 1).
 * Matches `sklearn.metrics.calinski_harabasz_score(X, labels)` (scikit-learn 1.2.1).
 * @see T. Caliński, J. Harabasz (1974), "A dendrite method for cluster analysis", Communications in Statistics 3(1).
 * @example
 * calinskiHarabaszScore([[0, 1, 10, 11]], [0, 0, 1, 1]); // => 200
 */
export function calinskiHarabaszScore(
  features: readonly ArrayLike<number>[],
  labels: ArrayLike<number>,
): number {
  const { n, d, k, x, codes, counts } = prepareClusters('calinskiHarabaszScore', features, labels);
  const centroids = meansByCluster(x, n, d, k, codes, counts);
  const overall = meansByCluster(x, n, d, 1, new Int32Array(n), Float64Array.of(n));
  let between = 0;
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let t = 0; t < d; t++) {
      const diff = centroids[c * d + t] - overall[t];
      s += diff * diff;
    }
    between += counts[c] * s;
  }
  let within = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i] * d;
    for (let t = 0; t < d; t++) {
      const diff = x[i * d + t] - centroids[c + t];
      within += diff * diff;
    }
  }
  if (within === 0) return 1;
  return (between * (n - k)) / (within * (k - 1));
}

/**
 * Per-cluster feature means, refined by a second pass (m + Σ(x − m)/n_c) so that the mean of identical points is
 * exactly that point (Higham, Accuracy and Stability of Numerical Algorithms, §1.9).
 */
function meansByCluster(
  x: Float64Array,
  n: number,
  d: number,
  k: number,
  codes: Int32Array,
  counts: Float64Array,
): Float64Array {
  const means = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    const c = codes[i] * d;
    for (let t = 0; t < d; t++) means[c + t] += x[i * d + t];
  }
  for (let c = 0; c < k; c++) for (let t = 0; t < d; t++) means[c * d + t] /= counts[c];
  const correction = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    const c = codes[i] * d;
    for (let t = 0; t < d; t++) correction[c + t] += x[i * d + t] - means[c + t];
  }
  for (let c = 0; c < k; c++)
    for (let t = 0; t < d; t++) means[c * d + t] += correction[c * d + t] / counts[c];
  return means;
}
