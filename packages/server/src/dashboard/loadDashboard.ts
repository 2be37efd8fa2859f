/**
 * Reads what a model's dashboard shows with a fixed number of store queries, whatever the number of windows,
 * monitors or features (issue 5 §4: p95 < 100 ms with 1M predictions): monitors, recent windows and open alerts
 * at once, then the points of all monitors and the per-window prediction aggregates at once. The assembly is
 * dashboardSeries.ts and summary.ts (pure).
 */
import type { Alert, Model, Monitor, Store } from '../store/types.js';
import {
  DASHBOARD_METRICS,
  type DashboardSeries,
  dashboardSeries,
  performanceMonitor,
} from './dashboardSeries.js';
import { type Health, modelHealth } from './modelHealth.js';
import { summarySentences } from './summary.js';
import { alignWindow, windowStarts } from './windowStarts.js';

/** Most open alerts listed on a model's page. */
const OPEN_ALERTS = 1000;

export interface LoadedDashboard {
  starts: number[];
  series: DashboardSeries;
  monitors: Monitor[];
  openAlerts: Alert[];
  openAlertsBySeverity: { critical: number; warning: number };
  health: Health;
  lastDataAt?: number;
  lastEvaluatedAt?: number;
  summary: string[];
}

/**
 * @param store the store.
 * @param model the model.
 * @param windows how many windows, ending with the newest window that received data (the current one when none).
 * @param now clock, ms.
 */
export async function loadDashboard(
  store: Store,
  model: Model,
  windows: number,
  now: number,
): Promise<LoadedDashboard> {
  const [monitors, recent, openAlerts] = await Promise.all([
    store.listMonitors(model.name),
    store.listWindows(model.name, windows),
    store.listAlerts({ model: model.name, state: 'firing', limit: OPEN_ALERTS }),
  ]);
  const { windowMs } = model;
  // window_state rows of an earlier window length are realigned to the current one.
  const newest = alignWindow(recent.length > 0 ? recent[0].windowStart : Math.floor(now), windowMs);
  const starts = windowStarts(newest, windowMs, windows);
  const performance = performanceMonitor(monitors);
  const metrics = performance === undefined ? DASHBOARD_METRICS : [...DASHBOARD_METRICS, performance.metric];
  const range = { from: starts[0], to: newest + windowMs };
  const [points, stats] = await Promise.all([
    store.readModelPoints(model.name, { ...range, metrics }),
    store.predictionStats(model.name, { ...range, windowMs, classes: model.task !== 'regression' }),
  ]);
  const series = dashboardSeries(model, monitors, points, stats, starts);
  let lastDataAt: number | undefined;
  let lastEvaluatedAt: number | undefined;
  for (const w of recent) {
    if (lastDataAt === undefined || w.lastDataAt > lastDataAt) lastDataAt = w.lastDataAt;
    if (
      w.lastEvaluatedAt !== undefined &&
      (lastEvaluatedAt === undefined || w.lastEvaluatedAt > lastEvaluatedAt)
    ) {
      lastEvaluatedAt = w.lastEvaluatedAt;
    }
  }
  const openAlertsBySeverity = {
    critical: openAlerts.filter((a) => a.severity === 'critical').length,
    warning: openAlerts.filter((a) => a.severity === 'warning').length,
  };
  const summary = summarySentences({
    now,
    windowMs,
    starts,
    lastDataAt,
    series,
    openAlerts: {
      ...openAlertsBySeverity,
      info: openAlerts.length - openAlertsBySeverity.critical - openAlertsBySeverity.warning,
    },
  });
  return {
    starts,
    series,
    monitors,
    openAlerts,
    openAlertsBySeverity,
    health: modelHealth(openAlerts, recent.length > 0),
    lastDataAt,
    lastEvaluatedAt,
    summary,
  };
}
