/**
 * Per-class counts shared by the label-based metrics (internal, not exported from the barrel). One pass over the
 * samples fills flat typed arrays indexed by class code, so the cost is O(n + k) with no per-row objects.
 */

/** Weighted counts per class code (unit weights when no sample weights are given). */
export interface ClassCounts {
  /** tp[c]: samples with yTrue = yPred = c. */
  tp: Float64Array;
  /** predicted[c]: samples with yPred = c. */
  predicted: Float64Array;
  /** actual[c]: samples with yTrue = c. */
  actual: Float64Array;
  /** Sum of all weights (n without weights). */
  total: number;
}

/** Counts true positives, predictions and actual members of each code in `0 … nCodes - 1`. */
export function classCounts(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  nCodes: number,
  sampleWeight?: ArrayLike<number>,
): ClassCounts {
  const tp = new Float64Array(nCodes);
  const predicted = new Float64Array(nCodes);
  const actual = new Float64Array(nCodes);
  const n = yTrue.length;
  let total = 0;
  if (sampleWeight === undefined) {
    for (let i = 0; i < n; i++) {
      const t = yTrue[i];
      const p = yPred[i];
      actual[t]++;
      predicted[p]++;
      if (t === p) tp[t]++;
    }
    total = n;
  } else {
    for (let i = 0; i < n; i++) {
      const t = yTrue[i];
      const p = yPred[i];
      const w = sampleWeight[i];
      actual[t] += w;
      predicted[p] += w;
      if (t === p) tp[t] += w;
      total += w;
    }
  }
  return { tp, predicted, actual, total };
}

/**
 * Confusion matrix over `labels` as a flat row-major Float64Array (rows = true class, columns = predicted class,
 * both in the order of `labels`). Samples whose true or predicted code is not in `labels` are left out, as in
 * scikit-learn's `confusion_matrix(labels=…)`.
 */
export function confusionCounts(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  labels: readonly number[],
  nCodes: number,
  sampleWeight?: ArrayLike<number>,
): Float64Array {
  const k = labels.length;
  const position = new Int32Array(nCodes).fill(-1);
  for (let j = 0; j < k; j++) position[labels[j]] = j;
  const matrix = new Float64Array(k * k);
  for (let i = 0; i < yTrue.length; i++) {
    const r = position[yTrue[i]];
    const c = position[yPred[i]];
    if (r >= 0 && c >= 0) matrix[r * k + c] += sampleWeight === undefined ? 1 : sampleWeight[i];
  }
  return matrix;
}
