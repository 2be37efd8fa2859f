/**
 * `POST /api/v1/models/{model}/labels` (role ingest): ground truth `[{id, label}]`, joined to predictions by id
 * whenever either arrives (a label may come before its prediction). A later label of the same id replaces the
 * earlier one. All or nothing, 200 only once stored, as for predictions.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireModel } from '../app/requireModel.js';
import { errorResponses, ModelParams } from '../app/schemas.js';
import { addNdjsonParser } from '../ingest/ndjsonParser.js';
import { normalizeLabels } from '../ingest/normalizePredictions.js';
import { batchOf, LabelItem } from '../ingest/predictionSchemas.js';
import type { LabelResult } from '../store/types.js';

export const labelRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store, limits } = app.vigil;
  addNdjsonParser(app, limits.maxBatch, limits.bodyBytes);

  app.post(
    '/models/:model/labels',
    {
      config: { role: 'ingest', write: true },
      schema: {
        tags: ['ingestion'],
        summary: 'log ground-truth labels by prediction id (JSON array or NDJSON)',
        params: ModelParams,
        body: batchOf(LabelItem, limits.maxBatch),
        response: {
          200: Type.Object({
            stored: Type.Integer({ description: 'labels stored (new or replacing an earlier one)' }),
            matched: Type.Integer({ description: 'of those, labels whose prediction is stored' }),
          }),
          ...errorResponses(400, 401, 403, 404, 413, 415, 429, 503),
        },
      },
    },
    async (request) => {
      const ticket = request.writeTicket;
      const model = await requireModel(store, request.params.model);
      const rows = normalizeLabels(request.body);
      ticket?.setRows(rows.length);
      let result: LabelResult | undefined;
      try {
        result = await store.insertLabels(model.name, rows, app.vigil.now());
      } finally {
        ticket?.release(result?.stored ?? 0);
      }
      return { stored: result.stored, matched: result.matched };
    },
  );
};
