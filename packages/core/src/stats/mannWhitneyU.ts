/**
 * Mann–Whitney U (Wilcoxon rank-sum) test of two independent samples, two-sided.
 */
import { ErrorCodes, VigilError } from '../errors.js';
import { checkArgument } from '../validation.js';
import { mannWhitneyUCdf } from './distributions/mannWhitneyUCdf.js';
import { normalSf } from './distributions/normal.js';
import { forEachTieGroup } from './forEachTieGroup.js';
import { readPValueMethod } from './readPValueMethod.js';
import { checkSortedSample, sortSample } from './sortSample.js';

export interface MannWhitneyUOptions {
  /**
   * How the p-value is computed: `'exact'` (the permutation distribution of U, not corrected for ties),
   * `'asymptotic'` (normal approximation with tie correction), or `'auto'` (default): exact when one of the
   * samples has at most 8 values and there are no ties, as scipy 1.10.1 does, unless the exact distribution would
   * be too large (n₁·n₂ > 5e7, e.g. 8 values against more than 6 million), where it falls back to asymptotic.
   */
  method?: 'auto' | 'exact' | 'asymptotic';
  /** Continuity correction of ½ in the asymptotic method (default true; no effect on the exact method). */
  useContinuity?: boolean;
}

export interface MannWhitneyUResult {
  /** U of the first sample: the number of pairs (xᵢ, yⱼ) with xᵢ > yⱼ, plus half the pairs with xᵢ = yⱼ. */
  statistic: number;
  /** Two-sided p-value, in [0, 1]. */
  pValue: number;
  /** The method actually used (`'auto'` resolved). */
  method: 'exact' | 'asymptotic';
}

/**
 * Bounds on the exact distribution: min(n₁, n₂)·n₁·n₂ ≤ 1e9 operations (about a second) and n₁·n₂ ≤ 5e7
 * (the O(n₁n₂/2) probabilities take at most 200 MB).
 */
const EXACT_WORK_LIMIT = 1e9;
const EXACT_SIZE_LIMIT = 5e7;

/**
 * Mann–Whitney U test on sorted samples; U and the tie counts come from one merge pass, O(n₁ + n₂).
 *
 * Statistic: U₁ = Σᵢ Σⱼ [xᵢ > yⱼ] + ½·[xᵢ = yⱼ] = R₁ − n₁(n₁ + 1)/2 with R₁ the midrank sum of x. Ranges over
 * [0, n₁n₂]; n₁n₂/2 is "no shift". The p-value is for U = max(U₁, n₁n₂ − U₁):
 * - exact: p = 2·P(U′ ≥ ⌊U⌋) from the null distribution ({@link mannWhitneyUCdf}), capped at 1;
 * - asymptotic: z = (U − n₁n₂/2 − ½)/σ with σ² = n₁n₂/12·((N + 1) − Σ(t³ − t)/(N(N − 1))), Σ over tie groups
 *   of size t, N = n₁ + n₂ (the ½ only with `useContinuity`), and p = 2·Q(z), Q the normal upper tail,
 *   capped at 1. When every value is tied (σ = 0), p = 1.
 *
 * @param x first sample, ascending Float64Array (or array-like) of finite numbers.
 * @param y second sample, likewise.
 * @param options `method` (default `'auto'`), `useContinuity` (default true).
 * @returns `{ statistic, pValue, method }`.
 * @throws EMPTY_INPUT when a sample is empty; NON_FINITE on NaN or ±Infinity; INVALID_ARGUMENT when a sample is
 *   not ascending, an option is invalid, or `'exact'` is asked where min(n₁, n₂)·n₁·n₂ > 1e9 or n₁·n₂ > 5e7.
 * Matches `scipy.stats.mannwhitneyu(x, y, use_continuity, alternative='two-sided', method)` (scipy 1.10.1),
 * which raises on NaN (we throw NON_FINITE) and returns NaN when all values tie without continuity (we return 1).
 * @see H. B. Mann, D. R. Whitney (1947), "On a test of whether one of two random variables is stochastically
 *   larger than the other", Ann. Math. Statist. 18, 50–60.
 * @example
 * mannWhitneyUSorted([16, 19, 22, 24, 29], [11, 12, 17, 20]); // => { statistic: 17, pValue: 0.1111111111111111, method: 'exact' }
 */
