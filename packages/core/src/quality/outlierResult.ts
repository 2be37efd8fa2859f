/**
 * What every outlier detector returns (`OutlierResult`), and the scan they share. The scan is internal: not
 * exported from the package barrel.
 */

/** Detector names, as the CLI's `--outliers` spells them. */
export type OutlierMethod = 'zscore' | 'iqr' | 'mad';

/** Outliers of one column by one detector. */
export interface OutlierResult {
  method: OutlierMethod;
  /** The detector's threshold: |z| for `zscore`, the fence factor k for `iqr`, |M| for `mad`. */
  threshold: number;
  /** Values below `lower` or above `upper` are outliers (NaN when the detector is undefined on the data). */
  lower: number;
  upper: number;
  /** Number of outlying values. */
  count: number;
  /** count / number of finite values; NaN when there is none. */
  share: number;
  /** 0-based indices of the first outlying values, in row order (at most `maxRows`). */
  rows: number[];
  /** Why nothing could be flagged, when the detector is undefined (no finite value, zero spread). */
  note?: string;
}

/** Options shared by the detectors. */
export interface OutlierOptions {
  /** How many outlying row indices to list; default 10. */
  maxRows?: number;
}

/**
 * Scans the finite values of `values` in row order, counting those for which `isOutlier` holds and listing the
 * first `maxRows` indices. NaN and ±Infinity are skipped (the profile counts them separately).
 */
export function scanOutliers(
  values: ArrayLike<number>,
  maxRows: number,
  isOutlier: (v: number) => boolean,
): { count: number; rows: number[] } {
  let count = 0;
  const rows: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || !isOutlier(v)) continue;
    count++;
    if (rows.length < maxRows) rows.push(i);
  }
  return { count, rows };
}

/** Finite values of `values`, in row order, as a new Float64Array. */
export function finiteValues(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out[k++] = values[i];
  return out;
}
