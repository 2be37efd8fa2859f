/**
 * Role enforcement (issue 4 §2 "every route checks its role"). Every route declares `config: { role }`; the
 * `onRoute` hook refuses to register a route without one, so a forgotten role is a start-up failure rather than an
 * open route. The `onRequest` hook (before any body is read) authenticates the key from `Authorization: Bearer
 * <key>` or `X-Api-Key: <key>` and checks the role: `admin` may call everything, `ingest` only `ingest` routes
 * (writing predictions and labels), `read` only `read` routes (GETs).
 *
 * A dashboard session (auth/sessions.ts) authenticates like its key when the request has no key header: the
 * `vigil_session` cookie stands for the key it was opened with, with the same role rules. A mutating request
 * (not GET/HEAD/OPTIONS) authenticated by the cookie must also carry `X-Vigil-Csrf: 1`: a cross-site form cannot
 * set that header, so it is a second guard beside SameSite=Strict (OWASP CSRF cheat sheet, "custom request
 * headers").
 */
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { RouteRole } from '../app/context.js';
import { HttpError } from '../app/httpErrors.js';
import type { ApiKey, Role, Store } from '../store/types.js';
import { verifyApiKey } from './apiKeys.js';
import { CSRF_HEADER, SESSION_COOKIE, type Sessions } from './sessions.js';

/** A registered route and its role (listed in `app.vigil.routes`). */
export interface RouteEntry {
  method: string;
  url: string;
  role: RouteRole;
}

export const ROUTE_ROLES: readonly RouteRole[] = ['public', 'read', 'ingest', 'admin'];

/** How often a key's `lastUsedAt` is written, at most (ms): a write per request would load the store. */
const TOUCH_INTERVAL_MS = 60_000;

/** Whether a key with role `role` may call a route that needs `needed`. */
export function roleAllows(role: Role, needed: RouteRole): boolean {
  if (needed === 'public' || role === 'admin') return true;
  return role === needed;
}

/** The key presented by a request (Authorization Bearer first, then X-Api-Key), or undefined. */
export function presentedKey(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match !== null) return match[1];
  }
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header.trim() !== '') return header.trim();
  return undefined;
}

/** Fails the registration of a route without a valid `config.role`. */
export function checkRouteRole(route: RouteOptions): void {
  const role = (route.config as { role?: unknown } | undefined)?.role;
  if (!ROUTE_ROLES.includes(role as RouteRole)) {
    const methods = Array.isArray(route.method) ? route.method.join(',') : route.method;
    throw new Error(
      `route ${methods} ${route.url} must declare config.role (one of ${ROUTE_ROLES.join(', ')}); got ${JSON.stringify(role)}`,
    );
  }
}

/** Methods that change nothing, exempt from the CSRF header. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session cookie's token, when the request has one (cookies parsed by @fastify/cookie). */
export function sessionToken(request: FastifyRequest): string | undefined {
  const token = (request as { cookies?: Record<string, string | undefined> }).cookies?.[SESSION_COOKIE];
  return typeof token === 'string' && token !== '' ? token : undefined;
}

const unauthorized = (message: string) =>
  new HttpError('UNAUTHORIZED', message, { headers: { 'www-authenticate': 'Bearer' } });

/** Adds the registration check and the request hook to the root instance (before routes are registered). */
export function registerAuth(
  app: FastifyInstance,
  store: Store,
  now: () => number,
  routes: RouteEntry[] = [],
  sessions?: Sessions,
): void {
  const touched = new Map<number, number>();
  app.addHook('onRoute', (route) => {
    checkRouteRole(route);
    for (const method of [route.method].flat()) {
      routes.push({ method, url: route.url, role: (route.config as { role: RouteRole }).role });
    }
  });
  app.addHook('onRequest', async (request) => {
    const needed = request.routeOptions.config.role;
    // Not-found and Fastify's own handlers have no role: nothing to protect there.
    if (needed === undefined || needed === 'public') return;
    const presented = presentedKey(request);
    const token = presented === undefined ? sessionToken(request) : undefined;
    let key: ApiKey | undefined;
    if (presented !== undefined) {
      key = await verifyApiKey(store, presented);
      if (key === undefined) throw unauthorized('invalid or revoked API key');
    } else if (token !== undefined && sessions !== undefined) {
      key = await sessions.resolve(token);
      if (key === undefined) throw unauthorized('session expired or ended: log in again');
    } else {
      throw unauthorized('missing API key: send "Authorization: Bearer <key>" or "X-Api-Key: <key>"');
    }
    if (!roleAllows(key.role, needed)) {
      throw new HttpError(
        'FORBIDDEN',
        `this route needs role "${needed}"${needed === 'admin' ? '' : ' or "admin"'}; the key "${key.name}" has role "${key.role}"`,
      );
    }
    if (
      presented === undefined &&
      !SAFE_METHODS.has(request.method) &&
      request.headers[CSRF_HEADER] !== '1'
    ) {
      throw new HttpError(
        'FORBIDDEN',
        'requests authenticated by the session cookie that change something must send the header "X-Vigil-Csrf: 1"',
      );
    }
    request.apiKey = key;
    const t = now();
    if (t - (touched.get(key.id) ?? Number.NEGATIVE_INFINITY) >= TOUCH_INTERVAL_MS) {
      touched.set(key.id, t);
      try {
        await store.touchApiKey(key.id, t);
      } catch (error) {
        request.log.warn({ err: error }, 'could not record the key use');
      }
    }
  });
}
