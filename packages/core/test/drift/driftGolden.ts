/**
 * Typed access to test/golden/drift.json, written by scripts/golden/drift.py (Evidently 0.4's stattests
 * re-implemented on scipy 1.10.1 / statsmodels 0.13.5), and the frames built from its data. JSON has no NaN or
 * infinities: the script writes null (missing) and "Infinity" / "-Infinity", decoded by {@link num}.
 */
import { readFileSync } from 'node:fs';
import {
  type Column,
  categoricalFromStrings,
  createFrame,
  type Frame,
  numericFromNumbers,
} from '../../src/frame/frame.js';
import { num } from '../helpers/goldenNumber.js';

type GoldenNumber = number | null | 'Infinity' | '-Infinity';

export interface GoldenColumnExpectation {
  test: string;
  statistic: GoldenNumber;
  /** Null for distances (and NaN p-values, which no case here has). */
  pValue: GoldenNumber;
  drift: boolean;
  /** A numerical-only test asked for a categorical column: the auto test was used instead. */
  fallback?: boolean;
}

export interface GoldenColumn {
  name: string;
  type: 'numerical' | 'categorical';
  reference: (GoldenNumber | string)[];
  current: (GoldenNumber | string)[];
  referenceSize: number;
  currentSize: number;
  uniqueValues: number;
  unseenCategories: string[] | null;
  /** Keyed by `auto` and every test name that applies to the column. */
  expected: Record<string, GoldenColumnExpectation>;
}

export interface GoldenSummary {
  test: string;
  correction: 'none' | 'bonferroni' | 'holm' | 'fdr_bh';
  drift: boolean[];
  pValueAdjusted: (number | null)[];
  driftedColumns: number;
  driftShare: number;
  datasetDrift: boolean;
}

export interface GoldenDataset {
  name: string;
  columns: GoldenColumn[];
  summaries: GoldenSummary[];
}

export const golden: { versions: Record<string, string>; datasets: GoldenDataset[] } = JSON.parse(
  readFileSync(new URL('../golden/drift.json', import.meta.url), 'utf8'),
);

function toColumn(column: GoldenColumn, values: (GoldenNumber | string)[]): Column {
  return column.type === 'numerical'
    ? numericFromNumbers(
        column.name,
        values.map((v) => num(v as number | string | null)),
      )
    : categoricalFromStrings(column.name, values as (string | null)[]);
}

/** Reference and current frames of a golden data set (missing values as NaN / code −1). */
export function goldenFrames(dataset: GoldenDataset): { reference: Frame; current: Frame } {
  return {
    reference: createFrame(dataset.columns.map((c) => toColumn(c, c.reference))),
    current: createFrame(dataset.columns.map((c) => toColumn(c, c.current))),
  };
}
