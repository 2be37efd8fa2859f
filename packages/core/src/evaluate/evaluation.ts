import { bootstrapIntervals } from '../stats/bootstrapInterval.js';
import type { MetricSet } from './metricSet.js';

export type EvaluationTask = 'binary' | 'multiclass' | 'regression' | 'clustering' | 'ranking';

/** The result of `vigil eval`; its JSON form is the stable contract in the README. */
export interface Evaluation {
  task: EvaluationTask;
  n: number;
  metrics: Record<string, number>;
  confusionMatrix?: { labels: string[]; matrix: number[][] };
  /** Percentile bootstrap interval per metric, at `confidence`. */
  intervals?: Record<string, [number, number]>;
  confidence?: number;
  resamples?: number;
  segments?: Record<string, { n: number; metrics: Record<string, number> }>;
  /** Things the user should know about how the numbers were obtained (a default that was chosen, …). */
  notes?: string[];
}

export interface EvaluationOptions {
  /** Confidence level of bootstrap intervals; none when omitted. */
  ci?: number;
  resamples?: number;
  seed?: number;
  /** Called after each bootstrap resample (progress bars). */
  onProgress?: (done: number, total: number) => void;
  /** Segment name → its row indices. */
  segments?: ReadonlyMap<string, Uint32Array>;
}

/**
 * Computes a metric set on all rows, optionally with bootstrap intervals (one resampling shared by every
 * metric, see `bootstrapIntervals`) and per-segment metrics.
 */
export function evaluateMetricSet(
  task: EvaluationTask,
  set: MetricSet,
  options: EvaluationOptions = {},
): Evaluation {
  const metrics = set.compute();
  const result: Evaluation = { task, n: set.n, metrics };
  if (options.ci !== undefined) {
    const resamples = options.resamples ?? 1000;
    const intervals = bootstrapIntervals((idx) => set.compute(idx), set.n, {
      confidence: options.ci,
      resamples,
      seed: options.seed ?? 0,
      onProgress: options.onProgress,
    });
    result.intervals = Object.fromEntries(Object.entries(intervals).map(([k, v]) => [k, [v.low, v.high]]));
    result.confidence = options.ci;
    result.resamples = resamples;
  }
  if (options.segments) {
    result.segments = {};
    for (const [name, rows] of options.segments) {
      if (rows.length > 0) result.segments[name] = { n: rows.length, metrics: set.compute(rows) };
    }
  }
  return result;
}
