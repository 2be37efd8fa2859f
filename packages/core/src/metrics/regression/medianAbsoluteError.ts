/**
 * Median absolute error of a regression.
 */
import { checkRegressionInputs } from './checkRegressionInputs.js';

/**
 * Median absolute error: median over i of |yᵢ − ŷᵢ| (mean of the two middle values when n is even), robust to
 * outliers.
 *
 * Best value 0; no upper bound (lower is better). Same units as y.
 * Computed by selection (Hoare's quickselect with median-of-three pivots) on a copy of the absolute residuals:
 * O(n) expected time, no full sort.
 *
 * @param yTrue true target values (finite).
 * @param yPred predicted values (finite), same length.
 * @returns the median absolute residual.
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE (NaN or ±Infinity in either input).
 * Matches `sklearn.metrics.median_absolute_error(y_true, y_pred)` (scikit-learn 1.2.1).
 * @see C. A. R. Hoare (1961), "Algorithm 65: Find", Communications of the ACM 4(7).
 * @example
 * medianAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // => 0.5
 */
export function medianAbsoluteError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkRegressionInputs('medianAbsoluteError', yTrue, yPred);
  const n = yTrue.length;
  const errors = new Float64Array(n);
  for (let i = 0; i < n; i++) errors[i] = Math.abs(yTrue[i] - yPred[i]);
  const mid = n >> 1;
  if (n % 2 === 1) return select(errors, mid);
  // Even n: the lower middle is the (mid − 1)-th order statistic; after selecting it every later element is ≥ it,
  // so the upper middle is the minimum of the right part.
  const lower = select(errors, mid - 1);
  let upper = errors[mid];
  for (let i = mid + 1; i < n; i++) if (errors[i] < upper) upper = errors[i];
  return (lower + upper) / 2;
}

/**
 * Rearranges `a` so that a[k] is the k-th smallest value, everything before it ≤ a[k] and everything after ≥ a[k];
 * returns a[k]. Hoare partition around a median-of-three pivot; equal keys split evenly, so runs of ties do not
 * degrade it to quadratic time.
 */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = lo + ((hi - lo) >> 1);
    // Median of three, ordered in place: a[lo] ≤ a[mid] ≤ a[hi].
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    // Now a[lo..j] ≤ pivot ≤ a[i..hi], and every element strictly between j and i equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
