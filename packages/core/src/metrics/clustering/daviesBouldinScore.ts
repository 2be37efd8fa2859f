/**
 * Davies–Bouldin index of a clustering.
 */
import { prepareClusters } from './prepareClusters.js';

/**
 * Davies–Bouldin index: DB = (1/k) Σᵢ maxⱼ≠ᵢ (sᵢ + sⱼ) / dᵢⱼ, where sᵢ is the mean Euclidean distance of cluster i's
 * members to its centroid and dᵢⱼ the Euclidean distance between centroids i and j.
 *
 * Best value 0 (tight clusters far apart); no upper bound. Lower is better (an index, not a "…Score" in the
 * higher-is-better sense; the name follows scikit-learn).
 *
 * Degenerate cases follow scikit-learn: 0 when every sᵢ ≤ 1e-8 or every centroid distance ≤ 1e-8
 * (`numpy.allclose(·, 0)`); a pair of coincident centroids (dᵢⱼ = 0) contributes 0 instead of Infinity.
 * Centroid distances are computed exactly (differences, then the norm), so coincident centroids give 0 exactly;
 * scikit-learn's ‖a‖² + ‖b‖² − 2a·b form can leave a tiny nonzero there and return a huge value.
 *
 * @param features the feature columns (each of length n, finite).
 * @param labels cluster labels (finite numbers, any values).
 * @returns the Davies–Bouldin index.
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE; ONE_CLASS for a single label; INVALID_ARGUMENT for as many
 *   labels as samples (scikit-learn requires 2 ≤ labels ≤ n − 1).
 * Matches `sklearn.metrics.davies_bouldin_score(X, labels)` (scikit-learn 1.2.1).
 * @see D. L. Davies, D. W. Bouldin (1979), "A cluster separation measure", IEEE TPAMI 1(2).
 * @example
 * daviesBouldinScore([[0, 1, 10, 11]], [0, 0, 1, 1]); // => 0.1
 */
export function daviesBouldinScore(
  features: readonly ArrayLike<number>[],
  labels: ArrayLike<number>,
): number {
  const { n, d, k, x, codes, counts } = prepareClusters('daviesBouldinScore', features, labels);
  const centroids = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    const c = codes[i] * d;
    for (let t = 0; t < d; t++) centroids[c + t] += x[i * d + t];
  }
  for (let c = 0; c < k; c++) for (let t = 0; t < d; t++) centroids[c * d + t] /= counts[c];
  const scatter = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    scatter[c] += distance(x, i * d, centroids, c * d, d);
  }
  const tolerance = 1e-8; // numpy.allclose(·, 0): |v| ≤ atol = 1e-8
  let allScatterZero = true;
  for (let c = 0; c < k; c++) {
    scatter[c] /= counts[c];
    if (scatter[c] > tolerance) allScatterZero = false;
  }
  const between = new Float64Array(k * k);
  let allBetweenZero = true;
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const dist = distance(centroids, a * d, centroids, b * d, d);
      between[a * k + b] = dist;
      between[b * k + a] = dist;
      if (dist > tolerance) allBetweenZero = false;
    }
  }
  if (allScatterZero || allBetweenZero) return 0;
  let total = 0;
  for (let a = 0; a < k; a++) {
    let worst = 0;
    for (let b = 0; b < k; b++) {
      const dist = between[a * k + b];
      if (b === a || dist === 0) continue; // scikit-learn divides by Infinity there: ratio 0
      const ratio = (scatter[a] + scatter[b]) / dist;
      if (ratio > worst) worst = ratio;
    }
    total += worst;
  }
  return total / k;
}

/** Euclidean distance between x[p … p + d) and y[q … q + d). */
function distance(x: Float64Array, p: number, y: Float64Array, q: number, d: number): number {
  let s = 0;
  for (let t = 0; t < d; t++) {
    const diff = x[p + t] - y[q + t];
    s += diff * diff;
  }
  return Math.sqrt(s);
}
