/**
 * Metric time series of a monitor: its points per window, filtered by feature, metric and time range (read role);
 * `details=false` leaves each point's details out (not even read from the store) for long series drawn as lines.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireModel } from '../app/requireModel.js';
import { errorResponses } from '../app/schemas.js';
import { requireMonitor } from './monitors.js';

export const MetricPointType = Type.Object({
  model: Type.String(),
  monitorId: Type.Integer(),
  windowStart: Type.Number({ description: 'window start, ms since the Unix epoch (inclusive)' }),
  windowEnd: Type.Number({ description: 'window end, ms (exclusive)' }),
  feature: Type.String({ description: "the feature the value is about; '' when not per feature" }),
  metric: Type.String(),
  value: Type.Union([Type.Number(), Type.Null()], { description: 'null when the data cannot tell' }),
  status: Type.Union([Type.Literal('ok'), Type.Literal('breach'), Type.Literal('insufficient')]),
  // No `type` keyword on purpose: fast-json-stringify then writes details with JSON.stringify, where a record of
  // unknown values takes its generic per-property path, five times slower on a year of hourly points (measured
  // with `npm run bench -- server-series`).
  details: Type.Optional(
    Type.Unsafe<Record<string, unknown>>({
      description: 'a JSON object: what the monitor kind reports beside the value (test, statistic, sizes…)',
    }),
  ),
  computedAt: Type.Number(),
});

export const seriesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store } = app.vigil;

  app.get(
    '/models/:model/monitors/:id/series',
    {
      config: { role: 'read' },
      schema: {
        tags: ['monitors'],
        summary: "a monitor's metric series: its points per window, oldest first",
        params: Type.Object({
          model: Type.String({ minLength: 1, maxLength: 128 }),
          id: Type.Integer({ minimum: 1 }),
        }),
        querystring: Type.Object(
          {
            feature: Type.Optional(
              Type.String({ maxLength: 1000, description: "'' for values not per feature" }),
            ),
            metric: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            from: Type.Optional(Type.Number({ description: 'windows starting at or after, ms' })),
            to: Type.Optional(Type.Number({ description: 'windows starting before, ms' })),
            limit: Type.Integer({ minimum: 1, maximum: 100_000, default: 10_000 }),
            details: Type.Boolean({
              default: true,
              description:
                'false: each point without its details (a year of hourly points is a few MB with them, a tenth without)',
            }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ points: Type.Array(MetricPointType) }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { model, id } = request.params;
      await requireModel(store, model);
      await requireMonitor(store, model, id);
      const { feature, metric, from, to, limit, details } = request.query;
      return {
        points: await store.readSeries({ monitorId: id, feature, metric, from, to, limit, details }),
      };
    },
  );
};
