/**
 * Arrow IPC (file format — .arrow/.feather v2 — and stream format) through apache-arrow's tableFromIPC, which
 * tells the two apart by their magic bytes. Vectors are copied batch by batch into the frame's typed arrays:
 * numbers straight from their value buffers, dictionary-encoded strings through their dictionary indices.
 * Arrow has native nulls, so the `missing` tokens do not apply.
 */
import { readFile } from 'node:fs/promises';
import { type Column, ErrorCodes, VigilError } from '@vigil/core';
import { type Data, DataType, type Field, tableFromIPC, type Vector } from 'apache-arrow';
import { convertColumn } from './convertColumn.js';
import { inferStringType, stringStats } from './inferStringType.js';
import { noDataRows, unreadable } from './ioErrors.js';
import type { LoadedColumns } from './loadWithDuckDB.js';
import { resolveColumns } from './resolveColumns.js';
import type { InferredType, LoadOptions } from './types.js';

/** Loads an Arrow IPC file into columns. `report` takes fractions in [0, 1]. */
export async function loadArrow(
  file: string,
  options: LoadOptions,
  report: (fraction: number) => void,
): Promise<LoadedColumns> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw unreadable(file, 'arrow', error, error instanceof Error ? error.message : String(error));
  }
  let table: ReturnType<typeof tableFromIPC>;
  try {
    table = tableFromIPC(bytes);
  } catch (error) {
    throw unreadable(file, 'arrow', error, error instanceof Error ? error.message : String(error));
  }
  if (table.schema.fields.length === 0) {
    if (bytes.length === 0) throw noDataRows(file, true);
    throw unreadable(file, 'arrow', undefined, 'no schema or no record batches');
  }
  const { selected, declared } = resolveColumns(
    file,
    table.schema.fields.map((f) => f.name),
    options,
  );
  const rowCount = table.numRows;
  if (rowCount === 0) throw noDataRows(file, false);
  report(0.1);
  const columns: Column[] = [];
  const inferred: Record<string, InferredType> = {};
  for (let j = 0; j < selected.length; j++) {
    const name = selected[j];
    const index = table.schema.fields.findIndex((f) => f.name === name);
    const field = table.schema.fields[index] as Field;
    const vector = table.getChildAt(index) as Vector;
    const typeText = String(field.type);
    const { column, natural } = readVector(name, field.type, vector, rowCount, typeText);
    const declaredType = declared.get(name);
    const info: InferredType =
      declaredType === undefined
        ? natural
        : { type: declaredType, reason: `declared ${declaredType} (stored as ${typeText})` };
    inferred[name] = info;
    columns.push(
      declaredType !== undefined || column.type !== info.type
        ? convertColumn(column, info.type, file)
        : column,
    );
    report(0.1 + (0.9 * (j + 1)) / selected.length);
  }
  return { columns, inferred, rowCount };
}

function readVector(
  name: string,
  type: DataType,
  vector: Vector,
  rowCount: number,
  typeText: string,
): { column: Column; natural: InferredType } {
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) {
    return {
      column: { kind: 'numeric', name, type: 'numerical', values: readNumbers(vector, rowCount, type) },
      natural: { type: 'numerical', reason: `${typeText}: numbers` },
    };
  }
  if (DataType.isBool(type)) {
    return {
      column: {
        kind: 'numeric',
        name,
        type: 'boolean',
        values: readGeneric(vector, rowCount, (v) => (v ? 1 : 0)),
      },
      natural: { type: 'boolean', reason: `${typeText}: true/false values (stored as 1/0)` },
    };
  }
  if (DataType.isDate(type) || DataType.isTimestamp(type)) {
    // apache-arrow returns dates and timestamps of every unit as epoch milliseconds.
    return {
      column: { kind: 'numeric', name, type: 'datetime', values: readGeneric(vector, rowCount, Number) },
      natural: {
        type: 'datetime',
        reason: `${typeText}: dates and times (stored as epoch milliseconds, UTC)`,
      },
    };
  }
  const { codes, dictionary } = readStrings(vector, rowCount);
  const natural = inferStringType(typeText, stringStats(codes, dictionary));
  return { column: { kind: 'categorical', name, type: 'categorical', codes, dictionary }, natural };
}

/** Numbers from value buffers where the layout is plain (offset 0, one value per slot), else via get(). */
function readNumbers(vector: Vector, rowCount: number, type: DataType): Float64Array {
  const out = new Float64Array(rowCount);
  if (DataType.isDecimal(type) || (DataType.isFloat(type) && type.precision === 0)) {
    // Decimal and half-float values need apache-arrow's own decoding.
    return readGeneric(vector, rowCount, (v) => Number(v));
  }
  let at = 0;
  for (const data of vector.data as Data[]) {
    const n = data.length;
    // Value buffers are padded to 64 bytes, so they may hold more slots than rows.
    const values = data.values as Float64Array | BigInt64Array;
    if (data.offset !== 0 || data.stride !== 1 || values.length < n) {
      for (let i = 0; i < n; i++) {
        const v = data.getValid(i) ? (vector.get(at + i) as number | bigint | null) : null;
        out[at + i] = v === null ? Number.NaN : Number(v);
      }
    } else if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
      for (let i = 0; i < n; i++) out[at + i] = Number(values[i]);
    } else {
      out.set((values as Float64Array).subarray(0, n), at);
    }
    if (data.nullCount > 0) {
      for (let i = 0; i < n; i++) if (!data.getValid(i)) out[at + i] = Number.NaN;
    }
    at += n;
  }
  return out;
}

function readGeneric(vector: Vector, rowCount: number, toNumber: (v: unknown) => number): Float64Array {
  const out = new Float64Array(rowCount);
  for (let i = 0; i < rowCount; i++) {
    const v = vector.get(i);
    out[i] = v === null || v === undefined ? Number.NaN : toNumber(v);
  }
  return out;
}

/** Codes in order of first appearance; dictionary-encoded batches through their indices. */
function readStrings(vector: Vector, rowCount: number): { codes: Int32Array; dictionary: string[] } {
  const codes = new Int32Array(rowCount);
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  const codeOf = (text: string): number => {
    let code = index.get(text);
    if (code === undefined) {
      code = dictionary.length;
      index.set(text, code);
      dictionary.push(text);
    }
    return code;
  };
  let at = 0;
  for (const data of vector.data as Data[]) {
    const n = data.length;
    const batchDictionary = data.dictionary;
    if (batchDictionary !== undefined && data.offset === 0) {
      // Map each batch-local index to a global code once, on first use.
      const local = new Int32Array(batchDictionary.length).fill(-2);
      const indices = data.values as ArrayLike<number | bigint>;
      for (let i = 0; i < n; i++) {
        if (data.nullCount > 0 && !data.getValid(i)) {
          codes[at + i] = -1;
          continue;
        }
        const k = Number(indices[i]);
        let code = local[k];
        if (code === -2) {
          const text = batchDictionary.get(k);
          code = text === null ? -1 : codeOf(textOf(text));
          local[k] = code;
        }
        codes[at + i] = code;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = vector.get(at + i);
        codes[at + i] = v === null || v === undefined ? -1 : codeOf(textOf(v));
      }
    }
    at += n;
  }
  if (at !== rowCount) {
    throw new VigilError(
      ErrorCodes.UNREADABLE_FILE,
      `loadFrame: record batches must add up to ${rowCount} rows; got ${at}`,
    );
  }
  return { codes, dictionary };
}

/** Text of a non-string Arrow value (lists, structs, binary, times): its JSON where it has one. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  if (typeof value === 'object' && value !== null && 'toJSON' in value) {
    return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
  }
  return String(value);
}
