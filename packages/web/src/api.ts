/**
 * The one way the dashboard talks to the server: `fetch` on /api/v1 with the session cookie (credentials
 * 'same-origin'; the cookie is httpOnly, so the page never sees a key after login) and, on every mutating request,
 * the `X-Vigil-Csrf: 1` header the server asks of cookie-authenticated writes (issue 5 contract 1: defence in
 * depth beside SameSite=Strict). Errors arrive in the catalogue shape `{error: {code, message, details}}` and are
 * thrown as {@link ApiError}; a 401 also tells the app that the session is gone.
 */

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called whenever a request answers 401 (the session expired or the key was revoked). */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | boolean | undefined>;
  /** A JSON body. */
  json?: unknown;
  /** A raw body (a file) with its Content-Type. */
  raw?: { body: Blob; contentType: string };
  signal?: AbortSignal;
  /** Do not report a 401 to the app (the login probe expects one). */
  quiet401?: boolean;
}

/** `/api/v1` + path + query string. */
export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search === '' ? '' : `?${search}`}`;
}

/** Calls the API; resolves with the parsed JSON (undefined for 204), rejects with an {@link ApiError}. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-vigil-csrf'] = '1';
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.raw !== undefined) {
    headers['content-type'] = options.raw.contentType;
    body = options.raw.body;
  }
  const response = await fetch(apiUrl(path, options.query), {
    method,
    headers,
    body,
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const error = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
      ?.error;
    if (response.status === 401 && !options.quiet401)
      for (const listener of unauthorizedListeners) listener();
    throw new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? `${method} ${path} answered ${response.status} ${response.statusText}`,
      error?.details,
    );
  }
  return parsed as T;
}

/** `encodeURIComponent` for a path segment (model and feature names may hold `.`, `-`, spaces…). */
export const seg = (value: string | number): string => encodeURIComponent(String(value));

/** The `{field, problem}` details of a 400 VALIDATION error, as lines. */
export function problemsOf(error: unknown): string[] {
  if (error instanceof ApiError && Array.isArray(error.details)) {
    return (error.details as { field?: string; problem?: string }[])
      .filter((d) => d.problem !== undefined)
      .map((d) => `${d.field ?? ''} ${d.problem}`.trim());
  }
  return [];
}
