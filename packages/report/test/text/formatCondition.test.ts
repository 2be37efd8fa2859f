import { describe, expect, it } from 'vitest';
import { formatCondition } from '../../src/text/formatCondition.js';

describe('formatCondition', () => {
  it('formatCondition(condition) writes each operator as a symbol before the bound', () => {
    const of = (operator: 'gt' | 'gte' | 'lt' | 'lte' | 'eq', threshold: number) =>
      formatCondition({ operator, threshold, description: '' });
    expect([of('gt', 1), of('gte', 0.8), of('lt', 0.000012346), of('lte', 0.3), of('eq', 0)]).toEqual([
      '> 1',
      '≥ 0.8',
      '< 1.235e-5',
      '≤ 0.3',
      '= 0',
    ]);
  });

  it('formatCondition(between) names both bounds', () => {
    expect(formatCondition({ operator: 'between', threshold: [0.1, 0.3], description: '' })).toBe(
      'between 0.1 and 0.3',
    );
  });

  it('formatCondition(relative condition) adds the reference value; no condition gives ""', () => {
    expect(
      formatCondition({ operator: 'gte', threshold: 0.6175, description: 'x', referenceValue: 0.65 }),
    ).toBe('≥ 0.6175 (reference 0.65)');
    expect(formatCondition(undefined)).toBe('');
  });
});
