/**
 * Liveness and readiness, public (orchestrators probe them without a key): `/healthz` answers while the process
 * runs; `/readyz` answers 200 only when the store answers a trivial query.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { httpError } from '../app/httpErrors.js';
import { errorResponses } from '../app/schemas.js';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      config: { role: 'public' },
      schema: {
        tags: ['health'],
        summary: 'liveness: the process is up',
        security: [],
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      config: { role: 'public' },
      schema: {
        tags: ['health'],
        summary: 'readiness: the store answers',
        security: [],
        response: {
          200: Type.Object({ status: Type.Literal('ready'), store: Type.String() }),
          ...errorResponses(503),
        },
      },
    },
    async () => {
      const { store } = app.vigil;
      let ok = false;
      try {
        ok = await store.ping();
      } catch {
        ok = false;
      }
      if (!ok) throw httpError('UNAVAILABLE', `the ${store.kind} store does not answer`);
      return { status: 'ready' as const, store: store.kind };
    },
  );
};
