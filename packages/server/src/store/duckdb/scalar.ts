/**
 * How JSON scalars are kept (the same rules as the PostgreSQL store, so both read alike):
 * - a prediction or label is kept twice, as text (categorical use) and as a double (numerical use);
 * - a feature value goes to a DOUBLE column when it is a finite number, to a VARCHAR column when it is a string
 *   or a boolean ('true' / 'false'); null, NaN and ±Infinity are not stored (they read as missing).
 */
import type { Scalar } from '../types.js';

/** The text form: strings as given, finite numbers as JavaScript prints them, booleans as 'true' / 'false'. */
export function scalarText(value: Scalar | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  return String(value);
}

/** The numeric form: finite numbers, booleans as 1 / 0, numeric strings parsed; NaN for anything else. */
export function scalarNumber(value: Scalar | undefined): number {
  if (value === null || value === undefined) return Number.NaN;
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const trimmed = value.trim();
  if (trimmed === '') return Number.NaN;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : Number.NaN;
}

/** A finite number, or NaN (stored as NULL). */
export function finiteOrNaN(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;
}
