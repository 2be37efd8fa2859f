/**
 * Log-gamma `lnGamma(x) = ln Γ(x)` for x > 0, and the Stirling remainder `stirlingError(x)`, the two building blocks
 * of every accurate probability prefactor in this folder.
 *
 * Method, by range (all with relative error a few ulps, including near the zeros at x = 1 and x = 2):
 * - 1.5 ≤ x < 2.5: Taylor series about 2, ln Γ(2 + z) = (1 − γ)z + Σ_{k≥2} (−1)^k (ζ(k) − 1) z^k / k
 *   (Abramowitz & Stegun 6.1.33 shifted by one), |z| ≤ ½, 29 terms;
 * - x < 1.5: ln Γ(x) = ln Γ(x + 1) − ln x (twice for x < ½);
 * - 2.5 ≤ x < 15: downward recurrence to [1.5, 2.5), ln Γ(x) = ln Γ(x − m) + ln((x − 1)…(x − m));
 * - x ≥ 15: Stirling, ln Γ(x) = (x − ½) ln x − x + ln √(2π) + S(x), with the asymptotic series
 *   S(x) = 1/(12x) − 1/(360x³) + 1/(1260x⁵) − … (A&S 6.1.41), truncated below 1e-17.
 *
 * References: M. Abramowitz and I. A. Stegun, Handbook of Mathematical Functions (1964), 6.1.33 and 6.1.41;
 * C. Loader, "Fast and accurate computation of binomial probabilities" (2000), for the use of S(x).
 */

/** ln √(2π). */
export const LN_SQRT_2PI = 0.9189385332046728;
/** 1 − γ (Euler–Mascheroni). */
const ONE_MINUS_EULER = 0.42278433509846713;
/** ζ(k) − 1 for k = 2…30 (computed with mpmath at 40 digits). */
const ZETA_MINUS_ONE = [
  0.6449340668482264, 0.2020569031595943, 0.08232323371113819, 0.03692775514336993, 0.01734306198444914,
  0.008349277381922827, 0.00407735619794434, 0.0020083928260822143, 0.0009945751278180853,
  0.0004941886041194645, 0.0002460865533080483, 0.00012271334757848915, 0.00006124813505870483,
  0.00003058823630702049, 0.00001528225940865187, 0.000007637197637899763, 3.81729326499984e-6,
  0.000001908212716553939, 9.539620338727962e-7, 4.769329867878064e-7, 2.38450502727733e-7,
  1.1921992596531106e-7, 5.960818905125948e-8, 2.980350351465228e-8, 1.4901554828365043e-8,
  7.45071178983543e-9, 3.725334024788457e-9, 1.862659723513049e-9, 9.313274324196682e-10,
];

/** ln Γ(2 + z) for |z| ≤ ½, by the Taylor series about 2 (Horner from the smallest term). */
function lnGammaNear2(z: number): number {
  let s = 0;
  for (let k = ZETA_MINUS_ONE.length + 1; k >= 2; k--) {
    const c = ZETA_MINUS_ONE[k - 2] / k;
    s = z * (s + (k % 2 === 0 ? c : -c));
  }
  return z * (ONE_MINUS_EULER + s);
}

/** Stirling series S(x) for x ≥ 15 (A&S 6.1.41; Bernoulli numbers B₂…B₁₄). */
function stirlingSeries(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return (
    r *
    (1 / 12 -
      r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 * (1 / 1188 - r2 * (691 / 360360 - r2 / 156))))))
  );
}

/**
 * Natural logarithm of the gamma function, ln Γ(x), for x > 0.
 *
 * ln Γ(1) = ln Γ(2) = 0; ln Γ(x) ~ −ln x as x → 0⁺; +∞ at 0 and +∞ (as scipy); NaN for x < 0 or NaN (scipy's
 * `gammaln` returns ln|Γ(x)| for negative non-integers: this function is not defined there).
 *
 * @param x - positive number.
 * @returns ln Γ(x), relative error a few ulps.
 * Matches `scipy.special.gammaln` (scipy 1.10.1) for x > 0.
 * @example
 * lnGamma(0.5); // => 0.5723649429247001 (ln √π)
 */
export function lnGamma(x: number): number {
  if (!(x >= 0)) return Number.NaN;
  if (x === 0 || x === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  if (x < 0.5) {
    // ln Γ(x) = ln Γ(x + 2) − ln(x(x + 1)); for tiny x, x + 2 rounds harmlessly.
    return lnGammaNear2(x) - Math.log(x) - Math.log1p(x);
  }
  if (x < 1.5) return lnGammaNear2(x - 1) - Math.log(x);
  if (x < 2.5) return lnGammaNear2(x - 2);
  if (x < 15) {
    let y = x;
    let prod = 1;
    while (y >= 2.5) {
      y -= 1;
      prod *= y;
    }
    return lnGammaNear2(y - 2) + Math.log(prod);
  }
  return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingSeries(x);
}

/**
 * Stirling remainder S(x) = ln Γ(x + 1) − [(x + ½) ln x − x + ln √(2π)] = ln Γ(x) − [(x − ½) ln x − x + ln √(2π)],
 * for x > 0. Used to evaluate ratios of gamma functions (binomial coefficients, x^a e^(−x)/Γ(a + 1),
 * B(a, b)) without subtracting large logarithms (Loader 2000).
 *
 * S(x) ~ 1/(12x) as x → ∞; S(x) → +∞ as x → 0⁺.
 *
 * @param x - positive number.
 * @returns S(x), absolute error ~1e-16 (relative for x ≥ 15).
 * @example
 * stirlingError(1); // => 0.08106146679532722
 */
export function stirlingError(x: number): number {
  if (x >= 15) return stirlingSeries(x);
  return lnGamma(x) - (x - 0.5) * Math.log(x) + x - LN_SQRT_2PI;
}
