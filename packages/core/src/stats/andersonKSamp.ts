/**
 * k-sample Anderson–Darling test (Scholz & Stephens 1987).
 */

import { ErrorCodes, VigilError } from '../errors.js';
import { sortFloat64 } from '../sort/sortFloat64.js';
import { checkArgument, checkFinite, checkNotEmpty } from '../validation.js';

export interface AndersonKSampOptions {
  /**
   * Use the midrank statistic A²_akN, the version for data with ties (default true), instead of the right-continuous
   * A²_kN (Scholz & Stephens 1987, eqs. 7 and 6).
   */
  midrank?: boolean;
}

export interface AndersonKSampResult {
  /** The standardised statistic (A² − (k − 1))/σ_N. */
  statistic: number;
  /** Critical values at the significance levels of {@link AndersonKSampResult.significanceLevels}. */
  criticalValues: number[];
  /** [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001], the levels the critical values belong to. */
  significanceLevels: number[];
  /**
   * Approximate p-value, interpolated in the critical-value table; within [0.001, 0.25] (see `pValueClipped`).
   */
  pValue: number;
  /**
   * True when the statistic is outside the table: then `pValue` is 0.25 (the true p-value is larger) or 0.001
   * (the true p-value is smaller). scipy warns in these cases.
   */
  pValueClipped: boolean;
}

const SIGNIFICANCE = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001];
// Interpolation coefficients of Scholz & Stephens (1987), Table 2, as published.
const B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
const B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
const B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];

/**
 * k-sample Anderson–Darling test of the hypothesis that k samples come from one (unspecified) distribution.
 *
 * Statistic (Scholz & Stephens 1987): over the distinct pooled values z*_j with multiplicity l_j, B_j = (number of
 * pooled values below z*_j) + l_j/2 and M_ij = (values of sample i below z*_j) + (those equal)/2,
 * A²_akN = (N − 1)/N · Σᵢ 1/nᵢ · Σⱼ l_j/N · (N·M_ij − B_j·nᵢ)² / (B_j(N − B_j) − N·l_j/4)   (eq. 7, midrank),
 * or eq. 6 without midranks; then the standardised T = (A² − (k − 1))/σ_N with σ_N² from their eq. 4.
 * T near 0 (or negative) supports the null hypothesis.
 *
 * p-value: as in scipy 1.10.1, the critical values t_α = b₀ + b₁/√(k − 1) + b₂/(k − 1) (their Table 2) for
 * α ∈ {0.25, …, 0.001} are fitted by a quadratic in log α (least squares), and p = exp(fit(T)). The result is
 * only as good as that interpolation (about two digits); outside the table it is clipped to 0.25 or 0.001 and
 * `pValueClipped` is set. Our value agrees with scipy's to ~1e-12 (scipy's `numpy.polyfit` and our least
 * squares differ in rounding only).
 *
 * @param samples k ≥ 2 samples of finite numbers, each non-empty, N ≥ 4 values in all, at least 2 distinct.
 * @param options `midrank` (default true).
 * @returns `{ statistic, criticalValues, significanceLevels, pValue, pValueClipped }`.
 * @throws INVALID_ARGUMENT when there are fewer than 2 samples, fewer than 4 values in all (σ_N is undefined;
 *   scipy returns NaN or fails), or fewer than 2 distinct values; EMPTY_INPUT when a sample is empty;
 *   NON_FINITE on NaN or ±Infinity.
 * Matches `scipy.stats.anderson_ksamp(samples, midrank)` (scipy 1.10.1).
 * @see F. W. Scholz, M. A. Stephens (1987), "K-sample Anderson–Darling tests", J. Amer. Statist. Assoc. 82(399)
 *   918–924.
 * @example
 * andersonKSamp([[1, 2, 3, 4], [5, 6, 7, 8]]).statistic; // => 3.6866058780406803
 */
