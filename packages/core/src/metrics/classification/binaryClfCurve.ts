/**
 * The shared core of the ranking metrics (internal): scores split by class and sorted (used by every ranking
 * metric), and the cumulative true/false positive counts at each distinct score threshold, in decreasing
 * threshold order (scikit-learn's `_binary_clf_curve`, used by the ROC and precision–recall curves).
 *
 * Instead of an argsort of all n scores (a comparator sort over an index array is slow in JavaScript and
 * allocates), the scores are split by class into two Float64Arrays, each sorted natively, and the two sorted
 * arrays are merged from their top ends; ties across classes are grouped because both pointers consume every
 * value equal to the current threshold before a point is emitted.
 */
import { sortFloat64 } from '../../sort/sortFloat64.js';

/** Scores of each class, sorted ascending. */
export interface ScoresByClass {
  /** Scores of the positive samples (yTrue = 1). */
  pos: Float64Array;
  /** Scores of the negative samples (yTrue = 0). */
  neg: Float64Array;
}

/** Splits `yScore` by the binary codes in `yTrue` (already validated, `nPos` ones) and sorts each part. */
export function scoresByClass(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  nPos: number,
): ScoresByClass {
  const n = yTrue.length;
  const pos = new Float64Array(nPos);
  const neg = new Float64Array(n - nPos);
  let p = 0;
  let q = 0;
  for (let i = 0; i < n; i++) {
    if (yTrue[i] === 1) pos[p++] = yScore[i];
    else neg[q++] = yScore[i];
  }
  sortFloat64(pos);
  sortFloat64(neg);
  return { pos, neg };
}

/** Cumulative counts at each distinct threshold, thresholds decreasing. */
export interface BinaryClfCurve {
  /** fps[i]: negatives with score ≥ thresholds[i]. */
  fps: Float64Array;
  /** tps[i]: positives with score ≥ thresholds[i]. */
  tps: Float64Array;
  /** Distinct scores, decreasing. */
  thresholds: Float64Array;
}

/** Walks the distinct thresholds of two ascending score arrays from the top. */
export function binaryClfCurve({ pos, neg }: ScoresByClass): BinaryClfCurve {
  const capacity = pos.length + neg.length;
  const fps = new Float64Array(capacity);
  const tps = new Float64Array(capacity);
  const thresholds = new Float64Array(capacity);
  let i = pos.length - 1;
  let j = neg.length - 1;
  let tp = 0;
  let fp = 0;
  let m = 0;
  while (i >= 0 || j >= 0) {
    const a = i >= 0 ? pos[i] : Number.NEGATIVE_INFINITY;
    const b = j >= 0 ? neg[j] : Number.NEGATIVE_INFINITY;
    // The next threshold is the larger remaining score. Comparing with === groups -0 and +0, as numpy's
    // np.diff does; the -Infinity sentinel never equals a real score because scores are validated finite.
    const t = Math.max(a, b);
    while (i >= 0 && pos[i] === t) {
      tp++;
      i--;
    }
    while (j >= 0 && neg[j] === t) {
      fp++;
      j--;
    }
    fps[m] = fp;
    tps[m] = tp;
    thresholds[m] = t;
    m++;
  }
  return { fps: fps.subarray(0, m), tps: tps.subarray(0, m), thresholds: thresholds.subarray(0, m) };
}
