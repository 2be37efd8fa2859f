import { describe, expect, it } from 'vitest';
import { StringInterner } from '../../../src/store/postgres/stringInterner.js';

/** `values` as UTF-8 in one buffer, with the byte range of each. */
function packed(values: string[]): { bytes: Buffer; ranges: [number, number][] } {
  const parts = values.map((v) => Buffer.from(v, 'utf8'));
  const ranges: [number, number][] = [];
  let at = 3; // not at offset 0
  for (const part of parts) {
    ranges.push([at, at + part.length]);
    at += part.length;
  }
  return { bytes: Buffer.concat([Buffer.from('xyz'), ...parts]), ranges };
}

describe('StringInterner', () => {
  it('decode(bytes, start, end) gives the UTF-8 string of the range, repeated values included', () => {
    const values = ['red', '', 'é', 'red', '日本', '\u{1F600}', 'Red', 'red', '', 'é'];
    const { bytes, ranges } = packed(values);
    const interner = new StringInterner();
    expect(ranges.map(([start, end]) => interner.decode(bytes, start, end))).toEqual(values);
  });

  it('decode(more distinct values than it keeps, and long ones) still decodes each right', () => {
    const values = Array.from({ length: 300 }, (_, i) =>
      i % 10 === 0 ? `long ${'x'.repeat(100)} ${i}` : `v${i}`,
    );
    const { bytes, ranges } = packed([...values, ...values]);
    const interner = new StringInterner(64, 16);
    expect(ranges.map(([start, end]) => interner.decode(bytes, start, end))).toEqual([...values, ...values]);
  });

  it('decode(after the source buffer is reused) answers from its own copy of the bytes', () => {
    const interner = new StringInterner();
    const bytes = Buffer.from('blue');
    expect(interner.decode(bytes, 0, 4)).toBe('blue');
    bytes.write('gray');
    expect(interner.decode(bytes, 0, 4)).toBe('gray');
    expect(interner.decode(Buffer.from('blue'), 0, 4)).toBe('blue');
  });
});
