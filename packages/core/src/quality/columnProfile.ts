/**
 * The profile of one column: counts, missing values, spread, quantiles, histogram and most frequent values.
 */
import type { CategoricalColumn, Column, ColumnType, NumericColumn } from '../frame/frame.js';
import { sortFloat64 } from '../sort/sortFloat64.js';
import { equalWidthEdges, histogramCounts } from '../stats/histogram.js';
import { quantileSorted } from '../stats/quantile.js';
import { checkArgument } from '../validation.js';
import { iqrOutliers } from './iqrOutliers.js';
import { modifiedZScoreOutliers } from './modifiedZScoreOutliers.js';
import { finiteValues, type OutlierMethod, type OutlierResult } from './outlierResult.js';
import { zScoreOutliers } from './zScoreOutliers.js';

/** The probabilities of {@link NumericColumnProfile.quantiles}, in order. */
export const PROFILE_QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99] as const;

/** What every column profile has. */
interface ColumnProfileBase {
  name: string;
  type: ColumnType;
  /** Present (non-missing) values; ±Infinity counts as present. */
  count: number;
  /** Missing values (NaN, or code −1). */
  missing: number;
  /** missing / rows; NaN for a column without rows. */
  missingShare: number;
  /** Distinct present values (±Infinity included), as `pandas.Series.nunique()`. */
  unique: number;
}

/** The profile of a numeric column (numerical, boolean as 0/1, datetime as epoch milliseconds). */
export interface NumericColumnProfile extends ColumnProfileBase {
  kind: 'numeric';
  /** Values equal to 0 (−0 included). */
  zeros: number;
  /** Values below 0 (−Infinity included). */
  negatives: number;
  /** Values equal to ±Infinity; they are left out of every statistic below. */
  infinities: number;
  /** Smallest and largest finite value; NaN when there is none. */
  min: number;
  max: number;
  /** Mean of the finite values; NaN when there is none. */
  mean: number;
  /** Sample standard deviation (ddof = 1, as pandas) of the finite values; NaN with fewer than 2. */
  std: number;
  /** Linear-interpolation quantiles (numpy's default) of the finite values at 1, 5, 25, 50, 75, 95, 99 %. */
  quantiles: { p1: number; p5: number; p25: number; p50: number; p75: number; p95: number; p99: number };
  /** numpy-compatible equal-width histogram of the finite values; null when there is none. */
  histogram: { edges: number[]; counts: number[] } | null;
  /** Most frequent finite values, by count descending then value ascending. */
  topValues: { value: number; count: number }[];
  /** Outliers among the finite values by the chosen detector. */
  outliers: OutlierResult;
}

/** The profile of a categorical or text column. */
export interface CategoricalColumnProfile extends ColumnProfileBase {
  kind: 'categorical';
  /** Most frequent values, by count descending then value ascending (code-unit order). */
  topValues: { value: string; count: number }[];
  /** Length in Unicode code points of the present values (per row, not per distinct value); null when none. */
  textLength: { min: number; max: number; mean: number } | null;
}

export type ColumnProfile = NumericColumnProfile | CategoricalColumnProfile;

/** Options of {@link columnProfile}. */
export interface ColumnProfileOptions {
  /** How many most frequent values to list; default 10. */
  top?: number;
  /** Histogram bins: a positive integer or 'sturges'; default 10 (numpy's default). */
  bins?: number | 'sturges';
  /** Outlier detector; default 'iqr'. */
  outliers?: OutlierMethod;
  /** The detector's threshold; default 3 (zscore), 1.5 (iqr), 3.5 (mad). */
  outlierThreshold?: number;
  /** How many outlying row indices to list; default 10. */
  maxRows?: number;
  /** The column's finite values sorted ascending, when the caller already has them (trusted, not checked). */
  sorted?: Float64Array;
}

/**
 * Profiles one column.
 *
 * Numeric columns: counts (present, missing, distinct, zeros, negatives, ±Infinity), then min, max, mean, sample
 * standard deviation (ddof = 1), quantiles, histogram, top values and outliers over the finite values only: ±Infinity
 * is counted but would make every moment infinite or NaN, so it is left out (documented choice; pandas would
 * return inf/NaN). The column is sorted once and the sort gives min, max, quantiles, distinct count, top values and
 * the median/MAD of the outlier detector. Categorical and text columns: counts, top values and text lengths, from
 * one pass over the codes.
 *
 * @param column the column.
 * @param options see {@link ColumnProfileOptions}.
 * @returns a {@link ColumnProfile}.
 * @throws INVALID_ARGUMENT on a `top` that is not an integer ≥ 0, or invalid `bins` / detector options.
 * Undefined statistics (no finite value, fewer than 2 for std) are NaN; a column without rows gets counts of 0.
 * Matches pandas 1.5 (`count`, `isna().sum()`, `nunique`, `mean`, `std`) and numpy 1.24 (`percentile`,
 * `histogram`) on the finite values; see scripts/golden/quality.py.
 * @example
 * columnProfile(numericFromNumbers('x', [1, 2, NaN, 4])).mean; // => 2.3333333333333335
 */
export function columnProfile(column: Column, options: ColumnProfileOptions = {}): ColumnProfile {
  const top = options.top ?? 10;
  checkArgument('columnProfile', 'top', top, Number.isInteger(top) && top >= 0, 'an integer ≥ 0');
  return column.kind === 'numeric' ? numericProfile(column, top, options) : categoricalProfile(column, top);
}

