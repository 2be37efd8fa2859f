/**
 * The dashboard's reads (issue 5 §2, contract 2 of the issue-5 plan), role read: the models overview, a model's
 * page in one call (every series on one window axis, its open alerts, monitors and summary sentences), and a
 * feature's page (reference vs window histogram, drift score over time). Each answers with a fixed number of store
 * queries (dashboard/loadDashboard.ts); the feature histogram, which reads rows, is cached per (model, feature,
 * window, reference, evaluation), and the reference's column per (reference, feature), so a window not yet shown
 * reads only the window's rows.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { httpError } from '../app/httpErrors.js';
import { requireModel } from '../app/requireModel.js';
import { errorResponses, ModelType, Task } from '../app/schemas.js';
import { type FeatureHistogram, featureHistogram } from '../dashboard/featureHistogram.js';
import { loadDashboard } from '../dashboard/loadDashboard.js';
import { referenceColumnCache } from '../dashboard/referenceColumnCache.js';
import type { FeatureKind, Model, Monitor } from '../store/types.js';
import { AlertType } from './alerts.js';
import { MonitorType } from './monitors.js';

const Nullable = <T extends ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()]);
const NumberSeries = Type.Array(Nullable(Type.Number()), { description: 'one value per window; null: none' });
const Health = Type.Union(
  [Type.Literal('ok'), Type.Literal('warning'), Type.Literal('critical'), Type.Literal('no-data')],
  { description: 'the worst severity of the open alerts; no-data while no window received data' },
);
const Summary = Type.Array(Type.String(), { description: 'plain-language sentences, most urgent first' });
const BySeverity = Type.Object({ critical: Type.Integer(), warning: Type.Integer() });

const OverviewModel = Type.Object({
  name: Type.String(),
  task: Task,
  activeVersion: Type.Optional(Type.String()),
  health: Health,
  openAlerts: Type.Integer(),
  openAlertsBySeverity: BySeverity,
  lastEvaluatedAt: Type.Optional(Type.Number()),
  windowMs: Type.Integer(),
  volume: Type.Array(Type.Object({ windowStart: Type.Number(), count: Type.Integer() }), {
    description: 'predictions per window, the last 24 windows',
  }),
  summary: Summary,
});

const DashboardType = Type.Object({
  model: ModelType,
  windows: Type.Array(Type.Number(), { description: 'window starts, ms, oldest first' }),
  health: Health,
  lastDataAt: Type.Optional(Type.Number()),
  lastEvaluatedAt: Type.Optional(Type.Number()),
  performance: Type.Object({
    metric: Type.Union([Type.String(), Type.Null()], { description: 'null: no performance monitor' }),
    values: NumberSeries,
    reference: Nullable(Type.Number()),
    coverage: NumberSeries,
    threshold: Type.Optional(Type.Number()),
  }),
  predictions: Type.Object({
    kind: Type.Union([Type.Literal('score'), Type.Literal('class'), Type.Literal('value')], {
      description: 'score: mean of the binary score; value: mean prediction (regression); class: shares only',
    }),
    mean: NumberSeries,
    classShares: Type.Optional(Type.Record(Type.String(), NumberSeries)),
  }),
  drift: Type.Object({
    features: Type.Array(Type.String()),
    scores: Type.Array(NumberSeries, { description: 'per feature, the drift score of each window' }),
    drifted: Type.Array(Type.Array(Type.Union([Type.Boolean(), Type.Null()]))),
    test: Type.Record(Type.String(), Type.String()),
    threshold: Type.Record(Type.String(), Type.Number()),
  }),
  quality: Type.Object({
    missingShare: NumberSeries,
    outOfRange: NumberSeries,
    unseenCategories: NumberSeries,
  }),
  latency: Type.Object({ p50: NumberSeries, p95: NumberSeries, p99: NumberSeries }),
  volume: Type.Array(Type.Integer()),
  alerts: Type.Array(AlertType),
  openAlertsBySeverity: BySeverity,
  summary: Summary,
  monitors: Type.Array(MonitorType),
});

const FeatureType = Type.Object({
  feature: Type.String(),
  kind: Type.Union([Type.Literal('numerical'), Type.Literal('categorical')]),
  test: Type.Union([Type.String(), Type.Null()], {
    description: 'null: no drift monitor tested the feature',
  }),
  threshold: Nullable(Type.Number()),
  windowStart: Nullable(Type.Number()),
  histogram: Type.Object({
    bins: Type.Optional(Type.Array(Type.Number())),
    categories: Type.Optional(Type.Array(Type.String())),
    reference: Type.Array(Type.Number()),
    window: Type.Array(Type.Number()),
  }),
  series: Type.Array(
    Type.Object({
      windowStart: Type.Number(),
      score: Nullable(Type.Number()),
      drifted: Type.Union([Type.Boolean(), Type.Null()]),
    }),
  ),
});

/** Overview sparkline length. */
const OVERVIEW_WINDOWS = 24;
/** Windows of a feature's drift series. */
const FEATURE_SERIES_WINDOWS = 500;
/** Histograms kept (each a few hundred numbers). */
const HISTOGRAM_CACHE = 256;
/** Reference columns kept (each one value per reference row). */
const REFERENCE_COLUMNS = 64;

