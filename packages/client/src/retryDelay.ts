/**
 * How long to wait before retry number `attempt + 1`: exponential backoff with "equal jitter",
 * `d = min(maxDelayMs, baseDelayMs · 2^attempt)`, delay uniform in `[d/2, d)`. Half the wait is guaranteed (the
 * server gets its breather), the other half is random so many clients that failed together do not retry together
 * (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015).
 *
 * @param attempt 0 for the wait after the first failed request, 1 after the second, …
 * @param baseDelayMs the first wait's upper bound (client default 200 ms).
 * @param maxDelayMs cap on `d` (client default 30 000 ms).
 * @param random a uniform [0, 1) source, `Math.random` by default (inject one for deterministic tests).
 * @returns milliseconds, in `[d/2, d)`.
 * @example
 * backoffDelay(0, 200, 30_000, () => 0);   // => 100
 * backoffDelay(3, 200, 30_000, () => 0.5); // => 1200  (d = 1600)
 */
export function backoffDelay(
  attempt: number,
  baseDelayMs: number,
  maxDelayMs: number,
  random: () => number = Math.random,
): number {
  const d = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
  return d / 2 + random() * (d / 2);
}

/**
 * Reads an HTTP `Retry-After` header (RFC 9110 §10.2.3): either delay-seconds (`"3"`) or an HTTP-date
 * (`"Wed, 21 Oct 2015 07:28:00 GMT"`), as milliseconds to wait from `now`.
 *
 * @param header the header's value, or null/undefined when absent.
 * @param now the current time in epoch ms (for HTTP-dates), `Date.now()` by default.
 * @returns the wait in ms (0 for a date in the past), or undefined when the header is absent or unreadable.
 * @example
 * parseRetryAfter('2');                                                      // => 2000
 * parseRetryAfter('Thu, 01 Jan 1970 00:00:05 GMT', 1000);                   // => 4000
 * parseRetryAfter('soon');                                                   // => undefined
 */
export function parseRetryAfter(
  header: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (header == null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // HTTP-dates always name the weekday and GMT; requiring a letter avoids reading "1.5" as a date.
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (!Number.isFinite(at)) return undefined;
  return Math.max(0, at - now);
}
