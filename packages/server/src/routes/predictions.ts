/**
 * `POST /api/v1/models/{model}/predictions` (role ingest): a JSON array or NDJSON of up to `maxBatch` predictions.
 * All or nothing: one invalid item rejects the batch with a 400 naming every invalid item and nothing is stored;
 * the 200 is sent only after the store committed every row. Ids the model already has are ignored and counted
 * as `duplicates`.
 *
 * The body is read raw and decoded — parsed, validated against the published schema, columnised — by the ingest
 * decoder (ingest/decodePool.ts), on a worker thread for all but small bodies, so the main thread only moves
 * bytes and typed arrays. Errors are the same ones Fastify's parser and the validator compiler give elsewhere.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifySchemaCompiler } from 'fastify';
import { Type } from 'typebox';
import { httpError } from '../app/httpErrors.js';
import { requireModel } from '../app/requireModel.js';
import { errorResponses, ModelParams } from '../app/schemas.js';
import { validatorCompiler } from '../app/validatorCompiler.js';
import type { BodyKind } from '../ingest/decodePredictions.js';
import { NDJSON_TYPES } from '../ingest/ndjsonParser.js';
import { batchOf, PredictionItem } from '../ingest/predictionSchemas.js';
import type { InsertResult } from '../store/types.js';

/** The unparsed body: decoding happens in the handler, after the model is known to exist. */
interface RawBody {
  bytes: Buffer;
  kind: BodyKind;
}

/** The body schema is published (OpenAPI) and enforced by the decoder; params are validated as everywhere. */
const routeValidator: FastifySchemaCompiler<unknown> = (definition) =>
  definition.httpPart === 'body'
    ? (value: unknown) => ({ value })
    : (validatorCompiler as FastifySchemaCompiler<unknown>)(definition);

export const predictionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store, limits, predictionDecoder } = app.vigil;
  app.removeContentTypeParser('application/json');
  for (const [types, kind] of [
    [['application/json'], 'json'],
    [NDJSON_TYPES, 'ndjson'],
  ] as const) {
    app.addContentTypeParser(
      [...types],
      { parseAs: 'buffer', bodyLimit: limits.bodyBytes },
      (_request, bytes, done) => done(null, { bytes: bytes as Buffer, kind } satisfies RawBody),
    );
  }

  app.post(
    '/models/:model/predictions',
    {
      config: { role: 'ingest', write: true },
      validatorCompiler: routeValidator,
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
      let result: InsertResult | undefined;
      try {
        const model = await requireModel(store, request.params.model);
        const receivedAt = app.vigil.now();
        const body = request.body as unknown as RawBody;
        const decoded = await predictionDecoder.decode(body.bytes, body.kind, receivedAt);
        if (!decoded.ok) {
          const { code, message, details } = decoded.error;
          throw httpError(code, message, details === undefined ? undefined : { details });
        }
        const { columns } = decoded;
        if (model.activeVersion !== undefined) {
          for (let i = 0; i < columns.n; i++) columns.versions[i] ??= model.activeVersion;
        }
        ticket?.setRows(columns.n);
        result =
          columns.n === 0
            ? { inserted: 0, duplicates: 0 }
            : await store.insertPredictions(model.name, columns, receivedAt);
        return { inserted: result.inserted, duplicates: result.duplicates + decoded.duplicates };
      } finally {
        ticket?.release(result?.inserted ?? 0);
      }
    },
  );
};