function numericProfile(
  column: NumericColumn,
  top: number,
  options: ColumnProfileOptions,
): NumericColumnProfile {
  const values = column.values;
  const n = values.length;
  let missing = 0;
  let zeros = 0;
  let negatives = 0;
  let positiveInfinities = 0;
  let negativeInfinities = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      missing++;
      continue;
    }
    if (v === 0) zeros++;
    else if (v < 0) negatives++;
    if (v === Number.POSITIVE_INFINITY) positiveInfinities++;
    else if (v === Number.NEGATIVE_INFINITY) negativeInfinities++;
    else sum += v;
  }
  const sorted = options.sorted ?? sortFloat64(finiteValues(values));
  const m = sorted.length;
  const mean = m === 0 ? Number.NaN : sum / m;
  let ss = 0;
  for (let i = 0; i < m; i++) ss += (sorted[i] - mean) * (sorted[i] - mean);
  const std = m < 2 ? Number.NaN : Math.sqrt(ss / (m - 1));
  const q = (p: number) => (m === 0 ? Number.NaN : quantileSorted(sorted, p));
  const [p1, p5, p25, p50, p75, p95, p99] = PROFILE_QUANTILES.map(q);
  const { distinct, topValues } = runsOf(sorted, top);
  let histogram: NumericColumnProfile['histogram'] = null;
  if (m > 0) {
    const edges = equalWidthEdges(sorted[0], sorted[m - 1], m, options.bins ?? 10);
    histogram = { edges: Array.from(edges), counts: Array.from(histogramCounts(sorted, edges)) };
  }
  return {
    name: column.name,
    type: column.type,
    kind: 'numeric',
    count: n - missing,
    missing,
    missingShare: n === 0 ? Number.NaN : missing / n,
    unique: distinct + (positiveInfinities > 0 ? 1 : 0) + (negativeInfinities > 0 ? 1 : 0),
    zeros,
    negatives,
    infinities: positiveInfinities + negativeInfinities,
    min: m === 0 ? Number.NaN : sorted[0],
    max: m === 0 ? Number.NaN : sorted[m - 1],
    mean,
    std,
    quantiles: { p1, p5, p25, p50, p75, p95, p99 },
    histogram,
    topValues,
    outliers: detectOutliers(values, sorted, options),
  };
}

function detectOutliers(
  values: Float64Array,
  sorted: Float64Array,
  options: ColumnProfileOptions,
): OutlierResult {
  const maxRows = options.maxRows ?? 10;
  const threshold = options.outlierThreshold;
  switch (options.outliers ?? 'iqr') {
    case 'zscore':
      return zScoreOutliers(values, { threshold, maxRows });
    case 'mad':
      return modifiedZScoreOutliers(values, { threshold, maxRows, sorted });
    default:
      return iqrOutliers(values, { k: threshold, maxRows, sorted });
  }
}

/**
 * Distinct values of a sorted array and the `top` most frequent (count descending, value ascending), keeping a
 * small sorted list instead of sorting every distinct value.
 */
function runsOf(
  sorted: Float64Array,
  top: number,
): { distinct: number; topValues: { value: number; count: number }[] } {
  const topValues: { value: number; count: number }[] = [];
  let distinct = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    distinct++;
    insertTop(topValues, top, sorted[i], j - i);
    i = j;
  }
  return { distinct, topValues };
}

/**
 * Inserts (value, count) into `list`, kept sorted by count descending and at most `top` long. Candidates arrive
 * in ascending value order (numbers) or are compared by value (strings), so among equal counts the earlier-placed
 * (smaller) value stays first.
 */
function insertTop<T extends number | string>(
  list: { value: T; count: number }[],
  top: number,
  value: T,
  count: number,
): void {
  if (top === 0) return;
  if (list.length === top) {
    const last = list[top - 1];
    if (count < last.count || (count === last.count && !(value < last.value))) return;
  }
  let k = list.length;
  while (k > 0 && (list[k - 1].count < count || (list[k - 1].count === count && value < list[k - 1].value)))
    k--;
  list.splice(k, 0, { value, count });
  if (list.length > top) list.pop();
}

function categoricalProfile(column: CategoricalColumn, top: number): CategoricalColumnProfile {
  const { codes, dictionary } = column;
  const n = codes.length;
  const counts = new Float64Array(dictionary.length);
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    if (c < 0) missing++;
    else counts[c]++;
  }
  let unique = 0;
  let minLength = Number.POSITIVE_INFINITY;
  let maxLength = Number.NEGATIVE_INFINITY;
  let lengthSum = 0;
  const topValues: { value: string; count: number }[] = [];
  for (let c = 0; c < dictionary.length; c++) {
    const count = counts[c];
    if (count === 0) continue;
    unique++;
    const length = codePoints(dictionary[c]);
    if (length < minLength) minLength = length;
    if (length > maxLength) maxLength = length;
    lengthSum += length * count;
    insertTop(topValues, top, dictionary[c], count);
  }
  const present = n - missing;
  return {
    name: column.name,
    type: column.type,
    kind: 'categorical',
    count: present,
    missing,
    missingShare: n === 0 ? Number.NaN : missing / n,
    unique,
    topValues,
    textLength: present === 0 ? null : { min: minLength, max: maxLength, mean: lengthSum / present },
  };
}

/** Length in Unicode code points (as Python's `len`): a surrogate pair counts once. */
function codePoints(s: string): number {
  let pairs = 0;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return s.length - pairs;
}
