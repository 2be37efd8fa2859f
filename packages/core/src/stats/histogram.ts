/**
 * numpy-compatible histogram binning: bin edges (`histogramBinEdges`) and counts against given edges
 * (`histogramCounts`).
 */
import { ErrorCodes, VigilError } from '../errors.js';
import { checkArgument, checkFinite, checkNotEmpty, describeValue } from '../validation.js';

/**
 * Equal-width bin edges over [min, max] of the data, as `numpy.histogram_bin_edges`.
 *
 * Rule: the range is [min, max] (for constant data v, [v − ½, v + ½]). With `bins` = b, there are b bins; with
 * `'sturges'`, the width is (max − min)/(log₂ n + 1) and the count ⌈(max − min)/width⌉ (≈ ⌈log₂ n⌉ + 1), one
 * bin for constant data (Sturges 1926). Edges are numpy's `linspace`: eᵢ = i·step + min with step = range/b,
 * and the last edge set to max exactly, so they agree with numpy to the last bit.
 *
 * @param values finite numbers, any order.
 * @param bins a positive integer, or `'sturges'`.
 * @returns b + 1 ascending edges.
 * @throws EMPTY_INPUT when `values` is empty (numpy falls back to [0, 1]; we throw); NON_FINITE on NaN or
 *   ±Infinity; INVALID_ARGUMENT when `bins` is neither a positive integer nor `'sturges'`.
 * Matches `numpy.histogram_bin_edges(values, bins)` (numpy 1.24).
 * @see H. A. Sturges (1926), "The choice of a class interval", J. Amer. Statist. Assoc. 21(153) 65–66.
 * @example
 * histogramBinEdges([1, 2, 3, 4, 5], 'sturges'); // => Float64Array [1, 2, 3, 4, 5]
 */
export function histogramBinEdges(values: ArrayLike<number>, bins: number | 'sturges'): Float64Array {
  const fn = 'histogramBinEdges';
  checkBins(fn, bins);
  checkNotEmpty(fn, 'values', values);
  checkFinite(fn, 'values', values);
  let min = values[0];
  let max = values[0];
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  return equalWidthEdges(min, max, values.length, bins);
}

/**
 * The edges of {@link histogramBinEdges} from the data's min, max and size (exported for callers that already
 * know them, e.g. from sorted data or two samples pooled without concatenating).
 *
 * @param min smallest value (finite).
 * @param max largest value (finite, ≥ min).
 * @param n number of values (≥ 1; used by `'sturges'`).
 * @param bins a positive integer, or `'sturges'`.
 * @returns the ascending edges.
 * @throws INVALID_ARGUMENT when `min > max`, either is not finite, `n` < 1, or `bins` is invalid.
 * Matches `numpy.histogram_bin_edges` (numpy 1.24) on data with that min, max and size.
 * @example
 * equalWidthEdges(0, 1, 10, 4); // => Float64Array [0, 0.25, 0.5, 0.75, 1]
 */
export function equalWidthEdges(min: number, max: number, n: number, bins: number | 'sturges'): Float64Array {
  const fn = 'equalWidthEdges';
  checkArgument(fn, 'min', min, Number.isFinite(min), 'finite');
  checkArgument(fn, 'max', max, Number.isFinite(max) && max >= min, `finite and ≥ min (${min})`);
  checkArgument(fn, 'n', n, Number.isInteger(n) && n >= 1, 'a positive integer');
  checkBins(fn, bins);
  let first = min;
  let last = max;
  // numpy widens an empty range to avoid a zero division (numpy.lib.histograms._get_outer_edges).
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  let count: number;
  if (bins === 'sturges') {
    // numpy computes a width and divides back, so the count is ⌈range/width⌉, not ⌈log₂ n + 1⌉ (they differ
    // when rounding lands just above an integer).
    const width = (max - min) / (Math.log2(n) + 1);
    count = width ? Math.ceil((last - first) / width) : 1;
  } else {
    count = bins;
  }
  // numpy.linspace(first, last, count + 1): y = i·step + first, last point forced to `last`.
  const edges = new Float64Array(count + 1);
  const delta = last - first;
  const step = delta / count;
  for (let i = 0; i <= count; i++) edges[i] = step === 0 ? (i / count) * delta + first : i * step + first;
  edges[count] = last;
  return edges;
}

/**
 * Counts of values per bin for given edges, as `numpy.histogram(values, edges)[0]`.
 *
 * Bin i is [eᵢ, eᵢ₊₁) for i < b − 1 and the last bin is closed, [e_{b−1}, e_b]. A value equal to an inner edge
 * falls in the bin to its right. Values outside [e₀, e_b], NaN included, are not counted (numpy's rule).
 * Each value is placed by binary search on the edges, O(n log b), so the result is decided by comparisons only.
 *
 * @param values numbers, any order.
 * @param edges at least 2 finite edges, non-decreasing.
 * @returns b = edges.length − 1 counts (as a Float64Array, ready to divide).
 * @throws INVALID_ARGUMENT when `edges` has fewer than 2 entries or decreases; NON_FINITE when an edge is not
 *   finite.
 * Matches `numpy.histogram(values, bins=edges)[0]` (numpy 1.24).
 * @example
 * histogramCounts([0, 1, 1.5, 2, 3], [0, 1, 2]); // => Float64Array [1, 3]
 */
export function histogramCounts(values: ArrayLike<number>, edges: ArrayLike<number>): Float64Array {
  const fn = 'histogramCounts';
  checkArgument(fn, 'edges.length', edges.length, edges.length >= 2, 'at least 2');
  checkFinite(fn, 'edges', edges);
  for (let i = 1; i < edges.length; i++) {
    if (edges[i] < edges[i - 1]) {
      throw new VigilError(
        ErrorCodes.INVALID_ARGUMENT,
        `${fn}: edges must increase monotonically; got ${describeValue(edges[i])} after ${describeValue(edges[i - 1])} at index ${i}`,
      );
    }
  }
  const nb = edges.length - 1;
  const counts = new Float64Array(nb);
  const lo = edges[0];
  const hi = edges[nb];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= lo && v <= hi)) continue; // outside, or NaN
    if (v === hi) {
      counts[nb - 1]++;
      continue;
    }
    // The last edge index e with edges[e] ≤ v (edges[0] ≤ v < edges[nb] holds here).
    let a = 0;
    let b = nb;
    while (b - a > 1) {
      const mid = (a + b) >>> 1;
      if (edges[mid] <= v) a = mid;
      else b = mid;
    }
    counts[a]++;
  }
  return counts;
}

/** Throws INVALID_ARGUMENT unless `bins` is a positive integer or `'sturges'` (the rule of both edge functions). */
function checkBins(fn: string, bins: unknown): void {
  checkArgument(
    fn,
    'bins',
    bins,
    bins === 'sturges' || (typeof bins === 'number' && Number.isInteger(bins) && bins >= 1),
    "a positive integer or 'sturges'",
  );
}
