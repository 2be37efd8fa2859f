/**
 * Stable codes of the errors `@vigil/client` throws or reports. The client depends on nothing, so it keeps its
 * own small catalogue; `INVALID_ARGUMENT` means the same as in `@vigil/core`.
 */
export const ClientErrorCodes = {
  /** An option or a logged event is not what the client accepts (thrown by the constructor and `log…`). */
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  /** `maxQueue` events are waiting already (thrown by `log…`): the server is slow or unreachable. */
  QUEUE_FULL: 'QUEUE_FULL',
  /** `log…` after `close()`. */
  CLIENT_CLOSED: 'CLIENT_CLOSED',
  /** The server answered a 4xx other than 429: the batch is not retried (reported to `onError`). */
  REJECTED: 'REJECTED',
  /** Network errors, 429 or 5xx on every attempt (reported to `onError`). */
  RETRIES_EXHAUSTED: 'RETRIES_EXHAUSTED',
} as const;

export type ClientErrorCode = (typeof ClientErrorCodes)[keyof typeof ClientErrorCodes];

/** Which endpoint a batch goes to. */
export type BatchKind = 'predictions' | 'labels';

/** The error body every Vigil server route answers with: `{error: {code, message, details?}}`. */
export interface ServerErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** What the client knows about a batch it could not deliver. */
export interface FailedBatch {
  model: string;
  kind: BatchKind;
  /** The events as they were sent (timestamps as ISO strings), so the caller can store or re-log them. */
  events: Record<string, unknown>[];
  /** HTTP status of the last answer; undefined after a network error. */
  status?: number;
  /** The server's `{error: {code, message, details}}` from the last answer, when it sent one. */
  body?: ServerErrorBody;
  /** Requests made for this batch (1 + retries). */
  attempts: number;
}

/**
 * Every error `@vigil/client` throws (invalid arguments, full queue, closed client) or hands to `onError` (a batch
 * that could not be delivered: `batch` says which, with its events and the server's answer).
 *
 * @example
 * new VigilClient({ url, apiKey, onError: (e) => {
 *   if (e.code === 'REJECTED') console.error(e.batch?.body?.error.details); // [{index, field, problem}]
 * } });
 */
export class VigilClientError extends Error {
  readonly code: ClientErrorCode;
  readonly batch?: FailedBatch;

  constructor(
    code: ClientErrorCode,
    message: string,
    options: { batch?: FailedBatch; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VigilClientError';
    this.code = code;
    if (options.batch) this.batch = options.batch;
  }
}

/** The `INVALID_ARGUMENT` error, message as STYLE.md: `<function>: <parameter> must be <rule>; got <value>`. */
export function invalidArgument(
  where: string,
  parameter: string,
  rule: string,
  value: unknown,
): VigilClientError {
  return new VigilClientError(
    ClientErrorCodes.INVALID_ARGUMENT,
    `${where}: ${parameter} must be ${rule}; got ${describeValue(value)}`,
  );
}

/** A short, printable rendering of any value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (typeof value === 'function') return 'a function';
  if (value instanceof Date)
    return `Date(${Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()})`;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
