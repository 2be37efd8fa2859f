import { parseNumber } from './convertColumn.js';
import type { InferredType } from './types.js';

/** Summary of a string column, enough to tell categories from free text. */
export interface StringStats {
  /** Non-missing values. */
  nonMissing: number;
  /** Distinct non-missing values. */
  distinct: number;
  /** Mean length of the non-missing values, in characters. */
  avgLength: number;
  /** How many non-missing values parse as numbers. */
  numeric: number;
  /** The first value that does not parse as a number, when `numeric` is most but not all of `nonMissing`. */
  firstNonNumeric?: { row: number; value: string };
}

/** A string column is free text when more than this share of its values are distinct … */
export const TEXT_MIN_DISTINCT_SHARE = 0.5;
/** … and its values are longer than this on average (characters). */
export const TEXT_MIN_AVG_LENGTH = 20;
/** From this share of numbers up, the reason points at the values that keep the column from being numeric. */
export const MOSTLY_NUMERIC_SHARE = 0.9;

/**
 * Categorical or text, for a column stored as strings. Rule: `text` when more than 50 % of the non-missing
 * values are distinct AND their average length exceeds 20 characters (sentences, reviews, addresses);
 * otherwise `categorical` (labels, codes, identifiers). A column with no values is categorical.
 *
 * @param storage - the storage type, as shown in the reason (e.g. `VARCHAR`).
 * @returns the type and a one-line reason with the numbers behind it.
 */
export function inferStringType(storage: string, stats: StringStats): InferredType {
  const { nonMissing, distinct, avgLength } = stats;
  if (nonMissing === 0) return { type: 'categorical', reason: `${storage}: every value is missing` };
  const share = distinct / nonMissing;
  const summary =
    `${storage}: ${distinct} distinct of ${nonMissing} values (${percent(share)}), ` +
    `average length ${avgLength.toFixed(1)}`;
  const isText = share > TEXT_MIN_DISTINCT_SHARE && avgLength > TEXT_MIN_AVG_LENGTH;
  const rule = isText
    ? ` — more than ${TEXT_MIN_DISTINCT_SHARE * 100}% distinct and longer than ${TEXT_MIN_AVG_LENGTH} characters, so free text`
    : '';
  let note = '';
  const numericShare = stats.numeric / nonMissing;
  if (stats.firstNonNumeric !== undefined && numericShare >= MOSTLY_NUMERIC_SHARE && numericShare < 1) {
    const { row, value } = stats.firstNonNumeric;
    note =
      `; ${percent(numericShare)} of the values are numbers but not ${JSON.stringify(value)} in row ${row} ` +
      '(declare it numerical to list it as an error, or add it to the missing tokens)';
  }
  return { type: isText ? 'text' : 'categorical', reason: `${summary}${rule}${note}` };
}

/** A share as a percentage with up to 3 decimals, never rounding a partial share to 0 % or 100 %. */
export function percent(share: number): string {
  if (share > 0 && share < 0.00001) return '<0.001%';
  if (share < 1 && share > 0.99999) return '>99.999%';
  return `${Number((share * 100).toFixed(3))}%`;
}

/**
 * {@link StringStats} of a coded string column: one pass over the codes plus one parse per dictionary entry.
 * Lengths are in UTF-16 code units (JavaScript's `length`). `firstNonNumeric` is filled only when the share of
 * numbers is at least {@link MOSTLY_NUMERIC_SHARE} and below 1.
 */
export function stringStats(codes: Int32Array, dictionary: readonly string[]): StringStats {
  const counts = new Float64Array(dictionary.length);
  let nonMissing = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c >= 0) {
      counts[c]++;
      nonMissing++;
    }
  }
  let totalLength = 0;
  let numeric = 0;
  let distinct = 0;
  const isNumber = new Uint8Array(dictionary.length);
  for (let k = 0; k < dictionary.length; k++) {
    if (counts[k] === 0) continue;
    distinct++;
    totalLength += counts[k] * dictionary[k].length;
    if (parseNumber(dictionary[k]) !== undefined) {
      isNumber[k] = 1;
      numeric += counts[k];
    }
  }
  const stats: StringStats = {
    nonMissing,
    distinct,
    avgLength: nonMissing === 0 ? 0 : totalLength / nonMissing,
    numeric,
  };
  if (numeric < nonMissing && numeric >= MOSTLY_NUMERIC_SHARE * nonMissing) {
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c >= 0 && isNumber[c] === 0) {
        stats.firstNonNumeric = { row: i + 1, value: dictionary[c] };
        break;
      }
    }
  }
  return stats;
}
