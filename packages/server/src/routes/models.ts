/**
 * Models and their versions: create, list, read, update and delete (admin writes, read GETs). Every admin action
 * is written to the audit log.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { httpError } from '../app/httpErrors.js';
import { requireModel } from '../app/requireModel.js';
import {
  errorResponses,
  ModelName,
  ModelParams,
  ModelSchemaType,
  ModelType,
  ReferenceType,
  Task,
  VersionName,
  VersionType,
} from '../app/schemas.js';

/** Default tumbling window: one hour. */
export const DEFAULT_WINDOW_MS = 3_600_000;

const WindowMs = Type.Integer({
  minimum: 1000,
  maximum: 366 * 86_400_000,
  description: 'tumbling window length in ms (default 3 600 000: one hour)',
});

export const modelRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store } = app.vigil;

  app.post(
    '/models',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['models'],
        summary: 'create a model',
        body: Type.Object(
          {
            name: ModelName,
            task: Task,
            description: Type.Optional(Type.String({ maxLength: 2000 })),
            windowMs: Type.Optional(WindowMs),
            schema: Type.Optional(ModelSchemaType),
          },
          { additionalProperties: false },
        ),
        response: { 201: ModelType, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if ((await store.getModel(body.name)) !== undefined) {
        throw httpError('CONFLICT', `model "${body.name}" exists already`, { details: { model: body.name } });
      }
      const model = await store.createModel({ ...body, windowMs: body.windowMs ?? DEFAULT_WINDOW_MS });
      await app.vigil.audit(request, 'model.create', `model:${model.name}`, { task: model.task });
      return reply.code(201).send(model);
    },
  );

  app.get(
    '/models',
    {
      config: { role: 'read' },
      schema: {
        tags: ['models'],
        summary: 'list the models',
        response: { 200: Type.Object({ models: Type.Array(ModelType) }), ...errorResponses(401, 403) },
      },
    },
    async () => ({ models: await store.listModels() }),
  );

  app.get(
    '/models/:model',
    {
      config: { role: 'read' },
      schema: {
        tags: ['models'],
        summary: 'one model',
        params: ModelParams,
        response: { 200: ModelType, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => requireModel(store, request.params.model),
  );

  app.patch(
    '/models/:model',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['models'],
        summary: 'update a model (description, window, schema, active version)',
        params: ModelParams,
        body: Type.Object(
          {
            description: Type.Optional(Type.String({ maxLength: 2000 })),
            windowMs: Type.Optional(WindowMs),
            schema: Type.Optional(ModelSchemaType),
            activeVersion: Type.Optional(VersionName),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: ModelType, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const name = request.params.model;
      await requireModel(store, name);
      const patch = request.body;
      if (patch.activeVersion !== undefined) {
        const versions = await store.listVersions(name);
        if (!versions.some((v) => v.version === patch.activeVersion)) {
          const problem = `must name a version of the model (create it with POST /api/v1/models/${name}/versions); got "${patch.activeVersion}"`;
          throw httpError('VALIDATION', `activeVersion ${problem}`, {
            details: [{ field: 'activeVersion', problem }],
          });
        }
      }
      const model = await store.updateModel(name, patch);
      await app.vigil.audit(request, 'model.update', `model:${name}`, { fields: Object.keys(patch) });
      return model;
    },
  );

  app.delete(
    '/models/:model',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['models'],
        summary: 'delete a model and everything stored for it',
        params: ModelParams,
        response: { 204: Type.Null({ description: 'deleted' }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const name = request.params.model;
      await requireModel(store, name);
      await store.deleteModel(name);
      await app.vigil.audit(request, 'model.delete', `model:${name}`);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/models/:model/versions',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['models'],
        summary: 'add a version to a model',
        params: ModelParams,
        body: Type.Object(
          {
            version: VersionName,
            description: Type.Optional(Type.String({ maxLength: 2000 })),
            activate: Type.Optional(
              Type.Boolean({ description: 'make it the active version (default: when the model has none)' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: VersionType, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const name = request.params.model;
      const model = await requireModel(store, name);
      const { version, description, activate } = request.body;
      const existing = await store.listVersions(name);
      if (existing.some((v) => v.version === version)) {
        throw httpError('CONFLICT', `version "${version}" of model "${name}" exists already`, {
          details: { model: name, version },
        });
      }
      const created = await store.createVersion({ model: name, version, description });
      if (activate ?? model.activeVersion === undefined) {
        await store.updateModel(name, { activeVersion: version });
      }
      await app.vigil.audit(request, 'version.create', `model:${name}/version:${version}`);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/models/:model/versions',
    {
      config: { role: 'read' },
      schema: {
        tags: ['models'],
        summary: 'versions of a model',
        params: ModelParams,
        response: {
          200: Type.Object({ versions: Type.Array(VersionType) }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      await requireModel(store, request.params.model);
      return { versions: await store.listVersions(request.params.model) };
    },
  );

  app.get(
    '/models/:model/references',
    {
      config: { role: 'read' },
      schema: {
        tags: ['references'],
        summary: 'reference data sets of a model (newest first)',
        params: ModelParams,
        response: {
          200: Type.Object({ references: Type.Array(ReferenceType) }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      await requireModel(store, request.params.model);
      return { references: await store.listReferences(request.params.model) };
    },
  );
};
