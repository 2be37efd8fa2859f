/**
 * What every monitor evaluator receives besides its monitor and the two row sets, and the small helpers they
 * share: a memo for computations several monitors need on the same rows (drift of the same columns, the
 * metric set of a reference), point construction and the reading of an alert rule.
 */
import type { AlertRule, MetricPoint, Model, Monitor } from '../store/types.js';
import { judgesMetric } from './monitorDefaults.js';

export interface EvaluationContext {
  /** The monitored model: its task and schema (features with their kinds, positive class, classes). */
  model: Pick<Model, 'name' | 'task' | 'schema'>;
  windowStart: number;
  windowEnd: number;
  /** Written into every point's `computedAt`. */
  computedAt: number;
  /** Points already computed for this window (by other monitors): what custom monitors judge. */
  points?: readonly MetricPoint[];
  /** Shared by the monitors of one evaluation (and across windows for the reference); default: a fresh one. */
  cache?: EvaluationCache;
}

/**
 * Memoizes pure computations per row set: keyed by the row object (weakly, so a reference read once and kept by
 * the scheduler keeps its derived frames, and a window's are dropped with it) and a string key.
 */
export interface EvaluationCache {
  memo<T>(rows: object, key: string, compute: () => T): T;
}

export function createEvaluationCache(): EvaluationCache {
  const byRows = new WeakMap<object, Map<string, unknown>>();
  return {
    memo<T>(rows: object, key: string, compute: () => T): T {
      let entries = byRows.get(rows);
      if (entries === undefined) {
        entries = new Map();
        byRows.set(rows, entries);
      }
      if (!entries.has(key)) entries.set(key, compute());
      return entries.get(key) as T;
    },
  };
}

/** The context's cache, created on first use when the caller gave none. */
export function cacheOf(context: EvaluationContext): EvaluationCache {
  context.cache ??= createEvaluationCache();
  return context.cache;
}

/** A point of `monitor` on the context's window. Non-finite values are stored as null (JSON has no NaN). */
export function makePoint(
  context: EvaluationContext,
  monitor: Pick<Monitor, 'id' | 'model'>,
  feature: string,
  metric: string,
  value: number | null,
  status: MetricPoint['status'],
  details?: Record<string, unknown>,
): MetricPoint {
  const point: MetricPoint = {
    model: monitor.model,
    monitorId: monitor.id,
    windowStart: context.windowStart,
    windowEnd: context.windowEnd,
    feature,
    metric,
    value: value === null || !Number.isFinite(value) ? null : value,
    status: value === null || Number.isNaN(value) ? 'insufficient' : status,
    computedAt: context.computedAt,
  };
  if (details !== undefined) point.details = details;
  return point;
}

/**
 * The rule's verdict on a value against an already resolved threshold: 'breach' when `value operator
 * threshold` holds, 'insufficient' when the value or the threshold is not a number (a relative rule whose
 * reference value is undefined), 'ok' otherwise or when there is no rule.
 */
export function judge(
  value: number | null,
  operator: AlertRule['operator'] | undefined,
  threshold: number,
): MetricPoint['status'] {
  if (value === null || Number.isNaN(value)) return 'insufficient';
  if (operator === undefined) return 'ok';
  if (Number.isNaN(threshold)) return 'insufficient';
  switch (operator) {
    case 'gt':
      return value > threshold ? 'breach' : 'ok';
    case 'gte':
      return value >= threshold ? 'breach' : 'ok';
    case 'lt':
      return value < threshold ? 'breach' : 'ok';
    case 'lte':
      return value <= threshold ? 'breach' : 'ok';
  }
}

/**
 * A point's status under its monitor's rule: the rule's verdict against `threshold` (default: the rule's value)
 * when the rule judges this metric (`config.alertMetric`, or every metric), else 'ok' ('insufficient' without a
 * value). The alert engine reads the same rule the same way, so the series and the alerts agree.
 */
export function ruleStatus(
  monitor: Pick<Monitor, 'rule' | 'config'>,
  metric: string,
  value: number | null,
  threshold: number = monitor.rule?.value ?? Number.NaN,
): MetricPoint['status'] {
  if (!judgesMetric(monitor.config, metric)) return judge(value, undefined, 0);
  return judge(value, monitor.rule?.operator, threshold);
}

/** Message of an error for a point's details (VigilError messages name the function and the problem). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
