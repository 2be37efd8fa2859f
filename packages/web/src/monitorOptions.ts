/**
 * What the monitor form offers: the drift tests of @vigil/core (`driftTestNames`, imported: core runs in the
 * browser), the performance metrics the server accepts per task (`performanceMetricNames` in
 * packages/server/src/monitors/monitorConfig.ts) and the metrics each kind reports (`reportedMetrics`, same file).
 * The server lists are restated, not imported: the browser bundle stays free of server code. The server checks
 * every monitor again, so a list that fell behind shows as a 400 naming the field, never as a wrong monitor.
 */
import { driftTestNames } from '@vigil/core';
import type { MonitorKind, Task } from './types.js';

export const monitorKinds: readonly MonitorKind[] = [
  'drift',
  'quality',
  'performance',
  'volume',
  'latency',
  'custom',
];

/** `auto` (Evidently's choice per column, the default) and every test @vigil/core implements. */
export const driftTests = ['auto', ...driftTestNames] as const;

export const performanceMetrics: Record<Task, readonly string[]> = {
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

/** The metrics a monitor of `kind` reports, which its alert rule may judge. */
export function reportedMetrics(kind: MonitorKind, config: Record<string, unknown>): string[] {
  switch (kind) {
    case 'drift':
      return ['driftScore', 'drift', 'driftShare'];
    case 'quality':
      return ['missingShare', 'outOfRangeShare', 'unseenShare'];
    case 'performance':
      return ['labelCoverage', ...((config.metrics as string[] | undefined) ?? [])];
    case 'volume':
      return ['count'];
    case 'latency':
      return (config.quantiles as string[] | undefined) ?? ['p50', 'p95', 'p99'];
    case 'custom':
      return typeof config.metric === 'string' ? [config.metric] : [];
  }
}

const operatorWords = { gt: '>', gte: '≥', lt: '<', lte: '≤' } as const;

/** A rule in words: "alert (warning) when driftScore < 0.05 for 2 windows". */
export function describeRule(
  rule:
    | {
        operator: keyof typeof operatorWords;
        value: number;
        severity: string;
        fireAfter?: number;
        relativeToReference?: boolean;
      }
    | undefined,
  metric: string,
): string {
  if (rule === undefined) return 'no alert';
  const value = rule.relativeToReference ? `${rule.value} × reference` : String(rule.value);
  const after = (rule.fireAfter ?? 1) > 1 ? ` for ${rule.fireAfter} windows` : '';
  return `${rule.severity} when ${metric} ${operatorWords[rule.operator]} ${value}${after}`;
}
