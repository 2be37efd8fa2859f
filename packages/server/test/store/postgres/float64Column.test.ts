import { describe, expect, it } from 'vitest';
import { Float64Column } from '../../../src/store/postgres/float64Column.js';

describe('Float64Column', () => {
  it('finish() of an empty column is an empty Float64Array', () => {
    const column = new Float64Column(4);
    expect(column.finish()).toEqual(new Float64Array(0));
    expect(column.length).toBe(0);
  });

  it('push(values across several blocks) keeps every value in order, null as NaN', () => {
    for (const n of [1, 3, 4, 5, 8, 9, 13]) {
      const column = new Float64Column(4);
      const expected = Array.from({ length: n }, (_, i) => (i % 5 === 2 ? Number.NaN : i * 1.5));
      for (const value of expected) column.push(Number.isNaN(value) ? null : value);
      expect(column.length).toBe(n);
      expect(Array.from(column.finish())).toEqual(expected);
    }
  });

  it('new Float64Column() uses blocks of 32 768 values', () => {
    const column = new Float64Column();
    for (let i = 0; i < 70_000; i++) column.push(i);
    const values = column.finish();
    expect(values.length).toBe(70_000);
    expect(values[32_767]).toBe(32_767);
    expect(values[32_768]).toBe(32_768);
    expect(values[69_999]).toBe(69_999);
  });
});
