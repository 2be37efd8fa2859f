import type { DataDriftResult } from '@vigil/core';
import { byEvidence } from '../text/renderDriftText.js';

/** Which columns get a reference-vs-current histogram in the HTML report. */
export interface HistogramSelection {
  /** Column names, strongest evidence first. */
  columns: string[];
  /** Columns left without a histogram. */
  omitted: number;
}

/**
 * The columns whose histograms the HTML report shows: every drifted column and the `top` (default 50) strongest
 * by evidence, at most `max` (default 200) in all, so a report on thousands of columns stays small. Callers
 * compute histograms for these columns only.
 */
export function histogramColumns(
  result: DataDriftResult,
  options: { top?: number; max?: number } = {},
): HistogramSelection {
  const top = options.top ?? 50;
  const max = options.max ?? 200;
  const ordered = [...result.columns].sort(byEvidence);
  const columns = ordered
    .filter((c, i) => c.drift || i < top)
    .slice(0, max)
    .map((c) => c.column);
  return { columns, omitted: result.columns.length - columns.length };
}
