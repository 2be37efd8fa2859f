import { type Column, columnNames, createFrame, type Frame, findColumn } from '../frame/frame.js';
import { duplicatedRows } from '../quality/duplicatedRows.js';

/** The data-quality figures suite checks read, for one frame. */
export interface QualitySummary {
  nRows: number;
  /** Every column → missing values / rows (NaN for a frame without rows), as `ColumnProfile.missingShare`. */
  missingShare: Map<string, number>;
  /** Missing cells / (rows × columns) over the summarised columns. */
  datasetMissingShare: number;
  /** Columns with at most one distinct present value (an all-missing column included), as `FrameProfile`. */
  constantColumns: string[];
  /** Rows equal to an earlier row in every summarised column ({@link duplicatedRows}). */
  duplicatedRows: number;
}

/**
 * The part of {@link profileFrame} that suite checks need (missing shares, constant columns, duplicated rows),
 * with the same definitions, in one O(n·k) pass per column plus one duplicate scan: suites skip the
 * correlations, quantiles and histograms of a full profile, which dominate its time on large data.
 *
 * @param frame - the data.
 * @param columns - the columns to summarise (default: all); the caller checked that they exist.
 * @returns a {@link QualitySummary}.
 * @example
 * qualitySummary(createFrame([numericFromNumbers('x', [1, 1, NaN])])).constantColumns; // => ['x']
 */
export function qualitySummary(frame: Frame, columns?: readonly string[]): QualitySummary {
  const names = columns ?? columnNames(frame);
  const selected = names.map((n) => findColumn(frame, n)).filter((c): c is Column => c !== undefined);
  const chosen = new Set(selected.map((c) => c.name));
  const missingShare = new Map<string, number>();
  const constantColumns: string[] = [];
  let missingCells = 0;
  // Every column's missing share (a check may name a column outside `columns`); the rest over `columns`.
  for (const column of frame.columns) {
    const { missing, constant } = scan(column);
    missingShare.set(column.name, frame.nRows === 0 ? Number.NaN : missing / frame.nRows);
    if (!chosen.has(column.name)) continue;
    missingCells += missing;
    if (constant) constantColumns.push(column.name);
  }
  const projected = columns === undefined ? frame : createFrame(selected);
  const cells = frame.nRows * selected.length;
  return {
    nRows: frame.nRows,
    missingShare,
    datasetMissingShare: cells === 0 ? Number.NaN : missingCells / cells,
    constantColumns,
    duplicatedRows: duplicatedRows(projected, { maxRows: 0 }).count,
  };
}

/** Missing values and whether at most one distinct value is present (−0 equals +0, as in the profile). */
function scan(column: Column): { missing: number; constant: boolean } {
  let missing = 0;
  let constant = true;
  if (column.kind === 'numeric') {
    const v = column.values;
    let first = Number.NaN;
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (Number.isNaN(x)) missing++;
      else if (Number.isNaN(first)) first = x;
      else if (x !== first) constant = false;
    }
  } else {
    const c = column.codes;
    let first = -1;
    for (let i = 0; i < c.length; i++) {
      const x = c[i];
      if (x < 0) missing++;
      else if (first < 0) first = x;
      // Distinct codes may still be one value when the dictionary repeats a string; the loaders never do that.
      else if (x !== first && column.dictionary[x] !== column.dictionary[first]) constant = false;
    }
  }
  return { missing, constant };
}
