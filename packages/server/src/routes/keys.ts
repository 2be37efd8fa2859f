/**
 * API keys and the audit log (admin only): list keys (never their secrets), create one (the key is in the 201
 * answer and nowhere else, ever), revoke one, and read the audit log of admin actions. Revoking the last active
 * admin key is refused, so the server cannot be locked.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { httpError } from '../app/httpErrors.js';
import { ApiKeyType, errorResponses, RoleType } from '../app/schemas.js';
import { createKey } from '../auth/createKey.js';

const KeyParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const keyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store } = app.vigil;

  app.get(
    '/keys',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['keys'],
        summary: 'list API keys (prefixes and roles; secrets are never stored)',
        response: { 200: Type.Object({ keys: Type.Array(ApiKeyType) }), ...errorResponses(401, 403) },
      },
    },
    async () => ({ keys: await store.listApiKeys() }),
  );

  app.post(
    '/keys',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['keys'],
        summary: 'create an API key; the answer holds the key, shown this once',
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 200 }), role: RoleType },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ ...ApiKeyType.properties, key: Type.String({ description: 'the secret key' }) }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const { apiKey, key } = await createKey(store, request.body);
      await app.vigil.audit(request, 'key.create', `key:${apiKey.id}`, {
        role: apiKey.role,
        name: apiKey.name,
      });
      return reply.code(201).send({ ...apiKey, key });
    },
  );

  app.delete(
    '/keys/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['keys'],
        summary: 'revoke an API key',
        params: KeyParams,
        response: { 204: Type.Null({ description: 'revoked' }), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const id = request.params.id;
      const keys = await store.listApiKeys();
      const key = keys.find((k) => k.id === id);
      if (key === undefined)
        throw httpError('RESOURCE_NOT_FOUND', `API key ${id} does not exist`, { details: { id } });
      if (key.revokedAt === undefined) {
        const admins = keys.filter((k) => k.role === 'admin' && k.revokedAt === undefined);
        if (key.role === 'admin' && admins.length === 1) {
          throw httpError(
            'CONFLICT',
            `API key ${id} is the last active admin key; create another admin key first`,
          );
        }
        await store.revokeApiKey(id, app.vigil.now());
        await app.vigil.audit(request, 'key.revoke', `key:${id}`);
      }
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/audit',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['keys'],
        summary: 'the audit log of admin actions, newest first',
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 10_000, default: 100 }) }),
        response: {
          200: Type.Object({
            entries: Type.Array(
              Type.Object({
                id: Type.Integer(),
                at: Type.Number(),
                keyId: Type.Optional(Type.Integer()),
                action: Type.String(),
                target: Type.String(),
                details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
              }),
            ),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => ({ entries: await store.listAudit(request.query.limit) }),
  );
};