export function andersonKSamp(
  samples: ArrayLike<number>[],
  options: AndersonKSampOptions = {},
): AndersonKSampResult {
  const fn = 'andersonKSamp';
  const midrank = options.midrank ?? true;
  checkArgument(fn, 'options.midrank', midrank, typeof midrank === 'boolean', 'a boolean');
  const k = samples.length;
  checkArgument(fn, 'samples.length', k, k >= 2, 'at least 2 (samples to compare)');
  const sorted: Float64Array[] = [];
  let N = 0;
  for (let s = 0; s < k; s++) {
    checkNotEmpty(fn, `samples[${s}]`, samples[s]);
    checkFinite(fn, `samples[${s}]`, samples[s]);
    sorted.push(sortFloat64(Float64Array.from(samples[s])));
    N += samples[s].length;
  }
  checkArgument(fn, 'the total number of values', N, N >= 4, 'at least 4');

  // Pooled sorted values (a k-way merge would do; one sort of the concatenation is simpler and O(N log N)).
  const pooled = new Float64Array(N);
  let offset = 0;
  for (const s of sorted) {
    pooled.set(s, offset);
    offset += s.length;
  }
  sortFloat64(pooled);
  let distinct = 1;
  for (let t = 1; t < N; t++) if (pooled[t] !== pooled[t - 1]) distinct++;
  if (distinct < 2) {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `${fn}: samples must hold at least 2 distinct values; got 1 (${pooled[0]})`,
    );
  }

  const a2 = midrank ? a2Midrank(sorted, pooled) : a2Right(sorted, pooled);

  // σ_N² of Scholz & Stephens (1987), eq. 4, with H = Σ 1/nᵢ, h = Σ_{i<N} 1/i, g = Σ_{i<j<N} 1/((N − i)·j).
  let H = 0;
  for (const s of sorted) H += 1 / s.length;
  // Cumulative sums of 1/(N−1), 1/(N−2), …, 1/2 (scipy's order), then g = Σ cumsum[t]/(t + 2).
  let cumulative = 0;
  let g = 0;
  for (let t = 0; t < N - 2; t++) {
    cumulative += 1 / (N - 1 - t);
    g += cumulative / (t + 2);
  }
  const h = cumulative + 1;
  const a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * H;
  const b = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * H - 8 * h + 4 * g - 6;
  const c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * H + 4 * h;
  const d = (2 * h + 6) * k * k - 4 * h * k;
  const sigmaSq = (a * (N * N * N) + b * (N * N) + c * N + d) / ((N - 1) * (N - 2) * (N - 3));
  const m = k - 1;
  const statistic = (a2 - m) / Math.sqrt(sigmaSq);

  const criticalValues = B0.map((b0, t) => b0 + B1[t] / Math.sqrt(m) + B2[t] / m);
  let pValue: number;
  let pValueClipped = false;
  if (statistic < Math.min(...criticalValues)) {
    pValue = 0.25;
    pValueClipped = true;
  } else if (statistic > Math.max(...criticalValues)) {
    pValue = 0.001;
    pValueClipped = true;
  } else {
    const [c2, c1, c0] = quadraticFit(
      criticalValues,
      SIGNIFICANCE.map((s) => Math.log(s)),
    );
    pValue = Math.exp((c2 * statistic + c1) * statistic + c0);
  }
  return { statistic, criticalValues, significanceLevels: SIGNIFICANCE.slice(), pValue, pValueClipped };
}

