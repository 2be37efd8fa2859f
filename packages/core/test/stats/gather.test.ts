import { describe, expect, it } from 'vitest';
import { gather } from '../../src/stats/gather.js';

describe('gather', () => {
  it('gather([10, 20, 30], [2, 0, 2]) picks by index with repeats', () => {
    expect(Array.from(gather([10, 20, 30], Uint32Array.of(2, 0, 2)))).toEqual([30, 10, 30]);
  });
  it('gather(values, []) is empty', () => {
    expect(gather([1, 2], []).length).toBe(0);
  });
  it('gather(values, indices, out) writes into out and returns a view of the right length', () => {
    const out = new Float64Array(5);
    const result = gather(Float64Array.of(1, 2, 3), [1, 1], out);
    expect(Array.from(result)).toEqual([2, 2]);
    expect(result.buffer).toBe(out.buffer);
    expect(gather([1], [0], new Float64Array(1))).toHaveLength(1);
  });
  it('gather(out too short) throws INVALID_ARGUMENT', () => {
    expect(() => gather([1, 2], [0, 1], new Float64Array(1))).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
  it('gather(index out of range or fractional) throws INVALID_ARGUMENT naming it', () => {
    expect(() => gather([1, 2], [0, 2])).toThrow(
      'gather: indices must be integers in [0, 2); got 2 at index 1',
    );
    expect(() => gather([1, 2], [-1])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => gather([1, 2], [0.5])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
