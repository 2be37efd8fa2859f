/**
 * The shapes the dashboard reads from the server's API (/api/v1). They mirror the server's response schemas
 * (packages/server/src/routes/*.ts and the dashboard contract of issue 5); the web app does not import the
 * server, so they are restated here.
 */

export type Role = 'admin' | 'ingest' | 'read';
export type Task = 'binary' | 'multiclass' | 'regression';
export type Severity = 'critical' | 'warning' | 'info';
export type AlertState = 'firing' | 'resolved';
export type Health = 'ok' | 'warning' | 'critical' | 'no-data';
export type MonitorKind = 'drift' | 'quality' | 'performance' | 'volume' | 'latency' | 'custom';

export interface SessionKey {
  id: number;
  name: string;
  role: Role;
}

export interface ModelSchema {
  features: { name: string; kind: 'numerical' | 'categorical' }[];
  positive?: string;
  classes?: string[];
}

export interface Model {
  name: string;
  task: Task;
  description?: string;
  windowMs: number;
  schema?: ModelSchema;
  activeVersion?: string;
  createdAt: number;
  updatedAt: number;
}

export interface AlertRule {
  operator: 'gt' | 'gte' | 'lt' | 'lte';
  value: number;
  relativeToReference?: boolean;
  severity: Severity;
  fireAfter?: number;
  resolveAfter?: number;
  cooldownMs?: number;
}

export interface Monitor {
  id: number;
  model: string;
  name: string;
  kind: MonitorKind;
  config: Record<string, unknown>;
  rule?: AlertRule;
  enabled: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface Alert {
  id: number;
  model: string;
  monitorId: number;
  feature: string;
  metric: string;
  severity: Severity;
  state: AlertState;
  value: number | null;
  threshold: number;
  message: string;
  windowStart: number;
  firedAt: number;
  resolvedAt?: number;
  acknowledgedAt?: number;
  acknowledgedBy?: string;
}

export interface MetricPoint {
  monitorId: number;
  windowStart: number;
  windowEnd: number;
  feature: string;
  metric: string;
  value: number | null;
  status: 'ok' | 'breach' | 'insufficient';
  computedAt: number;
}

export interface Reference {
  id: number;
  model: string;
  version?: string;
  source: string;
  rows: number;
  schema: ModelSchema;
  createdAt: number;
}

export interface OverviewModel {
  name: string;
  task: Task;
  activeVersion?: string;
  health: Health;
  openAlerts: number;
  openAlertsBySeverity: { critical: number; warning: number };
  lastEvaluatedAt?: number;
  windowMs: number;
  volume: { windowStart: number; count: number }[];
  summary: string[];
}

export interface Overview {
  generatedAt: number;
  models: OverviewModel[];
}

type Series = (number | null)[];

export interface Dashboard {
  model: Model;
  windows: number[];
  health: Health;
  lastDataAt?: number;
  lastEvaluatedAt?: number;
  performance: {
    /** null: the model has no performance monitor. */
    metric: string | null;
    values: Series;
    reference: number | null;
    coverage: Series;
    threshold?: number;
  };
  predictions: { kind: 'score' | 'class' | 'value'; mean: Series; classShares?: Record<string, Series> };
  drift: {
    features: string[];
    scores: Series[];
    drifted: (boolean | null)[][];
    test: Record<string, string>;
    threshold: Record<string, number>;
  };
  quality: { missingShare: Series; outOfRange: Series; unseenCategories: Series };
  latency: { p50: Series; p95: Series; p99: Series };
  volume: Series;
  alerts: Alert[];
  openAlertsBySeverity: { critical: number; warning: number };
  summary: string[];
  monitors: Monitor[];
}

export interface FeatureDetail {
  feature: string;
  kind: 'numerical' | 'categorical';
  /** null: no drift monitor tests the feature. */
  test: string | null;
  threshold: number | null;
  /** null: no window evaluated yet. */
  windowStart: number | null;
  histogram: { bins?: number[]; categories?: string[]; reference: number[]; window: number[] };
  series: { windowStart: number; score: number | null; drifted: boolean | null }[];
}

export interface EvaluateResult {
  windows: { windowStart: number; rows: number; kind: string }[];
  alerts: number;
  failed: { windowStart: number; message: string }[];
}
