import { ErrorCodes, VigilError } from '@vigil/core';
import type { FileFormat } from './types.js';

/** Every format, for messages and option checks. */
export const FILE_FORMATS: readonly FileFormat[] = ['csv', 'tsv', 'parquet', 'jsonl', 'json', 'arrow'];

/** Extensions recognised by {@link formatFromPath}, longest first so `.csv.gz` wins over `.gz`. */
const EXTENSIONS: readonly (readonly [string, FileFormat])[] = [
  ['.csv.gz', 'csv'],
  ['.tsv.gz', 'tsv'],
  ['.txt.gz', 'csv'],
  ['.csv', 'csv'],
  ['.tsv', 'tsv'],
  ['.txt', 'csv'],
  ['.parquet', 'parquet'],
  ['.jsonl', 'jsonl'],
  ['.ndjson', 'jsonl'],
  ['.json', 'json'],
  ['.arrow', 'arrow'],
  ['.feather', 'arrow'],
  ['.ipc', 'arrow'],
];

/** The supported extensions, as listed in error hints. */
export const SUPPORTED_EXTENSIONS = EXTENSIONS.map(([ext]) => ext).filter((ext) => ext !== '.txt.gz');

/**
 * The format of `file`: `format` when given (checked), else from the extension (case-insensitive):
 * .csv .txt .csv.gz → csv; .tsv .tsv.gz → tsv; .parquet; .jsonl .ndjson → jsonl; .json; .arrow .feather .ipc → arrow.
 *
 * @throws VigilError UNREADABLE_FILE when the extension is unknown or `format` is not one of {@link FILE_FORMATS}.
 */
export function formatFromPath(file: string, format?: string): FileFormat {
  if (format !== undefined) {
    if ((FILE_FORMATS as readonly string[]).includes(format)) return format as FileFormat;
    throw new VigilError(
      ErrorCodes.UNREADABLE_FILE,
      `loadFrame: format must be one of ${FILE_FORMATS.join(', ')}; got ${JSON.stringify(format)}`,
      { location: { file }, hint: `Supported formats: ${FILE_FORMATS.join(', ')}.` },
    );
  }
  const lower = file.toLowerCase();
  for (const [ext, fmt] of EXTENSIONS) if (lower.endsWith(ext)) return fmt;
  const base = lower.slice(Math.max(lower.lastIndexOf('/'), lower.lastIndexOf('\\')) + 1);
  const dot = base.indexOf('.');
  const ext = dot === -1 ? '(none)' : base.slice(dot);
  throw new VigilError(
    ErrorCodes.UNREADABLE_FILE,
    `loadFrame: file must have a supported extension; got "${ext}" in ${JSON.stringify(file)}`,
    {
      location: { file },
      hint:
        `Supported: ${SUPPORTED_EXTENSIONS.join(' ')}. ` +
        `To read another extension, name the format (--format ${FILE_FORMATS.join('|')}).`,
    },
  );
}
