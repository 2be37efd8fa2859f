/**
 * The settings of each monitor kind (`Monitor.config`), their JSON schemas (TypeBox, shared by the monitors
 * route and the OpenAPI document) and the checks that need the model (features of its schema, metrics of its
 * task). Absent settings take their defaults at evaluation time, so
 * a stored config follows the model schema as it changes.
 */
import { driftTestNames } from '@vigil/core';
import { type Static, Type } from 'typebox';
import Value from 'typebox/value';
import type { AlertRule, ModelSchema, MonitorKind, Task } from '../store/types.js';
import {
  DEFAULT_LATENCY_QUANTILES,
  DEFAULT_MIN_LABEL_COVERAGE,
  judgesMetric,
  PREDICTION_FEATURE,
  SCORE_FEATURE,
  scoreMetricNames,
} from './monitorDefaults.js';

// The names monitors share with their evaluators live in monitorDefaults.ts (no TypeBox: the evaluation workers
// load the evaluators without it); re-exported here, where the routes and tests have always found them.
export {
  DEFAULT_LATENCY_QUANTILES,
  DEFAULT_MIN_LABEL_COVERAGE,
  judgesMetric,
  PREDICTION_FEATURE,
  SCORE_FEATURE,
  scoreMetricNames,
};

const features = Type.Array(Type.String({ minLength: 1 }), {
  description: 'Features of the model schema; default: every feature of the schema at evaluation time',
});

/**
 * The one metric of the monitor's points that its alert rule judges (the alert engine reads it); without it the
 * rule judges every point of the monitor.
 */
const alertMetric = Type.Optional(
  Type.String({ minLength: 1, description: 'The metric the rule judges (default: every metric reported)' }),
);

export const DriftConfigSchema = Type.Object(
  {
    features: Type.Optional(features),
    prediction: Type.Optional(
      Type.Boolean({ description: `Also test the prediction (feature "${PREDICTION_FEATURE}")` }),
    ),
    score: Type.Optional(
      Type.Boolean({ description: `Also test the binary score (feature "${SCORE_FEATURE}")` }),
    ),
    test: Type.Optional(
      Type.Union([Type.Literal('auto'), ...driftTestNames.map((n) => Type.Literal(n))], {
        description: "Drift test, 'auto' (default) as `vigil drift`",
      }),
    ),
    threshold: Type.Optional(Type.Number({ minimum: 0, description: "The test's verdict threshold" })),
    correction: Type.Optional(
      Type.Union([
        Type.Literal('none'),
        Type.Literal('bonferroni'),
        Type.Literal('holm'),
        Type.Literal('fdr_bh'),
      ]),
    ),
    alertMetric,
  },
  { additionalProperties: false },
);

export const QualityConfigSchema = Type.Object(
  { features: Type.Optional(features), alertMetric },
  { additionalProperties: false },
);

export const PerformanceConfigSchema = Type.Object(
  {
    metrics: Type.Array(Type.String({ minLength: 1 }), {
      minItems: 1,
      description: 'Metric keys of `vigil eval` for the model task (accuracy, f1, rocAuc, f1Macro, rmse, …)',
    }),
    minLabelCoverage: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 1,
        description:
          'Share of the window predictions with a label below which the metrics are not judged (0.5)',
      }),
    ),
    alertMetric,
  },
  { additionalProperties: false },
);

export const VolumeConfigSchema = Type.Object({ alertMetric }, { additionalProperties: false });

/** `p50`, `p95`, `p99`, `p99.9`: a percentile in (0, 100]. */
const percentilePattern = '^p(100|[1-9]?[0-9](\\.[0-9]+)?)$';

export const LatencyConfigSchema = Type.Object(
  {
    quantiles: Type.Optional(
      Type.Array(Type.String({ pattern: percentilePattern }), {
        minItems: 1,
        description: 'Percentiles of latencyMs to report (default p50, p95, p99)',
      }),
    ),
    alertMetric,
  },
  { additionalProperties: false },
);

export const CustomConfigSchema = Type.Object(
  {
    monitorId: Type.Integer({ minimum: 1, description: 'The monitor whose series is judged' }),
    feature: Type.Optional(Type.String({ description: "The series' feature ('' when not per feature)" })),
    metric: Type.String({ minLength: 1 }),
    alertMetric,
  },
  { additionalProperties: false },
);

