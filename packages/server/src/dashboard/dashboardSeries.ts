/**
 * The model page's series (issue 5 §2 "performance over time with label coverage, prediction distribution over
 * time, a feature × window drift heatmap, data quality over time, latency p50/p95/p99 and volume"), assembled from
 * what the store already holds: the monitors' points of the windows (one query) and per-window prediction
 * aggregates (one query). Pure, so every number here is tested without a server.
 *
 * Every array has one entry per window of the axis (`starts`), null where the window has no value.
 * - performance: the points of one performance monitor (accuracy when a monitor watches it, else the first
 *   performance monitor's metric), its `labelCoverage`, and the reference value and threshold from the newest
 *   point's details;
 * - drift: `driftScore` of every drift-monitored column (schema features in schema order, then the prediction
 *   and score columns); `drifted` is the test's verdict (status 'breach' / 'ok'; null when insufficient);
 * - quality: per window, the mean over features of each quality share (equal rows per feature, so the mean of
 *   missing shares is the share of missing cells);
 * - latency: the latency monitor's p50, p95, p99;
 * - predictions and volume: from the prediction aggregates (mean score for a binary model with scores, mean
 *   prediction for regression, class shares for classifiers).
 */
import type { MetricPoint, Model, Monitor, PredictionWindowStats } from '../store/types.js';

export interface DashboardSeries {
  performance: {
    metric: string | null;
    values: (number | null)[];
    reference: number | null;
    coverage: (number | null)[];
    threshold?: number;
  };
  predictions: {
    kind: 'score' | 'class' | 'value';
    mean: (number | null)[];
    classShares?: Record<string, (number | null)[]>;
  };
  drift: {
    features: string[];
    scores: (number | null)[][];
    drifted: (boolean | null)[][];
    test: Record<string, string>;
    threshold: Record<string, number>;
  };
  quality: {
    missingShare: (number | null)[];
    outOfRange: (number | null)[];
    unseenCategories: (number | null)[];
  };
  latency: { p50: (number | null)[]; p95: (number | null)[]; p99: (number | null)[] };
  volume: number[];
}

/** Metrics the dashboard reads from points (the store filters on them). */
export const DASHBOARD_METRICS = [
  'driftScore',
  'missingShare',
  'outOfRangeShare',
  'unseenShare',
  'labelCoverage',
  'p50',
  'p95',
  'p99',
];

/** The performance monitor and metric the page shows: accuracy when watched, else the first one's metric. */
export function performanceMonitor(
  monitors: readonly Monitor[],
): { monitor: Monitor; metric: string } | undefined {
  const candidates = monitors
    .filter((m) => m.kind === 'performance')
    .flatMap((monitor) => {
      const metrics = (monitor.config as { metrics?: unknown }).metrics;
      return Array.isArray(metrics) ? metrics.map((metric) => ({ monitor, metric: String(metric) })) : [];
    });
  return candidates.find((c) => c.metric === 'accuracy') ?? candidates[0];
}

const nulls = (n: number) => new Array<number | null>(n).fill(null);

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * @param model the model (task, schema).
 * @param monitors its monitors.
 * @param points its points of the axis' windows (metrics of {@link DASHBOARD_METRICS} and the performance metric).
 * @param stats its prediction aggregates per window.
 * @param starts the window axis, oldest first.
 */
