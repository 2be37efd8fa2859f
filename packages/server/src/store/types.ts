/**
 * The store contract (DESIGN.md "Server domain"): one interface, two implementations (DuckDB embedded by default,
 * PostgreSQL with `pg`) that pass one shared contract test suite (`test/store/contract.ts`).
 *
 * Conventions every implementation keeps:
 * - Times are milliseconds since the Unix epoch (UTC) in the interface; columns store them as BIGINT or timestamps.
 * - A write that resolves is durable (committed); a write that rejects stored nothing (one transaction per call).
 * - Feature values, predictions and labels are JSON scalars (number, string, boolean or null); the store keeps
 *   them as given and extracts typed columns on read (`readRows`), a value that does not fit the asked kind
 *   reading as missing (NaN or null), never failing the read.
 * - Ids (`model`, prediction `id`) are the user's strings; numeric ids (monitor, alert, key…) are the store's.
 */

/** A JSON scalar as a feature value, a prediction or a label. */
export type Scalar = number | string | boolean | null;

export type Role = 'admin' | 'ingest' | 'read';
export type Task = 'binary' | 'multiclass' | 'regression';
export type FeatureKind = 'numerical' | 'categorical';

/** How a model's columns are read: the roles of DESIGN.md's ColumnMapping, as far as the server needs them. */
export interface ModelSchema {
  features: { name: string; kind: FeatureKind }[];
  /** Positive class of a binary model (the label `score` is the probability of). */
  positive?: string;
  /** Class labels of a classifier, in the order its `probas` are read. */
  classes?: string[];
}

export interface Model {
  name: string;
  task: Task;
  description?: string;
  /** Tumbling window length in ms (default 1 h). */
  windowMs: number;
  /** Filled from the reference when one is uploaded (or given when the model is created). */
  schema?: ModelSchema;
  /** The version new predictions without `version` are attributed to, and the one monitors compare. */
  activeVersion?: string;
  createdAt: number;
  updatedAt: number;
}

export interface ModelVersion {
  model: string;
  version: string;
  description?: string;
  createdAt: number;
}

export interface NewModel {
  name: string;
  task: Task;
  description?: string;
  windowMs?: number;
  schema?: ModelSchema;
}

/** One prediction event as ingested (already validated by the route). */
export interface PredictionRow {
  id: string;
  /** Event time; the server fills in the receive time when the client gave none. */
  timestamp: number;
  version?: string;
  features: Record<string, Scalar>;
  prediction: Scalar;
  score?: number;
  probas?: Record<string, number>;
  latencyMs?: number;
  tags?: Record<string, string>;
}

/**
 * A batch of predictions column by column, as the ingest workers decode request bodies (src/ingest): the form the
 * DuckDB store appends without touching a row object. Absent numbers are NaN, absent texts null.
 * `predictionColumns` / `predictionRows` (src/store/predictionColumns.ts) convert from and to rows.
 */
export interface PredictionColumns {
  n: number;
  ids: string[];
  timestamps: Float64Array;
  /** null: the model's active version. */
  versions: (string | null)[];
  predictions: Scalar[];
  scores: Float64Array;
  latencies: Float64Array;
  /** Tags as JSON text, null when none. */
  tags: (string | null)[];
  /** One column per feature name and kind ('n': finite numbers; 't': strings, booleans as 'true' / 'false'). */
  features: FeatureValues[];
  probas: { label: string; values: Float64Array }[];
}

export type FeatureValues =
  | { name: string; kind: 'n'; values: Float64Array }
  | { name: string; kind: 't'; values: (string | null)[] };

/** What `insertPredictions` takes: rows, or the same rows column by column. */
export type PredictionBatch = readonly PredictionRow[] | PredictionColumns;

export interface LabelRow {
  id: string;
  label: Scalar;
}

/** A row of a reference data set: the same shape as a prediction, with its known label. */
export interface ReferenceRow {
  features: Record<string, Scalar>;
  prediction?: Scalar;
  score?: number;
  probas?: Record<string, number>;
  label?: Scalar;
}

export interface Reference {
  id: number;
  model: string;
  version?: string;
  /** The uploaded file's name, for people. */
  source: string;
  rows: number;
  schema: ModelSchema;
  createdAt: number;
}

/** What `readRows` extracts: the features named, with their kind; probas of these classes. */
export interface ReadSpec {
  features: { name: string; kind: FeatureKind }[];
  probaClasses?: string[];
}

