/**
 * Milliseconds since the Unix epoch of an ISO 8601 date (`2024-03-01`) or date-time (`2024-03-01T12:00:00Z`,
 * `2024-03-01 12:00:00.5+01:00`), or NaN when `text` is neither. A date-time without an offset is UTC, as the
 * loaders read such values (JavaScript's `Date.parse` would take local time).
 *
 * @example parseIsoDateTime('2024-03-01T00:00:00'); // => 1709251200000
 */
export function parseIsoDateTime(text: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
    text,
  );
  if (m === null) return Number.NaN;
  if (m[2] === undefined) return Date.parse(`${m[1]}T00:00:00Z`);
  const offset = m[3] === undefined ? 'Z' : m[3].length === 5 ? `${m[3].slice(0, 3)}:${m[3].slice(3)}` : m[3];
  // Date.parse takes at most millisecond digits reliably: cut longer fractions (sub-ms precision is lost anyway).
  const time = m[2].replace(/(\.\d{3})\d+$/, '$1');
  return Date.parse(`${m[1]}T${time}${offset.toUpperCase()}`);
}
