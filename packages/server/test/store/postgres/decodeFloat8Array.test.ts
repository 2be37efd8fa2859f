import { describe, expect, it } from 'vitest';
import { decodeFloat8Array } from '../../../src/store/postgres/decodeFloat8Array.js';
import { Float64Column } from '../../../src/store/postgres/float64Column.js';

/** The bytes `array_send(ARRAY[...]::float8[])` returns (PostgreSQL's binary array format). */
function arraySend(values: (number | null)[]): Buffer {
  const parts = [Buffer.alloc(20)];
  parts[0].writeInt32BE(1, 0);
  parts[0].writeInt32BE(values.includes(null) ? 1 : 0, 4);
  parts[0].writeInt32BE(701, 8);
  parts[0].writeInt32BE(values.length, 12);
  parts[0].writeInt32BE(1, 16);
  for (const value of values) {
    const element = Buffer.alloc(value === null ? 4 : 12);
    element.writeInt32BE(value === null ? -1 : 8, 0);
    if (value !== null) element.writeDoubleBE(value, 4);
    parts.push(element);
  }
  return Buffer.concat(parts);
}

describe('decodeFloat8Array', () => {
  it('decodeFloat8Array(buffer, sinks) appends one element to each sink, NULL as NaN', () => {
    const values = [1.5, null, -0, 5e-324, Number.MAX_VALUE, 2 ** 53 + 2];
    const sinks = values.map(() => new Float64Column());
    decodeFloat8Array(arraySend(values), sinks);
    decodeFloat8Array(arraySend(values.map((v) => (v === null ? 7 : null))), sinks);
    expect(sinks.map((sink) => Array.from(sink.finish()))).toEqual(
      values.map((v) => (v === null ? [Number.NaN, 7] : [v, Number.NaN])),
    );
  });

  it('decodeFloat8Array(buffer at an offset of a larger ArrayBuffer) reads from the buffer start', () => {
    const bytes = arraySend([3.25, 4.5]);
    const pool = Buffer.alloc(bytes.length + 13);
    bytes.copy(pool, 13);
    const sinks = [new Float64Column(), new Float64Column()];
    decodeFloat8Array(pool.subarray(13), sinks);
    expect(sinks.map((sink) => Array.from(sink.finish()))).toEqual([[3.25], [4.5]]);
  });
});