/**
 * Rows of a window or a reference, column-wise (DESIGN.md principle 3: no per-row objects). Missing numbers are
 * NaN; missing strings null. `prediction` and `label` are given both as text (categorical use) and as number
 * (NaN when not numeric).
 */
export interface RowColumns {
  n: number;
  /** Prediction ids (empty for references). */
  ids: string[];
  timestamps: Float64Array;
  predictionText: (string | null)[];
  predictionNumber: Float64Array;
  score: Float64Array;
  latencyMs: Float64Array;
  /** The joined label of each prediction (NaN / null while it has none). */
  labelText: (string | null)[];
  labelNumber: Float64Array;
  /** One entry per requested feature: Float64Array for numerical, strings for categorical. */
  features: Record<string, Float64Array | (string | null)[]>;
  /** One entry per requested class. */
  probas: Record<string, Float64Array>;
}

export interface WindowRange {
  /** Inclusive start, ms. */
  from: number;
  /** Exclusive end, ms. */
  to: number;
  version?: string;
}

/** A window that received data (predictions or labels) after it was last evaluated. */
export interface DirtyWindow {
  model: string;
  windowStart: number;
  windowMs: number;
  /** Last time a prediction or label for this window arrived. */
  lastDataAt: number;
  lastEvaluatedAt?: number;
}

export type MonitorKind = 'drift' | 'quality' | 'performance' | 'volume' | 'latency' | 'custom';

/** A threshold with hysteresis: fire after `fireAfter` breaching windows, resolve after `resolveAfter` good ones. */
export interface AlertRule {
  operator: 'gt' | 'gte' | 'lt' | 'lte';
  value: number;
  /** Relative to the reference value of the same metric (performance monitors): value is then a fraction. */
  relativeToReference?: boolean;
  severity: 'critical' | 'warning' | 'info';
  fireAfter?: number;
  resolveAfter?: number;
  /** No new notification for the same alert within this many ms. */
  cooldownMs?: number;
}

export interface Monitor {
  id: number;
  model: string;
  name: string;
  kind: MonitorKind;
  /** Kind-specific settings (feature list, test, metric name, minimum label coverage…), validated by the route. */
  config: Record<string, unknown>;
  rule?: AlertRule;
  enabled: boolean;
  createdAt: number;
  updatedAt: number;
}

export type NewMonitor = Omit<Monitor, 'id' | 'createdAt' | 'updatedAt'>;

/** One computed value of a monitor on a window. `feature` is '' when the value is not per feature. */
export interface MetricPoint {
  model: string;
  monitorId: number;
  windowStart: number;
  windowEnd: number;
  feature: string;
  metric: string;
  value: number | null;
  /** 'ok' | 'breach' | 'insufficient' (e.g. label coverage below the minimum). */
  status: 'ok' | 'breach' | 'insufficient';
  details?: Record<string, unknown>;
  computedAt: number;
}

/** A window of a model that received data, as the window bookkeeping records it (dashboards, issue 5). */
export interface WindowInfo {
  windowStart: number;
  windowMs: number;
  /** Last time a prediction or label of the window arrived. */
  lastDataAt: number;
  lastEvaluatedAt?: number;
}

/** Points of every monitor of one model in a time range (dashboards: one query instead of one per monitor). */
export interface ModelPointsQuery {
  /** Windows starting at or after, ms. */
  from: number;
  /** Windows starting before, ms. */
  to: number;
  /** Only these metrics (all when absent). */
  metrics?: readonly string[];
}

/** Aggregates of the predictions of one window (dashboards, issue 5). */
export interface PredictionWindowStats {
  windowStart: number;
  /** Predictions in the window. */
  count: number;
  /** Mean of the finite scores; null when none. */
  scoreMean: number | null;
  /** Mean of the predictions read as numbers (regression); null when none is a number. */
  predictionMean: number | null;
  /** Predictions per predicted label (text), when asked for; a missing prediction is not counted. */
  classCounts?: Record<string, number>;
}

export interface SeriesQuery {
  monitorId: number;
  feature?: string;
  metric?: string;
  from?: number;
  to?: number;
  limit?: number;
  /** False: the points come without `details` (not even read), for long series drawn as lines. Default true. */
  details?: boolean;
}

export type AlertState = 'firing' | 'resolved';

