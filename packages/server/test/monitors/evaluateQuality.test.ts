import {
  categoricalFromStrings,
  createFrame,
  inferSchema,
  numericFromNumbers,
  qualitySummary,
  validateFrame,
} from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { evaluateQuality } from '../../src/monitors/evaluateQuality.js';
import type { ModelSchema } from '../../src/store/types.js';
import { contextOf, monitorOf, rowsOf } from './rows.js';

const schema: ModelSchema = {
  features: [
    { name: 'age', kind: 'numerical' },
    { name: 'city', kind: 'categorical' },
  ],
};
const rule = { operator: 'gt', value: 0.1, severity: 'warning' } as const;

describe('evaluateQuality(monitor, reference, window, context)', () => {
  const refAge = [20, 30, 40, 50, null, 60];
  const refCity = ['paris', 'lyon', null, 'nice', 'paris', 'lyon'];
  const curAge = [10, 25, null, null, 70, 80, 45, 35];
  const curCity = ['paris', 'oslo', 'oslo', null, 'lyon', 'rome', 'nice', 'paris'];
  const reference = rowsOf({ features: { age: refAge, city: refCity } });
  const window = rowsOf({ features: { age: curAge, city: curCity } });
  const points = evaluateQuality(
    monitorOf('quality', {}, rule),
    reference,
    window,
    contextOf('binary', schema),
  );
  const find = (feature: string, metric: string) =>
    points.find((p) => p.feature === feature && p.metric === metric)!;

  it('reports missingShare as qualitySummary, with the reference share in the details', () => {
    const current = qualitySummary(createFrame([numericFromNumbers('age', curAge)]), []).missingShare.get(
      'age',
    );
    const ref = qualitySummary(createFrame([numericFromNumbers('age', refAge)]), []).missingShare.get('age');
    expect(find('age', 'missingShare')).toMatchObject({ value: current, status: 'breach' });
    expect(find('age', 'missingShare').details).toMatchObject({ reference: ref, rows: 8 });
    expect(current).toBe(2 / 8);
    const city = qualitySummary(createFrame([categoricalFromStrings('city', curCity)]), []).missingShare.get(
      'city',
    );
    expect(find('city', 'missingShare')).toMatchObject({ value: city, status: 'breach' });
  });

  it('counts values outside the reference min/max as validateFrame does against the inferred schema', () => {
    const inferred = inferSchema(createFrame([numericFromNumbers('age', refAge)])).columns[0];
    expect([inferred.min, inferred.max]).toEqual([20, 60]);
    const result = validateFrame(createFrame([numericFromNumbers('age', curAge)]), {
      version: 1,
      allowExtraColumns: true,
      columns: [{ name: 'age', type: 'numerical', min: inferred.min, max: inferred.max }],
    });
    const outside = result.violations.reduce((s, v) => s + v.count, 0);
    expect(outside).toBe(3); // 10 below 20; 70 and 80 above 60
    expect(find('age', 'outOfRangeShare')).toMatchObject({ value: outside / 6, status: 'breach' });
    expect(find('age', 'outOfRangeShare').details).toMatchObject({ count: 3, present: 6, min: 20, max: 60 });
  });

  it('counts categories the reference never had (unseenShare)', () => {
    // oslo, oslo, rome: 3 of the 7 present values.
    expect(find('city', 'unseenShare')).toMatchObject({ value: 3 / 7, status: 'breach' });
    expect(find('city', 'unseenShare').details).toMatchObject({ count: 3, present: 7 });
  });

  it('is ok on the reference itself, and judges only config.alertMetric when set', () => {
    const self = evaluateQuality(
      monitorOf('quality', {}, { ...rule, value: 0.2 }),
      reference,
      reference,
      contextOf('binary', schema),
    );
    expect(self.filter((p) => p.metric !== 'missingShare').map((p) => p.value)).toEqual([0, 0]);
    expect(self.every((p) => p.status === 'ok')).toBe(true);
    const only = evaluateQuality(
      monitorOf('quality', { alertMetric: 'unseenShare' }, rule),
      reference,
      window,
      contextOf('binary', schema),
    );
    expect(only.filter((p) => p.status === 'breach').map((p) => `${p.feature}.${p.metric}`)).toEqual([
      'city.unseenShare',
    ]);
  });

  it('counts ±Infinity as out of range and is insufficient without rows or present values', () => {
    const inf = evaluateQuality(
      monitorOf('quality', { features: ['age'] }, rule),
      reference,
      rowsOf({ features: { age: [Number.POSITIVE_INFINITY, 30] } }),
      contextOf('binary', schema),
    );
    expect(inf.find((p) => p.metric === 'outOfRangeShare')).toMatchObject({ value: 0.5 });
    const missing = evaluateQuality(
      monitorOf('quality', { features: ['age'] }, rule),
      reference,
      rowsOf({ features: { age: new Float64Array(3).fill(Number.NaN) } }),
      contextOf('binary', schema),
    );
    expect(missing.map((p) => [p.metric, p.value, p.status])).toEqual([
      ['missingShare', 1, 'breach'],
      ['outOfRangeShare', null, 'insufficient'],
    ]);
    const empty = evaluateQuality(
      monitorOf('quality', { features: ['age'] }, rule),
      reference,
      rowsOf({ features: { age: new Float64Array(0) }, n: 0 }),
      contextOf('binary', schema),
    );
    expect(empty.every((p) => p.status === 'insufficient' && p.value === null)).toBe(true);
  });

  it('is insufficient when the reference has no value of the feature', () => {
    const points = evaluateQuality(
      monitorOf('quality', { features: ['age'] }, rule),
      rowsOf({ features: { age: new Float64Array(2).fill(Number.NaN) } }),
      rowsOf({ features: { age: [1, 2] } }),
      contextOf('binary', schema),
    );
    expect(points[1]).toMatchObject({ metric: 'outOfRangeShare', value: null, status: 'insufficient' });
  });
});
