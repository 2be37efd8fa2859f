import type { SendOptions } from './notification.js';

/** A failed send: its message is what `Delivery.lastError` shows; `retryAfterMs` honours a receiver's Retry-After. */
export class DeliveryError extends Error {
  readonly retryAfterMs?: number;
  constructor(message: string, retryAfterMs?: number) {
    super(message);
    this.name = 'DeliveryError';
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs;
  }
}

/**
 * POSTs a JSON body (already serialized, so signatures cover the exact bytes) and resolves on a 2xx answer.
 *
 * @throws DeliveryError on a non-2xx answer ("HTTP 500 Internal Server Error: <start of body>"), a timeout
 * ("timed out after 10000 ms") or a network error ("connect ECONNREFUSED 127.0.0.1:9").
 */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: SendOptions = {},
): Promise<void> {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'vigil-alerts', ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new DeliveryError(describeFetchError(error, timeoutMs));
  }
  if (response.ok) {
    await response.body?.cancel();
    return;
  }
  const text = (await response.text().catch(() => '')).trim().slice(0, 200);
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  throw new DeliveryError(
    text ? `${status}: ${text}` : status,
    retryAfter(response.headers.get('retry-after')),
  );
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError')
      return `timed out after ${timeoutMs} ms`;
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof Error && cause.message) return cause.message;
    return error.message;
  }
  return String(error);
}

/** Retry-After as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
function retryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
