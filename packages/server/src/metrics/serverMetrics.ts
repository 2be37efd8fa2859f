/**
 * Prometheus metrics of one application (prom-client, one Registry per app so tests and several apps in one
 * process never share counters):
 * - `vigil_predictions_ingested_total{model}`, `vigil_prediction_duplicates_total{model}`,
 *   `vigil_labels_ingested_total{model}`, `vigil_labels_matched_total{model}`: rows stored by the ingestion
 *   routes (counted from their 200 answers, which are sent once the rows are durable);
 * - `vigil_http_request_duration_seconds{method, route, status_code}`: request latency by route template;
 * - `vigil_monitor_value{model, version, monitor, feature, metric}`: the newest value of every monitor series
 *   (read from `store.latestPoints()` at scrape time; `version` is the model's active version, '' when none);
 * - `vigil_monitor_breach{…}`: 1 when that point breaches its rule, 0 when ok (absent when insufficient);
 * - `vigil_monitor_window_end_seconds{…}`: the end of the window the value is about, so staleness shows.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Store } from '../store/types.js';

export interface ServerMetrics {
  registry: Registry;
  predictions: Counter<'model'>;
  duplicates: Counter<'model'>;
  labels: Counter<'model'>;
  labelsMatched: Counter<'model'>;
  requestDuration: Histogram<'method' | 'route' | 'status_code'>;
}

type MonitorLabels = 'model' | 'version' | 'monitor' | 'feature' | 'metric';

/** Request-latency buckets, seconds: 1 ms to 10 s (the p99 budget of ingestion is 50 ms). */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createServerMetrics(store: Store): ServerMetrics {
  const registry = new Registry();
  const counter = (name: string, help: string) =>
    new Counter({ name, help, labelNames: ['model'] as const, registers: [registry] });
  const labelNames = ['model', 'version', 'monitor', 'feature', 'metric'] as const;
  // The three gauges come from one read of the store per scrape: prom-client collects metrics concurrently,
  // so each gauge's collect awaits the same load (started by whichever collect runs first).
  let pending: Promise<void> | undefined;
  const load = async () => {
    pending ??= collectMonitorPoints(store, value, breach, windowEnd).finally(() => {
      pending = undefined;
    });
    await pending;
  };
  const gauge = (name: string, help: string) =>
    new Gauge({ name, help, labelNames, registers: [registry], collect: load });
  const value: Gauge<MonitorLabels> = gauge(
    'vigil_monitor_value',
    'Newest value of each monitor series (model, version, monitor, feature, metric)',
  );
  const breach: Gauge<MonitorLabels> = gauge(
    'vigil_monitor_breach',
    'Whether the newest point of each monitor series breaches its rule (1) or not (0)',
  );
  const windowEnd: Gauge<MonitorLabels> = gauge(
    'vigil_monitor_window_end_seconds',
    'End of the window of the newest point of each monitor series, seconds since the Unix epoch',
  );
  return {
    registry,
    predictions: counter('vigil_predictions_ingested_total', 'Predictions stored'),
    duplicates: counter(
      'vigil_prediction_duplicates_total',
      'Predictions ignored because their id was stored',
    ),
    labels: counter('vigil_labels_ingested_total', 'Labels stored'),
    labelsMatched: counter('vigil_labels_matched_total', 'Labels stored whose prediction is stored'),
    requestDuration: new Histogram({
      name: 'vigil_http_request_duration_seconds',
      help: 'HTTP request latency by route template',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: BUCKETS,
      registers: [registry],
    }),
  };
}

async function collectMonitorPoints(
  store: Store,
  value: Gauge<MonitorLabels>,
  breach: Gauge<MonitorLabels>,
  windowEnd: Gauge<MonitorLabels>,
): Promise<void> {
  const [points, monitors, models] = await Promise.all([
    store.latestPoints(),
    store.listMonitors(),
    store.listModels(),
  ]);
  const names = new Map(monitors.map((m) => [m.id, m.name]));
  const versions = new Map(models.map((m) => [m.name, m.activeVersion ?? '']));
  value.reset();
  breach.reset();
  windowEnd.reset();
  for (const p of points) {
    const labels = {
      model: p.model,
      version: versions.get(p.model) ?? '',
      monitor: names.get(p.monitorId) ?? String(p.monitorId),
      feature: p.feature,
      metric: p.metric,
    };
    if (p.value !== null) value.set(labels, p.value);
    if (p.status !== 'insufficient') breach.set(labels, p.status === 'breach' ? 1 : 0);
    windowEnd.set(labels, p.windowEnd / 1000);
  }
}
