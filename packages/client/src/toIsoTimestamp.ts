import { invalidArgument } from './VigilClientError.js';

/** An event time: a `Date`, a string `Date.parse` reads (ISO 8601), or milliseconds since the Unix epoch. */
export type TimestampInput = Date | string | number;

/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z in epoch ms. */
const MIN_MS = -62_167_219_200_000;
const MAX_MS = 253_402_300_799_999;

/**
 * Normalises an event time to the ISO 8601 string the server reads (`Date.prototype.toISOString`: UTC, ms
 * precision, `YYYY-MM-DDTHH:mm:ss.sssZ`).
 *
 * Strings are read as `new Date(string)` reads them: with an offset (`Z`, `+02:00`) they are exact; a date-time
 * without one is local time, a bare date (`2024-05-01`) is UTC midnight — pass an offset to avoid surprises.
 *
 * @param value a `Date`, an ISO string or epoch milliseconds.
 * @param where the caller's name, for the error message.
 * @param parameter the parameter's name, for the error message.
 * @returns the same instant as `YYYY-MM-DDTHH:mm:ss.sssZ`.
 * @throws VigilClientError `INVALID_ARGUMENT` for an invalid `Date`, an unparseable string, a non-finite number or
 *   an instant outside years 0000–9999 (whose ISO form needs the expanded `±YYYYYY` years servers refuse).
 * @example
 * toIsoTimestamp(0);                              // => '1970-01-01T00:00:00.000Z'
 * toIsoTimestamp('2024-05-01T12:00:00+02:00');    // => '2024-05-01T10:00:00.000Z'
 * toIsoTimestamp(new Date(Date.UTC(2024, 4, 1))); // => '2024-05-01T00:00:00.000Z'
 */
export function toIsoTimestamp(
  value: TimestampInput,
  where = 'toIsoTimestamp',
  parameter = 'timestamp',
): string {
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value;
  else if (typeof value === 'string') ms = Date.parse(value);
  else ms = Number.NaN;
  if (!(ms >= MIN_MS && ms <= MAX_MS)) {
    throw invalidArgument(
      where,
      parameter,
      'a valid Date, an ISO 8601 string or epoch milliseconds, in years 0000-9999',
      value,
    );
  }
  return new Date(ms).toISOString();
}
