/**
 * The monitors a model gets when its reference is uploaded (issue 4 §1: "sensible default monitors"), each with
 * an alert rule:
 * - `feature drift`: every schema feature, test `auto` (as `vigil drift`); an alert per drifted feature after 2
 *   drifted windows in a row (the test's verdict on `driftScore`, warning), resolved after 2 clean ones;
 * - `prediction drift`: the prediction (and, for a binary model whose reference has scores, the score), same
 *   rule;
 * - `data quality`: missing share, out-of-range share (vs the reference min/max) and unseen-category share of
 *   every feature, alert above 10 % (warning). A feature already missing in ≥ 5 % of the reference rows gets its
 *   own `data quality: <feature>` monitor whose threshold is its reference missing share + 10 points, so it does
 *   not alert for what the reference already has;
 * - `performance: <metric>`, one per metric (binary: accuracy, f1, and rocAuc when the reference has scores;
 *   multiclass: accuracy, f1Macro; regression: rmse, mae), judged once at least half of the window's predictions
 *   have a label, alert (critical) when 5 % worse than on the reference (`lt 0.95 ×` for scores, `gt 1.25 ×`
 *   for errors, relative to the reference);
 * - `volume`: alert when a window has no prediction (`count lt 1`, warning);
 * - `latency`: p50, p95, p99 of `latencyMs`; alert when p99 is above 1 s for 2 windows (warning).
 */
import { qualitySummary } from '@vigil/core';
import type {
  AlertRule,
  Model,
  ModelSchema,
  Monitor,
  NewMonitor,
  RowColumns,
  Store,
} from '../store/types.js';
import { createEvaluationCache } from './evaluationContext.js';
import { DEFAULT_LATENCY_QUANTILES, DEFAULT_MIN_LABEL_COVERAGE } from './monitorConfig.js';
import { featureFrame } from './rowFrames.js';

/** What the defaults depend on in the reference data. */
export interface ReferenceFacts {
  /** Whether any reference row has a finite score. */
  hasScore: boolean;
  /** Missing share of each feature in the reference (qualitySummary's definition). */
  missingShares: Record<string, number>;
}

/** Reference missing share from which a feature gets its own quality monitor. */
const OWN_QUALITY_MONITOR = 0.05;
/** Tolerated share of missing, out-of-range or unseen values above the reference's. */
const QUALITY_TOLERANCE = 0.1;

const DAY = 86_400_000;

/** The drift test decides each column's verdict (driftScore): the rule gives severity and hysteresis. */
const driftRule: AlertRule = {
  operator: 'lt',
  value: 0.05,
  severity: 'warning',
  fireAfter: 2,
  resolveAfter: 2,
  cooldownMs: DAY,
};

/** Performance metrics watched by default, per task (score metrics only when the reference has scores). */
function defaultMetrics(task: Model['task'], hasScore: boolean): string[] {
  switch (task) {
    case 'binary':
      return hasScore ? ['accuracy', 'f1', 'rocAuc'] : ['accuracy', 'f1'];
    case 'multiclass':
      return ['accuracy', 'f1Macro'];
    case 'regression':
      return ['rmse', 'mae'];
  }
}

/** Errors (lower is better) among the default metrics. */
const lowerIsBetter = new Set(['rmse', 'mae']);

/**
 * The default monitors of a model (pure: the caller stores them).
 * @param model the model (name, task).
 * @param schema its schema (features with kinds), as read from the reference.
 * @param facts what the reference holds (see {@link referenceFacts}).
 */
