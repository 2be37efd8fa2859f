/**
 * Cramér's V, the association between two categorical columns.
 */
import { checkArgument, checkNotEmpty, checkSameLength } from '../validation.js';

/**
 * Cramér's V of two categorical columns given as integer codes (−1 = missing).
 *
 * Formula: from the r × c contingency table of the rows where both codes are present (levels that never occur
 * are left out), χ² = Σᵢⱼ (Oᵢⱼ − Eᵢⱼ)²/Eᵢⱼ with Eᵢⱼ = rowᵢ·colⱼ/n (no Yates correction), and
 * V = √(χ² / (n · min(r − 1, c − 1))). No bias correction (Bergsma 2013 is not applied).
 * Best/worst: 1 (each column determines the other, up to relabelling), 0 (independent in the sample).
 *
 * @param a codes of the first column: integers ≥ 0, or −1 for missing.
 * @param b codes of the second column, paired with `a`.
 * @returns V in [0, 1].
 * @throws EMPTY_INPUT when `a` is empty; LENGTH_MISMATCH when the lengths differ; INVALID_ARGUMENT on a code that is
 *   not an integer ≥ −1.
 * Undefined (NaN) when no row has both codes, or when either column has a single level among those rows
 * (min(r − 1, c − 1) = 0; scipy returns NaN too).
 * Matches `scipy.stats.contingency.association(table, method='cramer')` (scipy 1.10.1) on the table of
 * `pandas.crosstab(a, b)` (rows with a missing value dropped).
 * @see H. Cramér (1946), Mathematical Methods of Statistics, Princeton University Press, §21.9.
 * @example
 * cramersV(Int32Array.of(0, 0, 1, 1), Int32Array.of(0, 0, 1, 0)); // => 0.5773502691896258
 */
export function cramersV(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const fn = 'cramersV';
  checkNotEmpty(fn, 'a', a);
  checkSameLength(fn, 'a', a, 'b', b);
  let maxA = -1;
  let maxB = -1;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    checkArgument(fn, 'a', x, Number.isInteger(x) && x >= -1, 'integer codes ≥ −1');
    checkArgument(fn, 'b', y, Number.isInteger(y) && y >= -1, 'integer codes ≥ −1');
    if (x > maxA) maxA = x;
    if (y > maxB) maxB = y;
  }
  const ra = maxA + 1;
  const rb = maxB + 1;
  const table = new Float64Array(ra * rb);
  const rowSum = new Float64Array(ra);
  const colSum = new Float64Array(rb);
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x < 0 || y < 0) continue;
    table[x * rb + y]++;
    rowSum[x]++;
    colSum[y]++;
    n++;
  }
  if (n === 0) return Number.NaN;
  let r = 0;
  let c = 0;
  for (let i = 0; i < ra; i++) if (rowSum[i] > 0) r++;
  for (let j = 0; j < rb; j++) if (colSum[j] > 0) c++;
  const k = Math.min(r - 1, c - 1);
  if (k === 0) return Number.NaN;
  let chi2 = 0;
  for (let i = 0; i < ra; i++) {
    if (rowSum[i] === 0) continue;
    for (let j = 0; j < rb; j++) {
      if (colSum[j] === 0) continue;
      const expected = (rowSum[i] * colSum[j]) / n;
      const d = table[i * rb + j] - expected;
      chi2 += (d * d) / expected;
    }
  }
  return Math.min(1, Math.sqrt(chi2 / n / k));
}
