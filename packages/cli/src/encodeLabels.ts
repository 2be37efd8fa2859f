import { type Column, ErrorCodes, VigilError } from '@vigil/core';

/** A label column as class codes 0 … k − 1 into `classes` (class names as strings). */
export interface EncodedLabels {
  codes: Int32Array;
  classes: string[];
}

/** How a numeric label prints: 1, not 1.0; so "1" in a prediction column matches 1 in a target column. */
export function labelName(value: number): string {
  return String(value);
}

/** Distinct label names of a column, in natural order (numbers numerically, strings alphabetically). */
export function distinctLabels(column: Column): string[] {
  if (column.kind === 'categorical') {
    const used = new Uint8Array(column.dictionary.length);
    for (let i = 0; i < column.codes.length; i++) if (column.codes[i] >= 0) used[column.codes[i]] = 1;
    return column.dictionary.filter((_, c) => used[c]).sort(naturalOrder);
  }
  const seen = new Set<number>();
  for (let i = 0; i < column.values.length; i++)
    if (!Number.isNaN(column.values[i])) seen.add(column.values[i]);
  return [...seen].sort((a, b) => a - b).map(labelName);
}

/**
 * Numbers first, in numeric order ("2" before "10"), then the other strings in code-unit order; equal numbers
 * written differently ("1", "1.0") fall back to the string order, so the order is total and deterministic.
 */
function naturalOrder(a: string, b: string): number {
  const x = asNumber(a);
  const y = asNumber(b);
  if (!Number.isNaN(x) && !Number.isNaN(y) && x !== y) return x < y ? -1 : 1;
  if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function asNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/**
 * Encodes a label column against the given classes. A missing label, or one not among `classes`, is an input
 * error naming the file, column and row (1-based data row).
 */
export function encodeLabels(
  column: Column,
  classes: readonly string[],
  file: string,
  role: string,
): EncodedLabels {
  const index = new Map(classes.map((c, i) => [c, i]));
  const codes = new Int32Array(column.kind === 'categorical' ? column.codes.length : column.values.length);
  const fail = (row: number, value: string | undefined): never => {
    throw new VigilError(
      value === undefined ? ErrorCodes.NON_FINITE : ErrorCodes.INVALID_ARGUMENT,
      value === undefined
        ? `eval: ${role} column "${column.name}" must not have missing values; got one at row ${row + 1}`
        : `eval: ${role} column "${column.name}" must hold one of the classes ${classes.map((c) => JSON.stringify(c)).join(', ')}; got ${JSON.stringify(value)} at row ${row + 1}`,
      {
        location: { file, column: column.name, row: row + 1 },
        details: { value },
        hint:
          value === undefined
            ? 'drop or fill the rows without a label before evaluating'
            : 'check that the column holds labels of the same classes as the target',
      },
    );
  };
  if (column.kind === 'categorical') {
    const map = column.dictionary.map((name) => index.get(name) ?? -1);
    for (let i = 0; i < codes.length; i++) {
      const c = column.codes[i];
      if (c < 0) fail(i, undefined);
      const k = map[c];
      if (k < 0) fail(i, column.dictionary[c]);
      codes[i] = k;
    }
  } else {
    const cache = new Map<number, number>();
    for (let i = 0; i < codes.length; i++) {
      const v = column.values[i];
      if (Number.isNaN(v)) fail(i, undefined);
      let k = cache.get(v);
      if (k === undefined) {
        k = index.get(labelName(v)) ?? -1;
        if (k < 0) fail(i, labelName(v));
        cache.set(v, k);
      }
      codes[i] = k;
    }
  }
  return { codes, classes: [...classes] };
}

/**
 * A numeric column's values (scores, probabilities, regression targets), with missing values rejected: metrics
 * are undefined on them, so the user must decide what a missing value means.
 */
export function numericValues(column: Column, file: string, role: string): Float64Array {
  if (column.kind !== 'numeric') {
    const bad = column.dictionary.find((v) => Number.isNaN(Number(v)));
    const row = bad === undefined ? 0 : column.codes.indexOf(column.dictionary.indexOf(bad)) + 1;
    throw new VigilError(
      ErrorCodes.TYPE_MISMATCH,
      `eval: ${role} column "${column.name}" must be numerical; got ${JSON.stringify(bad ?? column.dictionary[0])} at row ${row}`,
      {
        location: { file, column: column.name, row },
        hint: `fix the value or declare the column --numerical ${column.name}`,
      },
    );
  }
  const values = column.values;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new VigilError(
        ErrorCodes.NON_FINITE,
        `eval: ${role} column "${column.name}" must have finite numbers; got ${Number.isNaN(values[i]) ? 'a missing value' : values[i]} at row ${i + 1}`,
        {
          location: { file, column: column.name, row: i + 1 },
          hint: 'drop or fill those rows before evaluating',
        },
      );
    }
  }
  return values;
}
