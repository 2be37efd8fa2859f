/**
 * Exact distribution of the one-sided one-sample Kolmogorov–Smirnov statistic Dₙ⁺ (Smirnov 1944).
 *
 * P(Dₙ⁺ ≥ d) = d Σ_{v=0}^{⌊n(1−d)⌋} C(n, v) (d + v/n)^(v−1) (1 − d − v/n)^(n−v)   (Birnbaum & Tingey 1951).
 *
 * All terms are positive. Each is evaluated in log space with the Stirling remainders split off (Loader 2000):
 * ln term_v = −bd0(v, v + nd) − bd0(n − v, n − v − nd) − ln(1 + v/(nd)) − ½ ln(2πv(n − v)/n) + S(n) − S(v) − S(n − v),
 * where bd0 ≥ 0 is the deviance term, so no two large numbers are subtracted and each term keeps ~1e-13 relative
 * precision even for n = 10⁶. The products n·d and n − v − n·d are formed exactly (split of d, Dekker 1971), so
 * the boundary index ⌊n(1 − d)⌋ and the small bases near it are exact. The special cases (n = 1, d ≤ 1/n,
 * d ≥ 1 − 1/n, e^(−2nd²) below the smallest normal double, n > 10⁶ approximated by e^(−(6nd + 1)²/(18n)),
 * the early stop of the sum) follow scipy's `smirnov` (van Mulbregt 2018).
 *
 * References: N. V. Smirnov, Usp. Mat. Nauk 10 (1944) 179–206; Z. W. Birnbaum and F. H. Tingey, Ann. Math.
 * Statist. 22 (1951) 592–596; P. van Mulbregt, "Computing the CDF and quantiles of the one-sided
 * Kolmogorov–Smirnov statistic", arXiv:1802.06966 (2018); C. Loader (2000); T. J. Dekker, Numer. Math. 18 (1971).
 */
import { binomialDeviance } from '../special/binomialDeviance.js';
import { stirlingError } from '../special/lnGamma.js';

const EPS = 2.220446049250313e-16;
/** ln of the smallest normal double (cephes MINLOG). */
const MIN_LOG = -708.3964185322641;
const MAX_COMPUTE_N = 1_000_000;
const SPLITTER = 134217729; // 2^27 + 1

/**
 * ⌊n·d⌋ and the fractional part of the exact product n·d, for integer 0 < n < 2^31 and 0 ≤ d ≤ 1.
 * d is split into two halves of ≤ 26 significant bits, so both partial products are exact.
 */
function floorAndFraction(n: number, d: number): [number, number] {
  const c = SPLITTER * d;
  const hi = c - (c - d);
  const lo = d - hi;
  const p1 = n * hi; // exact
  const p2 = n * lo; // exact
  const f1 = Math.floor(p1);
  const r = p1 - f1; // exact, in [0, 1)
  const t = r + p2;
  const k = Math.floor(t);
  let nxFloor = f1 + k;
  let alpha = r - k + p2;
  if (alpha >= 1) {
    nxFloor += 1;
    alpha = 0;
  } else if (alpha < 0) {
    alpha = 0;
  }
  return [nxFloor, alpha];
}

/**
 * Survival function of the one-sided one-sample KS statistic, P(Dₙ⁺ ≥ d), exact for n ≤ 10⁶.
 *
 * Range [0, 1]; 1 at d = 0, 0 at d = 1 (and 1 − d for n = 1). NaN when n is not a positive integer, d is
 * outside [0, 1] or NaN (as scipy).
 *
 * @param n - sample size, positive integer.
 * @param d - statistic value in [0, 1].
 * @returns P(Dₙ⁺ ≥ d); relative error ~1e-13 (exact sum), except for n > 10⁶ where scipy's approximation
 * e^(−(6nd + 1)²/(18n)) is used as scipy does.
 * Matches `scipy.special.smirnov(n, d)` / `scipy.stats.ksone.sf(d, n)` (scipy 1.10.1).
 * @example
 * smirnovSf(10, 0.3); // => 0.1354635555999997
 */
export function smirnovSf(n: number, d: number): number {
  if (!(Number.isInteger(n) && n > 0 && d >= 0 && d <= 1)) return Number.NaN;
  if (n === 1) return 1 - d;
  if (d === 0) return 1;
  if (d === 1) return 0;
  const [nxFloor, alpha] = floorAndFraction(n, d);
  const nx = nxFloor + alpha;
  // d ≤ 1/n: P(Dₙ⁺ < d) = d(1 + d)^(n−1).
  if (nxFloor === 0 || (nxFloor === 1 && alpha === 0)) {
    return 1 - d * Math.exp((n - 1) * Math.log1p(d));
  }
  if (-2 * n * d * d < MIN_LOG) return 0;
  // d ≥ 1 − 1/n: only the v = 0 term; 1 − d is exact there.
  if (nxFloor >= n - 1) return (1 - d) ** n;
  if (n > MAX_COMPUTE_N) {
    const logp = -((6 * n * d + 1) ** 2) / 18 / n;
    if (logp < -Math.LN2) return Math.exp(logp);
    return 1 - -Math.expm1(logp);
  }
  // Terms v = 0 … n − ⌊nd⌋ − 1 (the term at v = n(1 − d), present only when nd is an integer, is zero).
  const nTerms = n - nxFloor;
  const sn = stirlingError(n);
  // v = 0: d · d^(−1) (1 − d)^n.
  let sum = Math.exp(n * Math.log1p(-d));
  let comp = 0;
  const vMid = Math.floor(n / 2);
  for (let v = 1; v < nTerms; v++) {
    const m = n - v;
    const below = v + nxFloor + alpha; // n(d + v/n), exact up to the rounding of alpha
    const above = m - nxFloor - alpha; // n(1 − d − v/n)
    const logTerm =
      -binomialDeviance(v, below) -
      binomialDeviance(m, above) -
      Math.log1p(v / nx) -
      0.5 * Math.log(((2 * Math.PI * v) / n) * m) +
      sn -
      stirlingError(v) -
      stirlingError(m);
    const term = Math.exp(logTerm);
    // Neumaier summation: the sum may have up to 10⁶ terms.
    const s = sum + term;
    comp += Math.abs(sum) >= term ? sum - s + term : term - s + sum;
    sum = s;
    if (term !== 0) {
      if (4 * (nTerms - v) * term < EPS * sum && v !== nTerms - 1) break;
    } else if (v > vMid) {
      break;
    }
  }
  const p = sum + comp;
  return Math.min(Math.max(p, 0), 1);
}
