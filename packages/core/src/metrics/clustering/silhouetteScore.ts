/**
 * Mean silhouette coefficient of a clustering.
 */
import { gather } from '../../stats/gather.js';
import { createRandom } from '../../stats/random.js';
import { checkArgument } from '../../validation.js';
import { checkClusterInputs, prepareClusters } from './prepareClusters.js';

/** Options of {@link silhouetteScore}. */
export interface SilhouetteOptions {
  /**
   * Compute the score on a random subset of this many samples (drawn without replacement) instead of all n: the
   * cost falls from O(n²·d) to O(sampleSize²·d). A positive integer; when ≥ n, or omitted, every sample is used.
   */
  sampleSize?: number;
  /** Seed of the subset draw ({@link createRandom}); the same seed gives the same subset. Default 0. */
  seed?: number;
}

/**
 * Mean silhouette coefficient over samples, with Euclidean distance.
 *
 * For sample i in cluster C: a(i) = mean distance to the other members of C, b(i) = min over clusters C' ≠ C of the
 * mean distance to the members of C', s(i) = (b(i) − a(i)) / max(a(i), b(i)); the score is the mean of s(i).
 * As in scikit-learn, s(i) = 0 for a sample alone in its cluster, and 0 when a(i) = b(i) = 0 (0/0).
 *
 * Best value 1 (compact, well separated clusters), worst −1 (samples closer to another cluster than to their
 * own); near 0 for overlapping clusters. Higher is better.
 *
 * Cost: n(n − 1)/2 exact distance evaluations (each pair once, √Σ(xᵢ − xⱼ)², not the less accurate
 * ‖x‖² + ‖y‖² − 2x·y expansion) and O(n·d) memory: samples are grouped by cluster and processed one pair of
 * clusters at a time, so no n×n or n×k matrix is ever held.
 *
 * With `sampleSize` (as scikit-learn's `sample_size`) the score is computed on a seeded random subset. The subset is
 * drawn with our generator, not numpy's, so a sampled score estimates the full one but differs from
 * scikit-learn's sampled value; the number-of-labels rule then applies to the subset.
 *
 * @param features the feature columns (each of length n, finite), e.g. `[x1, x2]` for two features.
 * @param labels cluster labels (finite numbers, any values; −1 is an ordinary label, not "noise").
 * @param options `sampleSize` (all samples), `seed` (0).
 * @returns the mean silhouette coefficient.
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE; ONE_CLASS for a single label; INVALID_ARGUMENT for as many
 *   labels as samples (scikit-learn requires 2 ≤ labels ≤ n − 1), a bad `sampleSize` or `seed`.
 * Matches `sklearn.metrics.silhouette_score(X, labels)` (scikit-learn 1.2.1, metric='euclidean').
 * @see P. J. Rousseeuw (1987), "Silhouettes: a graphical aid to the interpretation and validation of cluster
 *   analysis", Journal of Computational and Applied Mathematics 20.
 * @example
 * silhouetteScore([[0, 1, 10, 11]], [0, 0, 1, 1]); // => 0.899749373433584
 */
export function silhouetteScore(
  features: readonly ArrayLike<number>[],
  labels: ArrayLike<number>,
  options: SilhouetteOptions = {},
): number {
  const fn = 'silhouetteScore';
  const { sampleSize, seed = 0 } = options;
  if (sampleSize !== undefined) {
    checkArgument(
      fn,
      'sampleSize',
      sampleSize,
      Number.isInteger(sampleSize) && sampleSize >= 1,
      'a positive integer',
    );
  }
  checkArgument(fn, 'seed', seed, Number.isSafeInteger(seed), 'a safe integer');
  const { n, d } = checkClusterInputs(fn, features, labels);
  if (sampleSize !== undefined && sampleSize < n) {
    const rows = sampleRows(n, sampleSize, seed);
    const subFeatures: Float64Array[] = [];
    for (let j = 0; j < d; j++) subFeatures.push(gather(features[j], rows));
    return silhouetteMean(prepareClusters(fn, subFeatures, gather(labels, rows)));
  }
  return silhouetteMean(prepareClusters(fn, features, labels));
}

function silhouetteMean(prepared: ReturnType<typeof prepareClusters>): number {
  const { n, d, k, x, codes, counts } = prepared;
  // Group samples by cluster (counting sort, stable): cluster c owns rows start[c] … start[c + 1] − 1 of xs.
  const start = new Int32Array(k + 1);
  for (let c = 0; c < k; c++) start[c + 1] = start[c] + counts[c];
  const fill = start.slice(0, k);
  const xs = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const r = fill[codes[i]]++;
    xs.set(x.subarray(i * d, i * d + d), r * d);
  }
  const intra = new Float64Array(n); // Σ distances to own cluster, by sorted row
  const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY); // min mean distance to another cluster
  const sums = new Float64Array(n); // scratch: per-row sums for the current pair of clusters
  for (let c1 = 0; c1 < k; c1++) {
    const a0 = start[c1];
    const a1 = start[c1 + 1];
    // Within cluster c1: each pair once, credited to both rows.
    for (let i = a0; i < a1; i++) {
      const pi = i * d;
      for (let j = i + 1; j < a1; j++) {
        const dist = distance(xs, pi, j * d, d);
        intra[i] += dist;
        intra[j] += dist;
      }
    }
    for (let c2 = c1 + 1; c2 < k; c2++) {
      const b0 = start[c2];
      const b1 = start[c2 + 1];
      for (let j = b0; j < b1; j++) sums[j] = 0;
      for (let i = a0; i < a1; i++) {
        const pi = i * d;
        let sumI = 0;
        for (let j = b0; j < b1; j++) {
          const dist = distance(xs, pi, j * d, d);
          sumI += dist;
          sums[j] += dist;
        }
        const meanI = sumI / (b1 - b0);
        if (meanI < nearest[i]) nearest[i] = meanI;
      }
      const sizeA = a1 - a0;
      for (let j = b0; j < b1; j++) {
        const meanJ = sums[j] / sizeA;
        if (meanJ < nearest[j]) nearest[j] = meanJ;
      }
    }
  }
  let total = 0;
  for (let c = 0; c < k; c++) {
    const size = start[c + 1] - start[c];
    if (size === 1) continue; // singleton: s = 0 by definition
    for (let i = start[c]; i < start[c + 1]; i++) {
      const a = intra[i] / (size - 1);
      const b = nearest[i];
      const m = Math.max(a, b);
      if (m > 0) total += (b - a) / m; // a = b = 0 gives 0/0, counted as 0 like numpy.nan_to_num
    }
  }
  return total / n;
}

/** Euclidean distance between rows starting at offsets p and q of a row-major matrix with d columns. */
function distance(x: Float64Array, p: number, q: number, d: number): number {
  let s = 0;
  for (let t = 0; t < d; t++) {
    const diff = x[p + t] - x[q + t];
    s += diff * diff;
  }
  return Math.sqrt(s);
}

/** `size` distinct rows of 0 … n − 1, uniformly (partial Fisher–Yates shuffle), in ascending order. */
function sampleRows(n: number, size: number, seed: number): Uint32Array {
  const random = createRandom(seed);
  const perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = 0; i < size; i++) {
    const j = i + random.nextInt(n - i);
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  return perm.slice(0, size).sort();
}
