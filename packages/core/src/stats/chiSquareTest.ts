/**
 * Pearson's chi-squared goodness-of-fit test.
 *
 * χ² = Σᵢ (Oᵢ − Eᵢ)²/Eᵢ over k categories, with dof = k − 1 − ddof; p = P(χ²_dof ≥ χ²) (Pearson 1900).
 */
import {
  checkArgument,
  checkFinite,
  checkNonNegative,
  checkNotEmpty,
  checkSameLength,
} from '../validation.js';
import { chi2Sf } from './distributions/chi2.js';

export interface ChiSquareTestOptions {
  /** Change to the degrees of freedom, dof = k − 1 − ddof (default 0), as scipy's `ddof`. */
  ddof?: number;
}

export interface ChiSquareTestResult {
  /** Σ (O − E)²/E; Infinity when some E = 0 with O > 0; NaN when some E = O = 0 (scipy: same). */
  statistic: number;
  /** P(χ²_dof ≥ statistic); 0 when the statistic is Infinity; NaN when dof ≤ 0 or the statistic is NaN. */
  pValue: number;
  /** k − 1 − ddof (may be ≤ 0, then pValue is NaN). */
  dof: number;
}

/** scipy's tolerance on |ΣO − ΣE| / min(ΣO, ΣE). */
const SUM_RTOL = 1e-8;

/**
 * Pearson's chi-squared test of observed frequencies against expected ones.
 *
 * χ² = Σ (Oᵢ − Eᵢ)²/Eᵢ, dof = k − 1 − ddof, p = P(χ²_dof ≥ χ²). Best: χ² = 0, p = 1 (O = E); worst: χ² → ∞, p → 0.
 *
 * @param observed - observed frequencies Oᵢ ≥ 0 (counts; need not be integers).
 * @param expected - expected frequencies Eᵢ ≥ 0; default: uniform, every Eᵢ = mean(O). Their sum must equal ΣO to
 *   a relative tolerance of 1e-8, as scipy 1.10 requires.
 * @param options - `ddof` (default 0).
 * @returns `{ statistic, pValue, dof }`.
 * Undefined cases, as scipy: a category with Eᵢ = 0 and Oᵢ > 0 gives statistic Infinity and pValue 0 (the
 * observation is impossible under the expectation); Eᵢ = Oᵢ = 0 gives a 0/0 term, so statistic and pValue NaN
 * (drop such categories first); dof ≤ 0 (one category, or ddof too large) gives pValue NaN.
 * @throws EMPTY_INPUT when `observed` is empty; LENGTH_MISMATCH when `expected` has another length; NON_FINITE on
 * NaN or ±Infinity; INVALID_ARGUMENT on a negative frequency, a non-finite ddof, or sums that differ by more than
 * 1e-8 relative.
 * Matches `scipy.stats.chisquare(observed, expected, ddof)` (scipy 1.10.1).
 * References: K. Pearson, Philosophical Magazine 50 (1900) 157–175.
 * @example
 * chiSquareTest([16, 18, 16, 14, 12, 12]); // => { statistic: 2, pValue: 0.8491450360846097, dof: 5 }
 */
export function chiSquareTest(
  observed: ArrayLike<number>,
  expected?: ArrayLike<number>,
  options: ChiSquareTestOptions = {},
): ChiSquareTestResult {
  const fn = 'chiSquareTest';
  const ddof = options.ddof ?? 0;
  checkArgument(fn, 'options.ddof', ddof, Number.isFinite(ddof), 'a finite number');
  checkNotEmpty(fn, 'observed', observed);
  checkFinite(fn, 'observed', observed);
  checkNonNegative(fn, 'observed', observed, 'non-negative frequencies');
  const k = observed.length;
  let sumObserved = 0;
  for (let i = 0; i < k; i++) sumObserved += observed[i];
  let statistic = 0;
  if (expected === undefined) {
    const e = sumObserved / k;
    for (let i = 0; i < k; i++) {
      const diff = observed[i] - e;
      statistic += (diff * diff) / e;
    }
  } else {
    checkSameLength(fn, 'observed', observed, 'expected', expected);
    checkFinite(fn, 'expected', expected);
    checkNonNegative(fn, 'expected', expected, 'non-negative frequencies');
    let sumExpected = 0;
    for (let i = 0; i < k; i++) sumExpected += expected[i];
    const relativeDiff = Math.abs(sumObserved - sumExpected) / Math.min(sumObserved, sumExpected);
    checkArgument(
      fn,
      'expected',
      relativeDiff,
      !(relativeDiff > SUM_RTOL),
      `frequencies with the same sum as observed (relative difference ≤ ${SUM_RTOL}); relative difference`,
    );
    for (let i = 0; i < k; i++) {
      const diff = observed[i] - expected[i];
      statistic += (diff * diff) / expected[i];
    }
  }
  const dof = k - 1 - ddof;
  return { statistic, pValue: chi2Sf(statistic, dof), dof };
}
