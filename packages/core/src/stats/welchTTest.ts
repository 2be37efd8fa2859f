/**
 * Welch's unequal-variances t-test for the difference of two means, two-sided.
 */
import { checkFinite, checkNotEmpty } from '../validation.js';
import { studentTSf } from './distributions/studentT.js';

export interface WelchTTestResult {
  /** t = (x̄ − ȳ)/√(s²ₓ/n₁ + s²ᵧ/n₂). */
  statistic: number;
  /** 2·P(T_df > |t|). */
  pValue: number;
  /** Welch–Satterthwaite degrees of freedom; NaN when both samples are constant or a sample has one value. */
  df: number;
}

/** Mean and unbiased variance; exact 0 variance (and exact mean) for a constant sample. */
function meanVariance(values: ArrayLike<number>): [number, number] {
  const n = values.length;
  const first = values[0];
  let constant = true;
  // Neumaier-compensated sum: the mean stays correctly rounded for long samples.
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== first) constant = false;
    const t = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  if (constant) return [first, n > 1 ? 0 : Number.NaN];
  const mean = (sum + comp) / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    ss += d * d;
  }
  return [mean, n > 1 ? ss / (n - 1) : Number.NaN];
}

/**
 * Welch's t-test (unequal variances), two-sided.
 *
 * t = (x̄ − ȳ)/√(s²ₓ/n₁ + s²ᵧ/n₂), df = (s²ₓ/n₁ + s²ᵧ/n₂)² / ((s²ₓ/n₁)²/(n₁ − 1) + (s²ᵧ/n₂)²/(n₂ − 1)),
 * p = 2·P(T_df > |t|), with unbiased variances s². Best: t = 0, p = 1; worst: |t| → ∞, p → 0.
 *
 * @param x - first sample, finite numbers.
 * @param y - second sample, finite numbers.
 * @returns `{ statistic, pValue, df }`.
 * Undefined cases: a sample with one value has no variance: statistic, pValue and df are NaN (scipy: NaN
 * statistic and p-value). Both samples constant: equal constants give t = 0/0, so statistic, pValue and df are
 * NaN (scipy: same); different constants give t = ±Infinity and pValue 0 (scipy: same), df NaN. Constant samples
 * are detected exactly, so they never produce a spurious finite t from rounding in the means (scipy can, e.g.
 * [0.1]×10 against [0.1]×7 gives t = 2.45 there).
 * @throws EMPTY_INPUT when a sample is empty; NON_FINITE on NaN or ±Infinity.
 * Matches `scipy.stats.ttest_ind(x, y, equal_var=False)` (scipy 1.10.1).
 * References: B. L. Welch, "The generalization of 'Student's' problem when several different population variances
 * are involved", Biometrika 34 (1947) 28–35; F. E. Satterthwaite, Biometrics Bulletin 2 (1946) 110–114.
 * @example
 * welchTTest([1, 2, 3.5], [4, 5.5, 6]); // => { statistic: -3.1819805153394642, pValue: 0.03513545253601179, df: 3.8641509433962264 }
 */
export function welchTTest(x: ArrayLike<number>, y: ArrayLike<number>): WelchTTestResult {
  const fn = 'welchTTest';
  checkNotEmpty(fn, 'x', x);
  checkNotEmpty(fn, 'y', y);
  checkFinite(fn, 'x', x);
  checkFinite(fn, 'y', y);
  const n1 = x.length;
  const n2 = y.length;
  const [m1, v1] = meanVariance(x);
  const [m2, v2] = meanVariance(y);
  if (Number.isNaN(v1) || Number.isNaN(v2))
    return { statistic: Number.NaN, pValue: Number.NaN, df: Number.NaN };
  const vn1 = v1 / n1;
  const vn2 = v2 / n2;
  const df = (vn1 + vn2) ** 2 / ((vn1 * vn1) / (n1 - 1) + (vn2 * vn2) / (n2 - 1));
  const statistic = (m1 - m2) / Math.sqrt(vn1 + vn2);
  // scipy evaluates the p-value with df = 1 when df is 0/0 (both variances 0); only t = ±∞ (p = 0) reaches it.
  const pValue = 2 * studentTSf(Math.abs(statistic), Number.isNaN(df) ? 1 : df);
  return { statistic, pValue, df };
}
