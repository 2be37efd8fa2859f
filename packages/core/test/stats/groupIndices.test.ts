import { describe, expect, it } from 'vitest';
import { groupIndices } from '../../src/stats/groupIndices.js';

const toArrays = (groups: Uint32Array[]) => groups.map((g) => Array.from(g));

describe('groupIndices', () => {
  it('groupIndices(codes, 2) lists rows per code in ascending order, leaving -1 out', () => {
    expect(toArrays(groupIndices(Int32Array.of(1, 0, -1, 1), 2))).toEqual([[1], [0, 3]]);
  });
  it('groupIndices(codes, 2, { includeMissing: true }) adds the -1 rows as group 2', () => {
    expect(toArrays(groupIndices(Int32Array.of(1, 0, -1, 1, -1), 2, { includeMissing: true }))).toEqual([
      [1],
      [0, 3],
      [2, 4],
    ]);
  });
  it('groupIndices(code never used) gives an empty group', () => {
    expect(toArrays(groupIndices(Int32Array.of(0, 0), 3))).toEqual([[0, 1], [], []]);
  });
  it('groupIndices(empty codes, 0) is an empty list', () => {
    expect(groupIndices(new Int32Array(0), 0)).toEqual([]);
  });
  it('groupIndices(1e6 rows) partitions every non-missing row exactly once', () => {
    const n = 1_000_000;
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) codes[i] = (i % 7) - 1;
    const groups = groupIndices(codes, 6);
    expect(groups.reduce((s, g) => s + g.length, 0)).toBe(n - Math.ceil(n / 7));
    expect(groups[2][0]).toBe(3);
  });
  it('groupIndices(code out of range) throws INVALID_ARGUMENT naming the row', () => {
    expect(() => groupIndices(Int32Array.of(0, 2), 2)).toThrow(
      'groupIndices: codes must be in [-1, 2); got 2 at index 1',
    );
    expect(() => groupIndices(Int32Array.of(-2), 2)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
  it('groupIndices(bad dictionarySize) throws INVALID_ARGUMENT', () => {
    expect(() => groupIndices(Int32Array.of(0), -1)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => groupIndices(Int32Array.of(0), 1.5)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
