/**
 * Two-sample Cramér–von Mises test of equal distributions.
 */
import { ErrorCodes, VigilError } from '../errors.js';
import { checkArgument } from '../validation.js';
import { cramerVonMisesLimitCdf } from './distributions/cramerVonMisesLimitCdf.js';
import { forEachTieGroup } from './forEachTieGroup.js';
import { readPValueMethod } from './readPValueMethod.js';
import { checkSortedSample, sortSample } from './sortSample.js';

export interface CramerVonMises2SampOptions {
  /**
   * How the p-value is computed: `'exact'` (the permutation distribution of the statistic, Xiao et al. 2006),
   * `'asymptotic'` (Anderson 1962's normalisation and the limiting distribution), or `'auto'` (default): exact
   * when both samples have at most 20 values, as scipy does.
   */
  method?: 'auto' | 'exact' | 'asymptotic';
}

export interface CramerVonMises2SampResult {
  /** The statistic T of Anderson (1962), eq. 9. */
  statistic: number;
  /** The p-value, P(T ≥ observed) under the null hypothesis of one common distribution. */
  pValue: number;
  /** The method actually used (`'auto'` resolved). */
  method: 'exact' | 'asymptotic';
}

const FN_SORTED = 'cramerVonMises2SampSorted';

/**
 * Two-sample Cramér–von Mises test on sorted samples (ranks come from one merge pass).
 *
 * Statistic (Anderson 1962, eqs. 9–10), with r_i the midranks of the sorted x in the pooled sample, s_j those of
 * y, m = n_x, n = n_y and N = m + n:
 * U = m·Σᵢ (r_i − i)² + n·Σⱼ (s_j − j)²,  T = U/(m·n·N) − (4mn − 1)/(6N).
 * T ≥ 0 is small when the samples look alike; larger T is evidence of different distributions.
 *
 * p-value: `'exact'` counts, over all C(N, m) ways to split the pooled ranks, those with a statistic at least
 * the observed one (the frequency-table recursion of Xiao, Gordon & Yakovlev 2006; ties in the data are not
 * modelled, as in scipy). `'asymptotic'` standardises T with its exact mean and variance (Anderson 1962,
 * eqs. 11, 14–15) and reads the tail of the limiting distribution ({@link cramerVonMisesLimitCdf}):
 * T* = 1/6 + (T − E T)/√(45·Var T), p = max(0, 1 − V(T*)), and p = 1 when T* < 0.003 (where V < 1.3e-18).
 * The limiting series is summed as scipy sums it (terms down to 1e-7), so p-values below ~1e-6 carry that
 * truncation in absolute terms, in scipy as here.
 *
 * Ties: the midrank formula above is scipy's; within a large tie group r_i stays fixed while i runs, so heavily
 * tied data (e.g. small integer counts) inflate T, and the p-value is then far too small even for samples from one
 * distribution (two Poisson(5) samples of 20000 and 5000 give T ≈ 89, p ≈ 1.6e-8). We reproduce scipy; prefer a
 * test built for discrete data there. U is summed exactly (integer arithmetic), so T is correct to a few ulps even
 * where U/(mnN) and (4mn − 1)/(6N) cancel most of their digits (scipy's rounded sum is off by ~1e-12 relative
 * at n = 10⁶ per sample).
 *
 * @param x first sample, ascending Float64Array (or array-like) of finite numbers, at least 2 values.
 * @param y second sample, likewise.
 * @param options `method` (default `'auto'`).
 * @returns `{ statistic, pValue, method }`.
 * @throws EMPTY_INPUT when a sample is empty; INVALID_ARGUMENT when a sample has a single value, is not
 *   ascending, `method` is unknown, or `'exact'` is asked for samples so large that C(N, m) > 2⁵³ (the counts
 *   would no longer be exact); NON_FINITE on NaN or ±Infinity.
 * Matches `scipy.stats.cramervonmises_2samp(x, y, method)` (scipy 1.10.1).
 * @see T. W. Anderson (1962), "On the distribution of the two-sample Cramér–von Mises criterion", Ann. Math.
 *   Statist. 33(3) 1148–1159; Y. Xiao, A. Gordon, A. Yakovlev (2006), "A C++ program for the Cramér–von Mises
 *   two-sample test", J. Stat. Soft. 17(8); S. Csörgő, J. J. Faraway (1996), J. R. Statist. Soc. B 58(1).
 * @example
 * cramerVonMises2SampSorted([1, 2, 3], [4, 5, 6]); // => { statistic: 0.5277777777777778, pValue: 0.1, method: 'exact' }
 */
