/**
 * `POST /api/v1/models/{model}/references` (admin): upload a reference data set as the raw body (CSV, TSV,
 * Parquet, JSON, JSON Lines or Arrow; see uploadParser.ts for the Content-Types) with its column roles in the
 * query string (`target`, `prediction`, `score`, `probas`, `features`, `categorical`, `ignore`, `positive`). The file
 * is read with `@vigil/io`'s `loadFrame` (errors such as a ragged CSV row answer 400 with the core code, row and
 * column), converted to rows, stored in one transaction, and its schema becomes the model's schema.
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isVigilError, VigilError } from '@vigil/core';
import { FILE_FORMATS, type FileFormat, loadFrame } from '@vigil/io';
import type { FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { httpError } from '../app/httpErrors.js';
import { requireModel } from '../app/requireModel.js';
import { errorResponses, ModelParams, ReferenceType, VersionName } from '../app/schemas.js';
import { frameToReference, type ReferenceRoles } from '../references/frameToReference.js';
import { addUploadParser, removeUpload, type Upload, uploadFileName } from '../references/uploadParser.js';
import type { Reference } from '../store/types.js';

const List = (description: string) => Type.Optional(Type.String({ minLength: 1, description }));

const ReferenceQuery = Type.Object(
  {
    format: Type.Optional(
      Type.Union(
        FILE_FORMATS.map((f) => Type.Literal(f)),
        { description: 'the file format; default: from the Content-Type' },
      ),
    ),
    version: Type.Optional(VersionName),
    source: Type.Optional(
      Type.String({ minLength: 1, maxLength: 512, description: 'file name, for people' }),
    ),
    target: List('the label column'),
    prediction: List('the predicted-label (or value) column'),
    score: List('binary models: the positive-class probability column'),
    probas: List('classifiers: probability columns, comma-separated, each `column` or `label=column`'),
    features: List('feature columns, comma-separated (default: every column without a role)'),
    categorical: List('columns to read as categories, comma-separated'),
    ignore: List('columns that are neither features nor roles (ids, timestamps), comma-separated'),
    positive: Type.Optional(Type.String({ minLength: 1, description: 'binary models: the positive class' })),
  },
  { additionalProperties: false },
);

/** loadFrame names the temporary file in its errors; the uploader knows the file by its source name. */
function renameFile(error: unknown, path: string, source: string): unknown {
  if (!isVigilError(error)) return error;
  return new VigilError(error.code, error.message.replaceAll(path, source), {
    hint: error.hint?.replaceAll(path, source),
    location: { ...error.location, file: source },
    details: error.details,
    cause: error,
  });
}

const split = (list: string | undefined): string[] | undefined =>
  list
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

export const referenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store, limits } = app.vigil;
  addUploadParser(app, limits.referenceBytes, app.vigil.tempDir);

  app.post(
    '/models/:model/references',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['references'],
        summary: 'upload a reference data set (the file as the body) with its column roles',
        params: ModelParams,
        querystring: ReferenceQuery,
        response: { 201: ReferenceType, ...errorResponses(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const upload = request.body as Upload | undefined;
      if (upload === undefined || upload === null || typeof upload.path !== 'string') {
        throw httpError('BAD_REQUEST', 'the body must be the reference file (Content-Type text/csv, …)');
      }
      try {
        const reference = await storeReference(request, request.params.model, request.query, upload);
        return reply.code(201).send(reference);
      } finally {
        await removeUpload(upload);
      }
    },
  );

  async function storeReference(
    request: FastifyRequest,
    modelName: string,
    query: Static<typeof ReferenceQuery>,
    upload: Upload,
  ): Promise<Reference> {
    const model = await requireModel(store, modelName);
    const format: FileFormat | undefined = query.format ?? upload.format;
    if (format === undefined) {
      const problem = `must name the file format (${FILE_FORMATS.join(', ')}) when the Content-Type is application/octet-stream`;
      throw httpError('VALIDATION', `querystring.format ${problem}`, {
        details: [{ field: 'format', problem }],
      });
    }
    if (upload.bytes === 0) {
      throw httpError('VALIDATION', 'body is empty: send the reference file', {
        details: [{ field: '', problem: 'is empty' }],
      });
    }
    const path = join(upload.dir, uploadFileName(format));
    await rename(upload.path, path);
    const roles: ReferenceRoles = {
      target: query.target,
      prediction: query.prediction,
      score: query.score,
      probas: split(query.probas)?.map((entry) => {
        const at = entry.indexOf('=');
        return at === -1
          ? { label: entry, column: entry }
          : { label: entry.slice(0, at), column: entry.slice(at + 1) };
      }),
      features: split(query.features),
      ignore: split(query.ignore),
      positive: query.positive,
    };
    const source = query.source ?? uploadFileName(format);
    const { frame } = await loadFrame(path, { format, categorical: split(query.categorical) }).catch(
      (error: unknown) => {
        throw renameFile(error, path, source);
      },
    );
    const { rows, schema } = frameToReference(frame, roles, model.task);
    if (query.version !== undefined) {
      const versions = await store.listVersions(model.name);
      if (!versions.some((v) => v.version === query.version)) {
        await store.createVersion({ model: model.name, version: query.version });
      }
    }
    const reference = await store.createReference(
      { model: model.name, version: query.version, source, schema },
      rows,
    );
    const patch: { schema: typeof schema; activeVersion?: string } = { schema };
    if (model.activeVersion === undefined && query.version !== undefined) patch.activeVersion = query.version;
    const updated = await store.updateModel(model.name, patch);
    await app.vigil.audit(request, 'reference.create', `model:${model.name}/reference:${reference.id}`, {
      rows: reference.rows,
      source,
      version: query.version,
    });
    for (const listener of app.vigil.afterReference) {
      await listener({ model: updated, reference, request });
    }
    return reference;
  }
};
