/**
 * Student's t distribution with `df` degrees of freedom: survival function and CDF.
 *
 * For t > 0, P(T > t) = ½·I_x(df/2, ½) with x = df/(df + t²) (Abramowitz & Stegun 26.7.1 / 26.5.27), and
 * P(T ≤ t) = 1 − ½·I_x(df/2, ½) = ½ + ½·I_{1−x}(½, df/2), evaluated directly; 1 − x = t²/(df + t²) is formed
 * without subtraction. Both tails therefore keep full relative precision, for df from below 1 to 10⁶ and beyond
 * (df = +∞ is the standard normal).
 */
import { regularizedBeta } from '../special/incompleteBeta.js';
import { normalSf } from './normal.js';

/**
 * x = df/(df + t²) and y = t²/(df + t²) = 1 − x, each formed from the smaller ratio so that neither overflows nor
 * suffers the cancellation of 1 − x.
 */
function betaArguments(absT: number, df: number): [number, number] {
  const s = Math.sqrt(df);
  if (absT > s) {
    const q = s / absT;
    const q2 = q * q;
    return [q2 / (1 + q2), 1 / (1 + q2)];
  }
  const r = absT / s;
  const u = r * r;
  return [1 / (1 + u), u / (1 + u)];
}

/** P(T > |t|) for t ≠ 0: the tail beyond |t|, ½·I_x(df/2, ½). */
function tailBeyond(absT: number, df: number): number {
  const [x, y] = betaArguments(absT, df);
  return 0.5 * regularizedBeta(df / 2, 0.5, x, y);
}

/** P(|T| ≤ |t|)/2 for t ≠ 0: the central half-interval, ½·I_y(½, df/2), computed directly. */
function centralHalf(absT: number, df: number): number {
  const [x, y] = betaArguments(absT, df);
  return 0.5 * regularizedBeta(0.5, df / 2, y, x);
}

/** Tail or its complement, whichever is requested, each computed without cancellation. */
function upper(t: number, df: number): number {
  if (t === 0) return 0.5;
  const a = Math.abs(t);
  if (a === Number.POSITIVE_INFINITY) return t > 0 ? 0 : 1;
  if (t > 0) return tailBeyond(a, df);
  return 0.5 + centralHalf(a, df);
}

/**
 * Survival function of Student's t distribution, P(T_df > t).
 *
 * Range [0, 1]; ½ at t = 0; symmetric: sf(−t) = 1 − sf(t). NaN when df ≤ 0 or an argument is NaN;
 * df = +∞ gives the standard normal.
 *
 * @param t - point.
 * @param df - degrees of freedom, df > 0 (real).
 * @returns P(T > t); relative error ≤ 5e-14 against mpmath in both tails, df 0.5 … 1e6.
 * Matches `scipy.stats.t.sf(t, df)` / `scipy.special.stdtr(df, -t)` (scipy 1.10.1).
 * @example
 * studentTSf(2.0, 10); // => 0.036694017385370155
 */
export function studentTSf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (df === Number.POSITIVE_INFINITY) return normalSf(t);
  return upper(t, df);
}

/**
 * Cumulative distribution function of Student's t distribution, P(T_df ≤ t).
 *
 * Range [0, 1]; ½ at t = 0. NaN when df ≤ 0 or an argument is NaN; df = +∞ gives the standard normal.
 *
 * @param t - point.
 * @param df - degrees of freedom, df > 0 (real).
 * @returns P(T ≤ t), accuracy as {@link studentTSf}.
 * Matches `scipy.stats.t.cdf(t, df)` / `scipy.special.stdtr(df, t)` (scipy 1.10.1).
 * @example
 * studentTCdf(-2.0, 10); // => 0.036694017385370155
 */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (df === Number.POSITIVE_INFINITY) return normalSf(-t);
  return upper(-t, df);
}
