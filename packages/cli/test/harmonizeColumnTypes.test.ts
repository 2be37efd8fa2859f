import { categoricalFromStrings, numericFromNumbers } from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { harmonizeColumnTypes } from '../src/harmonizeColumnTypes.js';

describe('harmonizeColumnTypes', () => {
  it('harmonizeColumnTypes(numeric, categorical of numbers) converts the categorical side, blanks as missing', () => {
    const reference = numericFromNumbers('x', [1, 2]);
    const current = categoricalFromStrings('x', ['3', ' ', null, '4.5']);
    const [[ref, cur]] = harmonizeColumnTypes([[reference, current]], 'ref.csv', 'cur.csv');
    expect(ref).toBe(reference);
    expect(cur).toEqual({
      kind: 'numeric',
      name: 'x',
      type: 'numerical',
      values: Float64Array.of(3, Number.NaN, Number.NaN, 4.5),
    });
  });

  it('harmonizeColumnTypes(same kinds) returns the columns untouched', () => {
    const a = categoricalFromStrings('c', ['a']);
    const b = categoricalFromStrings('c', ['b']);
    const [[x, y]] = harmonizeColumnTypes([[a, b]], 'ref.csv', 'cur.csv');
    expect(x).toBe(a);
    expect(y).toBe(b);
  });

  it('harmonizeColumnTypes(categorical with text) names the file, column, row and value', () => {
    const reference = categoricalFromStrings('x', ['1', '2', 'n/a']);
    expect(() =>
      harmonizeColumnTypes([[reference, numericFromNumbers('x', [1])]], 'ref.csv', 'cur.csv'),
    ).toThrowError(
      expect.objectContaining({
        code: 'TYPE_MISMATCH',
        message: 'drift: column "x" is numerical in cur.csv but row 3 of ref.csv has "n/a"',
        location: { file: 'ref.csv', column: 'x', row: 3 },
      }),
    );
  });
});
