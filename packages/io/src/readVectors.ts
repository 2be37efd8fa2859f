/**
 * Copies DuckDB result vectors straight into typed arrays, through the C API's data and validity pointers
 * (duckdb_vector_get_data / duckdb_vector_get_validity): no per-value objects, no BigInt validity checks.
 * Vectors of result chunks are flat (the C API flattens them), little-endian like every platform DuckDB ships for.
 */
import type { DuckDBDataChunk } from '@duckdb/node-api';
import duckdb, { type Vector } from '@duckdb/node-bindings';

/** The raw vector of column `column` in `chunk`. */
export function rawVector(chunk: DuckDBDataChunk, column: number): Vector {
  return duckdb.data_chunk_get_vector(chunk.chunk, column);
}

/** Validity bytes (bit i of byte i>>3 set = row i valid), or null when every row is valid. */
export function validity(vector: Vector, rows: number): Uint8Array | null {
  const bytes = duckdb.vector_get_validity(vector, Math.ceil(rows / 64) * 8);
  return bytes ? bytes : null;
}

/** The `rows × 16` bytes of `duckdb_string_t` of a VARCHAR vector. */
export function stringData(vector: Vector, rows: number): Uint8Array {
  return duckdb.vector_get_data(vector, rows * 16);
}

/** Copies `rows` DOUBLE values into `out` from `offset`; NULL becomes NaN. */
export function copyDoubles(vector: Vector, rows: number, out: Float64Array, offset: number): void {
  const data = duckdb.vector_get_data(vector, rows * 8);
  const source =
    data.byteOffset % 8 === 0
      ? new Float64Array(data.buffer, data.byteOffset, rows)
      : new Float64Array(data.slice(0, rows * 8).buffer);
  out.set(source, offset);
  const valid = validity(vector, rows);
  if (valid === null) return;
  for (let i = 0; i < rows; i++) {
    if ((valid[i >>> 3] & (1 << (i & 7))) === 0) out[offset + i] = Number.NaN;
  }
}
