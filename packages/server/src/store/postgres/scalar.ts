/**
 * How a JSON scalar (a prediction or a label) is kept: as text for categorical use and as a double for numerical
 * use, so `readRows` needs no per-row conversion.
 */
import type { Scalar } from '../types.js';

/** The text form: strings as given, numbers as JavaScript prints them, booleans as 'true' / 'false'. */
export function scalarText(value: Scalar | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  return String(value);
}

/** The numeric form: finite numbers, booleans as 1 / 0, numeric strings parsed; null for anything else. */
export function scalarNumber(value: Scalar | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : null;
}

/** A finite number, or null (NaN, ±Infinity and absent values are stored as NULL). */
export function finiteOrNull(value: number | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
