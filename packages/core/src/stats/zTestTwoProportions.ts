/**
 * Two-sided z-test for the difference of two proportions, with the pooled variance under H₀: p₁ = p₂.
 */
import { checkArgument } from '../validation.js';
import { normalSf } from './distributions/normal.js';

export interface ZTestTwoProportionsResult {
  /** z = (p̂₁ − p̂₂)/√(p̄(1 − p̄)(1/n₁ + 1/n₂)); 0 when p̄ is 0 or 1. */
  statistic: number;
  /** 2·P(Z > |z|); 1 when p̄ is 0 or 1. */
  pValue: number;
}

/**
 * Pooled two-proportion z-test, two-sided.
 *
 * p̂ᵢ = sᵢ/nᵢ, p̄ = (s₁ + s₂)/(n₁ + n₂), z = (p̂₁ − p̂₂)/√(p̄(1 − p̄)(1/n₁ + 1/n₂)), p = 2·Q(|z|).
 * Best: z = 0, p = 1 (equal proportions); worst: |z| large, p → 0.
 *
 * @param successes1 - successes in sample 1, 0 ≤ s₁ ≤ n₁ (need not be an integer, e.g. weighted counts).
 * @param n1 - size of sample 1, > 0.
 * @param successes2 - successes in sample 2, 0 ≤ s₂ ≤ n₂.
 * @param n2 - size of sample 2, > 0.
 * @returns `{ statistic, pValue }`.
 * Undefined when p̄ is 0 or 1 (both samples all failures or all successes: the variance is 0 and z = 0/0):
 * we return statistic 0 and pValue 1 (no evidence of a difference); statsmodels returns NaN for both.
 * @throws INVALID_ARGUMENT when a size is not a positive finite number or a count is outside [0, n].
 * Matches `statsmodels.stats.proportion.proportions_ztest([s1, s2], [n1, n2])` (statsmodels 0.13.5) except at
 * p̄ ∈ {0, 1}.
 * References: J. L. Fleiss, B. Levin and M. C. Paik, Statistical Methods for Rates and Proportions, 3rd ed.
 * (2003) §2.5.
 * @example
 * zTestTwoProportions(5, 83, 12, 99); // => { statistic: -1.4078304151258787, pValue: 0.15918129181156995 }
 */
export function zTestTwoProportions(
  successes1: number,
  n1: number,
  successes2: number,
  n2: number,
): ZTestTwoProportionsResult {
  const fn = 'zTestTwoProportions';
  checkArgument(fn, 'n1', n1, n1 > 0 && Number.isFinite(n1), 'a positive finite number');
  checkArgument(fn, 'n2', n2, n2 > 0 && Number.isFinite(n2), 'a positive finite number');
  checkArgument(fn, 'successes1', successes1, successes1 >= 0 && successes1 <= n1, `in [0, n1 = ${n1}]`);
  checkArgument(fn, 'successes2', successes2, successes2 >= 0 && successes2 <= n2, `in [0, n2 = ${n2}]`);
  const diff = successes1 / n1 - successes2 / n2;
  const pooled = (successes1 + successes2) / (n1 + n2);
  if (pooled === 0 || pooled === 1) return { statistic: 0, pValue: 1 };
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  const statistic = diff / Math.sqrt(variance);
  return { statistic, pValue: normalSf(Math.abs(statistic)) * 2 };
}