export function defaultMonitors(
  model: Pick<Model, 'name' | 'task'>,
  schema: ModelSchema,
  facts: ReferenceFacts,
): NewMonitor[] {
  const monitor = (
    name: string,
    kind: NewMonitor['kind'],
    config: Record<string, unknown>,
    rule: AlertRule,
  ) => ({
    model: model.name,
    name,
    kind,
    config,
    rule,
    enabled: true,
  });
  const out: NewMonitor[] = [];
  if (schema.features.length > 0) {
    out.push(monitor('feature drift', 'drift', { test: 'auto', alertMetric: 'driftScore' }, driftRule));
  }
  const score = model.task === 'binary' && facts.hasScore;
  out.push(
    monitor(
      'prediction drift',
      'drift',
      {
        features: [],
        prediction: true,
        ...(score ? { score: true } : {}),
        test: 'auto',
        alertMetric: 'driftScore',
      },
      driftRule,
    ),
  );
  const sparse = schema.features.filter((f) => (facts.missingShares[f.name] ?? 0) >= OWN_QUALITY_MONITOR);
  const dense = schema.features.filter((f) => !sparse.includes(f));
  const qualityRule = (value: number): AlertRule => ({
    operator: 'gt',
    value,
    severity: 'warning',
    fireAfter: 1,
    resolveAfter: 2,
    cooldownMs: DAY,
  });
  if (dense.length > 0) {
    // All features (config without a list, so features added to the schema later are watched too) unless some
    // have their own monitor.
    const config = sparse.length === 0 ? {} : { features: dense.map((f) => f.name) };
    out.push(monitor('data quality', 'quality', config, qualityRule(QUALITY_TOLERANCE)));
  }
  for (const f of sparse) {
    const threshold = Math.min(1, round3(facts.missingShares[f.name] + QUALITY_TOLERANCE));
    out.push(monitor(`data quality: ${f.name}`, 'quality', { features: [f.name] }, qualityRule(threshold)));
  }
  for (const metric of defaultMetrics(model.task, facts.hasScore)) {
    const lower = lowerIsBetter.has(metric);
    out.push(
      monitor(
        `performance: ${metric}`,
        'performance',
        { metrics: [metric], minLabelCoverage: DEFAULT_MIN_LABEL_COVERAGE, alertMetric: metric },
        {
          operator: lower ? 'gt' : 'lt',
          value: lower ? 1.25 : 0.95,
          relativeToReference: true,
          severity: 'critical',
          fireAfter: 1,
          resolveAfter: 2,
          cooldownMs: DAY,
        },
      ),
    );
  }
  out.push(
    monitor(
      'volume',
      'volume',
      { alertMetric: 'count' },
      {
        operator: 'lt',
        value: 1,
        severity: 'warning',
        fireAfter: 1,
        resolveAfter: 1,
        cooldownMs: DAY,
      },
    ),
  );
  out.push(
    monitor(
      'latency',
      'latency',
      { quantiles: [...DEFAULT_LATENCY_QUANTILES], alertMetric: 'p99' },
      { operator: 'gt', value: 1000, severity: 'warning', fireAfter: 2, resolveAfter: 2, cooldownMs: DAY },
    ),
  );
  return out;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** {@link ReferenceFacts} of reference rows read with the model schema's features. */
export function referenceFacts(rows: RowColumns, schema: ModelSchema): ReferenceFacts {
  let hasScore = false;
  for (let i = 0; i < rows.n && !hasScore; i++) hasScore = Number.isFinite(rows.score[i]);
  const frame = featureFrame(rows, schema.features, createEvaluationCache());
  const missingShares: Record<string, number> = {};
  if (frame.columns.length > 0 && rows.n > 0) {
    // Missing shares of every column (no column summarised beyond that: see qualitySummary).
    for (const [name, share] of qualitySummary(frame, []).missingShare) missingShares[name] = share;
  }
  return { hasScore, missingShares };
}

/**
 * Creates the default monitors of a model from its newest reference (of the active version when it has one),
 * skipping names the model already has (a second upload keeps the user's changes). Call it after a reference
 * upload.
 * @returns the monitors created (none when the model has no reference).
 */
export async function createDefaultMonitors(store: Store, model: Model | string): Promise<Monitor[]> {
  const found = typeof model === 'string' ? await store.getModel(model) : model;
  if (found === undefined) return [];
  const reference =
    (found.activeVersion === undefined
      ? undefined
      : await store.latestReference(found.name, found.activeVersion)) ??
    (await store.latestReference(found.name));
  if (reference === undefined) return [];
  const schema = found.schema ?? reference.schema;
  const rows = await store.readReference(reference.id, { features: schema.features });
  const wanted = defaultMonitors(found, schema, referenceFacts(rows, schema));
  const existing = new Set((await store.listMonitors(found.name)).map((m) => m.name));
  const created: Monitor[] = [];
  for (const monitor of wanted) {
    if (!existing.has(monitor.name)) created.push(await store.createMonitor(monitor));
  }
  return created;
}
