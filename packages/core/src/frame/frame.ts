/**
 * The columnar frame (DESIGN.md principle 3): numbers as Float64Array with NaN for missing, categories as Int32Array
 * codes into a dictionary with -1 for missing. Plain objects, no hidden state, so a frame crosses worker threads
 * and the browser unchanged.
 */
import { ErrorCodes, VigilError } from '../errors.js';

/** What a column means, as inferred or as the user said. */
export type ColumnType = 'numerical' | 'categorical' | 'boolean' | 'datetime' | 'text';

/** Numbers: `numerical`; `boolean` as 0/1; `datetime` as milliseconds since the Unix epoch (UTC). NaN = missing. */
export interface NumericColumn {
  readonly kind: 'numeric';
  readonly name: string;
  readonly type: 'numerical' | 'boolean' | 'datetime';
  readonly values: Float64Array;
}

/** Strings: `categorical` or `text`, as codes into `dictionary`; code -1 = missing. */
export interface CategoricalColumn {
  readonly kind: 'categorical';
  readonly name: string;
  readonly type: 'categorical' | 'text';
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

export type Column = NumericColumn | CategoricalColumn;

export interface Frame {
  readonly nRows: number;
  readonly columns: readonly Column[];
}

/** Builds a frame, checking that every column has `nRows` values and names are unique. */
export function createFrame(columns: readonly Column[]): Frame {
  const nRows = columns.length === 0 ? 0 : columnLength(columns[0]);
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column.name)) {
      throw new VigilError(
        ErrorCodes.INVALID_ARGUMENT,
        `createFrame: column names must be unique; got "${column.name}" twice`,
      );
    }
    seen.add(column.name);
    if (columnLength(column) !== nRows) {
      throw new VigilError(
        ErrorCodes.LENGTH_MISMATCH,
        `createFrame: every column must have ${nRows} rows; got ${columnLength(column)} in "${column.name}"`,
      );
    }
  }
  return { nRows, columns };
}

/** Number of rows in a column. */
export function columnLength(column: Column): number {
  return column.kind === 'numeric' ? column.values.length : column.codes.length;
}

/** The column called `name`, or undefined. */
export function findColumn(frame: Frame, name: string): Column | undefined {
  return frame.columns.find((c) => c.name === name);
}

/** Column names in frame order. */
export function columnNames(frame: Frame): string[] {
  return frame.columns.map((c) => c.name);
}

/** A categorical column from strings; null/undefined become missing (-1). Dictionary in order of first appearance. */
export function categoricalFromStrings(
  name: string,
  values: ArrayLike<string | null | undefined>,
  type: 'categorical' | 'text' = 'categorical',
): CategoricalColumn {
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      codes[i] = -1;
      continue;
    }
    let code = index.get(v);
    if (code === undefined) {
      code = dictionary.length;
      index.set(v, code);
      dictionary.push(v);
    }
    codes[i] = code;
  }
  return { kind: 'categorical', name, type, codes, dictionary };
}

/** A numeric column from numbers; null/undefined become NaN. */
export function numericFromNumbers(
  name: string,
  values: ArrayLike<number | null | undefined>,
  type: NumericColumn['type'] = 'numerical',
): NumericColumn {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === null || v === undefined ? Number.NaN : v;
  }
  return { kind: 'numeric', name, type, values: out };
}
