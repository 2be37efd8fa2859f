import { describe, expect, it } from 'vitest';
import { conditionHolds, resolveCondition } from '../../src/suite/conditions.js';

describe('resolveCondition', () => {
  it('resolveCondition(absolute) keeps the bound and describes it', () => {
    expect(resolveCondition({ type: 'absolute', operator: 'gte', value: 0.8 }, 'higher')).toEqual({
      operator: 'gte',
      threshold: 0.8,
      description: 'gte 0.8',
    });
    expect(
      resolveCondition({ type: 'absolute', operator: 'between', value: [1, 2] }, 'none').description,
    ).toBe('between 1 and 2');
  });

  it('resolveCondition(notWorseThanReference, higher) is gte ref − by·|ref|', () => {
    const r = resolveCondition({ type: 'notWorseThanReference', by: 0.05, relative: true }, 'higher', 0.8);
    expect(r.operator).toBe('gte');
    expect(r.threshold).toBeCloseTo(0.76, 14);
    expect(r.referenceValue).toBe(0.8);
    expect(r.description).toBe('not worse than reference (0.8) by more than 5%');
  });

  it('resolveCondition(notWorseThanReference, lower) is lte ref + by·|ref|', () => {
    const r = resolveCondition({ type: 'notWorseThanReference', by: 0.1, relative: true }, 'lower', 0.5);
    expect(r.operator).toBe('lte');
    expect(r.threshold).toBeCloseTo(0.55, 14);
  });

  it('resolveCondition(notWorseThanReference, absolute margin) adds `by` itself', () => {
    expect(
      resolveCondition({ type: 'notWorseThanReference', by: 0.05, relative: false }, 'lower', 0.02).threshold,
    ).toBeCloseTo(0.07, 14);
    expect(
      resolveCondition({ type: 'notWorseThanReference', by: 0.05, relative: false }, 'higher', 0.9).threshold,
    ).toBeCloseTo(0.85, 14);
  });

  it('resolveCondition(relative) uses |ref| so a negative reference widens downwards', () => {
    // r2 of −0.5: 10% worse is −0.55, not −0.45.
    expect(
      resolveCondition({ type: 'notWorseThanReference', by: 0.1, relative: true }, 'higher', -0.5).threshold,
    ).toBeCloseTo(-0.55, 14);
  });

  it('resolveCondition(closeToReference) is between ref ± margin', () => {
    const r = resolveCondition({ type: 'closeToReference', by: 0.1, relative: true }, 'none', 200);
    expect(r.operator).toBe('between');
    expect(r.threshold).toEqual([180, 220]);
  });

  it('resolveCondition(relative) throws without a finite reference value', () => {
    expect(() => resolveCondition({ type: 'closeToReference', by: 0.1, relative: true }, 'none')).toThrow(
      /referenceValue must be a finite number/,
    );
    expect(() =>
      resolveCondition({ type: 'closeToReference', by: 0.1, relative: true }, 'none', Number.NaN),
    ).toThrow(/finite/);
  });

  it('resolveCondition(notWorseThanReference) throws for a value without direction', () => {
    expect(() =>
      resolveCondition({ type: 'notWorseThanReference', by: 0.1, relative: true }, 'none', 1),
    ).toThrow(/direction/);
  });
});

describe('conditionHolds', () => {
  const c = (operator: 'gt' | 'gte' | 'lt' | 'lte' | 'eq', threshold: number) => ({
    operator,
    threshold,
    description: '',
  });
  it('conditionHolds(boundary) is strict for gt/lt and inclusive for gte/lte', () => {
    expect(conditionHolds(0.8, c('gt', 0.8))).toBe(false);
    expect(conditionHolds(0.8, c('gte', 0.8))).toBe(true);
    expect(conditionHolds(0.8, c('lt', 0.8))).toBe(false);
    expect(conditionHolds(0.8, c('lte', 0.8))).toBe(true);
    expect(conditionHolds(0.80001, c('gt', 0.8))).toBe(true);
    expect(conditionHolds(0.79999, c('gte', 0.8))).toBe(false);
  });

  it('conditionHolds(eq) tolerates rounding only', () => {
    expect(conditionHolds(0.1 + 0.2, c('eq', 0.3))).toBe(true);
    expect(conditionHolds(0.3001, c('eq', 0.3))).toBe(false);
    expect(conditionHolds(0, c('eq', 0))).toBe(true);
  });

  it('conditionHolds(between) includes both ends', () => {
    const between = { operator: 'between' as const, threshold: [1, 2] as [number, number], description: '' };
    expect(conditionHolds(1, between)).toBe(true);
    expect(conditionHolds(2, between)).toBe(true);
    expect(conditionHolds(0.999, between)).toBe(false);
    expect(conditionHolds(2.001, between)).toBe(false);
  });

  it('conditionHolds(NaN) is false for every operator', () => {
    for (const op of ['gt', 'gte', 'lt', 'lte', 'eq'] as const)
      expect(conditionHolds(Number.NaN, c(op, 0))).toBe(false);
  });
});
