import { describe, expect, it } from 'vitest';
import { sortFloat64 } from '../../src/sort/sortFloat64.js';
import { createRandom } from '../../src/stats/random.js';

describe('sortFloat64', () => {
  it('sortFloat64(100 000 mixed-sign values with ties, ±0, ±Infinity, subnormals) equals the native sort', () => {
    // 100 000 > 65 536, so this exercises the radix path.
    const random = createRandom(3);
    const n = 100_000;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const u = random.next();
      values[i] =
        i % 7 === 0 ? Math.round(u * 10) / 10 : (u - 0.4) * 10 ** Math.floor(random.next() * 40 - 20);
    }
    values.set(
      [0, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 5e-324, -5e-324, Number.MAX_VALUE],
      10,
    );
    const expected = Float64Array.from(values).sort();
    const actual = sortFloat64(values);
    expect(actual).toBe(values);
    for (let i = 0; i < n; i++) {
      if (!Object.is(actual[i], expected[i])) expect.fail(`index ${i}: ${actual[i]} vs ${expected[i]}`);
    }
  });
  it('sortFloat64(subarray view at an offset) sorts only the view', () => {
    const random = createRandom(4);
    const buffer = new Float64Array(70_010);
    for (let i = 0; i < buffer.length; i++) buffer[i] = random.next() - 0.5;
    const view = buffer.subarray(5, 70_005);
    const before = [buffer[0], buffer[70_009]];
    const expected = Float64Array.from(view).sort();
    sortFloat64(view);
    expect(view).toEqual(expected);
    expect([buffer[0], buffer[70_009]]).toEqual(before);
  });
  it('sortFloat64(constant array) leaves it unchanged (every pass skipped)', () => {
    const values = new Float64Array(70_000).fill(0.25);
    expect(sortFloat64(values).every((v) => v === 0.25)).toBe(true);
  });
  it('sortFloat64(small array) sorts numerically, not as strings', () => {
    expect(Array.from(sortFloat64(Float64Array.from([10, 9, -1, 2])))).toEqual([-1, 2, 9, 10]);
  });
});
