/**
 * The drift computation of `vigil drift`, from two loaded frames to a result: which columns to compare, their
 * types made alike, each column tested in worker threads. Shared by `vigil drift` and `vigil report`.
 */
import {
  type Column,
  columnLength,
  columnNames,
  type DataDriftResult,
  driftColumns,
  ErrorCodes,
  type Frame,
  findColumn,
  VigilError,
} from '@vigil/core';
import { harmonizeColumnTypes } from './harmonizeColumnTypes.js';
import { type ParallelDriftOptions, parallelDrift } from './parallelDrift.js';
import type { Progress } from './progress.js';
import { requireColumn } from './requireColumn.js';

/** A frame with the file it was read from (what `loadFrame` returns). */
export interface LoadedFrame {
  frame: Frame;
  file: string;
}

export interface CompareFramesOptions extends Omit<ParallelDriftOptions, 'onColumnDone'> {
  /** Compare only these columns (each must exist in both files); default every column, the same in both. */
  columns?: readonly string[];
  /** The command, first word of error messages (default `drift`). */
  command?: string;
}

/**
 * Drift of every compared column of `current` against `reference`, with the column pairs it compared (for the
 * report's histograms). Throws UNKNOWN_COLUMN for a `columns` entry missing from a file, SCHEMA_MISMATCH when the
 * files differ in columns and none are named, EMPTY_INPUT for a column with only missing values.
 */
export async function compareFrames(
  reference: LoadedFrame,
  current: LoadedFrame,
  options: CompareFramesOptions,
  progress: Progress,
): Promise<{ result: DataDriftResult; pairs: [Column, Column][] }> {
  const { columns, command = 'drift', ...driftOptions } = options;
  const names =
    columns === undefined
      ? sharedColumns(reference, current, command)
      : [...new Set(columns)].map((name) => {
          requireColumn(reference.frame, name, reference.file, '--columns');
          requireColumn(current.frame, name, current.file, '--columns');
          return name;
        });
  const pairs = harmonizeColumnTypes(
    driftColumns(reference.frame, current.frame, names).map(
      (name) => [findColumn(reference.frame, name)!, findColumn(current.frame, name)!] as const,
    ),
    reference.file,
    current.file,
  );
  for (const [ref, cur] of pairs) {
    requireValues(ref, reference.file, command);
    requireValues(cur, current.file, command);
  }
  progress.start('testing columns', pairs.length);
  const result = await parallelDrift(pairs, {
    ...driftOptions,
    onColumnDone: (done) => progress.update(done),
  });
  progress.stop();
  return { result, pairs };
}

/** Every column of both files, which must have the same columns; the message lists what differs. */
function sharedColumns(reference: LoadedFrame, current: LoadedFrame, command: string): string[] {
  const refNames = columnNames(reference.frame);
  const curNames = columnNames(current.frame);
  const onlyRef = refNames.filter((n) => !curNames.includes(n));
  const onlyCur = curNames.filter((n) => !refNames.includes(n));
  if (onlyRef.length === 0 && onlyCur.length === 0) return refNames;
  const shared = refNames.filter((n) => curNames.includes(n));
  const parts = [];
  if (onlyRef.length > 0) parts.push(`only in ${reference.file}: ${onlyRef.join(', ')}`);
  if (onlyCur.length > 0) parts.push(`only in ${current.file}: ${onlyCur.join(', ')}`);
  throw new VigilError(
    ErrorCodes.SCHEMA_MISMATCH,
    `${command}: reference and current must have the same columns; ${parts.join('; ')}`,
    {
      hint:
        shared.length > 0
          ? `compare the shared columns with --columns ${shared.join(',')}`
          : 'the files share no column: check that they are the reference and current data of one model',
      details: { onlyReference: onlyRef, onlyCurrent: onlyCur },
    },
  );
}

/** A column with only missing values has no distribution to compare. */
function requireValues(column: Column, file: string, command: string): void {
  const n = columnLength(column);
  if (column.kind === 'numeric') {
    for (let i = 0; i < n; i++) if (!Number.isNaN(column.values[i])) return;
  } else {
    for (let i = 0; i < n; i++) if (column.codes[i] >= 0) return;
  }
  throw new VigilError(
    ErrorCodes.EMPTY_INPUT,
    `${command}: column "${column.name}" must have at least one value; got only missing values in ${n} rows`,
    {
      location: { file, column: column.name },
      hint: `leave the column out with --columns, or check why it is empty in ${file}`,
    },
  );
}
