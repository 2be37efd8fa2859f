/**
 * `GET /api/v1/openapi.json` (public): the OpenAPI 3.1 document @fastify/swagger builds from the route schemas,
 * the same schemas that validate requests and serialize responses.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const openapiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/openapi.json', { config: { role: 'public' }, schema: { hide: true } }, async () => app.swagger());
};
