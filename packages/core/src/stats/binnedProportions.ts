/**
 * Reference and current proportions over shared bins, the input of the binned drift distances (PSI,
 * Jensen–Shannon, KL, Hellinger, total variation), as Evidently bins them.
 */
import { ErrorCodes, VigilError } from '../errors.js';
import { checkArgument, checkFinite, checkNotEmpty, describeValue } from '../validation.js';
import { equalWidthEdges, histogramCounts } from './histogram.js';

export interface BinnedProportionsOptions {
  /**
   * `'numerical'`: values are numbers; more than 20 distinct reference values → Sturges bins over the pooled
   * data, otherwise one bin per distinct value. `'categorical'`: values are integer codes (−1 = missing), one bin
   * per code.
   */
  kind: 'numerical' | 'categorical';
  /** Replace empty bins by a small positive proportion so that logarithms stay finite (default true). */
  fillZeros?: boolean;
}

export interface BinnedProportions {
  /** Proportion of the reference sample in each bin (count / reference length). */
  reference: Float64Array;
  /** Proportion of the current sample in each bin (count / current length). */
  current: Float64Array;
  /** The bin edges, when Sturges bins were used. */
  edges?: Float64Array;
  /** The value (or category code) of each bin, ascending, when one bin per distinct value was used. */
  keys?: number[];
}

/** Evidently's threshold: more distinct reference values than this makes a numerical column continuous. */
const MAX_DISCRETE = 20;

/**
 * Proportions of a reference and a current sample over shared bins, with Evidently's binning and zero filling.
 *
 * Rule (Evidently 0.4.x, `get_binned_data(reference, current, feature_type, n, feel_zeroes)`):
 * - numerical with more than 20 distinct reference values: edges = `numpy.histogram_bin_edges(pooled,
 *   'sturges')` over reference and current together ({@link histogramBinEdges}); proportion = count / length;
 * - otherwise one bin per distinct value of the union of both samples, ascending; proportion = count / length.
 *   For categorical codes, −1 (missing) is in no bin but counts in the length, as pandas' `value_counts()`
 *   drops NaN while `len()` keeps it; so proportions then sum to less than 1;
 * - with `fillZeros`, in each vector separately, every 0 becomes (smallest non-zero proportion)/10⁶ when that
 *   smallest proportion is ≤ 1e-4, else 1e-4 (Evidently's `feel_zeroes`).
 * Numerical values must be finite: drop missing values first (Evidently drops NaN before its tests; numpy's
 * Sturges edges fail on NaN).
 *
 * @param reference reference sample: finite numbers, or for `'categorical'` integer codes ≥ −1 (e.g. an
 *   Int32Array of dictionary codes).
 * @param current current sample, same kind.
 * @param options `kind` (required), `fillZeros` (default true).
 * @returns `{ reference, current, edges }` (Sturges bins) or `{ reference, current, keys }` (one bin per value).
 * @throws EMPTY_INPUT when a sample is empty or (categorical) holds only missing codes; NON_FINITE on NaN or
 *   ±Infinity in numerical data; INVALID_ARGUMENT on an unknown `kind` or a code that is not an integer ≥ −1.
 * Matches Evidently 0.4.x `evidently.calculations.stattests.utils.get_binned_data(..., feel_zeroes=True)` (bins
 * sorted by value; Evidently orders distinct values as a Python set does, which changes no distance).
 * @example
 * binnedProportions([1, 1, 2], [2, 3, 3, 3], { kind: 'numerical' });
 * // => { reference: [0.6666666666666666, 0.3333333333333333, 0.0001], current: [0.0001, 0.25, 0.75], keys: [1, 2, 3] }
 */