export const AlertRuleSchema = Type.Object(
  {
    operator: Type.Union([Type.Literal('gt'), Type.Literal('gte'), Type.Literal('lt'), Type.Literal('lte')]),
    value: Type.Number(),
    relativeToReference: Type.Optional(Type.Boolean()),
    severity: Type.Union([Type.Literal('critical'), Type.Literal('warning'), Type.Literal('info')]),
    fireAfter: Type.Optional(Type.Integer({ minimum: 1 })),
    resolveAfter: Type.Optional(Type.Integer({ minimum: 1 })),
    cooldownMs: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export type DriftConfig = Static<typeof DriftConfigSchema>;
export type QualityConfig = Static<typeof QualityConfigSchema>;
export type PerformanceConfig = Static<typeof PerformanceConfigSchema>;
export type VolumeConfig = Static<typeof VolumeConfigSchema>;
export type LatencyConfig = Static<typeof LatencyConfigSchema>;
export type CustomConfig = Static<typeof CustomConfigSchema>;

export interface MonitorConfigs {
  drift: DriftConfig;
  quality: QualityConfig;
  performance: PerformanceConfig;
  volume: VolumeConfig;
  latency: LatencyConfig;
  custom: CustomConfig;
}

export const monitorConfigSchemas = {
  drift: DriftConfigSchema,
  quality: QualityConfigSchema,
  performance: PerformanceConfigSchema,
  volume: VolumeConfigSchema,
  latency: LatencyConfigSchema,
  custom: CustomConfigSchema,
} as const;

export const monitorKinds: readonly MonitorKind[] = [
  'drift',
  'quality',
  'performance',
  'volume',
  'latency',
  'custom',
];

/**
 * Metric keys a performance monitor may name, per task: the keys of `vigil eval`'s metric sets
 * (`binaryMetrics`, `multiclassMetrics`, `regressionMetrics` in @vigil/core). Score and probability metrics need
 * `score` (binary) or `probas` and the schema's `classes` (multiclass).
 */
export const performanceMetricNames: Readonly<Record<Task, readonly string[]>> = {
  binary: [
    'accuracy',
    'balancedAccuracy',
    'precision',
    'recall',
    'f1',
    'specificity',
    'mcc',
    'cohenKappa',
    'rocAuc',
    'prAuc',
    'logLoss',
    'brier',
  ],
  multiclass: [
    'accuracy',
    'balancedAccuracy',
    'precisionMacro',
    'precisionMicro',
    'precisionWeighted',
    'recallMacro',
    'recallMicro',
    'recallWeighted',
    'f1Macro',
    'f1Micro',
    'f1Weighted',
    'cohenKappa',
    'mcc',
    'rocAucOvrMacro',
    'rocAucOvrWeighted',
    'logLoss',
  ],
  regression: ['mse', 'rmse', 'mae', 'mape', 'r2', 'adjustedR2', 'explainedVariance', 'medianAe', 'maxError'],
};

/** One problem of a monitor definition, as the API reports it (`details` of a 400). */
export interface ConfigProblem {
  field: string;
  problem: string;
}

/**
 * Checks a monitor's config (and rule) against its kind's schema and the model: features must be in the model
 * schema, metrics must exist for its task, relative rules only where a reference value exists.
 * @returns the problems (none: valid). `field` is a JSON pointer-like path (`config.features.2`, `rule.value`).
 */
export function checkMonitorConfig(
  kind: MonitorKind,
  config: unknown,
  rule: AlertRule | undefined,
  model: { task: Task; schema?: ModelSchema },
): ConfigProblem[] {
  const schema = monitorConfigSchemas[kind];
  const problems = schemaProblems(Value.Errors(schema, config));
  if (problems.length > 0) return problems;
  const known = new Set((model.schema?.features ?? []).map((f) => f.name));
  const checkFeatures = (list: string[] | undefined) =>
    list?.forEach((name, i) => {
      if (!known.has(name)) {
        problems.push({
          field: `config.features.${i}`,
          problem:
            model.schema === undefined
              ? 'the model has no schema yet: upload a reference first'
              : `must be a feature of the model schema; got ${JSON.stringify(name)}`,
        });
      }
    });
  switch (kind) {
    case 'drift':
      checkFeatures((config as DriftConfig).features);
      if ((config as DriftConfig).score && model.task !== 'binary') {
        problems.push({ field: 'config.score', problem: 'must be false unless the model task is binary' });
      }
      break;
    case 'quality':
      checkFeatures((config as QualityConfig).features);
      break;
    case 'performance': {
      const allowed = performanceMetricNames[model.task];
      (config as PerformanceConfig).metrics.forEach((name, i) => {
        if (!allowed.includes(name)) {
          problems.push({
            field: `config.metrics.${i}`,
            problem: `must be a ${model.task} metric (${allowed.join(', ')}); got ${JSON.stringify(name)}`,
          });
        }
      });
      break;
    }
    default:
      break;
  }
  const alert = (config as { alertMetric?: string }).alertMetric;
  const reported = reportedMetrics(kind, config as Record<string, unknown>);
  if (alert !== undefined && reported !== undefined && !reported.includes(alert)) {
    problems.push({
      field: 'config.alertMetric',
      problem: `must be a metric the monitor reports (${reported.join(', ')}); got ${JSON.stringify(alert)}`,
    });
  }
  // A rule on a performance monitor of several metrics would also judge its label coverage: say which metric.
  if (
    rule !== undefined &&
    alert === undefined &&
    kind === 'performance' &&
    defaultAlertMetric(kind, config as Record<string, unknown>) === undefined
  ) {
    problems.push({
      field: 'config.alertMetric',
      problem: `must name the metric the rule judges when the monitor reports several (${(reported ?? []).join(', ')})`,
    });
  }
  if (rule?.relativeToReference && kind !== 'performance') {
    problems.push({
      field: 'rule.relativeToReference',
      problem: `must be false for ${kind} monitors (only performance metrics are compared to the reference's)`,
    });
  }
  return problems;
}

/** The metrics a monitor's points carry (undefined for custom monitors: the source's metric). */
export function reportedMetrics(kind: MonitorKind, config: Record<string, unknown>): string[] | undefined {
  switch (kind) {
    case 'drift':
      return ['drift', 'driftScore', 'driftShare'];
    case 'quality':
      return ['missingShare', 'outOfRangeShare', 'unseenShare'];
    case 'performance':
      return ['labelCoverage', ...(config as PerformanceConfig).metrics];
    case 'volume':
      return ['count'];
    case 'latency':
      return [...((config as LatencyConfig).quantiles ?? DEFAULT_LATENCY_QUANTILES)];
    case 'custom':
      return [(config as CustomConfig).metric];
  }
}

/**
 * The metric a rule judges when the config names none: drift the per-column `driftScore` (judged by its test),
 * performance its one metric, latency its highest percentile, custom its source metric. Quality judges its
 * three shares alike, volume its count: undefined (every point). Undefined for performance with several metrics:
 * the route asks for `alertMetric` then.
 */
export function defaultAlertMetric(kind: MonitorKind, config: Record<string, unknown>): string | undefined {
  switch (kind) {
    case 'drift':
      return 'driftScore';
    case 'performance': {
      const metrics = (config as PerformanceConfig).metrics;
      return metrics.length === 1 ? metrics[0] : undefined;
    }
    case 'latency':
      return ((config as LatencyConfig).quantiles ?? DEFAULT_LATENCY_QUANTILES).at(-1);
    case 'custom':
      return (config as CustomConfig).metric;
    default:
      return undefined;
  }
}

/** The config as stored: `alertMetric` filled in from {@link defaultAlertMetric} when absent. */
export function normalizeMonitorConfig(
  kind: MonitorKind,
  config: Record<string, unknown>,
): Record<string, unknown> {
  if (config.alertMetric !== undefined) return { ...config };
  const alert = defaultAlertMetric(kind, config);
  return alert === undefined ? { ...config } : { ...config, alertMetric: alert };
}

interface SchemaError {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/**
 * One problem per field from TypeBox's errors: a union of literals (a test name) reads "must be one of …"
 * instead of one "must be equal to constant" per literal.
 */
function schemaProblems(errors: readonly SchemaError[]): ConfigProblem[] {
  const byField = new Map<string, SchemaError[]>();
  for (const e of errors) {
    if (e.keyword === 'boolean') continue; // additionalProperties: false, said better by its own entry
    const field = `config${e.instancePath.replaceAll('/', '.')}`;
    byField.set(field, [...(byField.get(field) ?? []), e]);
  }
  const problems: ConfigProblem[] = [];
  for (const [field, list] of byField) {
    const allowed = list
      .filter((e) => e.keyword === 'const')
      .map((e) => JSON.stringify(e.params.allowedValue));
    if (allowed.length > 0) {
      problems.push({ field, problem: `must be one of ${allowed.join(', ')}` });
      continue;
    }
    for (const e of list) {
      if (e.keyword === 'anyOf') continue;
      const problem =
        e.keyword === 'additionalProperties'
          ? `must not have ${(e.params.additionalProperties as string[]).map((p) => JSON.stringify(p)).join(', ')}`
          : e.message;
      problems.push({ field, problem });
    }
  }
  return problems;
}
