/**
 * Validation and layout shared by the clustering metrics (internal: not exported from the package barrel).
 */
import { ErrorCodes, VigilError } from '../../errors.js';
import { checkFinite, checkNotEmpty, checkSameLength } from '../../validation.js';

/** Features laid out row-major and labels encoded densely, ready for the clustering metrics' loops. */
export interface PreparedClusters {
  /** Number of samples. */
  n: number;
  /** Number of features. */
  d: number;
  /** Number of distinct labels (clusters). */
  k: number;
  /** Row-major features: x[i·d + j] is feature j of sample i. */
  x: Float64Array;
  /** Cluster of each sample, 0 … k − 1, in the ascending order of the original label values. */
  codes: Int32Array;
  /** Number of samples in each cluster. */
  counts: Float64Array;
}

/**
 * Checks features (columns) and labels, then lays the features out row-major and encodes labels as 0 … k − 1
 * (like scikit-learn's LabelEncoder: sorted distinct values).
 *
 * @throws EMPTY_INPUT (no samples or no feature column), LENGTH_MISMATCH (a column's length differs from the
 *   labels'), NON_FINITE (NaN/±Infinity in a feature or label), ONE_CLASS (a single label) and INVALID_ARGUMENT
 *   (as many labels as samples): scikit-learn's `check_number_of_labels` requires 2 ≤ k ≤ n − 1.
 */
export function prepareClusters(
  fn: string,
  features: readonly ArrayLike<number>[],
  labels: ArrayLike<number>,
): PreparedClusters {
  const { n, d } = checkClusterInputs(fn, features, labels);
  const x = new Float64Array(n * d);
  for (let j = 0; j < d; j++) {
    const column = features[j];
    for (let i = 0, p = j; i < n; i++, p += d) x[p] = column[i];
  }
  const { codes, k } = encodeLabels(labels);
  checkNumberOfLabels(fn, k, n);
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) counts[codes[i]]++;
  return { n, d, k, x, codes, counts };
}

/**
 * The input checks of {@link prepareClusters} alone (no copy): EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE.
 * Returns the number of samples n and of features d.
 */
export function checkClusterInputs(
  fn: string,
  features: readonly ArrayLike<number>[],
  labels: ArrayLike<number>,
): { n: number; d: number } {
  if (!Array.isArray(features)) {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `${fn}: features must be an array of feature columns; got ${typeof features}`,
    );
  }
  checkNotEmpty(fn, 'features', features);
  checkNotEmpty(fn, 'labels', labels);
  checkFinite(fn, 'labels', labels);
  const n = labels.length;
  const d = features.length;
  for (let j = 0; j < d; j++) {
    checkSameLength(fn, `features[${j}]`, features[j], 'labels', labels);
    checkFinite(fn, `features[${j}]`, features[j]);
  }
  return { n, d };
}

/** scikit-learn's rule: a clustering score needs 2 ≤ number of labels ≤ n − 1. */
export function checkNumberOfLabels(fn: string, k: number, n: number): void {
  if (k < 2) {
    throw new VigilError(
      ErrorCodes.ONE_CLASS,
      `${fn}: labels must have between 2 and n - 1 = ${n - 1} distinct values; got ${k}`,
      { details: { nLabels: k, nSamples: n } },
    );
  }
  if (k > n - 1) {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `${fn}: labels must have between 2 and n - 1 = ${n - 1} distinct values; got ${k}`,
      { details: { nLabels: k, nSamples: n } },
    );
  }
}

/** Dense codes 0 … k − 1 in ascending order of the label values (sort the distinct values, binary-search each). */
function encodeLabels(labels: ArrayLike<number>): { codes: Int32Array; k: number } {
  const n = labels.length;
  const sorted = Float64Array.from(labels).sort();
  let k = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[k++] = sorted[i];
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = labels[i];
    let lo = 0;
    let hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    codes[i] = lo;
  }
  return { codes, k };
}