export function cramerVonMises2SampSorted(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: CramerVonMises2SampOptions = {},
): CramerVonMises2SampResult {
  checkSortedSample(FN_SORTED, 'x', x);
  checkSortedSample(FN_SORTED, 'y', y);
  return cvm2Samp(FN_SORTED, x, y, options);
}

/**
 * Two-sample Cramér–von Mises test (copies and sorts the samples; see {@link cramerVonMises2SampSorted}).
 *
 * @param x first sample, finite numbers in any order, at least 2 values.
 * @param y second sample, likewise.
 * @param options `method`: `'auto'` (default; exact when both samples have ≤ 20 values), `'exact'` or
 *   `'asymptotic'`.
 * @returns `{ statistic, pValue, method }`.
 * @throws EMPTY_INPUT when a sample is empty; INVALID_ARGUMENT when a sample has a single value or the options
 *   are invalid; NON_FINITE on NaN or ±Infinity.
 * Matches `scipy.stats.cramervonmises_2samp(x, y, method)` (scipy 1.10.1).
 * @example
 * cramerVonMises2Samp([3, 1, 2], [6, 4, 5]).pValue; // => 0.1
 */
export function cramerVonMises2Samp(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: CramerVonMises2SampOptions = {},
): CramerVonMises2SampResult {
  const fn = 'cramerVonMises2Samp';
  return cvm2Samp(fn, sortSample(x, fn, 'x'), sortSample(y, fn, 'y'), options);
}

function cvm2Samp(
  fn: string,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: CramerVonMises2SampOptions,
): CramerVonMises2SampResult {
  const requested = readPValueMethod(fn, options.method);
  const nx = x.length;
  const ny = y.length;
  checkArgument(fn, 'x.length', nx, nx >= 2, 'at least 2');
  checkArgument(fn, 'y.length', ny, ny >= 2, 'at least 2');
  const method = requested === 'auto' ? (Math.max(nx, ny) > 20 ? 'asymptotic' : 'exact') : requested;

  // U of Anderson (1962) eq. 10 from midranks, one merge pass over tie groups. Midranks are multiples of ½, so
  // each 4·(r − i)² is an integer: we sum those exactly (float while below 2⁵², then flushed into a BigInt), because
  // T = U/(mnN) − (4mn − 1)/(6N) cancels about log₁₀(mn/N) digits (6 at n = 10⁶ each), which a rounded sum of U
  // would turn into visible error.
  const sx = new ExactSum();
  const sy = new ExactSum();
  forEachTieGroup(x, y, (i, j, cx, cy) => {
    const twiceMidrank = 2 * (i + j) + cx + cy + 1;
    for (let a = 1; a <= cx; a++) {
      const d = twiceMidrank - 2 * (i + a);
      sx.add(d * d);
    }
    for (let b = 1; b <= cy; b++) {
      const d = twiceMidrank - 2 * (j + b);
      sy.add(d * d);
    }
  });
  const k = nx * ny;
  const N = nx + ny;
  const bk = BigInt(k);
  const u4 = BigInt(nx) * sx.value() + BigInt(ny) * sy.value(); // 4·U, exact
  // T = (6U − mn(4mn − 1)) / (6mnN) = (6·(4U) − 4mn(4mn − 1)) / (24mnN), numerator and denominator exact.
  const statistic = Number(6n * u4 - 4n * bk * (4n * bk - 1n)) / Number(24n * bk * BigInt(N));
  const u = Number(u4) / 4;

  if (method === 'exact') {
    const total = binomial(N, nx);
    if (!(total <= 2 ** 53)) {
      throw new VigilError(
        ErrorCodes.INVALID_ARGUMENT,
        `${fn}: options.method must be 'asymptotic' or 'auto' for samples this large (C(${N}, ${nx}) > 2^53); got 'exact'`,
      );
    }
    return { statistic, pValue: exactSf(u, nx, ny, total), method };
  }
  // Anderson (1962) eqs. 11, 14, 15.
  const et = (1 + 1 / N) / 6;
  let vt = (N + 1) * (4 * k * N - 3 * (nx * nx + ny * ny) - 2 * k);
  vt = vt / (45 * N * N * 4 * k);
  const tn = 1 / 6 + (statistic - et) / Math.sqrt(45 * vt);
  const pValue = tn < 0.003 ? 1 : Math.max(0, 1 - cramerVonMisesLimitCdf(tn));
  return { statistic, pValue, method };
}