/** The drift monitor testing `feature` (lowest id, as the model page picks). */
function driftMonitorOf(monitors: readonly Monitor[], model: Model, feature: string): Monitor | undefined {
  return monitors
    .filter((m) => m.kind === 'drift')
    .sort((a, b) => a.id - b.id)
    .find((m) => {
      const list = (m.config as { features?: unknown }).features;
      return Array.isArray(list)
        ? list.includes(feature)
        : (model.schema?.features ?? []).some((f) => f.name === feature);
    });
}

export const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store, now } = app.vigil;
  const histograms = new Map<string, FeatureHistogram>();
  const referenceColumn = referenceColumnCache(store, REFERENCE_COLUMNS);

  app.get(
    '/overview',
    {
      config: { role: 'read' },
      schema: {
        tags: ['dashboard'],
        summary:
          'every model at a glance: health, open alerts, volume of the last 24 windows, summary sentences',
        response: {
          200: Type.Object({ generatedAt: Type.Number(), models: Type.Array(OverviewModel) }),
          ...errorResponses(401, 403),
        },
      },
    },
    async () => {
      const t = now();
      const models = await store.listModels();
      const loaded = await Promise.all(
        models.map((model) => loadDashboard(store, model, OVERVIEW_WINDOWS, t)),
      );
      return {
        generatedAt: t,
        models: models.map((model, i) => {
          const d = loaded[i];
          return {
            name: model.name,
            task: model.task,
            ...(model.activeVersion === undefined ? {} : { activeVersion: model.activeVersion }),
            health: d.health,
            openAlerts: d.openAlerts.length,
            openAlertsBySeverity: d.openAlertsBySeverity,
            ...(d.lastEvaluatedAt === undefined ? {} : { lastEvaluatedAt: d.lastEvaluatedAt }),
            windowMs: model.windowMs,
            volume: d.starts.map((windowStart, k) => ({ windowStart, count: d.series.volume[k] })),
            summary: d.summary,
          };
        }),
      };
    },
  );

  app.get(
    '/models/:model/dashboard',
    {
      config: { role: 'read' },
      schema: {
        tags: ['dashboard'],
        summary: "a model's page: every series on one window axis, open alerts, monitors and summary",
        params: Type.Object({ model: Type.String({ minLength: 1, maxLength: 128 }) }),
        querystring: Type.Object(
          { windows: Type.Integer({ minimum: 1, maximum: 1000, default: 48 }) },
          { additionalProperties: false },
        ),
        response: { 200: DashboardType, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const model = await requireModel(store, request.params.model);
      const d = await loadDashboard(store, model, request.query.windows, now());
      return {
        model,
        windows: d.starts,
        health: d.health,
        ...(d.lastDataAt === undefined ? {} : { lastDataAt: d.lastDataAt }),
        ...(d.lastEvaluatedAt === undefined ? {} : { lastEvaluatedAt: d.lastEvaluatedAt }),
        ...d.series,
        alerts: d.openAlerts,
        openAlertsBySeverity: d.openAlertsBySeverity,
        summary: d.summary,
        monitors: d.monitors,
      };
    },
  );

  app.get(
    '/models/:model/features/:feature',
    {
      config: { role: 'read' },
      schema: {
        tags: ['dashboard'],
        summary: "a feature's page: reference vs window histogram and its drift score over time",
        params: Type.Object({
          model: Type.String({ minLength: 1, maxLength: 128 }),
          feature: Type.String({ minLength: 1, maxLength: 1000 }),
        }),
        querystring: Type.Object(
          {
            windowStart: Type.Optional(
              Type.Number({
                description: 'the window of the histogram, ms (default: the newest evaluated one)',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: FeatureType, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const model = await requireModel(store, request.params.model);
      const { feature } = request.params;
      const kind: FeatureKind | undefined = model.schema?.features.find((f) => f.name === feature)?.kind;
      if (kind === undefined) {
        throw httpError(
          'RESOURCE_NOT_FOUND',
          `feature "${feature}" is not in the schema of model "${model.name}"`,
          {
            details: { model: model.name, feature },
          },
        );
      }
      const [monitors, recent] = await Promise.all([
        store.listMonitors(model.name),
        store.listWindows(model.name, 1),
      ]);
      const monitor = driftMonitorOf(monitors, model, feature);
      const newest = recent[0]?.windowStart;
      const points =
        monitor === undefined || newest === undefined
          ? []
          : await store.readSeries({
              monitorId: monitor.id,
              feature,
              metric: 'driftScore',
              from: newest - (FEATURE_SERIES_WINDOWS - 1) * model.windowMs,
            });
      const series = points.map((p) => ({
        windowStart: p.windowStart,
        score: p.value,
        drifted: p.status === 'insufficient' ? null : p.status === 'breach',
      }));
      const windowStart = request.query.windowStart ?? points.at(-1)?.windowStart ?? newest ?? null;
      const point = points.find((p) => p.windowStart === windowStart) ?? points.at(-1);
      const test = typeof point?.details?.test === 'string' ? point.details.test : null;
      const threshold = typeof point?.details?.threshold === 'number' ? point.details.threshold : null;

      let histogram: FeatureHistogram =
        kind === 'numerical'
          ? { bins: [], reference: [], window: [] }
          : { categories: [], reference: [], window: [] };
      if (windowStart !== null) {
        const reference =
          (model.activeVersion === undefined
            ? undefined
            : await store.latestReference(model.name, model.activeVersion)) ??
          (await store.latestReference(model.name));
        const evaluated = points.find((p) => p.windowStart === windowStart)?.computedAt;
        // A re-evaluation (new data in the window) changes computedAt, and so the key.
        const key = JSON.stringify([
          model.name,
          feature,
          windowStart,
          reference?.id ?? null,
          evaluated ?? null,
        ]);
        const cached = evaluated === undefined ? undefined : histograms.get(key);
        if (cached !== undefined) {
          histogram = cached;
        } else {
          const spec = { features: [{ name: feature, kind }] };
          const empty = kind === 'numerical' ? new Float64Array(0) : [];
          const [ref, win] = await Promise.all([
            reference === undefined ? empty : referenceColumn(reference.id, feature, kind),
            store.readRows(model.name, { from: windowStart, to: windowStart + model.windowMs }, spec),
          ]);
          histogram = featureHistogram(kind, ref, win.features[feature] ?? empty);
          if (evaluated !== undefined) {
            if (histograms.size >= HISTOGRAM_CACHE)
              histograms.delete(histograms.keys().next().value as string);
            histograms.set(key, histogram);
          }
        }
      }
      return { feature, kind, test, threshold, windowStart, histogram, series };
    },
  );
};
