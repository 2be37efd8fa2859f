import type { ResolvedCondition } from '@vigil/core';
import { formatNumber } from './formatNumber.js';

const symbols: Record<Exclude<ResolvedCondition['operator'], 'between'>, string> = {
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  eq: '=',
};

/**
 * A check's resolved condition for people: the operator as a symbol and the bound as {@link formatNumber} writes
 * it (`≥ 0.8`, `between 0.1 and 0.3`), followed by the reference value a relative condition was derived from
 * (`≥ 0.8075 (reference 0.85)`). No condition gives `''`.
 * @example formatCondition({ operator: 'gte', threshold: 0.8, description: 'gte 0.8' }) // => '≥ 0.8'
 */
export function formatCondition(condition: ResolvedCondition | undefined): string {
  if (condition === undefined) return '';
  const { operator, threshold } = condition;
  let bound: string;
  if (operator === 'between') {
    const [low, high] = Array.isArray(threshold) ? threshold : [threshold, threshold];
    bound = `between ${formatNumber(low)} and ${formatNumber(high)}`;
  } else {
    bound = `${symbols[operator]} ${formatNumber(Array.isArray(threshold) ? threshold[0] : threshold)}`;
  }
  return condition.referenceValue === undefined
    ? bound
    : `${bound} (reference ${formatNumber(condition.referenceValue)})`;
}
