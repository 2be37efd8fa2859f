/**
 * The window axis of a dashboard: `count` consecutive tumbling windows ending with the one starting at `newest`,
 * oldest first. Dashboards put every series on this one axis, so a window without a value is a gap (null), never
 * a shifted neighbour.
 */

/**
 * Starts of `count` windows of `windowMs` ending with `newest`, oldest first.
 * @example
 * windowStarts(7200000, 3600000, 3); // => [0, 3600000, 7200000]
 */
export function windowStarts(newest: number, windowMs: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => newest - (count - 1 - i) * windowMs);
}

/** Start of the window of length `windowMs` holding time `ts` (floor, also before 1970), as the store computes it. */
export function alignWindow(ts: number, windowMs: number): number {
  return ts - (((ts % windowMs) + windowMs) % windowMs);
}
