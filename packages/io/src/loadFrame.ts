/**
 * Loading a data file into a {@link Frame}.
 *
 * Formats: CSV (.csv, .txt, .csv.gz), TSV (.tsv, .tsv.gz), Parquet (.parquet; snappy, zstd, gzip, … — whatever
 * DuckDB reads), JSON Lines (.jsonl, .ndjson), JSON (.json: an array of records, or records one per line) and
 * Arrow IPC (.arrow, .feather, .ipc; file or stream format). All but Arrow are read by an embedded, in-memory
 * DuckDB (see loadWithDuckDB.ts); Arrow by apache-arrow.
 *
 * Type inference (each column's `inferred[name].reason` says which rule applied):
 * - integer, floating-point and decimal storage → `numerical` (values as doubles; integers beyond 2^53 lose
 *   precision). Integers with few distinct values stay numerical: the drift engine treats ≤ 5 distinct values
 *   itself.
 * - BOOLEAN → `boolean` (1/0).
 * - DATE, TIMESTAMP (any unit), TIMESTAMPTZ → `datetime` (epoch milliseconds; values without an offset are UTC).
 * - strings → `text` when more than 50 % of the non-missing values are distinct AND their average length exceeds
 *   20 characters; otherwise `categorical`. Other storage (TIME, UUID, lists, structs, JSON) is read as its text
 *   and follows the string rule.
 * - CSV has no storage types: DuckDB's sniffer chooses BOOLEAN (true/false, t/f, yes/no), DOUBLE, TIMESTAMPTZ or
 *   VARCHAR from a sample, and a column whose later rows do not fit is re-read as VARCHAR. JSON types come from
 *   every record.
 * - Declared types (`numerical`, `categorical`, `text`, `datetime`, `boolean` options) win over inference; see
 *   convertColumn.ts for the conversions and their errors.
 *
 * Dictionaries of categorical and text columns list values in order of first appearance; missing is code -1.
 */
import { stat } from 'node:fs/promises';
import { createFrame, ErrorCodes, VigilError } from '@vigil/core';
import { formatFromPath } from './format.js';
import { fileNotFound, noDataRows, notAFile, unreadable } from './ioErrors.js';
import { loadArrow } from './loadArrow.js';
import { loadWithDuckDB } from './loadWithDuckDB.js';
import { OVERRIDE_OPTIONS } from './resolveColumns.js';
import type { LoadedFrame, LoadOptions } from './types.js';

/**
 * Reads a CSV, TSV, Parquet, JSON Lines, JSON or Arrow IPC file into a columnar {@link Frame}, inferring each
 * column's type (rules in the module comment) unless the caller declares it.
 *
 * @param path - the file; relative paths are resolved from the current directory.
 * @param options - see {@link LoadOptions}: `format` (default from the extension), `delimiter` (default detected),
 *   `missing` (default `['', 'NA', 'NaN', 'null', '?']`), type declarations, `columns` (projection), `onProgress`.
 * @returns the frame, the file and format, the inferred type and its reason per column, and the row count.
 * @throws VigilError FILE_NOT_FOUND (no such file); UNREADABLE_FILE (a directory, an unknown extension, a corrupt
 *   file, or a CSV row with the wrong number of fields — the line is named); EMPTY_INPUT (no data rows);
 *   UNKNOWN_COLUMN (a name in `columns` or a declaration that the file lacks, with the closest names);
 *   TYPE_MISMATCH (a value that does not fit its declared type: file, column, data row and value);
 *   INVALID_ARGUMENT (malformed options).
 *
 * @example
 * const { frame, inferred } = await loadFrame('data/adult.csv', { categorical: ['education-num'] });
 * frame.nRows; // => 48842
 * inferred.age; // => { type: 'numerical', reason: 'DOUBLE: numbers' }
 */
export async function loadFrame(path: string, options: LoadOptions = {}): Promise<LoadedFrame> {
  checkOptions(path, options);
  const format = formatFromPath(path, options.format);
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw notAFile(path);
    size = info.size;
  } catch (error) {
    if (error instanceof VigilError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw fileNotFound(path, process.cwd());
    throw unreadable(path, format, error, (error as Error).message);
  }
  if (size === 0) throw noDataRows(path, true);
  let last = 0;
  const report = (fraction: number): void => {
    if (options.onProgress === undefined) return;
    const f = Math.min(1, Math.max(last, fraction));
    if (f > last || f === 0) {
      last = f;
      options.onProgress(f);
    }
  };
  report(0);
  const { columns, inferred, rowCount } =
    format === 'arrow'
      ? await loadArrow(path, options, report)
      : await loadWithDuckDB(path, format, options, report);
  const frame = createFrame(columns);
  if (last < 1) {
    last = 1;
    options.onProgress?.(1);
  }
  return { frame, file: path, format, inferred, rowCount };
}

function checkOptions(file: string, options: LoadOptions): void {
  const fail = (message: string): never => {
    throw new VigilError(ErrorCodes.INVALID_ARGUMENT, `loadFrame: ${message}`, { location: { file } });
  };
  if (typeof file !== 'string' || file === '')
    fail(`path must be a non-empty string; got ${JSON.stringify(file)}`);
  for (const key of ['missing', 'columns', ...OVERRIDE_OPTIONS] as const) {
    const list = options[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
      fail(`${key} must be an array of strings; got ${JSON.stringify(list)}`);
    }
  }
  const d = options.delimiter;
  if (d !== undefined && (typeof d !== 'string' || d.length === 0 || d.length > 4 || /["\r\n]/.test(d))) {
    fail(`delimiter must be 1 to 4 characters other than a quote or newline; got ${JSON.stringify(d)}`);
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    fail('onProgress must be a function');
  }
}
