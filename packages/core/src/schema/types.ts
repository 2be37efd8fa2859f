/**
 * The data schema (issue 3 §2): a JSON document people edit by hand, written by `inferSchema` and checked by
 * `validateFrame`. The format is described in ./README.md; `parseSchema` is the gate every hand-edited file passes.
 */
import type { ColumnType } from '../frame/frame.js';

/** The only schema format version so far; written as `"version": 1`. */
export const SCHEMA_VERSION = 1;

/** Comparison operators of a `compare` rule. */
export type CompareOp = '>' | '>=' | '<' | '<=' | '==' | '!=';

/** Constraints on one column. Absent keys constrain nothing. */
export interface ColumnSchema {
  name: string;
  type: ColumnType;
  /** The column must exist (default true). */
  required?: boolean;
  /** Missing values are allowed (default true). */
  nullable?: boolean;
  /** No non-missing value appears twice (default false). */
  unique?: boolean;
  /** Smallest allowed value: a number (`numerical`) or an ISO 8601 date-time (`datetime`). */
  min?: number | string;
  /** Largest allowed value, as `min`. */
  max?: number | string;
  /** The only values allowed: strings (`categorical`, `text`) or numbers (`numerical`). */
  allowedValues?: (string | number)[];
  /** A regular expression (JavaScript syntax, `u` flag) every value must match somewhere (`categorical`, `text`). */
  pattern?: string;
  description?: string;
}

/** `left op right` (column vs column) or `left op value` (column vs constant), row by row. */
export interface CompareRule {
  rule: 'compare';
  left: string;
  op: CompareOp;
  right?: string;
  value?: number | string | boolean;
  /** Shown in violations instead of the expression. */
  name?: string;
  description?: string;
}

export type CustomRule = CompareRule;

export interface Schema {
  version: typeof SCHEMA_VERSION;
  /** Columns not listed are allowed (default false). */
  allowExtraColumns?: boolean;
  columns: ColumnSchema[];
  rules?: CustomRule[];
  description?: string;
}

/** Names of the checks, as they appear in `SchemaViolation.rule`. */
export type SchemaRuleName =
  | 'required'
  | 'extraColumn'
  | 'type'
  | 'nullable'
  | 'min'
  | 'max'
  | 'allowedValues'
  | 'pattern'
  | 'unique'
  | 'compare';

/** One broken rule. Column-level rules (`required`, `extraColumn`, `type`) have count 1 and no rows. */
export interface SchemaViolation {
  column: string;
  rule: SchemaRuleName;
  /** Rows that break the rule. */
  count: number;
  /** The first (up to 10) of those rows, 1-based data rows (the header is row 0). */
  firstRows: number[];
  message: string;
}

export interface SchemaValidation {
  valid: boolean;
  rowCount: number;
  violations: SchemaViolation[];
}
