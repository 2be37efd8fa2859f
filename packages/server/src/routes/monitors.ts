/**
 * Monitors of a model: list, read (read role), create, update, delete (admin, audited), and create the default
 * monitors on demand. Each config is checked against its kind's schema and the model (features of its schema,
 * metrics of its task; see monitors/monitorConfig.ts); problems answer 400 VALIDATION with `{field, problem}`
 * details. Default monitors are also created after every reference upload (a listener on `afterReference`).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { httpError } from '../app/httpErrors.js';
import { requireModel } from '../app/requireModel.js';
import { errorResponses, ModelParams } from '../app/schemas.js';
import { createDefaultMonitors } from '../monitors/defaultMonitors.js';
import {
  AlertRuleSchema,
  type ConfigProblem,
  type CustomConfig,
  checkMonitorConfig,
  normalizeMonitorConfig,
} from '../monitors/monitorConfig.js';
import type { AlertRule, Model, Monitor, MonitorKind, Store } from '../store/types.js';

export const MonitorKindType = Type.Union(
  [
    Type.Literal('drift'),
    Type.Literal('quality'),
    Type.Literal('performance'),
    Type.Literal('volume'),
    Type.Literal('latency'),
    Type.Literal('custom'),
  ],
  { description: 'drift, quality, performance, volume, latency or custom' },
);

const ConfigType = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'kind-specific settings. drift: {features?, prediction?, score?, test?, threshold?, correction?}; ' +
    'quality: {features?}; performance: {metrics, minLabelCoverage?}; volume: {}; latency: {quantiles?}; ' +
    'custom: {monitorId, feature?, metric}. Every kind: {alertMetric?}, the metric the rule judges (default: ' +
    "drift 'driftScore', whose verdict is the drift test's; performance its one metric; latency the highest " +
    'percentile; quality and volume all their metrics).',
});

export const MonitorType = Type.Object({
  id: Type.Integer(),
  model: Type.String(),
  name: Type.String(),
  kind: MonitorKindType,
  config: ConfigType,
  rule: Type.Optional(AlertRuleSchema),
  enabled: Type.Boolean(),
  createdAt: Type.Number(),
  updatedAt: Type.Number(),
});

const MonitorName = Type.String({ minLength: 1, maxLength: 200 });
const MonitorParams = Type.Object({
  model: Type.String({ minLength: 1, maxLength: 128 }),
  id: Type.Integer({ minimum: 1 }),
});

/** The monitor `id` of `model`, or 404 RESOURCE_NOT_FOUND (a monitor of another model is not found here). */
export async function requireMonitor(store: Store, model: string, id: number): Promise<Monitor> {
  const monitor = await store.getMonitor(id);
  if (monitor === undefined || monitor.model !== model) {
    throw httpError('RESOURCE_NOT_FOUND', `monitor ${id} of model "${model}" does not exist`, {
      details: { model, monitor: id },
    });
  }
  return monitor;
}

/** Checks a definition against its kind and the model; 400 VALIDATION listing every problem. */
async function checkDefinition(
  store: Store,
  model: Model,
  kind: MonitorKind,
  config: Record<string, unknown>,
  rule: AlertRule | undefined,
): Promise<void> {
  const problems: ConfigProblem[] = checkMonitorConfig(kind, config, rule, model);
  if (problems.length === 0 && kind === 'custom') {
    const source = await store.getMonitor((config as CustomConfig).monitorId);
    if (source === undefined) {
      problems.push({ field: 'config.monitorId', problem: 'must name an existing monitor' });
    }
  }
  if (problems.length > 0) {
    const first = problems[0];
    throw httpError('VALIDATION', `${first.field} ${first.problem}`, { details: problems });
  }
}

