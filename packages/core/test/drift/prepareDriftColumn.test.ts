import { describe, expect, it } from 'vitest';
import { countUniqueSorted, prepareDriftColumn, sortedFinite } from '../../src/drift/prepareDriftColumn.js';
import { type CategoricalColumn, categoricalFromStrings, numericFromNumbers } from '../../src/frame/frame.js';

describe('prepareDriftColumn categorical', () => {
  it('prepareDriftColumn aligns differently ordered dictionaries on the reference keys', () => {
    const ref = categoricalFromStrings('c', ['a', 'b', 'a', 'c']);
    const cur = categoricalFromStrings('c', ['c', 'c', 'b', 'a']);
    expect(ref.dictionary).toEqual(['a', 'b', 'c']);
    expect(cur.dictionary).toEqual(['c', 'b', 'a']);
    const p = prepareDriftColumn(ref, cur);
    expect(p).toEqual({
      kind: 'categorical',
      keys: ['a', 'b', 'c'],
      referenceCounts: Float64Array.of(2, 1, 1),
      currentCounts: Float64Array.of(1, 1, 2),
      unseenCategories: [],
      nUnique: 3,
    });
  });
  it('prepareDriftColumn appends categories seen only in the current data and lists them as unseen', () => {
    const p = prepareDriftColumn(
      categoricalFromStrings('c', ['x', 'y']),
      categoricalFromStrings('c', ['z', 'x', 'w', 'z']),
    );
    expect(p.kind === 'categorical' && p.keys).toEqual(['x', 'y', 'z', 'w']);
    expect(p.kind === 'categorical' && [...p.referenceCounts]).toEqual([1, 1, 0, 0]);
    expect(p.kind === 'categorical' && [...p.currentCounts]).toEqual([1, 0, 2, 1]);
    expect(p.kind === 'categorical' && p.unseenCategories).toEqual(['z', 'w']);
    expect(p.nUnique).toBe(4);
  });
  it('prepareDriftColumn drops missing codes (-1) and dictionary entries with no rows', () => {
    const ref: CategoricalColumn = {
      kind: 'categorical',
      name: 'c',
      type: 'categorical',
      codes: Int32Array.of(0, -1, 0, 2),
      dictionary: ['a', 'ghost', 'b'],
    };
    const cur: CategoricalColumn = {
      kind: 'categorical',
      name: 'c',
      type: 'categorical',
      codes: Int32Array.of(1, -1, 0),
      dictionary: ['b', 'a', 'phantom'],
    };
    const p = prepareDriftColumn(ref, cur);
    expect(p).toEqual({
      kind: 'categorical',
      keys: ['a', 'b'],
      referenceCounts: Float64Array.of(2, 1),
      currentCounts: Float64Array.of(1, 1),
      unseenCategories: [],
      nUnique: 2,
    });
  });
});

describe('prepareDriftColumn numerical', () => {
  it('prepareDriftColumn sorts, drops NaN and ±Infinity, and counts distinct values over both', () => {
    const p = prepareDriftColumn(
      numericFromNumbers('x', [3, Number.NaN, 1, Number.POSITIVE_INFINITY, 2, 1]),
      numericFromNumbers('x', [Number.NEGATIVE_INFINITY, 5, 2, null]),
    );
    expect(p).toEqual({
      kind: 'numerical',
      reference: Float64Array.of(1, 1, 2, 3),
      current: Float64Array.of(2, 5),
      nUnique: 4,
    });
  });
  it('sortedFinite of only missing values is empty', () => {
    expect(sortedFinite(Float64Array.of(Number.NaN, Number.POSITIVE_INFINITY))).toEqual(new Float64Array(0));
  });
  it('countUniqueSorted counts -0 and 0 once, and shared values once', () => {
    expect(countUniqueSorted(Float64Array.of(-0, 1, 1), Float64Array.of(0, 1, 2))).toBe(3);
    expect(countUniqueSorted(new Float64Array(0), new Float64Array(0))).toBe(0);
    expect(countUniqueSorted(Float64Array.of(4), new Float64Array(0))).toBe(1);
  });
});

describe('prepareDriftColumn type mismatch', () => {
  it('prepareDriftColumn(numerical, categorical) throws SCHEMA_MISMATCH naming the column and both types', () => {
    const call = () =>
      prepareDriftColumn(numericFromNumbers('age', [1]), categoricalFromStrings('age', ['1']));
    expect(call).toThrow(
      expect.objectContaining({
        code: 'SCHEMA_MISMATCH',
        location: { column: 'age' },
        hint: expect.stringContaining('--categorical age'),
      }),
    );
    expect(call).toThrow(
      'column "age" must have the same type in reference and current; got numerical and categorical',
    );
  });
  it('prepareDriftColumn(categorical, numerical) throws SCHEMA_MISMATCH', () => {
    expect(() =>
      prepareDriftColumn(categoricalFromStrings('z', ['1']), numericFromNumbers('z', [1])),
    ).toThrow(expect.objectContaining({ code: 'SCHEMA_MISMATCH' }));
  });
});
