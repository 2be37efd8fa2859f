import { describe, expect, it } from 'vitest';
import { checkSortedSample, sortSample } from '../../src/stats/sortSample.js';

describe('sortSample', () => {
  it('sortSample([3, -1, 2]) returns a new ascending Float64Array', () => {
    const input = [3, -1, 2];
    const r = sortSample(input);
    expect(r).toBeInstanceOf(Float64Array);
    expect(Array.from(r)).toEqual([-1, 2, 3]);
    expect(input).toEqual([3, -1, 2]);
  });
  it('sortSample(empty) throws EMPTY_INPUT naming the caller', () => {
    expect(() => sortSample([], 'myTest', 'x')).toThrow(/^myTest: x must not be empty/);
  });
  it('sortSample with NaN throws NON_FINITE', () => {
    expect(() => sortSample([1, Number.NaN])).toThrow(expect.objectContaining({ code: 'NON_FINITE' }));
  });
  it('checkSortedSample accepts ties and rejects a descent with its index', () => {
    expect(() => checkSortedSample('f', 'x', [1, 1, 2])).not.toThrow();
    expect(() => checkSortedSample('f', 'x', [1, 3, 2])).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', details: { index: 2, value: 2 } }),
    );
  });
  it('checkSortedSample rejects ±Infinity with NON_FINITE', () => {
    expect(() => checkSortedSample('f', 'x', [1, Number.POSITIVE_INFINITY])).toThrow(
      expect.objectContaining({ code: 'NON_FINITE' }),
    );
  });
});