export const monitorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store } = app.vigil;

  // Default monitors for every uploaded reference (names the model already has are kept as they are).
  app.vigil.afterReference.push(async ({ model }) => {
    await createDefaultMonitors(store, model);
  });

  app.get(
    '/models/:model/monitors',
    {
      config: { role: 'read' },
      schema: {
        tags: ['monitors'],
        summary: "list the model's monitors",
        params: ModelParams,
        response: {
          200: Type.Object({ monitors: Type.Array(MonitorType) }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      await requireModel(store, request.params.model);
      return { monitors: await store.listMonitors(request.params.model) };
    },
  );

  app.post(
    '/models/:model/monitors',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['monitors'],
        summary: 'create a monitor',
        params: ModelParams,
        body: Type.Object(
          {
            name: MonitorName,
            kind: MonitorKindType,
            config: Type.Optional(ConfigType),
            rule: Type.Optional(AlertRuleSchema),
            enabled: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 201: MonitorType, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const model = await requireModel(store, request.params.model);
      const { name, kind, rule } = request.body;
      const config = request.body.config ?? {};
      await checkDefinition(store, model, kind, config, rule);
      if ((await store.listMonitors(model.name)).some((m) => m.name === name)) {
        throw httpError('CONFLICT', `monitor "${name}" of model "${model.name}" exists already`, {
          details: { model: model.name, name },
        });
      }
      const monitor = await store.createMonitor({
        model: model.name,
        name,
        kind,
        config: normalizeMonitorConfig(kind, config),
        rule,
        enabled: request.body.enabled ?? true,
      });
      await app.vigil.audit(request, 'monitor.create', `monitor:${monitor.id}`, {
        model: model.name,
        kind,
        name,
      });
      return reply.code(201).send(monitor);
    },
  );

  app.post(
    '/models/:model/monitors/defaults',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['monitors'],
        summary: "create the default monitors from the model's newest reference (existing names are kept)",
        params: ModelParams,
        response: {
          200: Type.Object({ created: Type.Array(MonitorType) }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      const model = await requireModel(store, request.params.model);
      const created = await createDefaultMonitors(store, model);
      await app.vigil.audit(request, 'monitor.defaults', `model:${model.name}`, { created: created.length });
      return { created };
    },
  );

  app.get(
    '/models/:model/monitors/:id',
    {
      config: { role: 'read' },
      schema: {
        tags: ['monitors'],
        summary: 'one monitor',
        params: MonitorParams,
        response: { 200: MonitorType, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      await requireModel(store, request.params.model);
      return requireMonitor(store, request.params.model, request.params.id);
    },
  );

  app.patch(
    '/models/:model/monitors/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['monitors'],
        summary: "update a monitor's name, config, rule or enabled flag (the kind is fixed)",
        params: MonitorParams,
        body: Type.Object(
          {
            name: Type.Optional(MonitorName),
            config: Type.Optional(ConfigType),
            rule: Type.Optional(AlertRuleSchema),
            enabled: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: MonitorType, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const model = await requireModel(store, request.params.model);
      const monitor = await requireMonitor(store, model.name, request.params.id);
      const patch = request.body;
      const config = patch.config ?? monitor.config;
      const rule = patch.rule ?? monitor.rule;
      if (patch.config !== undefined || patch.rule !== undefined) {
        await checkDefinition(store, model, monitor.kind, config, rule);
      }
      if (
        patch.name !== undefined &&
        patch.name !== monitor.name &&
        (await store.listMonitors(model.name)).some((m) => m.name === patch.name)
      ) {
        throw httpError('CONFLICT', `monitor "${patch.name}" of model "${model.name}" exists already`, {
          details: { model: model.name, name: patch.name },
        });
      }
      const updated = await store.updateMonitor(monitor.id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.config !== undefined ? { config: normalizeMonitorConfig(monitor.kind, config) } : {}),
        ...(patch.rule !== undefined ? { rule: patch.rule } : {}),
        ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
      });
      await app.vigil.audit(request, 'monitor.update', `monitor:${monitor.id}`, {
        model: model.name,
        fields: Object.keys(patch),
      });
      return updated;
    },
  );

  app.delete(
    '/models/:model/monitors/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['monitors'],
        summary: 'delete a monitor (and its series)',
        params: MonitorParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const model = await requireModel(store, request.params.model);
      const monitor = await requireMonitor(store, model.name, request.params.id);
      await store.deleteMonitor(monitor.id);
      await app.vigil.audit(request, 'monitor.delete', `monitor:${monitor.id}`, { model: model.name });
      return reply.code(204).send(null);
    },
  );
};
