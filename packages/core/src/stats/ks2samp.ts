/**
 * Two-sample Kolmogorov–Smirnov test (two-sided): `ks2samp` sorts its inputs, `ks2sampSorted` takes samples that
 * are already ascending (the drift engine sorts each column once and reuses the sort).
 *
 * Statistic D = sup_t |F₁(t) − F₂(t)| of the two empirical CDFs, evaluated at every observed value after all ties
 * at that value (scipy's `searchsorted(side='right')` rule), in one merge pass.
 *
 * p-value, exactly as `scipy.stats.ks_2samp(x, y)` (scipy 1.10.1, `alternative='two-sided'`):
 * - method `'auto'` (default): `'exact'` when max(n₁, n₂) ≤ 10 000, else `'asymp'`;
 * - `'exact'`: D is snapped to the lattice h/lcm(n₁, n₂) (h = round(D·lcm), half to even) and the returned
 *   statistic is that snapped value; P(D ≥ h/lcm) is the proportion of lattice paths leaving the band
 *   |x/n₁ − y/n₂| < h/lcm: for n₁ = n₂ the alternating sum of Gnedenko–Korolyuk in Horner form, otherwise Hodges'
 *   inside method with Viehmann's recursion for 1 − p. If that fails (a value outside [0, 1]) the asymptotic
 *   method is used, as scipy does (with the snapped D). When (n₁/g)·(n₂/g) ≥ 2³¹ − 1 (g = gcd), an explicit
 *   `'exact'` is switched to `'asymp'`, as scipy does.
 * - `'asymp'`: `kstwo.sf(D, round(n₁n₂/(n₁ + n₂)))` (round half to even), the exact one-sample distribution at
 *   the effective sample size.
 * The p-value is clipped to [0, 1].
 *
 * Best value: D = 0, p = 1 (identical samples); worst: D = 1 (separated samples), p as small as ~1e-300.
 *
 * References: J. L. Hodges Jr., "The significance probability of the Smirnov two-sample test", Ark. Mat. 3 (1958)
 * 469–486; T. Viehmann, "Numerically more stable computation of the p-values for the two-sample
 * Kolmogorov–Smirnov test", arXiv:2102.08037 (2021); B. V. Gnedenko and V. S. Korolyuk, Dokl. Akad. Nauk SSSR 80
 * (1951) 525–528.
 */
import { checkArgument } from '../validation.js';
import { kstwoSf } from './distributions/kstwo.js';
import { checkSortedSample, sortSample } from './sortSample.js';

export interface Ks2sampOptions {
  /** `'auto'` (default), `'exact'` or `'asymp'`, as scipy's `method`. */
  method?: 'auto' | 'exact' | 'asymp';
}

export interface Ks2sampResult {
  /** D = sup |F₁ − F₂| (snapped to the lattice h/lcm(n₁, n₂) when the exact method answered). */
  statistic: number;
  /** Two-sided p-value in [0, 1]; NaN only for `method: 'asymp'` with n₁ = n₂ = 1 (scipy: same). */
  pValue: number;
}

/** scipy's cut-over for `method='auto'`. */
const MAX_AUTO_N = 10000;
const INT32_MAX = 2147483647;

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** numpy's `round`: to nearest, ties to even. */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const diff = v - f;
  if (diff < 0.5) return f;
  if (diff > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

/** D = max over the merged values of |i/n₁ − j/n₂| with i, j the counts ≤ the value (ties counted together). */
function statisticSorted(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n1 = x.length;
  const n2 = y.length;
  let i = 0;
  let j = 0;
  let maxDiff = Number.NEGATIVE_INFINITY;
  let minDiff = Number.POSITIVE_INFINITY;
  while (i < n1 || j < n2) {
    let v: number;
    if (i < n1 && j < n2) v = Math.min(x[i], y[j]);
    else v = i < n1 ? x[i] : y[j];
    while (i < n1 && x[i] <= v) i++;
    while (j < n2 && y[j] <= v) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxDiff) maxDiff = diff;
    if (diff < minDiff) minDiff = diff;
  }
  const minS = Math.min(Math.max(-minDiff, 0), 1);
  return Math.max(minS, maxDiff);
}

/**
 * P(D_{n,n} ≥ h/n) = 2·Σ_{k≥1} (−1)^(k−1) C(2n, n − kh)/C(2n, n) (Gnedenko & Korolyuk 1951), in Horner form
 * 2A₀(1 − A₁(1 − A₂(…))) with each ratio built from h factors, as scipy evaluates it (same operation order).
 */
function probOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    p = p1 * (1 - p);
  }
  return 2 * p;
}

/**
 * Proportion of lattice paths from (0, 0) to (m, n) that leave the band |x/m − y/n| < h/lcm(m, n) (Hodges 1958,
 * inside method), computed directly as 1 − (proportion inside) by Viehmann's (2021) recursion on a sliding
 * column window.
 */
