import type { AlertRule, MonitorKind } from '../store/types.js';

/** The operator of a rule as people write it. */
export const OPERATOR_SYMBOL: Record<AlertRule['operator'], string> = {
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
};

/** The opposite operator: what holds while a rule does not breach (`gte` breaches, so `<` is fine). */
export const NEGATED_SYMBOL: Record<AlertRule['operator'], string> = { gt: '≤', gte: '<', lt: '≥', lte: '>' };

/**
 * A number for a sentence: integers as they are, others to 3 significant digits (0.3141 → "0.314"), magnitudes from
 * 1000 up rounded to integers; non-finite values as "n/a".
 *
 * @example formatValue(0.31) // => '0.31'
 */
export function formatValue(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  if (Number.isInteger(value)) return String(value);
  if (Math.abs(value) >= 1000) return String(Math.round(value));
  return String(Number(value.toPrecision(3)));
}

/** What is being measured, in words: "drift of AGEP (psi)", "performance: f1Macro", "volume: count". */
export function alertSubject(kind: MonitorKind, feature: string, metric: string): string {
  if (feature !== '') return metric === kind ? `${kind} of ${feature}` : `${kind} of ${feature} (${metric})`;
  return metric === kind ? kind : `${kind}: ${metric}`;
}

/**
 * The sentence of a firing alert.
 *
 * @example firingMessage('drift', 'AGEP', 'drift', 0.31, 'gte', 0.1, 2) // => 'drift of AGEP 0.31 ≥ 0.1 for 2 windows'
 */
export function firingMessage(
  kind: MonitorKind,
  feature: string,
  metric: string,
  value: number | null,
  operator: AlertRule['operator'],
  threshold: number,
  windows: number,
): string {
  return `${alertSubject(kind, feature, metric)} ${formatValue(value)} ${OPERATOR_SYMBOL[operator]} ${formatValue(threshold)} for ${windowCount(windows)}`;
}

/**
 * The sentence of a resolved alert.
 *
 * @example resolvedMessage('drift', 'AGEP', 'drift', 0.04, 'gte', 0.1, 3)
 * // => 'resolved: drift of AGEP 0.04 < 0.1 for 3 windows'
 */
export function resolvedMessage(
  kind: MonitorKind,
  feature: string,
  metric: string,
  value: number | null,
  operator: AlertRule['operator'],
  threshold: number,
  windows: number,
): string {
  return `resolved: ${alertSubject(kind, feature, metric)} ${formatValue(value)} ${NEGATED_SYMBOL[operator]} ${formatValue(threshold)} for ${windowCount(windows)}`;
}

function windowCount(n: number): string {
  return n === 1 ? '1 window' : `${n} windows`;
}