/** A²_akN, eq. 7 of Scholz & Stephens (1987), by merge passes over the sorted samples. */
function a2Midrank(samples: Float64Array[], pooled: Float64Array): number {
  const N = pooled.length;
  const k = samples.length;
  // Per distinct value j: l_j and B_j, shared by all samples.
  const values: number[] = [];
  const l: number[] = [];
  const B: number[] = [];
  for (let t = 0; t < N; ) {
    let e = t + 1;
    while (e < N && pooled[e] === pooled[t]) e++;
    values.push(pooled[t]);
    l.push(e - t);
    B.push(t + (e - t) / 2);
    t = e;
  }
  let total = 0;
  for (let s = 0; s < k; s++) {
    const sample = samples[s];
    const n = sample.length;
    let p = 0; // number of sample values below the current distinct value
    let inner = 0;
    for (let j = 0; j < values.length; j++) {
      const v = values[j];
      while (p < n && sample[p] < v) p++;
      let q = p;
      while (q < n && sample[q] === v) q++;
      const M = q - (q - p) / 2;
      const diff = N * M - B[j] * n;
      inner += ((l[j] / N) * diff * diff) / (B[j] * (N - B[j]) - (N * l[j]) / 4);
      p = q;
    }
    total += inner / n;
  }
  return total * ((N - 1) / N);
}

/** A²_kN, eq. 6 of Scholz & Stephens (1987): right-continuous empirical CDFs, last distinct value excluded. */
function a2Right(samples: Float64Array[], pooled: Float64Array): number {
  const N = pooled.length;
  const values: number[] = [];
  const l: number[] = [];
  const B: number[] = [];
  let cumulative = 0;
  for (let t = 0; t < N; ) {
    let e = t + 1;
    while (e < N && pooled[e] === pooled[t]) e++;
    if (e < N) {
      values.push(pooled[t]);
      l.push(e - t);
      cumulative += e - t;
      B.push(cumulative);
    }
    t = e;
  }
  let total = 0;
  for (const sample of samples) {
    const n = sample.length;
    let p = 0; // number of sample values ≤ the current distinct value
    let inner = 0;
    for (let j = 0; j < values.length; j++) {
      while (p < n && sample[p] <= values[j]) p++;
      const diff = N * p - B[j] * n;
      inner += ((l[j] / N) * diff * diff) / (B[j] * (N - B[j]));
    }
    total += inner / n;
  }
  return total;
}

/**
 * Least-squares quadratic through points (xᵢ, yᵢ), returned highest power first (numpy.polyfit's order).
 * Householder QR of the column-scaled Vandermonde matrix, as numpy scales its columns before its SVD solve.
 */
function quadraticFit(xs: number[], ys: number[]): [number, number, number] {
  const n = xs.length;
  const cols = 3;
  const A: number[][] = xs.map((x) => [x * x, x, 1]);
  const scale = [0, 0, 0];
  for (let c = 0; c < cols; c++) {
    let s = 0;
    for (let r = 0; r < n; r++) s += A[r][c] * A[r][c];
    scale[c] = Math.sqrt(s);
    for (let r = 0; r < n; r++) A[r][c] /= scale[c];
  }
  const rhs = ys.slice();
  for (let c = 0; c < cols; c++) {
    let norm = 0;
    for (let r = c; r < n; r++) norm += A[r][c] * A[r][c];
    norm = Math.sqrt(norm);
    const alpha = A[c][c] > 0 ? -norm : norm;
    const v: number[] = new Array(n).fill(0);
    for (let r = c; r < n; r++) v[r] = A[r][c];
    v[c] -= alpha;
    let vv = 0;
    for (let r = c; r < n; r++) vv += v[r] * v[r];
    if (vv === 0) continue;
    for (let cc = c; cc < cols; cc++) {
      let dot = 0;
      for (let r = c; r < n; r++) dot += v[r] * A[r][cc];
      const f = (2 * dot) / vv;
      for (let r = c; r < n; r++) A[r][cc] -= f * v[r];
    }
    let dot = 0;
    for (let r = c; r < n; r++) dot += v[r] * rhs[r];
    const f = (2 * dot) / vv;
    for (let r = c; r < n; r++) rhs[r] -= f * v[r];
  }
  const coef = [0, 0, 0];
  for (let c = cols - 1; c >= 0; c--) {
    let s = rhs[c];
    for (let cc = c + 1; cc < cols; cc++) s -= A[c][cc] * coef[cc];
    coef[c] = s / A[c][c];
  }
  return [coef[0] / scale[0], coef[1] / scale[1], coef[2] / scale[2]];
}
