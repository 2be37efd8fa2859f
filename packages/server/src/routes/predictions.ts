/**
 * `POST /api/v1/models/{model}/predictions` (role ingest): a JSON array or NDJSON of up to `maxBatch` predictions.
 * All or nothing: one invalid item rejects the batch with a 400 naming every invalid item and nothing is stored;
 * the 200 is sent only after the store committed every row. Ids the model already has are ignored and counted
 * as `duplicates`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireModel } from '../app/requireModel.js';
import { errorResponses, ModelParams } from '../app/schemas.js';
import { addNdjsonParser } from '../ingest/ndjsonParser.js';
import { normalizePredictions } from '../ingest/normalizePredictions.js';
import { batchOf, PredictionItem } from '../ingest/predictionSchemas.js';
import type { InsertResult } from '../store/types.js';

export const predictionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store, limits } = app.vigil;
  addNdjsonParser(app, limits.maxBatch, limits.bodyBytes);

  app.post(
    '/models/:model/predictions',
    {
      config: { role: 'ingest', write: true },
      schema: {
        tags: ['ingestion'],
        summary: 'log predictions (JSON array or NDJSON); 200 once every row is stored',
        params: ModelParams,
        body: batchOf(PredictionItem, limits.maxBatch),
        response: {
          200: Type.Object({
            inserted: Type.Integer({ description: 'rows stored by this request' }),
            duplicates: Type.Integer({ description: 'rows ignored because their id was already stored' }),
          }),
          ...errorResponses(400, 401, 403, 404, 413, 415, 429, 503),
        },
      },
    },
    async (request) => {
      const ticket = request.writeTicket;
      const model = await requireModel(store, request.params.model);
      const receivedAt = app.vigil.now();
      const { rows, duplicates } = normalizePredictions(
        request.body,
        model,
        receivedAt,
        app.vigil.pseudonymize,
      );
      ticket?.setRows(rows.length);
      let result: InsertResult | undefined;
      try {
        result =
          rows.length === 0
            ? { inserted: 0, duplicates: 0 }
            : await store.insertPredictions(model.name, rows, receivedAt);
      } finally {
        ticket?.release(result?.inserted ?? 0);
      }
      return { inserted: result.inserted, duplicates: result.duplicates + duplicates };
    },
  );
};