function outerProbInside(mIn: number, nIn: number, g: number, h: number): number {
  const m = Math.max(mIn, nIn);
  const n = Math.min(mIn, nIn);
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const a = new Float64Array(lenA).fill(1);
  for (let k = minj; k < maxj && k < lenA; k++) a[k] = 0;
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    const shift = minj - lastminj;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (a[jj + shift] * i + val * j) / (i + j);
      a[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) {
      const end = Math.min(curlen + (lastlen - curlen), lenA);
      for (let k = curlen; k < end; k++) a[k] = 1;
    }
  }
  return a[maxj - minj - 1];
}

function ks2sampCore(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  method: 'auto' | 'exact' | 'asymp',
): Ks2sampResult {
  const n1 = x.length;
  const n2 = y.length;
  let d = statisticSorted(x, y);
  const g = gcd(n1, n2);
  const n1g = n1 / g;
  const n2g = n2 / g;
  let mode = method;
  if (mode === 'auto') mode = Math.max(n1, n2) <= MAX_AUTO_N ? 'exact' : 'asymp';
  else if (mode === 'exact' && n1g >= INT32_MAX / n2g) mode = 'asymp';
  let prob = Number.NaN;
  if (mode === 'exact') {
    const lcm = n1g * n2;
    const h = roundHalfEven(d * lcm);
    d = h / lcm;
    if (h === 0) {
      prob = 1;
    } else {
      prob = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
      if (!(prob >= 0 && prob <= 1)) mode = 'asymp';
    }
  }
  if (mode === 'asymp') {
    const m = Math.max(n1, n2);
    const n = Math.min(n1, n2);
    prob = kstwoSf(d, roundHalfEven((m * n) / (m + n)));
  }
  return { statistic: d, pValue: Number.isNaN(prob) ? prob : Math.min(Math.max(prob, 0), 1) };
}

function readMethod(fn: string, options: Ks2sampOptions): 'auto' | 'exact' | 'asymp' {
  const method = options.method ?? 'auto';
  checkArgument(
    fn,
    'options.method',
    method,
    method === 'auto' || method === 'exact' || method === 'asymp',
    "'auto', 'exact' or 'asymp'",
  );
  return method;
}

/**
 * Two-sided two-sample Kolmogorov–Smirnov test on unsorted samples.
 *
 * D = sup_t |F₁(t) − F₂(t)|; p-value from the exact null distribution of D (max(n₁, n₂) ≤ 10 000) or from the
 * one-sample KS distribution at n = round(n₁n₂/(n₁ + n₂)) (see the module comment for the details, all as scipy).
 * Best: D = 0, p = 1. Worst: D = 1, p → 0.
 *
 * @param x - first sample (any order), finite numbers.
 * @param y - second sample (any order), finite numbers.
 * @param options - `method`: `'auto'` (default), `'exact'` or `'asymp'`.
 * @returns `{ statistic, pValue }`; with the exact method the statistic is snapped to the lattice h/lcm(n₁, n₂)
 * as scipy does. pValue is NaN only for `method: 'asymp'` with n₁ = n₂ = 1 (effective n rounds to 0; scipy: same).
 * @throws EMPTY_INPUT when a sample is empty; NON_FINITE on NaN or ±Infinity; INVALID_ARGUMENT for an unknown
 * method.
 * Matches `scipy.stats.ks_2samp(x, y, method=…)` (scipy 1.10.1, two-sided).
 * @example
 * ks2samp([0.1, 0.2, 0.3], [0.25, 0.5, 0.6, 0.9]); // => { statistic: 0.75, pValue: 0.22857142857142862 }
 */
export function ks2samp(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: Ks2sampOptions = {},
): Ks2sampResult {
  const method = readMethod('ks2samp', options);
  const xs = sortSample(x, 'ks2samp', 'x');
  const ys = sortSample(y, 'ks2samp', 'y');
  return ks2sampCore(xs, ys, method);
}

/**
 * Two-sided two-sample Kolmogorov–Smirnov test on samples already sorted ascending (no copy, no sort).
 *
 * Same statistic, p-value and scipy correspondence as {@link ks2samp}; checks the order in one O(n) pass.
 *
 * @param xSorted - first sample, ascending, finite.
 * @param ySorted - second sample, ascending, finite.
 * @param options - `method`: `'auto'` (default), `'exact'` or `'asymp'`.
 * @returns `{ statistic, pValue }` as {@link ks2samp}.
 * @throws EMPTY_INPUT when a sample is empty; NON_FINITE on NaN or ±Infinity; INVALID_ARGUMENT when a sample is
 * not ascending or the method is unknown.
 * Matches `scipy.stats.ks_2samp(x, y, method=…)` (scipy 1.10.1, two-sided).
 * @example
 * ks2sampSorted(Float64Array.of(1, 2, 3), Float64Array.of(4, 5, 6)); // => { statistic: 1, pValue: 0.09999999999999999 }
 */
export function ks2sampSorted(
  xSorted: ArrayLike<number>,
  ySorted: ArrayLike<number>,
  options: Ks2sampOptions = {},
): Ks2sampResult {
  const method = readMethod('ks2sampSorted', options);
  checkSortedSample('ks2sampSorted', 'xSorted', xSorted);
  checkSortedSample('ks2sampSorted', 'ySorted', ySorted);
  return ks2sampCore(xSorted, ySorted, method);
}
