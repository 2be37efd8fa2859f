/**
 * Optional pseudonymization (issue 4 §2): configured identifier fields of a prediction's `features` and `tags` are
 * replaced by HMAC-SHA256(key, value) in lowercase hex before anything is stored, so the store never holds the
 * identifier while equal identifiers still map to equal pseudonyms (joins and counts keep working). Non-string
 * values are hashed as their JSON text; null stays null.
 */
import { createHmac } from 'node:crypto';
import { ErrorCodes, VigilError } from '@vigil/core';
import type { PredictionRow } from './store/types.js';

export interface PseudonymizeOptions {
  /** Field names, looked up in `features` and in `tags`. */
  fields: readonly string[];
  /** The HMAC key (keep it secret: with it, a known identifier can be matched to its pseudonym). */
  key: string | Buffer;
}

/** Returns the row with its identifier fields pseudonymized (the input is not modified). */
export type Pseudonymizer = (row: PredictionRow) => PredictionRow;

/** HMAC-SHA256 of `value` under `key`, hex. */
export function pseudonym(key: string | Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex');
}

/** A {@link Pseudonymizer} for `options`, or the identity when `options` is undefined or names no field. */
export function createPseudonymizer(options?: PseudonymizeOptions): Pseudonymizer {
  if (options === undefined || options.fields.length === 0) return (row) => row;
  if (options.key.length === 0) {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      'createPseudonymizer: key must be non-empty; got an empty key',
    );
  }
  const fields = new Set(options.fields);
  const { key } = options;
  const hash = (value: unknown) =>
    value === null || value === undefined
      ? value
      : pseudonym(key, typeof value === 'string' ? value : JSON.stringify(value));
  const replace = <T>(record: Record<string, T>): Record<string, T> => {
    let touched = false;
    for (const name of Object.keys(record)) {
      if (fields.has(name)) {
        touched = true;
        break;
      }
    }
    if (!touched) return record;
    // Object.fromEntries defines own properties, so a "__proto__" key cannot reach a prototype.
    return Object.fromEntries(
      Object.entries(record).map(([name, value]) => [name, fields.has(name) ? (hash(value) as T) : value]),
    );
  };
  return (row) => {
    const features = replace(row.features);
    const tags = row.tags === undefined ? undefined : replace(row.tags);
    if (features === row.features && tags === row.tags) return row;
    return tags === undefined ? { ...row, features } : { ...row, features, tags };
  };
}
