/**
 * Reads rows column-wise into {@link RowColumns}: typed columns selected in SQL, copied chunk by chunk straight from
 * DuckDB's vectors (doubles through the data pointer, strings dictionary-coded by @vigil/io's StringCoder), with
 * no per-row objects.
 *
 * Three passes in one read transaction (one snapshot), because DuckDB sorts wide rows slowly (every selected
 * column is carried through the sort: seconds for 1M rows × 28 columns on 2 cores) and a join scrambles the order:
 * 1. the row ids (`rowid`) in the asked order: only the sort keys are sorted;
 * 2. the columns, in table order, from the table alone;
 * 3. for predictions, the labels joined by id, with the row id of their prediction.
 * Rows of pass 2 and labels of pass 3 are then put at their place in the order of pass 1 (nothing to move when the
 * table order is already the asked order, the usual case: events are appended roughly in time order).
 */

import type { DuckDBDataChunk, DuckDBResult } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import { copyDoubles, rawVector, StringCoder, stringData, validity } from '@vigil/io';
import type { ReadSpec, RowColumns } from '../types.js';
import { type Connection, type Params, rollback } from './db.js';
import { type ColumnLayout, valueColumn } from './modelTables.js';

/** Where the rows come from, with the table aliased `r`. */
export interface RowSource {
  /** The table, aliased `r`. */
  table: string;
  where: string;
  orderBy: string;
  params: Params;
  /** Predictions have ids, timestamps and latencies, and labels in this table (by id); references have their own. */
  labels?: string;
  layout: ColumnLayout;
}

/**
 * How a column is read: doubles copied; repetitive strings dictionary-coded (each distinct value decoded once);
 * unique strings (ids) decoded row by row.
 */
type Kind = 'double' | 'coded' | 'unique';

type Sink =
  | { kind: 'double'; values: Float64Array }
  | { kind: 'coded'; codes: Int32Array; coder: StringCoder }
  | { kind: 'unique'; values: (string | null)[] };

const INLINE_MAX = 12;

/** Decodes rows [0, rows) of a VARCHAR vector into `out` from `offset` (NULL → null). */
function decodeStrings(
  vector: ReturnType<typeof rawVector>,
  rows: number,
  out: (string | null)[],
  offset: number,
) {
  const data = stringData(vector, rows);
  const valid = validity(vector, rows);
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < rows; i++) {
    if (valid !== null && (valid[i >>> 3] & (1 << (i & 7))) === 0) {
      out[offset + i] = null;
      continue;
    }
    const at = 16 * i;
    const length = bytes.readUInt32LE(at);
    if (length <= INLINE_MAX) {
      out[offset + i] = bytes.toString('utf8', at + 4, at + 4 + length);
    } else {
      const long = duckdb.get_data_from_pointer(data.buffer as ArrayBuffer, data.byteOffset + at + 8, length);
      out[offset + i] = Buffer.from(long.buffer, long.byteOffset, long.byteLength).toString('utf8');
    }
  }
}

/** Reads every chunk of `result`, calling `read` with each chunk and the index of its first row; returns the count. */
async function drain(
  result: DuckDBResult,
  read: (chunk: DuckDBDataChunk, rows: number, offset: number) => void,
): Promise<number> {
  let offset = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) return offset;
    read(chunk, chunk.rowCount, offset);
    offset += chunk.rowCount;
  }
}

/** The row ids of pass 1, in the asked order. */
async function readOrder(conn: Connection, sql: string, params: Params): Promise<Float64Array> {
  const parts: Float64Array[] = [];
  const n = await drain(await conn.stream(sql, params), (chunk, rows) => {
    const part = new Float64Array(rows);
    copyDoubles(rawVector(chunk, 0), rows, part, 0);
    parts.push(part);
  });
  const order = new Float64Array(n);
  let offset = 0;
  for (const part of parts) {
    order.set(part, offset);
    offset += part.length;
  }
  return order;
}

