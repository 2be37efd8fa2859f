import type { ColumnType, Frame } from '@vigil/core';

/** File formats {@link loadFrame} reads. */
export type FileFormat = 'csv' | 'tsv' | 'parquet' | 'jsonl' | 'json' | 'arrow';

/** Options of {@link loadFrame}. Every field is optional. */
export interface LoadOptions {
  /** The file's format; default: from the extension (see {@link formatFromPath}). */
  format?: FileFormat;
  /** CSV field delimiter (one character, or `\t`); default: detected by DuckDB's sniffer (`\t` for .tsv). */
  delimiter?: string;
  /**
   * Tokens read as missing in CSV/TSV (formats without a native null); default `['', 'NA', 'NaN', 'null', '?']`.
   * A token also matches with one space before and/or after it (`' ?'` in the UCI Adult files).
   */
  missing?: readonly string[];
  /** Columns to read as numbers, whatever was inferred. */
  numerical?: readonly string[];
  /** Columns to read as categories (numbers become their decimal text, integers without `.0`). */
  categorical?: readonly string[];
  /** Columns to read as free text. */
  text?: readonly string[];
  /** Columns to read as date-times (ISO 8601 text, or numbers taken as epoch milliseconds). */
  datetime?: readonly string[];
  /** Columns to read as booleans (true/false, t/f, yes/no, y/n, 1/0, or numbers 0/1). */
  boolean?: readonly string[];
  /** Load only these columns, in this order (projection pushdown: the others are never converted). */
  columns?: readonly string[];
  /** Called with the fraction done, from 0 to 1, non-decreasing; the last call is with 1. */
  onProgress?: (fraction: number) => void;
}

/** How one column's type was decided. */
export interface InferredType {
  type: ColumnType;
  /** Why, in words: the storage type seen and the rule that applied, or "declared …". */
  reason: string;
}

/** What {@link loadFrame} returns. */
export interface LoadedFrame {
  frame: Frame;
  /** The path as given. */
  file: string;
  format: FileFormat;
  /** One entry per loaded column. */
  inferred: Record<string, InferredType>;
  rowCount: number;
}