export interface Alert {
  id: number;
  model: string;
  monitorId: number;
  feature: string;
  metric: string;
  severity: AlertRule['severity'];
  state: AlertState;
  value: number | null;
  threshold: number;
  message: string;
  windowStart: number;
  firedAt: number;
  resolvedAt?: number;
  acknowledgedAt?: number;
  acknowledgedBy?: string;
  lastNotifiedAt?: number;
}

/** Hysteresis counters of one (monitor, feature, metric). */
export interface RuleState {
  monitorId: number;
  feature: string;
  metric: string;
  consecutiveBreaches: number;
  consecutiveOk: number;
  openAlertId?: number;
  lastWindowStart?: number;
}

export interface AlertQuery {
  model?: string;
  state?: AlertState;
  severity?: AlertRule['severity'];
  limit?: number;
}

export type ChannelKind = 'webhook' | 'slack' | 'alertmanager';

export interface Channel {
  id: number;
  name: string;
  kind: ChannelKind;
  url: string;
  /** HMAC key of webhook signatures; never returned by the API. */
  secret?: string;
  /** Only alerts of these models (all when absent). */
  models?: string[];
  enabled: boolean;
  createdAt: number;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface Delivery {
  id: number;
  alertId: number;
  channelId: number;
  event: 'firing' | 'resolved';
  status: DeliveryStatus;
  attempts: number;
  lastError?: string;
  nextAttemptAt: number;
  createdAt: number;
  deliveredAt?: number;
}

export interface ApiKey {
  id: number;
  name: string;
  role: Role;
  /** The first characters of the key, shown so people can tell keys apart. */
  prefix: string;
  createdAt: number;
  lastUsedAt?: number;
  revokedAt?: number;
}

export interface AuditEntry {
  id: number;
  at: number;
  keyId?: number;
  action: string;
  target: string;
  details?: Record<string, unknown>;
}

export interface InsertResult {
  /** Rows stored by this call. */
  inserted: number;
  /** Rows whose id was already stored (ignored). */
  duplicates: number;
}

export interface LabelResult {
  /** Labels stored (new or replacing an earlier label of the same id). */
  stored: number;
  /** Of those, how many match a stored prediction now (the rest wait for theirs). */
  matched: number;
}

export interface Store {
  /** 'duckdb' or 'postgres', for logs and /readyz. */
  readonly kind: string;
  /** Runs the versioned migrations not yet applied (idempotent; at start-up). */
  migrate(): Promise<void>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;

  // Models and versions
  createModel(model: NewModel): Promise<Model>;
  getModel(name: string): Promise<Model | undefined>;
  listModels(): Promise<Model[]>;
  updateModel(
    name: string,
    patch: Partial<Pick<Model, 'description' | 'windowMs' | 'schema' | 'activeVersion'>>,
  ): Promise<Model>;
  deleteModel(name: string): Promise<void>;
  createVersion(version: Omit<ModelVersion, 'createdAt'>): Promise<ModelVersion>;
  listVersions(model: string): Promise<ModelVersion[]>;

  // References
  /** Stores a reference data set (all rows in one transaction) and returns its record. */
  createReference(
    reference: Omit<Reference, 'id' | 'createdAt' | 'rows'>,
    rows: readonly ReferenceRow[],
  ): Promise<Reference>;
  /** The newest reference of the model (for `version` when given, else any version). */
  latestReference(model: string, version?: string): Promise<Reference | undefined>;
  listReferences(model: string): Promise<Reference[]>;
  readReference(referenceId: number, spec: ReadSpec): Promise<RowColumns>;

  // Ingestion
  /**
   * Stores predictions in one transaction; rows whose (model, id) exists are ignored and counted. Marks the
   * windows (of length `model.windowMs`) the rows fall in as having new data.
   */
  insertPredictions(model: string, rows: PredictionBatch, receivedAt: number): Promise<InsertResult>;
  /** Stores labels by prediction id (a later label replaces an earlier one); marks the matched rows' windows. */
  insertLabels(model: string, labels: readonly LabelRow[], receivedAt: number): Promise<LabelResult>;
  /** Predictions of the model with timestamp in [from, to), labels joined, columns as asked. */
  readRows(model: string, range: WindowRange, spec: ReadSpec): Promise<RowColumns>;
  /** Number of predictions stored for a model (all time or in a range). */
  countPredictions(model: string, range?: WindowRange): Promise<number>;
  /** Windows with data newer than their last evaluation, oldest first. */
  dirtyWindows(limit?: number): Promise<DirtyWindow[]>;
  markWindowEvaluated(model: string, windowStart: number, evaluatedAt: number): Promise<void>;

