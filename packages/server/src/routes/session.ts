/**
 * Dashboard login (issue 5 §2, contract 1 of the issue-5 plan): `POST /session` trades an API key for the
 * `vigil_session` cookie (HttpOnly, SameSite=Strict, Path=/, Max-Age 12 h; a random token, never the key),
 * `GET /session` says who is logged in, `DELETE /session` logs out. The session then authenticates every route as
 * its key would (auth/authHook.ts), mutations also needing `X-Vigil-Csrf: 1`.
 *
 * Roles: login is public (it is where a key is presented); `GET /session` needs role `read`, like the dashboard's
 * other reads; logout is public and idempotent, so a browser whose session expired can still clear its cookie.
 * An `ingest` key cannot log in: it may read nothing the dashboard shows.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { httpError } from '../app/httpErrors.js';
import { errorResponses, RoleType } from '../app/schemas.js';
import { verifyApiKey } from '../auth/apiKeys.js';
import { sessionToken } from '../auth/authHook.js';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../auth/sessions.js';
import type { ApiKey } from '../store/types.js';

const SessionKeyType = Type.Object({
  key: Type.Object({ id: Type.Integer(), name: Type.String(), role: RoleType }),
});

const sessionBody = (key: ApiKey) => ({ key: { id: key.id, name: key.name, role: key.role } });

/** Cookie attributes: not readable by scripts, never sent by cross-site requests, for the whole site. */
function cookieOptions(request: FastifyRequest, maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    path: '/',
    maxAge: maxAgeSeconds,
    // Behind TLS the cookie must not leak to plain HTTP; on http://localhost it could not be set at all.
    secure: request.protocol === 'https',
  };
}

function clearCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.setCookie(SESSION_COOKIE, '', cookieOptions(request, 0));
}

export const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store, sessions } = app.vigil;

  app.post(
    '/session',
    {
      config: { role: 'public' },
      schema: {
        tags: ['session'],
        summary: 'log in with an API key: sets the vigil_session cookie (HttpOnly, SameSite=Strict, 12 h)',
        security: [],
        body: Type.Object(
          { key: Type.String({ minLength: 1, maxLength: 200, description: 'an API key, vgl_…' }) },
          { additionalProperties: false },
        ),
        response: { 200: SessionKeyType, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const key = await verifyApiKey(store, request.body.key);
      if (key === undefined) {
        throw httpError('UNAUTHORIZED', 'invalid or revoked API key', {
          headers: { 'www-authenticate': 'Bearer' },
        });
      }
      if (key.role === 'ingest') {
        throw httpError(
          'FORBIDDEN',
          `the dashboard needs a key with role "read" or "admin"; the key "${key.name}" has role "ingest"`,
        );
      }
      const token = sessions.create(key);
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(request, SESSION_TTL_MS / 1000));
      return sessionBody(key);
    },
  );

  app.get(
    '/session',
    {
      config: { role: 'read' },
      schema: {
        tags: ['session'],
        summary: 'the key of the current session (or of the presented key)',
        response: { 200: SessionKeyType, ...errorResponses(401, 403) },
      },
    },
    async (request) => sessionBody(request.apiKey as ApiKey),
  );

  app.delete(
    '/session',
    {
      config: { role: 'public' },
      schema: {
        tags: ['session'],
        summary: 'log out: ends the session and clears its cookie (answers 204 also without one)',
        security: [],
        response: { 204: Type.Null({ description: 'logged out' }) },
      },
    },
    async (request, reply) => {
      const token = sessionToken(request);
      if (token !== undefined) sessions.end(token);
      clearCookie(request, reply);
      return reply.code(204).send(null);
    },
  );
};