export function mannWhitneyUSorted(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: MannWhitneyUOptions = {},
): MannWhitneyUResult {
  checkSortedSample('mannWhitneyUSorted', 'x', x);
  checkSortedSample('mannWhitneyUSorted', 'y', y);
  return mwu('mannWhitneyUSorted', x, y, options);
}

/**
 * Mann–Whitney U test, two-sided (copies and sorts the samples; see {@link mannWhitneyUSorted}).
 *
 * @param x first sample, finite numbers in any order.
 * @param y second sample, likewise.
 * @param options `method`: `'auto'` (default; exact when min(n₁, n₂) ≤ 8 and no ties), `'exact'` or
 *   `'asymptotic'`; `useContinuity` (default true).
 * @returns `{ statistic, pValue, method }`, statistic = U of x.
 * @throws EMPTY_INPUT when a sample is empty; NON_FINITE on NaN or ±Infinity; INVALID_ARGUMENT for invalid options.
 * Matches `scipy.stats.mannwhitneyu(x, y)` (two-sided, scipy 1.10.1).
 * @example
 * mannWhitneyU([19, 22, 16, 29, 24], [20, 11, 17, 12], { method: 'asymptotic' }).pValue; // => 0.11134688653314044
 */
export function mannWhitneyU(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: MannWhitneyUOptions = {},
): MannWhitneyUResult {
  const fn = 'mannWhitneyU';
  return mwu(fn, sortSample(x, fn, 'x'), sortSample(y, fn, 'y'), options);
}

function mwu(
  fn: string,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: MannWhitneyUOptions,
): MannWhitneyUResult {
  const requested = readPValueMethod(fn, options.method);
  const useContinuity = options.useContinuity ?? true;
  checkArgument(fn, 'options.useContinuity', useContinuity, typeof useContinuity === 'boolean', 'a boolean');
  const n1 = x.length;
  const n2 = y.length;

  // One merge pass over the tie groups of the pooled sample: U₁ and Σ(t³ − t).
  let u1 = 0;
  let tieSum = 0;
  let hasTies = false;
  forEachTieGroup(x, y, (_i, j, cx, cy) => {
    // Each x in the group beats the j values of y below it and ties with the cy equal ones.
    u1 += cx * j + 0.5 * cx * cy;
    const t = cx + cy;
    if (t > 1) {
      hasTies = true;
      tieSum += t * t * t - t;
    }
  });

  const mn = n1 * n2;
  const u = Math.max(u1, mn - u1);
  const exactFeasible = Math.min(n1, n2) * mn <= EXACT_WORK_LIMIT && mn <= EXACT_SIZE_LIMIT;
  const autoExact = (n1 <= 8 || n2 <= 8) && !hasTies && exactFeasible;
  const method = requested === 'auto' ? (autoExact ? 'exact' : 'asymptotic') : requested;
  let p: number;
  if (method === 'exact') {
    if (!exactFeasible) {
      throw new VigilError(
        ErrorCodes.INVALID_ARGUMENT,
        `${fn}: options.method must be 'asymptotic' or 'auto' when min(n1, n2)·n1·n2 > 1e9 or n1·n2 > 5e7; got 'exact' with n1 = ${n1}, n2 = ${n2}`,
      );
    }
    // P(U′ ≥ ⌊U⌋) = P(U′ ≤ n₁n₂ − ⌊U⌋) by the symmetry of the null distribution.
    p = 2 * mannWhitneyUCdf(mn - Math.trunc(u), n1, n2);
  } else {
    const n = n1 + n2;
    const variance = (mn / 12) * (n + 1 - tieSum / (n * (n - 1)));
    const numerator = useContinuity ? u - mn / 2 - 0.5 : u - mn / 2;
    p = variance > 0 ? 2 * normalSf(numerator / Math.sqrt(variance)) : 1;
  }
  return { statistic: u1, pValue: Math.min(Math.max(p, 0), 1), method };
}