  // Monitors and series
  createMonitor(monitor: NewMonitor): Promise<Monitor>;
  getMonitor(id: number): Promise<Monitor | undefined>;
  listMonitors(model?: string): Promise<Monitor[]>;
  updateMonitor(id: number, patch: Partial<Omit<NewMonitor, 'model'>>): Promise<Monitor>;
  deleteMonitor(id: number): Promise<void>;
  /** Upserts points by (monitorId, windowStart, feature, metric). */
  writePoints(points: readonly MetricPoint[]): Promise<void>;
  readSeries(query: SeriesQuery): Promise<MetricPoint[]>;
  /** The newest point per (monitor, feature, metric) of a model, for Prometheus gauges. */
  latestPoints(model?: string): Promise<MetricPoint[]>;

  // Dashboards (issue 5)
  /** The model's windows that received data, newest first (at most `limit`). */
  listWindows(model: string, limit?: number): Promise<WindowInfo[]>;
  /** Points of all the model's monitors with window start in [from, to), ordered by window, monitor, feature, metric. */
  readModelPoints(model: string, query: ModelPointsQuery): Promise<MetricPoint[]>;
  /**
   * Per-window aggregates of the model's predictions (all versions) with timestamp in [from, to), windows of
   * `windowMs` (start = floor(ts / windowMs) × windowMs), oldest first; windows without predictions are absent.
   * `classCounts` only when `classes` is true.
   */
  predictionStats(
    model: string,
    range: { from: number; to: number; windowMs: number; classes?: boolean },
  ): Promise<PredictionWindowStats[]>;

  // Alerts
  getRuleState(monitorId: number, feature: string, metric: string): Promise<RuleState | undefined>;
  putRuleState(state: RuleState): Promise<void>;
  createAlert(alert: Omit<Alert, 'id'>): Promise<Alert>;
  updateAlert(id: number, patch: Partial<Omit<Alert, 'id'>>): Promise<Alert>;
  getAlert(id: number): Promise<Alert | undefined>;
  listAlerts(query?: AlertQuery): Promise<Alert[]>;

  // Channels and deliveries
  createChannel(channel: Omit<Channel, 'id' | 'createdAt'>): Promise<Channel>;
  listChannels(): Promise<Channel[]>;
  /**
   * Changes the fields given (absent ones are kept; `secret: null` removes the secret, `models: null` the model
   * filter) and returns the channel; rejects for an unknown id. Checks no more than `createChannel` does: the
   * route validates the channel the patch makes.
   */
  updateChannel(
    id: number,
    patch: Partial<Pick<Channel, 'name' | 'kind' | 'url' | 'enabled'>> & {
      secret?: string | null;
      models?: string[] | null;
    },
  ): Promise<Channel>;
  deleteChannel(id: number): Promise<void>;
  createDelivery(delivery: Omit<Delivery, 'id' | 'createdAt'>): Promise<Delivery>;
  updateDelivery(id: number, patch: Partial<Omit<Delivery, 'id'>>): Promise<Delivery>;
  /** Pending deliveries whose next attempt is due at `now`. */
  dueDeliveries(now: number, limit?: number): Promise<Delivery[]>;
  listDeliveries(query?: { alertId?: number; status?: DeliveryStatus; limit?: number }): Promise<Delivery[]>;

  // API keys and audit
  /** Stores a key's hash (the key itself is never stored). */
  createApiKey(key: { name: string; role: Role; prefix: string; hash: string }): Promise<ApiKey>;
  /**
   * Unrevoked keys with this prefix, with their stored hash, so the caller compares hashes in constant time
   * (`crypto.timingSafeEqual`) instead of letting the database compare secrets.
   */
  findApiKeysByPrefix(prefix: string): Promise<(ApiKey & { hash: string })[]>;
  listApiKeys(): Promise<ApiKey[]>;
  revokeApiKey(id: number, at: number): Promise<void>;
  touchApiKey(id: number, at: number): Promise<void>;
  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<void>;
  listAudit(limit?: number): Promise<AuditEntry[]>;
}
