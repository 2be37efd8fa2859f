/**
 * `POST /api/v1/models/{model}/evaluate` (admin): runs the scheduler's tick for one model now, returning what it
 * evaluated. `?force=true` evaluates every window with new data as final, whatever the grace period (demos,
 * tests, a backfill after an upload of old predictions).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireModel } from '../app/requireModel.js';
import { errorResponses, ModelParams } from '../app/schemas.js';
import { appScheduler } from '../scheduler/appScheduler.js';

const WindowEvaluationType = Type.Object({
  model: Type.String(),
  windowStart: Type.Number(),
  windowEnd: Type.Number(),
  rows: Type.Integer(),
  points: Type.Integer(),
  kind: Type.Union([Type.Literal('final'), Type.Literal('rolling'), Type.Literal('empty')]),
  ms: Type.Number({ description: 'time to read, compute, write and alert, ms' }),
});

export const evaluateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store } = app.vigil;
  const scheduler = appScheduler(app.vigil);
  app.addHook('onClose', async () => {
    await scheduler.stop();
  });

  app.post(
    '/models/:model/evaluate',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['monitors'],
        summary: "evaluate the model's due windows now",
        params: ModelParams,
        querystring: Type.Object(
          {
            force: Type.Boolean({
              default: false,
              description: 'evaluate every window with new data as final, ignoring the grace period',
            }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            windows: Type.Array(WindowEvaluationType),
            alerts: Type.Integer({ description: 'alerts fired or resolved' }),
            failed: Type.Array(
              Type.Object({ model: Type.String(), windowStart: Type.Number(), message: Type.String() }),
            ),
          }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const model = await requireModel(store, request.params.model);
      const result = await scheduler.tick({ model: model.name, force: request.query.force });
      await app.vigil.audit(request, 'monitor.evaluate', `model:${model.name}`, {
        windows: result.windows.length,
      });
      return { windows: result.windows, alerts: result.alerts.length, failed: result.failed };
    },
  );
};