export function dashboardSeries(
  model: Pick<Model, 'task' | 'schema'>,
  monitors: readonly Monitor[],
  points: readonly MetricPoint[],
  stats: readonly PredictionWindowStats[],
  starts: readonly number[],
): DashboardSeries {
  const n = starts.length;
  const slot = new Map(starts.map((s, i) => [s, i]));
  const kindOf = new Map(monitors.map((m) => [m.id, m.kind]));

  // Performance.
  const chosen = performanceMonitor(monitors);
  const performance: DashboardSeries['performance'] = {
    metric: chosen?.metric ?? null,
    values: nulls(n),
    reference: null,
    coverage: nulls(n),
  };
  let newestPerformance = Number.NEGATIVE_INFINITY;

  // Drift: column → per-window score and verdict; first monitor (lowest id) wins a shared column.
  const driftScores = new Map<string, (number | null)[]>();
  const driftFlags = new Map<string, (boolean | null)[]>();
  const driftOwner = new Map<string, number>();
  const test: Record<string, string> = {};
  const threshold: Record<string, number> = {};

  const quality = { missingShare: [], outOfRangeShare: [], unseenShare: [] } as Record<string, number[][]>;
  for (const key of Object.keys(quality)) quality[key] = Array.from({ length: n }, () => []);
  const latency = { p50: nulls(n), p95: nulls(n), p99: nulls(n) };

  for (const p of points) {
    const i = slot.get(p.windowStart);
    if (i === undefined) continue;
    const kind = kindOf.get(p.monitorId);
    if (kind === 'performance' && chosen !== undefined && p.monitorId === chosen.monitor.id) {
      if (p.metric === chosen.metric) {
        performance.values[i] = p.value;
        if (p.windowStart > newestPerformance) {
          newestPerformance = p.windowStart;
          const ref = p.details?.reference;
          const limit = p.details?.threshold;
          if (typeof ref === 'number') performance.reference = ref;
          if (typeof limit === 'number') performance.threshold = limit;
        }
      } else if (p.metric === 'labelCoverage') performance.coverage[i] = p.value;
    } else if (kind === 'drift' && p.metric === 'driftScore' && p.feature !== '') {
      const owner = driftOwner.get(p.feature);
      if (owner !== undefined && owner !== p.monitorId) continue;
      if (owner === undefined) {
        driftOwner.set(p.feature, p.monitorId);
        driftScores.set(p.feature, nulls(n));
        driftFlags.set(p.feature, new Array<boolean | null>(n).fill(null));
      }
      (driftScores.get(p.feature) as (number | null)[])[i] = p.value;
      (driftFlags.get(p.feature) as (boolean | null)[])[i] =
        p.status === 'insufficient' ? null : p.status === 'breach';
      // Points come oldest window first: the last seen is the newest.
      if (typeof p.details?.test === 'string') test[p.feature] = p.details.test;
      if (typeof p.details?.threshold === 'number') threshold[p.feature] = p.details.threshold;
    } else if (kind === 'quality' && p.metric in quality && p.value !== null) {
      quality[p.metric][i].push(p.value);
    } else if (kind === 'latency' && (p.metric === 'p50' || p.metric === 'p95' || p.metric === 'p99')) {
      latency[p.metric][i] = p.value;
    }
  }

  const schemaOrder = new Map((model.schema?.features ?? []).map((f, i) => [f.name, i]));
  const features = [...driftScores.keys()].sort((a, b) => {
    const ia = schemaOrder.get(a) ?? Number.POSITIVE_INFINITY;
    const ib = schemaOrder.get(b) ?? Number.POSITIVE_INFINITY;
    return ia === ib ? (a < b ? -1 : a > b ? 1 : 0) : ia - ib;
  });

  // Predictions and volume.
  const volume = new Array<number>(n).fill(0);
  const scoreMeans = nulls(n);
  const predictionMeans = nulls(n);
  const classCounts: (Record<string, number> | undefined)[] = new Array(n).fill(undefined);
  let anyScore = false;
  for (const s of stats) {
    const i = slot.get(s.windowStart);
    if (i === undefined) continue;
    volume[i] = s.count;
    scoreMeans[i] = s.scoreMean;
    predictionMeans[i] = s.predictionMean;
    classCounts[i] = s.classCounts;
    if (s.scoreMean !== null) anyScore = true;
  }
  let predictions: DashboardSeries['predictions'];
  if (model.task === 'regression') {
    predictions = { kind: 'value', mean: predictionMeans };
  } else {
    const labels = new Set<string>();
    for (const counts of classCounts) for (const label of Object.keys(counts ?? {})) labels.add(label);
    const classShares: Record<string, (number | null)[]> = {};
    for (const label of [...labels].sort()) {
      classShares[label] = classCounts.map((counts, i) =>
        counts === undefined || volume[i] === 0 ? null : (counts[label] ?? 0) / volume[i],
      );
    }
    predictions =
      model.task === 'binary' && anyScore
        ? { kind: 'score', mean: scoreMeans, classShares }
        : { kind: 'class', mean: nulls(n), classShares };
  }

  return {
    performance,
    predictions,
    drift: {
      features,
      scores: features.map((f) => driftScores.get(f) as (number | null)[]),
      drifted: features.map((f) => driftFlags.get(f) as (boolean | null)[]),
      test,
      threshold,
    },
    quality: {
      missingShare: quality.missingShare.map(mean),
      outOfRange: quality.outOfRangeShare.map(mean),
      unseenCategories: quality.unseenShare.map(mean),
    },
    latency,
    volume,
  };
}
