/**
 * `GET /metrics`: the Prometheus exposition of the app's metrics (see metrics/serverMetrics.ts), read role (a
 * Prometheus scrape config sends the key as a bearer token: `authorization: {credentials: vgl_…}`).
 *
 * The plugin also installs the request hooks that feed the metrics, on the root instance (it is not
 * encapsulated: Fastify's `skip-override`), so every route's requests are timed and the ingestion routes'
 * answers counted.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { API_PREFIX } from '../app/buildApp.js';
import { errorResponses } from '../app/schemas.js';
import { createServerMetrics } from '../metrics/serverMetrics.js';

const plugin: FastifyPluginAsyncTypebox = async (app) => {
  const metrics = createServerMetrics(app.vigil.store);
  // Read here, not at module load: buildApp.ts imports this module (a cycle resolved by the time plugins load).
  const PREDICTIONS = `${API_PREFIX}/models/:model/predictions`;
  const LABELS = `${API_PREFIX}/models/:model/labels`;

  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    if (
      reply.statusCode !== 200 ||
      (route !== PREDICTIONS && route !== LABELS) ||
      typeof payload !== 'string'
    ) {
      return payload;
    }
    const model = (request.params as { model?: string }).model ?? '';
    try {
      const body = JSON.parse(payload) as Record<string, number>;
      if (route === PREDICTIONS) {
        metrics.predictions.inc({ model }, body.inserted ?? 0);
        metrics.duplicates.inc({ model }, body.duplicates ?? 0);
      } else {
        metrics.labels.inc({ model }, body.stored ?? 0);
        metrics.labelsMatched.inc({ model }, body.matched ?? 0);
      }
    } catch {
      // Not the JSON answer the route documents: nothing to count.
    }
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    metrics.requestDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  app.get(
    '/metrics',
    {
      config: { role: 'read' },
      schema: {
        tags: ['metrics'],
        summary: 'Prometheus metrics (text exposition format)',
        produces: ['text/plain'],
        response: {
          200: Type.String({ description: 'Prometheus text format 0.0.4' }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (_request, reply) => {
      const text = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).send(text);
    },
  );
};

// Not encapsulated: the hooks above must see every route of the app.
(plugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

export const metricsRoutes = plugin;
