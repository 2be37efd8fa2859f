/**
 * The server's one error catalogue and its one error handler (STYLE.md, Fastify's `lib/errors.js`): every error
 * response has the body `{error: {code, message, details?}}` with a stable `code` from {@link HttpErrorCodes}.
 *
 * - Request validation (TypeBox schemas, see validatorCompiler.ts) → 400 VALIDATION with
 *   `details: [{index?, field, problem}]` (`index` is the item of an array body).
 * - A core `VigilError` (bad input found while computing: an unreadable reference file, an unknown column…) → 400
 *   with the core code (`UNKNOWN_COLUMN`, `TYPE_MISMATCH`…) and its location and hint as details.
 * - Fastify's own client errors (body too large, unsupported media type, malformed JSON) → their status, with a code
 *   from the catalogue.
 * - Anything else is a bug or an outage: 500 INTERNAL with a fixed message; the error itself goes to the log only.
 */
import { isVigilError } from '@vigil/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** Code → HTTP status. Add a code here before answering with it anywhere. */
export const HttpErrorCodes = {
  /** The request does not match the route's schema (body, query, params); details name each problem. */
  VALIDATION: 400,
  /** A malformed request that is not a schema violation (unparseable JSON, an empty body…). */
  BAD_REQUEST: 400,
  /** No API key, or one that is unknown or revoked. */
  UNAUTHORIZED: 401,
  /** A valid key whose role may not call this route. */
  FORBIDDEN: 403,
  /** No such route. */
  NOT_FOUND: 404,
  /** The model named in the path does not exist. */
  MODEL_NOT_FOUND: 404,
  /** Another resource named in the path (a version, a key…) does not exist. */
  RESOURCE_NOT_FOUND: 404,
  /** The resource exists already (a model or version name). */
  CONFLICT: 409,
  /** The body exceeds the configured limit. */
  PAYLOAD_TOO_LARGE: 413,
  /** The Content-Type is not one this route reads. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** The write path is full; retry after the `Retry-After` seconds. */
  OVERLOADED: 429,
  /** A bug or an unexpected failure; the log has the details. */
  INTERNAL: 500,
  /** The store does not answer, or the server is shutting down. */
  UNAVAILABLE: 503,
} as const;

export type HttpErrorCode = keyof typeof HttpErrorCodes;

/** One problem of a rejected request: which item (array bodies), which field, and what is wrong. */
export interface ProblemDetail {
  index?: number;
  field: string;
  problem: string;
}

/** The body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** An error that answers with a catalogue code; throw it from handlers and hooks. */
export class HttpError extends Error {
  readonly code: HttpErrorCode;
  readonly statusCode: number;
  readonly details?: unknown;
  /** Extra response headers (Retry-After on 429). */
  readonly headers?: Record<string, string>;

  constructor(
    code: HttpErrorCode,
    message: string,
    options: { details?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.code = code;
    this.statusCode = HttpErrorCodes[code];
    this.details = options.details;
    this.headers = options.headers;
  }
}

/** Shorthand: `throw httpError('MODEL_NOT_FOUND', …)`. */
export function httpError(
  code: HttpErrorCode,
  message: string,
  options?: { details?: unknown; headers?: Record<string, string> },
): HttpError {
  return new HttpError(code, message, options);
}

/** 404 MODEL_NOT_FOUND with the one message every route uses. */
export function modelNotFound(model: string): HttpError {
  return new HttpError('MODEL_NOT_FOUND', `model "${model}" does not exist`, {
    details: { model },
  });
}

/** The error a schema violation raises (built by the validator compiler, answered as 400 VALIDATION). */
export class RequestValidationError extends Error {
  readonly code = 'VALIDATION';
  readonly statusCode = 400;
  readonly details: ProblemDetail[];
  validationContext: string;

  constructor(message: string, details: ProblemDetail[], validationContext: string) {
    super(message);
    this.name = 'RequestValidationError';
    this.details = details;
    this.validationContext = validationContext;
  }
}

/** Fastify's client-error codes and the catalogue code each answers with. */
const FASTIFY_CODES: Record<string, HttpErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
};

/** A status without a more specific code. */
function codeForStatus(status: number): HttpErrorCode {
  switch (status) {
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'OVERLOADED';
    case 503:
      return 'UNAVAILABLE';
    default:
      return 'BAD_REQUEST';
  }
}

/** The status, headers and body an error answers with (pure, so tests can call it). */
export function errorResponse(
  error: unknown,
  context: { bodyLimit?: number } = {},
): {
  status: number;
  headers: Record<string, string>;
  body: ErrorBody;
} {
  if (error instanceof HttpError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details !== undefined) body.error.details = error.details;
    return { status: error.statusCode, headers: error.headers ?? {}, body };
  }
  if (error instanceof RequestValidationError) {
    return {
      status: 400,
      headers: {},
      body: { error: { code: 'VALIDATION', message: error.message, details: error.details } },
    };
  }
  if (isVigilError(error)) {
    const details: Record<string, unknown> = { ...error.location };
    if (error.hint !== undefined) details.hint = error.hint;
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (Object.keys(details).length > 0) body.error.details = details;
    return { status: 400, headers: {}, body };
  }
  const fastifyError = error as Partial<FastifyError> | undefined;
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = FASTIFY_CODES[fastifyError?.code ?? ''] ?? codeForStatus(status);
    if (code === 'PAYLOAD_TOO_LARGE' && context.bodyLimit !== undefined) {
      const message = `body is larger than the limit of ${context.bodyLimit} bytes; send smaller batches`;
      return {
        status,
        headers: {},
        body: { error: { code, message, details: { limitBytes: context.bodyLimit } } },
      };
    }
    const message =
      fastifyError?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error as Error).name === 'SyntaxError'
        ? `body is not valid JSON: ${(error as Error).message}`
        : String((error as Error).message ?? 'bad request');
    return { status, headers: {}, body: { error: { code, message } } };
  }
  if (status === 503) {
    return {
      status: 503,
      headers: {},
      body: { error: { code: 'UNAVAILABLE', message: 'the server is unavailable; retry later' } },
    };
  }
  return {
    status: 500,
    headers: {},
    body: { error: { code: 'INTERNAL', message: 'internal error; the server log has the details' } },
  };
}

/**
 * The app's error handler: answers with {@link errorResponse} and logs without bodies or values (4xx at info with
 * the code only, 5xx at error with the error).
 */
export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, headers, body } = errorResponse(error, { bodyLimit: request.routeOptions.bodyLimit });
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: body.error.code, status }, 'request rejected');
  return reply.code(status).headers(headers).send(body);
}

/** The not-found handler: 404 NOT_FOUND in the catalogue's shape. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.code(404).send({
    error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` },
  } satisfies ErrorBody);
}
