/**
 * Dataset drift: every shared column's drift, an optional multiple-testing correction of the p-values, and the
 * dataset verdict (drift when the share of drifted columns reaches `driftShare`, 0.5 by default, as in Evidently's
 * DataDriftPreset).
 */
import { ErrorCodes, VigilError } from '../errors.js';
import { closestNames } from '../frame/closestNames.js';
import { columnNames, type Frame, findColumn } from '../frame/frame.js';
import { adjustPValues } from '../stats/adjustPValues.js';
import { describeValue } from '../validation.js';
import { type ColumnDriftOptions, type ColumnDriftResult, columnDrift } from './columnDrift.js';
import { driftTests } from './driftTests.js';

export type PValueCorrection = 'none' | 'bonferroni' | 'holm' | 'fdr_bh';

export interface DataDriftOptions extends ColumnDriftOptions {
  /** Columns to compare; default: every column present in both frames (which must then have the same columns). */
  columns?: string[];
  /** Share of drifted columns at which the dataset counts as drifted. Default 0.5. */
  driftShare?: number;
  /** Correction applied to the p-values of p-value tests before the verdict. Default `none`. */
  correction?: PValueCorrection;
}

export interface DataDriftResult {
  columns: ColumnDriftResult[];
  driftedColumns: number;
  driftShare: number;
  datasetDrift: boolean;
  /** The share threshold that `datasetDrift` was judged against. */
  driftShareThreshold: number;
  correction: PValueCorrection;
}

/**
 * Columns to compare, checked against both frames, with messages that list what differs.
 * @throws EMPTY_INPUT when there is no column to compare (`columns` empty, or frames without columns): a dataset
 * verdict over no column would be a silent "no drift" (Evidently divides by the number of columns and fails).
 */
export function driftColumns(reference: Frame, current: Frame, columns?: string[]): string[] {
  const refNames = columnNames(reference);
  const curNames = columnNames(current);
  if ((columns ?? refNames).length === 0 && (columns !== undefined || curNames.length === 0)) {
    throw new VigilError(
      ErrorCodes.EMPTY_INPUT,
      columns === undefined
        ? 'dataDrift: reference and current must have at least one column; got none'
        : 'dataDrift: columns must name at least one column; got []',
      { hint: 'name the columns to compare with --columns, or check that the files were read with a header' },
    );
  }
  if (columns) {
    for (const name of columns) {
      for (const [which, frame, names] of [
        ['reference', reference, refNames],
        ['current', current, curNames],
      ] as const) {
        if (!findColumn(frame, name)) {
          const near = closestNames(name, names);
          throw new VigilError(
            ErrorCodes.UNKNOWN_COLUMN,
            `dataDrift: column "${name}" must exist in the ${which} data`,
            {
              location: { column: name },
              hint:
                near.length > 0
                  ? `did you mean ${near.map((n) => `"${n}"`).join(', ')}?`
                  : `columns are: ${names.join(', ')}`,
            },
          );
        }
      }
    }
    return columns;
  }
  const onlyRef = refNames.filter((n) => !curNames.includes(n));
  const onlyCur = curNames.filter((n) => !refNames.includes(n));
  if (onlyRef.length > 0 || onlyCur.length > 0) {
    const parts = [];
    if (onlyRef.length > 0) parts.push(`only in reference: ${onlyRef.join(', ')}`);
    if (onlyCur.length > 0) parts.push(`only in current: ${onlyCur.join(', ')}`);
    throw new VigilError(
      ErrorCodes.SCHEMA_MISMATCH,
      `dataDrift: reference and current must have the same columns; ${parts.join('; ')}`,
      {
        hint: 'pass the columns to compare with --columns',
        details: { onlyReference: onlyRef, onlyCurrent: onlyCur },
      },
    );
  }
  return refNames;
}

/** Drift of every column of `reference` against `current`, with the dataset verdict. */
export function dataDrift(reference: Frame, current: Frame, options: DataDriftOptions = {}): DataDriftResult {
  const names = driftColumns(reference, current, options.columns);
  const results = names.map((name) =>
    columnDrift(findColumn(reference, name)!, findColumn(current, name)!, options),
  );
  return summarizeDrift(results, options);
}

/**
 * Applies the correction and reads the dataset verdict from per-column results (computed here or in workers).
 * Corrected p-values go to `pValueAdjusted` and decide `drift`; `pValue` stays the raw one.
 */
export function summarizeDrift(
  results: ColumnDriftResult[],
  options: Pick<DataDriftOptions, 'driftShare' | 'correction' | 'test' | 'threshold'> = {},
): DataDriftResult {
  checkOneKindOfThreshold(results, options);
  const correction = options.correction ?? 'none';
  const driftShareThreshold = options.driftShare ?? 0.5;
  if (!(driftShareThreshold > 0 && driftShareThreshold <= 1)) {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `dataDrift: driftShare must be in (0, 1]; got ${driftShareThreshold}`,
    );
  }
  if (
    !(
      correction === 'none' ||
      correction === 'bonferroni' ||
      correction === 'holm' ||
      correction === 'fdr_bh'
    )
  ) {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `dataDrift: correction must be 'none', 'bonferroni', 'holm' or 'fdr_bh'; got ${describeValue(correction)}`,
    );
  }
  const columns = results.map((r) => ({ ...r }));
  // Only p-value tests are corrected. A NaN p-value (a test undefined on the data, e.g. a forced t-test of two
  // constant samples) is no test: it stays NaN, unadjusted and not drifted, and does not count in the family.
  // When no column is left (e.g. every column of a reference over 1000 rows under the auto rule is judged by a
  // distance) there is nothing to correct.
  const tested = columns.filter(
    (r) => driftTests[r.test].verdict === 'pValue' && r.pValue !== null && !Number.isNaN(r.pValue),
  );
  if (correction !== 'none' && tested.length > 0) {
    const adjusted = adjustPValues(
      tested.map((r) => r.pValue as number),
      correction,
    );
    tested.forEach((r, i) => {
      r.pValueAdjusted = adjusted[i];
      r.drift = adjusted[i] < r.threshold;
    });
  }
  const driftedColumns = columns.filter((r) => r.drift).length;
  const driftShare = columns.length === 0 ? 0 : driftedColumns / columns.length;
  return {
    columns,
    driftedColumns,
    driftShare,
    datasetDrift: columns.length > 0 && driftShare >= driftShareThreshold,
    driftShareThreshold,
    correction,
  };
}

/**
 * One threshold under `auto` is only meaningful when the chosen tests read the same way: "p < 0.01" and
 * "distance >= 0.01" are different claims. The auto rule picks by each column's count of non-missing reference
 * values, so a sparse column can get KS while the others get Wasserstein; then the user must name a test.
 */
function checkOneKindOfThreshold(
  results: readonly ColumnDriftResult[],
  options: Pick<DataDriftOptions, 'test' | 'threshold'>,
): void {
  if (options.threshold === undefined || (options.test ?? 'auto') !== 'auto') return;
  const byKind = (kind: 'pValue' | 'distance') => [
    ...new Set(results.filter((r) => driftTests[r.test].verdict === kind).map((r) => r.test)),
  ];
  const pValueTests = byKind('pValue');
  const distances = byKind('distance');
  if (pValueTests.length > 0 && distances.length > 0) {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `dataDrift: threshold must apply to one kind of test; auto chose p-value tests (${pValueTests.join(', ')}) and distances (${distances.join(', ')})`,
      {
        hint: 'name one test (e.g. --test ks --threshold 0.01), or leave out the threshold to use each test’s default',
      },
    );
  }
}