/** Exact sum of non-negative integers below 2⁵³: a float accumulator flushed into a BigInt before it loses bits. */
class ExactSum {
  private big = 0n;
  private small = 0;
  add(term: number): void {
    this.small += term;
    if (this.small > 2 ** 52) {
      this.big += BigInt(this.small);
      this.small = 0;
    }
  }
  value(): bigint {
    return this.big + BigInt(this.small);
  }
}

/** C(n, k) in floating point; exact while the result stays below 2⁵³ (each partial product is an integer). */
function binomial(n: number, k: number): number {
  const r = Math.min(k, n - k);
  let c = 1;
  for (let t = 1; t <= r; t++) c = (c * (n - r + t)) / t;
  return c;
}

/** Values (ascending, distinct) with their path counts: one cell of the Xiao et al. frequency table. */
interface Cell {
  values: Float64Array;
  counts: Float64Array;
}

const EMPTY: Cell = { values: new Float64Array(0), counts: new Float64Array(0) };

/** The union of two cells (counts of equal values added), every value then increased by `shift`. */
function mergeShift(p: Cell, q: Cell, shift: number): Cell {
  const values = new Float64Array(p.values.length + q.values.length);
  const counts = new Float64Array(values.length);
  let a = 0;
  let b = 0;
  let n = 0;
  while (a < p.values.length || b < q.values.length) {
    if (b >= q.values.length || (a < p.values.length && p.values[a] < q.values[b])) {
      values[n] = p.values[a];
      counts[n++] = p.counts[a++];
    } else if (a >= p.values.length || q.values[b] < p.values[a]) {
      values[n] = q.values[b];
      counts[n++] = q.counts[b++];
    } else {
      values[n] = p.values[a];
      counts[n++] = p.counts[a++] + q.counts[b++];
    }
  }
  for (let t = 0; t < n; t++) values[t] += shift;
  return { values: values.subarray(0, n), counts: counts.subarray(0, n) };
}

/**
 * P(U ≥ u) under the null, by the recursion of Xiao, Gordon & Yakovlev (2006), Algorithm 1: with L = lcm(m, n),
 * a = L/m and b = L/n, a lattice path from (0, 0) to (n, m) scores Σ (a·v − b·u)² over its points, and the
 * statistic satisfies U ≥ u exactly when the score is ≥ ζ = ⌊L²·N·(6u − mn(4mn − 1)) / (6m²n²)⌋ (Anderson
 * 1962 eq. 9 with their eq. 2). The table counts paths by score, column by column.
 */
function exactSf(u: number, m: number, n: number, total: number): number {
  const L = lcm(m, n);
  const a = L / m;
  const b = L / n;
  const mn = m * n;
  // All factors are exact integers (or exact multiples of ¼ for u with ties), so the floor is exact as in
  // scipy's floor division.
  const zeta = Math.floor((L * L * (m + n) * (6 * u - mn * (4 * mn - 1))) / (6 * mn * mn));
  let column: Cell[] = [{ values: Float64Array.of(0), counts: Float64Array.of(1) }];
  for (let v = 1; v <= m; v++) column.push(EMPTY);
  for (let uu = 0; uu <= n; uu++) {
    const next: Cell[] = [];
    let cell = EMPTY;
    for (let v = 0; v <= m; v++) {
      const d = a * v - b * uu;
      cell = mergeShift(cell, column[v], d * d);
      next.push(cell);
    }
    column = next;
  }
  const last = column[m];
  let count = 0;
  for (let t = 0; t < last.values.length; t++) if (last.values[t] >= zeta) count += last.counts[t];
  return count / total;
}

function lcm(p: number, q: number): number {
  let x = p;
  let y = q;
  while (y !== 0) [x, y] = [y, x % y];
  return (p / x) * q;
}
