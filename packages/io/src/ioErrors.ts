/**
 * The errors loadFrame throws about files, in one place so their wording stays uniform. DuckDB's own message is
 * never shown alone: its first line is quoted as the reason and the original error kept as `cause`.
 */
import { closestNames, ErrorCodes, VigilError } from '@vigil/core';
import type { RaggedRow } from './findRaggedRow.js';
import { FILE_FORMATS } from './format.js';
import type { FileFormat } from './types.js';

export const FORMAT_LABELS: Record<FileFormat, string> = {
  csv: 'CSV',
  tsv: 'TSV',
  parquet: 'Parquet',
  jsonl: 'JSON Lines',
  json: 'JSON',
  arrow: 'Arrow IPC',
};

/** DuckDB's message reduced to its first line, without the "Invalid Input Error: " kind prefix. */
export function duckdbReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n').find((line) => line.trim() !== '') ?? message;
  return first.replace(/^[A-Za-z ]*Error: /, '').trim();
}

export function fileNotFound(file: string, cwd: string): VigilError {
  return new VigilError(
    ErrorCodes.FILE_NOT_FOUND,
    `loadFrame: file must exist; got ${JSON.stringify(file)}`,
    {
      location: { file },
      hint: `Check the path; a relative path is resolved from ${cwd}.`,
    },
  );
}

export function notAFile(file: string): VigilError {
  return new VigilError(
    ErrorCodes.UNREADABLE_FILE,
    `loadFrame: file must be a regular file; got ${JSON.stringify(file)} (a directory)`,
    { location: { file }, hint: 'Name a file inside the directory, e.g. data/reference.csv.' },
  );
}

export function unreadable(
  file: string,
  format: FileFormat,
  cause: unknown,
  reason = duckdbReason(cause),
): VigilError {
  const label = FORMAT_LABELS[format];
  const csvHint =
    format === 'csv' || format === 'tsv'
      ? 'If the delimiter or quoting is unusual, name the delimiter (--delimiter ";"). '
      : '';
  return new VigilError(
    ErrorCodes.UNREADABLE_FILE,
    `loadFrame: file must be valid ${label}; got ${JSON.stringify(file)} (${reason})`,
    {
      location: { file },
      hint:
        `${csvHint}Check that the file is complete and really is ${label}. Supported formats: ` +
        `${FILE_FORMATS.join(', ')}; the extension decides unless a format is named (--format).`,
      cause,
    },
  );
}

export function ragged(file: string, r: RaggedRow, cause?: unknown): VigilError {
  const shown = r.delimiter === '\t' ? 'tab' : JSON.stringify(r.delimiter);
  return new VigilError(
    ErrorCodes.UNREADABLE_FILE,
    `loadFrame: every row must have ${r.expected} fields like the header; got ${r.found} on line ${r.line} ` +
      `(data row ${r.row}) of ${JSON.stringify(file)}`,
    {
      location: { file, row: r.row },
      hint:
        `Fields are split on ${shown}: quote values that contain it ("a${r.delimiter}b"), fix that line, ` +
        'or name the right delimiter (--delimiter).',
      details: { line: r.line, expected: r.expected, found: r.found, delimiter: r.delimiter },
      cause,
    },
  );
}

export function noDataRows(file: string, empty: boolean): VigilError {
  return new VigilError(
    ErrorCodes.EMPTY_INPUT,
    `loadFrame: file must have at least one data row; got no data rows in ${JSON.stringify(file)}` +
      (empty ? ' (the file is empty)' : ''),
    {
      location: { file },
      hint: 'Check that the file was written completely; a CSV needs a header line and at least one data row.',
    },
  );
}

export function unknownColumn(
  file: string,
  option: string,
  name: string,
  available: readonly string[],
): VigilError {
  const closest = closestNames(name, available, 3);
  const listed = closest.map((n) => JSON.stringify(n)).join(', ');
  return new VigilError(
    ErrorCodes.UNKNOWN_COLUMN,
    `loadFrame: ${option} must name columns of ${JSON.stringify(file)}; got ${JSON.stringify(name)}` +
      (closest.length > 0 ? ` (closest: ${listed})` : ' (the file has no columns)'),
    {
      location: { file, column: name },
      hint:
        (closest.length > 0 ? `Did you mean ${JSON.stringify(closest[0])}? ` : '') +
        `Column names are case-sensitive; the file has ${available.length} column${available.length === 1 ? '' : 's'}.`,
      details: { closest },
    },
  );
}