export function binnedProportions(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  options: BinnedProportionsOptions,
): BinnedProportions {
  const fn = 'binnedProportions';
  const kind = options?.kind;
  checkArgument(
    fn,
    'options.kind',
    kind,
    kind === 'numerical' || kind === 'categorical',
    "'numerical' or 'categorical'",
  );
  const fillZeros = options.fillZeros ?? true;
  checkArgument(fn, 'options.fillZeros', fillZeros, typeof fillZeros === 'boolean', 'a boolean');
  checkNotEmpty(fn, 'reference', reference);
  checkNotEmpty(fn, 'current', current);
  const nr = reference.length;
  const nc = current.length;
  let result: BinnedProportions;
  if (kind === 'numerical') {
    checkFinite(fn, 'reference', reference);
    checkFinite(fn, 'current', current);
    if (countDistinctUpTo(reference, MAX_DISCRETE + 1) > MAX_DISCRETE) {
      let min = reference[0];
      let max = reference[0];
      for (const sample of [reference, current]) {
        for (let i = 0; i < sample.length; i++) {
          const v = sample[i];
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
      const edges = equalWidthEdges(min, max, nr + nc, 'sturges');
      const ref = histogramCounts(reference, edges);
      const cur = histogramCounts(current, edges);
      for (let b = 0; b < ref.length; b++) {
        ref[b] /= nr;
        cur[b] /= nc;
      }
      result = { reference: ref, current: cur, edges };
    } else {
      result = perValue(reference, current, false);
    }
  } else {
    checkCodes(fn, 'reference', reference);
    checkCodes(fn, 'current', current);
    result = perValue(reference, current, true);
    for (const [name, values] of [
      ['reference', result.reference],
      ['current', result.current],
    ] as const) {
      if (!values.some((v) => v > 0)) {
        throw new VigilError(
          ErrorCodes.EMPTY_INPUT,
          `${fn}: ${name} must hold at least one non-missing code; got only -1 (missing)`,
        );
      }
    }
  }
  if (fillZeros) {
    fillEmptyBins(result.reference);
    fillEmptyBins(result.current);
  }
  return result;
}

/** Number of distinct values, counting no further than `limit` (so continuous data stops early). */
function countDistinctUpTo(values: ArrayLike<number>, limit: number): number {
  const seen = new Set<number>();
  for (let i = 0; i < values.length && seen.size < limit; i++) seen.add(values[i]);
  return seen.size;
}

function checkCodes(fn: string, name: string, codes: ArrayLike<number>): void {
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (!(Number.isInteger(c) && c >= -1)) {
      throw new VigilError(
        ErrorCodes.INVALID_ARGUMENT,
        `${fn}: ${name} must be integer category codes ≥ -1 (-1 = missing); got ${describeValue(c)} at index ${i}`,
        { details: { index: i, value: c } },
      );
    }
  }
}

/** One bin per distinct value of the union (ascending); code −1 skipped when `skipMissing`. */
function perValue(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  skipMissing: boolean,
): BinnedProportions {
  const slot = new Map<number, number>();
  const keys: number[] = [];
  const refCounts: number[] = [];
  const curCounts: number[] = [];
  const add = (values: ArrayLike<number>, counts: number[], other: number[]) => {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (skipMissing && v === -1) continue;
      let s = slot.get(v);
      if (s === undefined) {
        s = keys.length;
        slot.set(v, s);
        keys.push(v === 0 ? 0 : v); // −0 and 0 share a bin (Map uses SameValueZero); report it as 0
        counts.push(0);
        other.push(0);
      }
      counts[s]++;
    }
  };
  add(reference, refCounts, curCounts);
  add(current, curCounts, refCounts);
  const order = keys.map((_, i) => i).sort((a, b) => keys[a] - keys[b]);
  const nr = reference.length;
  const nc = current.length;
  const ref = new Float64Array(order.length);
  const cur = new Float64Array(order.length);
  for (let b = 0; b < order.length; b++) {
    ref[b] = refCounts[order[b]] / nr;
    cur[b] = curCounts[order[b]] / nc;
  }
  return { reference: ref, current: cur, keys: order.map((i) => keys[i]) };
}

/** Evidently's `feel_zeroes`: zeros become min(non-zero)/1e6 when that minimum is ≤ 1e-4, else 1e-4. */
function fillEmptyBins(values: Float64Array): void {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (values[i] !== 0 && values[i] < min) min = values[i];
  if (min === Number.POSITIVE_INFINITY) return; // no non-zero entry (only possible for rejected inputs)
  const fill = min <= 0.0001 ? min / 10 ** 6 : 0.0001;
  for (let i = 0; i < values.length; i++) if (values[i] === 0) values[i] = fill;
}

/**
 * {@link binnedProportions} for data already counted per category (the drift engine counts each column once and
 * reuses the counts for every test): proportions = counts / total, then Evidently's zero filling when
 * `fillZeros` (default true). Missing values are not in the counts, as Evidently drops them before its tests.
 * @throws EMPTY_INPUT when either side counts nothing.
 * @example countProportions([2, 1, 0], [0, 1, 3]) // => { reference: [0.6666666666666666, 0.3333333333333333, 0.0001], current: [0.0001, 0.25, 0.75] }
 */
export function countProportions(
  referenceCounts: ArrayLike<number>,
  currentCounts: ArrayLike<number>,
  options: { fillZeros?: boolean } = {},
): BinnedProportions {
  const fn = 'countProportions';
  checkArgument(
    fn,
    'currentCounts',
    currentCounts.length,
    currentCounts.length === referenceCounts.length,
    `of length ${referenceCounts.length}`,
  );
  const proportions = (counts: ArrayLike<number>, name: string) => {
    let total = 0;
    for (let i = 0; i < counts.length; i++) total += counts[i];
    if (!(total > 0))
      throw new VigilError(
        ErrorCodes.EMPTY_INPUT,
        `${fn}: ${name} must count at least one value; got ${total}`,
      );
    return Float64Array.from(counts, (c) => c / total);
  };
  const result = {
    reference: proportions(referenceCounts, 'referenceCounts'),
    current: proportions(currentCounts, 'currentCounts'),
  };
  if (options.fillZeros ?? true) {
    fillEmptyBins(result.reference);
    fillEmptyBins(result.current);
  }
  return result;
}
