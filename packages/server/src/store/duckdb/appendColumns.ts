/**
 * Appends column-wise data to a table through DuckDB's appender, one data chunk (up to 2048 rows) at a time. The
 * chunk's vectors are filled through the C API's data and validity pointers (duckdb_vector_get_data's copy
 * counterpart, copy_data_to_vector): one native call per numeric column per chunk and one per string value, instead
 * of one per value and per row as with `appendDouble` & co.
 */
import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBDataChunk,
  type DuckDBType,
} from '@duckdb/node-api';
import duckdb, { type Vector } from '@duckdb/node-bindings';

/** One column to append: numbers (NaN = NULL), BIGINTs, strings (null = NULL), or all NULL. */
export type ColumnData =
  | { type: 'double'; values: Float64Array }
  | { type: 'bigint'; values: BigInt64Array }
  | { type: 'varchar'; values: readonly (string | null)[] }
  | { type: 'null' };

/** Validity mask bytes of `rows` rows, all invalid (bit i of byte i>>3 set = row i valid). */
function maskBytes(rows: number): Uint8Array {
  return new Uint8Array(Math.ceil(rows / 64) * 8);
}

function setValidity(vector: Vector, mask: Uint8Array): void {
  duckdb.vector_ensure_validity_writable(vector);
  duckdb.copy_data_to_vector_validity(
    vector,
    0,
    mask.buffer as ArrayBuffer,
    mask.byteOffset,
    mask.byteLength,
  );
}

function fillDoubles(vector: Vector, values: Float64Array, start: number, rows: number): void {
  const slice = values.subarray(start, start + rows);
  duckdb.copy_data_to_vector(vector, 0, slice.buffer as ArrayBuffer, slice.byteOffset, rows * 8);
  let mask: Uint8Array | undefined;
  for (let i = 0; i < rows; i++) {
    if (Number.isNaN(slice[i])) {
      mask ??= allValid(rows);
      mask[i >>> 3] &= ~(1 << (i & 7));
    }
  }
  if (mask !== undefined) setValidity(vector, mask);
}

function allValid(rows: number): Uint8Array {
  return maskBytes(rows).fill(0xff);
}

function fillBigints(vector: Vector, values: BigInt64Array, start: number, rows: number): void {
  const slice = values.subarray(start, start + rows);
  duckdb.copy_data_to_vector(vector, 0, slice.buffer as ArrayBuffer, slice.byteOffset, rows * 8);
}

const encoder = new TextEncoder();
/** Longest string stored inside its 16-byte `duckdb_string_t` (duckdb.h): 4 bytes of length, 12 of text. */
const INLINE_MAX = 12;

/**
 * Strings up to 12 UTF-8 bytes (categories, short ids) are written in place as inlined `duckdb_string_t`s (length,
 * then the bytes, zero-padded: DuckDB compares the padding too) and copied with one call; longer ones are assigned
 * one by one (DuckDB copies them into the vector's string heap).
 */
function fillStrings(vector: Vector, values: readonly (string | null)[], start: number, rows: number): void {
  let mask: Uint8Array | undefined;
  const structs = new Uint8Array(rows * 16);
  const lengths = new Uint32Array(structs.buffer);
  const long: number[] = [];
  for (let i = 0; i < rows; i++) {
    const value = values[start + i];
    if (value === null || value === undefined) {
      mask ??= allValid(rows);
      mask[i >>> 3] &= ~(1 << (i & 7));
      continue;
    }
    if (value.length <= INLINE_MAX) {
      const { read, written } = encoder.encodeInto(value, structs.subarray(16 * i + 4, 16 * i + 16));
      if (read === value.length) {
        lengths[4 * i] = written;
        continue;
      }
      structs.fill(0, 16 * i + 4, 16 * i + 16);
    }
    long.push(i);
  }
  duckdb.copy_data_to_vector(vector, 0, structs.buffer as ArrayBuffer, 0, rows * 16);
  for (const i of long) duckdb.vector_assign_string_element(vector, i, values[start + i] as string);
  if (mask !== undefined) setValidity(vector, mask);
}

/**
 * Appends rows [start, start + count) of `columns` (in the table's column order, typed as `types`; at most one
 * vector of rows) with `appender` as one data chunk, then flushes it: a constraint violation (e.g. a duplicate
 * primary key) throws here, inside the caller's transaction.
 */
function appendChunk(
  appender: DuckDBAppender,
  types: readonly DuckDBType[],
  columns: readonly ColumnData[],
  start: number,
  count: number,
): void {
  // A fresh chunk each time: every vector starts all-valid, so only NULLs need a mask.
  const chunk = DuckDBDataChunk.create([...types]);
  for (let j = 0; j < columns.length; j++) {
    const vector = duckdb.data_chunk_get_vector(chunk.chunk, j);
    const column = columns[j];
    if (column.type === 'double') fillDoubles(vector, column.values, start, count);
    else if (column.type === 'bigint') fillBigints(vector, column.values, start, count);
    else if (column.type === 'varchar') fillStrings(vector, column.values, start, count);
    else setValidity(vector, maskBytes(count));
  }
  chunk.rowCount = count;
  appender.appendDataChunk(chunk);
  appender.flushSync();
}

/**
 * Appends `encoded` to `table` (in schema `temp.main` when `temp`) in the open transaction. When the flush fails, the
 * appender's rows are cleared before it is closed: a DuckDB appender still holding rows flushes them again when it
 * is destroyed (at garbage collection, in whatever transaction the connection then has open), which would abort a
 * later, unrelated transaction.
 */
export async function appendRows(
  conn: DuckDBConnection,
  table: string,
  encoded: { types: readonly DuckDBType[]; columns: readonly ColumnData[]; rows: number },
  temp = false,
): Promise<void> {
  const appender = await conn.createAppender(table, temp ? 'main' : null, temp ? 'temp' : null);
  try {
    // A flush blocks this thread (~7 µs per 20-feature row with a primary key): slices of one vector, with a turn
    // of the event loop between them, so a big group of rows does not hold up requests for tens of ms.
    const size = duckdb.vector_size();
    for (let start = 0; start < encoded.rows; start += size) {
      if (start > 0) await new Promise((next) => setImmediate(next));
      appendChunk(appender, encoded.types, encoded.columns, start, Math.min(size, encoded.rows - start));
    }
  } catch (error) {
    try {
      appender.clear();
    } catch {
      // Nothing more to do: the error below is the one that matters.
    }
    throw error;
  } finally {
    try {
      appender.closeSync();
    } catch {
      // Closing an appender whose flush failed fails again (the transaction is aborted); it holds no rows now.
    }
  }
}