/** Where each row id goes in the asked order: `place(rowid)`, -1 for a row id pass 1 did not read. */
function placesOf(order: Float64Array): (rowid: number) => number {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < order.length; i++) {
    if (order[i] < min) min = order[i];
    if (order[i] > max) max = order[i];
  }
  const places = new Int32Array(order.length === 0 ? 0 : max - min + 1).fill(-1);
  for (let i = 0; i < order.length; i++) places[order[i] - min] = i;
  return (rowid) => {
    const at = places[rowid - min];
    return at === undefined ? -1 : at;
  };
}

/** Scatters `values` to `out[target[j]]`. */
function scatter<T extends Float64Array | Int32Array | (string | null)[]>(
  values: T,
  target: Int32Array,
  out: T,
): T {
  for (let j = 0; j < target.length; j++) out[target[j]] = values[j];
  return out;
}

/** The rows of `source` with the columns `spec` asks for. */
export async function readColumns(conn: Connection, spec: ReadSpec, source: RowSource): Promise<RowColumns> {
  const select: string[] = [];
  const kinds: Kind[] = [];
  const add = (sql: string, kind: Kind): number => {
    select.push(sql);
    kinds.push(kind);
    return select.length - 1;
  };
  const p = source.labels !== undefined;
  const id = p ? add('r.id', 'unique') : -1;
  const ts = p ? add('r.ts::DOUBLE', 'double') : -1;
  const predText = add('r.pred_text', 'coded');
  const predNum = add('r.pred_num', 'double');
  const score = add('r.score', 'double');
  const latency = p ? add('r.latency_ms', 'double') : -1;
  const ownLabelText = p ? -1 : add('r.label_text', 'coded');
  const ownLabelNum = p ? -1 : add('r.label_num', 'double');
  const { layout } = source;
  const column = (k: number | undefined, kind: Kind) =>
    k === undefined ? -1 : add(`r.${valueColumn(k)}`, kind);
  const featureColumns = spec.features.map((feature) => ({
    feature,
    number: column(layout.featureNumber.get(feature.name), 'double'),
    text: feature.kind === 'categorical' ? column(layout.featureText.get(feature.name), 'coded') : -1,
  }));
  const probaColumns = (spec.probaClasses ?? []).map((cls) => ({
    cls,
    index: column(layout.proba.get(cls), 'double'),
  }));

  let n: number;
  let sinks: Sink[];
  const labelText = { codes: new Int32Array(0), coder: new StringCoder() };
  let labelNum = new Float64Array(0);
  const where = `WHERE ${source.where}`;
  await conn.run('BEGIN TRANSACTION');
  try {
    // Pass 1: the order.
    const order = await readOrder(
      conn,
      `SELECT r.rowid::DOUBLE FROM ${source.table} ${where} ORDER BY ${source.orderBy}`,
      source.params,
    );
    n = order.length;
    const place = placesOf(order);

    // Pass 2: the columns, in table order.
    const target = new Int32Array(n);
    let moved = false;
    sinks = kinds.map((kind): Sink => {
      if (kind === 'double') return { kind, values: new Float64Array(n) };
      if (kind === 'coded') return { kind, codes: new Int32Array(n), coder: new StringCoder() };
      return { kind, values: new Array<string | null>(n) };
    });
    const rowids = new Float64Array(duckdb.vector_size());
    const read = await drain(
      await conn.stream(
        `SELECT r.rowid::DOUBLE, ${select.join(', ')} FROM ${source.table} ${where}`,
        source.params,
      ),
      (chunk, rows, offset) => {
        if (offset + rows > n) throw new Error(`readRows: more rows than the ${n} of the first pass`);
        copyDoubles(rawVector(chunk, 0), rows, rowids, 0);
        for (let i = 0; i < rows; i++) {
          const at = place(rowids[i]);
          if (at < 0) throw new Error('readRows: the passes read different rows');
          target[offset + i] = at;
          if (at !== offset + i) moved = true;
        }
        for (let j = 0; j < sinks.length; j++) {
          const vector = rawVector(chunk, j + 1);
          const sink = sinks[j];
          if (sink.kind === 'double') copyDoubles(vector, rows, sink.values, offset);
          else if (sink.kind === 'unique') decodeStrings(vector, rows, sink.values, offset);
          else
            sink.coder.codeVector(stringData(vector, rows), validity(vector, rows), rows, sink.codes, offset);
        }
      },
    );
    // A stream that fails half-way ends like a finished one in DuckDB's C API: never return a short read.
    if (read !== n) throw new Error(`readRows: the read stopped after ${read} of ${n} rows`);
    if (moved) {
      sinks = sinks.map((sink): Sink => {
        if (sink.kind === 'double')
          return { ...sink, values: scatter(sink.values, target, new Float64Array(n)) };
        if (sink.kind === 'coded') return { ...sink, codes: scatter(sink.codes, target, new Int32Array(n)) };
        return { ...sink, values: scatter(sink.values, target, new Array<string | null>(n)) };
      });
    }

    // Pass 3: the labels of the predictions, put at their prediction's place.
    if (source.labels !== undefined) {
      labelText.codes = new Int32Array(n).fill(-1);
      labelNum = new Float64Array(n).fill(Number.NaN);
      const codes = new Int32Array(rowids.length);
      const numbers = new Float64Array(rowids.length);
      await drain(
        await conn.stream(
          `SELECT r.rowid::DOUBLE, l.label_text, l.label_num FROM ${source.table}
           JOIN ${source.labels} l ON l.id = r.id ${where}`,
          source.params,
        ),
        (chunk, rows) => {
          copyDoubles(rawVector(chunk, 0), rows, rowids, 0);
          const text = rawVector(chunk, 1);
          labelText.coder.codeVector(stringData(text, rows), validity(text, rows), rows, codes, 0);
          copyDoubles(rawVector(chunk, 2), rows, numbers, 0);
          for (let i = 0; i < rows; i++) {
            const at = place(rowids[i]);
            if (at < 0) throw new Error('readRows: the passes read different rows');
            labelText.codes[at] = codes[i];
            labelNum[at] = numbers[i];
          }
        },
      );
    }
    await conn.run('COMMIT');
  } catch (error) {
    await rollback(conn);
    throw error;
  }

  const doubles = (j: number) => (j < 0 ? nans(n) : (sinks[j] as Sink & { kind: 'double' }).values);
  const texts = (j: number): (string | null)[] => {
    if (j < 0) return new Array<string | null>(n).fill(null);
    const sink = sinks[j];
    if (sink.kind === 'unique') return sink.values;
    return decoded(sink as Sink & { kind: 'coded' }, n);
  };

  const features: RowColumns['features'] = {};
  for (const { feature, number, text } of featureColumns) {
    if (feature.kind === 'numerical') {
      features[feature.name] = doubles(number);
      continue;
    }
    // A categorical value sent as a number reads as its text, as JavaScript prints it.
    const out = texts(text);
    if (number >= 0) {
      const values = doubles(number);
      for (let i = 0; i < n; i++) {
        if (out[i] === null && !Number.isNaN(values[i])) out[i] = String(values[i]);
      }
    }
    features[feature.name] = out;
  }
  const probas: RowColumns['probas'] = {};
  for (const { cls, index } of probaColumns) probas[cls] = doubles(index);

  return {
    n,
    ids: p ? (texts(id) as string[]) : [],
    timestamps: doubles(ts),
    predictionText: texts(predText),
    predictionNumber: doubles(predNum),
    score: doubles(score),
    latencyMs: doubles(latency),
    labelText: p ? decoded(labelText, n) : texts(ownLabelText),
    labelNumber: p ? labelNum : doubles(ownLabelNum),
    features,
    probas,
  };
}

/** The strings of dictionary codes (-1 → null). */
function decoded(sink: { codes: Int32Array; coder: StringCoder }, n: number): (string | null)[] {
  const out = new Array<string | null>(n);
  const { codes, coder } = sink;
  for (let i = 0; i < n; i++) out[i] = codes[i] < 0 ? null : coder.dictionary[codes[i]];
  return out;
}

const nans = (n: number) => new Float64Array(n).fill(Number.NaN);
