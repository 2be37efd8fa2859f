/**
 * Conditions of suite checks: absolute bounds (`gt`, `gte`, `lt`, `lte`, `eq`, `between`) and bounds relative to
 * the value of the same check on the reference data (`notWorseThanReference`, `closeToReference`).
 */
import { ErrorCodes, VigilError } from '../errors.js';
import type { ConditionOperator, ResolvedCondition } from './checkResult.js';

/** A condition as written in a suite (after its shape was checked). */
export type Condition =
  | { type: 'absolute'; operator: Exclude<ConditionOperator, 'between'>; value: number }
  | { type: 'absolute'; operator: 'between'; value: [number, number] }
  | {
      /** The value may be worse than the reference's by at most `by` (a share of |reference| when `relative`). */
      type: 'notWorseThanReference';
      by: number;
      relative: boolean;
    }
  | {
      /** The value must lie within `by` (a share of |reference| when `relative`) of the reference's, either side. */
      type: 'closeToReference';
      by: number;
      relative: boolean;
    };

/** Which way a value improves: `higher` (scores), `lower` (losses, errors, drift, missing values) or `none`. */
export type Direction = 'higher' | 'lower' | 'none';

/** Whether the condition compares with the reference (and so needs the check's value on the reference data). */
export function isRelativeCondition(condition: Condition): boolean {
  return condition.type !== 'absolute';
}

/**
 * Turns a condition into a bound. Relative conditions are resolved with the reference value `ref`:
 * margin d = by·|ref| when `relative`, else d = by; `notWorseThanReference` is `gte ref − d` when higher is better
 * and `lte ref + d` when lower is better; `closeToReference` is `between [ref − d, ref + d]`.
 *
 * @param condition - the condition as written.
 * @param direction - how the checked value improves (needed by `notWorseThanReference`).
 * @param referenceValue - the check's value on the reference (needed by relative conditions).
 * @returns the operator, the bound(s), a description in words and, for relative conditions, the reference value.
 * @throws INVALID_ARGUMENT when a relative condition has no finite reference value, or `notWorseThanReference` is
 *   used on a value without a direction.
 * @example
 * resolveCondition({ type: 'notWorseThanReference', by: 0.05, relative: true }, 'higher', 0.8);
 * // => { operator: 'gte', threshold: 0.76, description: 'not worse than reference (0.8) by more than 5%', referenceValue: 0.8 }
 */
export function resolveCondition(
  condition: Condition,
  direction: Direction,
  referenceValue?: number,
): ResolvedCondition {
  if (condition.type === 'absolute') {
    const { operator, value } = condition;
    return {
      operator,
      threshold: value,
      description: Array.isArray(value) ? `between ${value[0]} and ${value[1]}` : `${operator} ${value}`,
    };
  }
  if (referenceValue === undefined || !Number.isFinite(referenceValue)) {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `resolveCondition: referenceValue must be a finite number for ${condition.type}; got ${String(referenceValue)}`,
    );
  }
  const margin = condition.relative ? condition.by * Math.abs(referenceValue) : condition.by;
  const by = condition.relative ? `${round(condition.by * 100)}%` : `${condition.by}`;
  const ref = `reference (${round(referenceValue)})`;
  if (condition.type === 'closeToReference') {
    return {
      operator: 'between',
      threshold: [referenceValue - margin, referenceValue + margin],
      description: `within ${by} of ${ref}`,
      referenceValue,
    };
  }
  if (direction === 'none') {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      'resolveCondition: notWorseThanReference needs a value that is better higher or lower; got one without a direction',
      { hint: 'use closeToReference or an absolute bound (gte, lte, between, …)' },
    );
  }
  return {
    operator: direction === 'higher' ? 'gte' : 'lte',
    threshold: direction === 'higher' ? referenceValue - margin : referenceValue + margin,
    description: `not worse than ${ref} by more than ${by}`,
    referenceValue,
  };
}

/**
 * Whether `value` satisfies a resolved condition. NaN satisfies nothing. `eq` is exact up to a relative
 * tolerance of 1e-12 (so 0.1 + 0.2 equals 0.3); `between` includes both ends.
 */
export function conditionHolds(value: number, condition: ResolvedCondition): boolean {
  if (Number.isNaN(value)) return false;
  const t = condition.threshold;
  switch (condition.operator) {
    case 'gt':
      return value > (t as number);
    case 'gte':
      return value >= (t as number);
    case 'lt':
      return value < (t as number);
    case 'lte':
      return value <= (t as number);
    case 'eq':
      return Math.abs(value - (t as number)) <= 1e-12 * Math.max(1, Math.abs(t as number));
    case 'between': {
      const [low, high] = t as [number, number];
      return value >= low && value <= high;
    }
  }
}

function round(x: number): number {
  return Number(x.toPrecision(6));
}
