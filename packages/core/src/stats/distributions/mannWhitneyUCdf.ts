/**
 * Exact null distribution of the Mann–Whitney U statistic (no ties).
 */
import { checkArgument } from '../../validation.js';

/**
 * P(U ≤ k) for the Mann–Whitney U statistic of samples of sizes n₁ and n₂ under the null hypothesis, without ties.
 *
 * Under the null, every one of the C(n₁ + n₂, n₁) orderings is equally likely, and the number of orderings with
 * U = k is the coefficient of q^k in the Gaussian binomial [n₁ + n₂ choose n₁]_q = Πᵢ₌₁^m (1 − q^(n+i))/(1 − q^i),
 * with m = min(n₁, n₂), n = max(n₁, n₂) (Mann & Whitney 1947; Di Bucchianico 1999). We build it factor by factor
 * (Harding 1984): step i multiplies by (1 − q^(n+i)), divides by (1 − q^i) (a running sum with stride i) and
 * rescales by i/(n + i), so that after step i the array holds the probabilities of U for sizes (i, n) and never
 * overflows. Coefficients above k are never needed (both operations only look down), so the work is O(m·k) and
 * the memory O(k). The lower tail is formed by additions only, so small p-values keep full relative accuracy.
 *
 * @param k the statistic; the CDF is a step function, so P(U ≤ k) = P(U ≤ ⌊k⌋).
 * @param n1 size of the first sample, a positive integer.
 * @param n2 size of the second sample, a positive integer.
 * @returns P(U ≤ k), in [0, 1]; 0 for k < 0, 1 for k ≥ n₁·n₂.
 * @throws INVALID_ARGUMENT when n₁ or n₂ is not a positive integer or k is NaN.
 * Matches the `cdf` of `scipy.stats._mannwhitneyu._MWU` (scipy 1.10.1), which uses the recursion of
 * Di Bucchianico (1999), Theorem 2.5, on the same counts.
 * @see H. B. Mann, D. R. Whitney (1947), Ann. Math. Statist. 18, 50–60; R. E. Harding (1984), "An efficient,
 *   minimal-storage procedure for calculating the Mann–Whitney U, generalized U and similar distributions",
 *   Applied Statistics 33(1) 1–6; A. Di Bucchianico (1999), J. Statist. Plann. Inference 79, 349–364.
 * @example
 * mannWhitneyUCdf(3, 5, 4); // => 0.05555555555555555 (= 7/126)
 */
export function mannWhitneyUCdf(k: number, n1: number, n2: number): number {
  const fn = 'mannWhitneyUCdf';
  checkArgument(fn, 'n1', n1, Number.isInteger(n1) && n1 >= 1, 'a positive integer');
  checkArgument(fn, 'n2', n2, Number.isInteger(n2) && n2 >= 1, 'a positive integer');
  checkArgument(fn, 'k', k, !Number.isNaN(k), 'a number');
  const m = Math.min(n1, n2);
  const n = Math.max(n1, n2);
  if (k < 0) return 0;
  if (k >= m * n) return 1;
  const pmf = mannWhitneyUPmfPrefix(Math.floor(k), m, n);
  let cdf = 0;
  for (let t = 0; t < pmf.length; t++) cdf += pmf[t];
  return Math.min(cdf, 1);
}

/** P(U = t) for t = 0..K, sizes m ≤ n, by the product formula truncated at degree K. */
function mannWhitneyUPmfPrefix(K: number, m: number, n: number): Float64Array {
  const c = new Float64Array(K + 1);
  c[0] = 1;
  let degree = 0; // degree of the current polynomial, (i − 1)·n before step i
  for (let i = 1; i <= m; i++) {
    const shift = n + i;
    const scale = i / shift;
    // Multiply by (1 − q^(n+i)) and rescale, top down so that c[t − shift] is still the old coefficient.
    const top = Math.min(K, degree + shift);
    for (let t = top; t >= 0; t--) {
      c[t] = t >= shift ? scale * (c[t] - c[t - shift]) : scale * c[t];
    }
    // Divide by (1 − q^i): a running sum with stride i. The quotient has degree i·n; the coefficients between
    // i·n and degree + n + i are exactly zero in exact arithmetic, and are set so.
    const newDegree = degree + n;
    const end = Math.min(K, newDegree);
    for (let t = i; t <= end; t++) c[t] += c[t - i];
    for (let t = end + 1; t <= top; t++) c[t] = 0;
    degree = newDegree;
  }
  return c;
}
