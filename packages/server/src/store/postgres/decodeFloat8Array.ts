import type { Float64Column } from './float64Column.js';

/**
 * Copies the elements of a one-dimensional float8[] in PostgreSQL's binary array format into `sinks`: int32 ndim,
 * int32 has-nulls flag, int32 element type, int32 length, int32 lower bound, then per element an int32 byte length
 * (-1 for NULL) and a big-endian double (`array_send` in src/backend/utils/adt/arrayfuncs.c).
 */
export function decodeFloat8Array(buffer: Buffer, sinks: Float64Column[]): void {
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let p = 20;
  for (const sink of sinks) {
    const size = view.getInt32(p);
    p += 4;
    if (size < 0) {
      sink.push(null);
    } else {
      sink.push(view.getFloat64(p));
      p += size;
    }
  }
}
