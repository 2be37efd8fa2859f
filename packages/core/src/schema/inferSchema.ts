import { ErrorCodes, VigilError } from '../errors.js';
import type { CategoricalColumn, Column, Frame, NumericColumn } from '../frame/frame.js';
import { canonicalCodes } from './canonicalCodes.js';
import { type ColumnSchema, SCHEMA_VERSION, type Schema } from './types.js';

/** Options of {@link inferSchema}. */
export interface InferSchemaOptions {
  /** Record `allowedValues` for categorical columns with at most this many distinct values (default 50). */
  maxCategories?: number;
}

/**
 * Describes what a frame holds as a {@link Schema}: per column its type, whether any value is missing
 * (`nullable`), whether non-missing values are all distinct (`unique`), min/max of numerical and datetime columns
 * (datetimes as ISO 8601 UTC strings) and, for categorical columns with at most `maxCategories` distinct values,
 * the sorted list of values seen (`allowedValues`). Every column is `required`; extra columns are not allowed.
 * `pattern` is never inferred: it is for people to add. Validating the same frame against the result finds no
 * violation.
 *
 * Undefined parts: min/max are left out when a column has no finite value (all missing, or only ±Infinity,
 * which JSON cannot hold); `allowedValues` is left out for a column above `maxCategories`.
 *
 * @param frame - the reference data.
 * @param options - `maxCategories` (default 50, a non-negative integer).
 * @returns a schema with `version: 1`, one entry per column in frame order, and no custom rules.
 * @throws VigilError INVALID_ARGUMENT when `maxCategories` is not a non-negative integer.
 *
 * @example
 * inferSchema(createFrame([numericFromNumbers('age', [30, 40, null])]));
 * // => { version: 1, allowExtraColumns: false, columns: [{ name: 'age', type: 'numerical', required: true,
 * //      nullable: true, unique: true, min: 30, max: 40 }], rules: [] }
 */
export function inferSchema(frame: Frame, options: InferSchemaOptions = {}): Schema {
  const maxCategories = options.maxCategories ?? 50;
  if (!Number.isInteger(maxCategories) || maxCategories < 0) {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `inferSchema: maxCategories must be a non-negative integer; got ${String(maxCategories)}`,
    );
  }
  return {
    version: SCHEMA_VERSION,
    allowExtraColumns: false,
    columns: frame.columns.map((c) => inferColumn(c, maxCategories)),
    rules: [],
  };
}

function inferColumn(column: Column, maxCategories: number): ColumnSchema {
  return column.kind === 'numeric' ? inferNumeric(column) : inferCategorical(column, maxCategories);
}

function inferNumeric(column: NumericColumn): ColumnSchema {
  const { values } = column;
  let missing = false;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let present = 0;
  const sorted = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      missing = true;
      continue;
    }
    sorted[present++] = v;
    if (Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  // Duplicates are neighbours once sorted; typed-array sort is numeric, and 0 and -0 compare equal.
  const kept = sorted.subarray(0, present).sort();
  let unique = true;
  for (let i = 1; i < kept.length && unique; i++) if (kept[i] === kept[i - 1]) unique = false;
  const out: ColumnSchema = {
    name: column.name,
    type: column.type,
    required: true,
    nullable: missing,
    unique,
  };
  if (column.type !== 'boolean' && min <= max) {
    out.min = column.type === 'datetime' ? new Date(min).toISOString() : min;
    out.max = column.type === 'datetime' ? new Date(max).toISOString() : max;
  }
  return out;
}

function inferCategorical(column: CategoricalColumn, maxCategories: number): ColumnSchema {
  const { codes, dictionary } = column;
  // Map codes to the first dictionary entry with the same text, so a dictionary that repeats a string still
  // counts it as one value.
  const canonical = canonicalCodes(dictionary);
  const counts = new Float64Array(dictionary.length);
  let missing = false;
  let unique = true;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c < 0) {
      missing = true;
      continue;
    }
    if (counts[canonical[c]]++ > 0) unique = false;
  }
  const out: ColumnSchema = {
    name: column.name,
    type: column.type,
    required: true,
    nullable: missing,
    unique,
  };
  if (column.type === 'categorical') {
    const seen: string[] = [];
    for (let k = 0; k < dictionary.length; k++) if (counts[k] > 0) seen.push(dictionary[k]);
    if (seen.length <= maxCategories) out.allowedValues = seen.sort(byCodeUnits);
  }
  return out;
}

/** Plain code-unit order, the same in every locale, so schema files diff cleanly. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
