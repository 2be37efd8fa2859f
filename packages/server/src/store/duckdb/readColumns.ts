/**
 * Reads rows column-wise into {@link RowColumns}: typed columns selected in SQL, copied chunk by chunk straight from
 * DuckDB's vectors (doubles through the data pointer, strings dictionary-coded by @vigil/io's StringCoder), with
 * no per-row objects. The string columns keep their codes (attached with monitors/codedStrings.ts), so monitors and
 * worker threads do not code them again.
 *
 * Passes in one read transaction (one snapshot), because DuckDB sorts wide rows slowly (every selected column is
 * carried through the sort: seconds for 1M rows × 28 columns on 2 cores) and a join scrambles the order:
 * 1. the number of rows;
 * 2. the columns, in table order, from the table alone, with the sort keys of the asked order;
 * 3. only when the sort keys show that table order is not the asked order: the row ids (`rowid`) in the asked
 *    order (only the sort keys are sorted), and the rows of pass 2 are moved to their place. The usual case needs
 *    no sort: events are appended roughly in time order, references in row order;
 * 4. for predictions, the labels joined by id, with the row id of their prediction, put at its place.
 *
 * Where the time goes (1M predictions × 20 features on 2 cores): the SQL of pass 2 and the label join, and on this
 * thread the copy of the vectors and the decoding of the million prediction ids; the ids are decoded a chunk at a
 * time (one latin1 decode, then slices) when they are short ASCII, as ids usually are, instead of one native call
 * each.
 */

import { BIGINT, DOUBLE, type DuckDBDataChunk, type DuckDBResult, VARCHAR } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import { copyDoubles, rawVector, StringCoder, stringData, validity } from '@vigil/io';
import { attachCodes, codesOf, detachCodes, firstAppearance } from '../../monitors/codedStrings.js';
import type { ReadSpec, RowColumns } from '../types.js';
import { type Connection, type Params, rollback } from './db.js';
import { type ColumnLayout, PRED_BASE, REF_BASE, valueColumn } from './modelTables.js';

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
 * How a column is read: doubles copied; repetitive strings dictionary-coded (each distinct value decoded once)
 * and their strings filled chunk by chunk (no long pause at the end); unique strings (ids) decoded row by row.
 */
type Kind = 'double' | 'coded' | 'unique';

/** Codes of a string column, the coder that gave them, and the strings. */
interface CodedSink {
  codes: Int32Array;
  coder: StringCoder;
  values: (string | null)[];
}

type Sink =
  | { kind: 'double'; values: Float64Array }
  | ({ kind: 'coded' } & CodedSink)
  | { kind: 'unique'; values: (string | null)[] };

const INLINE_MAX = 12;

/** Scratch bytes of the ASCII fast path of {@link decodeStrings} (12 bytes per row of a chunk at most). */
let scratch = Buffer.alloc(12 * 2048);

/**
 * Decodes rows [0, rows) of a VARCHAR vector into `out` from `offset` (NULL → null). When every value is inlined
 * (≤ 12 bytes) and ASCII, the chunk's bytes are gathered, decoded in one call and sliced; else value by value.
 */
function decodeStrings(
  vector: ReturnType<typeof rawVector>,
  rows: number,
  out: (string | null)[],
  offset: number,
) {
  const data = stringData(vector, rows);
  const valid = validity(vector, rows);
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (scratch.length < 12 * rows) scratch = Buffer.alloc(12 * rows);
  const ends = new Int32Array(rows);
  let at = 0;
  let ascii = true;
  for (let i = 0; i < rows && ascii; i++) {
    if (valid !== null && (valid[i >>> 3] & (1 << (i & 7))) === 0) {
      ends[i] = at;
      continue;
    }
    const length = bytes.readUInt32LE(16 * i);
    if (length > INLINE_MAX) ascii = false;
    for (let k = 16 * i + 4, end = k + length; k < end && ascii; k++) {
      const b = bytes[k];
      if (b >= 0x80) ascii = false;
      scratch[at++] = b;
    }
    ends[i] = at;
  }
  if (ascii) {
    const text = scratch.toString('latin1', 0, at);
    let from = 0;
    for (let i = 0; i < rows; i++) {
      const valued = valid === null || (valid[i >>> 3] & (1 << (i & 7))) !== 0;
      out[offset + i] = valued ? text.slice(from, ends[i]) : null;
      from = ends[i];
    }
    return;
  }
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

/** Calls `visit` with the first column of each chunk of `sql`'s rows, as strings (NULL → null). */
export async function forEachStrings(
  conn: Connection,
  sql: string,
  visit: (values: readonly (string | null)[], rows: number) => void,
): Promise<void> {
  const values: (string | null)[] = [];
  await drain(await conn.stream(sql), (chunk, rows) => {
    decodeStrings(rawVector(chunk, 0), rows, values, 0);
    visit(values, rows);
  });
}

/** The first column of `sql`'s rows, as doubles. */
async function readDoubles(conn: Connection, sql: string, params: Params): Promise<Float64Array> {
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

/** A sort key of the asked order that the rows can be checked against: a plain column, numbers or text. */
interface OrderKey {
  sql: string;
  kind: 'double' | 'unique';
}

/**
 * The keys of `source.orderBy` when each is an ascending fixed column (`r.ts, r.id`; `r.row_no`) of a type this
 * module can compare as DuckDB does (BIGINT or DOUBLE as numbers, VARCHAR by code point, i.e. UTF-8 byte order);
 * undefined otherwise (the order is then always asked of DuckDB).
 */
function orderKeys(source: RowSource): OrderKey[] | undefined {
  const base = source.labels !== undefined ? PRED_BASE : REF_BASE;
  const keys: OrderKey[] = [];
  for (const part of source.orderBy.split(',')) {
    const match = /^r\.([a-z_]+)$/.exec(part.trim());
    const type = match && base.find(([name]) => name === match[1])?.[1];
    if (!match || type === undefined) return undefined;
    if (type === BIGINT || type === DOUBLE) keys.push({ sql: `r.${match[1]}::DOUBLE`, kind: 'double' });
    else if (type === VARCHAR) keys.push({ sql: `r.${match[1]}`, kind: 'unique' });
    else return undefined;
  }
  return keys;
}

/** Whether `a` sorts before `b` in UTF-8 byte order (DuckDB's VARCHAR order): code point order, not UTF-16's. */
function textBefore(a: string, b: string): boolean {
  const m = Math.min(a.length, b.length);
  for (let i = 0; i < m; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (a code point above U+FFFF) sorts after U+E000–U+FFFF in code point order, before in UTF-16's.
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx && !sy && y >= 0xe000) return false;
    if (sy && !sx && x >= 0xe000) return true;
    return x < y;
  }
  return a.length < b.length;
}

/**
 * Whether rows [0, n) are in the order of `keys` (their sinks), so that no sort is needed. False as soon as a
 * value cannot be compared exactly (NULL, or a number beyond 2^53 that the DOUBLE cast may have rounded). Rows
 * equal on every key may come in any order from SQL too, so table order is as good as any for them.
 */
function inOrder(keys: readonly Sink[], n: number): boolean {
  for (const key of keys) {
    if (key.kind === 'coded') return false;
    for (let i = 0; i < n; i++) {
      const v = key.values[i];
      if (key.kind === 'double' ? !Number.isSafeInteger(v) : v === null) return false;
    }
  }
  for (let i = 1; i < n; i++) {
    for (const key of keys) {
      const values = (key as Sink & { kind: 'double' | 'unique' }).values;
      const a = values[i - 1];
      const b = values[i];
      if (a === b) continue;
      if (typeof a === 'number' ? a > (b as number) : !textBefore(a as string, b as string)) return false;
      break;
    }
  }
  return true;
}

/** The rows of `source` with the columns `spec` asks for. */
export async function readColumns(conn: Connection, spec: ReadSpec, source: RowSource): Promise<RowColumns> {
  const select: string[] = [];
  const kinds: Kind[] = [];
  const add = (sql: string, kind: Kind): number => {
    const known = select.indexOf(sql);
    if (known >= 0 && kinds[known] === kind) return known;
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
  // The sort keys, read with the columns (the ids and timestamps of predictions already are).
  const keys = orderKeys(source)?.map(({ sql, kind }) => add(sql, kind));

  let n: number;
  let sinks: Sink[];
  const labelText: CodedSink = { codes: new Int32Array(0), coder: new StringCoder(), values: [] };
  let labelNum = new Float64Array(0);
  const where = `WHERE ${source.where}`;
  await conn.run('BEGIN TRANSACTION');
  try {
    // Pass 1: how many rows, so every column is allocated once.
    n = (await readDoubles(conn, `SELECT count(*)::DOUBLE FROM ${source.table} ${where}`, source.params))[0];

    // Pass 2: the columns, in table order.
    sinks = kinds.map((kind): Sink => {
      if (kind === 'double') return { kind, values: new Float64Array(n) };
      if (kind === 'coded')
        return { kind, codes: new Int32Array(n), coder: new StringCoder(), values: new Array(n) };
      return { kind, values: new Array<string | null>(n) };
    });
    const rowids = new Float64Array(n);
    const read = await drain(
      await conn.stream(
        `SELECT r.rowid::DOUBLE, ${select.join(', ')} FROM ${source.table} ${where}`,
        source.params,
      ),
      (chunk, rows, offset) => {
        if (offset + rows > n) throw new Error(`readRows: more rows than the ${n} counted`);
        copyDoubles(rawVector(chunk, 0), rows, rowids, offset);
        for (let j = 0; j < sinks.length; j++) {
          const vector = rawVector(chunk, j + 1);
          const sink = sinks[j];
          if (sink.kind === 'double') copyDoubles(vector, rows, sink.values, offset);
          else if (sink.kind === 'unique') decodeStrings(vector, rows, sink.values, offset);
          else {
            sink.coder.codeVector(stringData(vector, rows), validity(vector, rows), rows, sink.codes, offset);
            const { codes, values } = sink;
            const { dictionary } = sink.coder;
            for (let i = offset; i < offset + rows; i++)
              values[i] = codes[i] < 0 ? null : dictionary[codes[i]];
          }
        }
      },
    );
    // A stream that fails half-way ends like a finished one in DuckDB's C API: never return a short read.
    if (read !== n) throw new Error(`readRows: the read stopped after ${read} of ${n} rows`);

    // Pass 3, when table order is not the asked order: the order, then each row moved to its place.
    let place: ((rowid: number) => number) | undefined;
    if (
      keys === undefined ||
      !inOrder(
        keys.map((k) => sinks[k]),
        n,
      )
    ) {
      const order = await readDoubles(
        conn,
        `SELECT r.rowid::DOUBLE FROM ${source.table} ${where} ORDER BY ${source.orderBy}`,
        source.params,
      );
      if (order.length !== n) throw new Error('readRows: the passes read different rows');
      place = placesOf(order);
      const target = new Int32Array(n);
      let moved = false;
      for (let i = 0; i < n; i++) {
        const at = place(rowids[i]);
        if (at < 0) throw new Error('readRows: the passes read different rows');
        target[i] = at;
        if (at !== i) moved = true;
      }
      if (moved) {
        sinks = sinks.map((sink): Sink => {
          if (sink.kind === 'double')
            return { ...sink, values: scatter(sink.values, target, new Float64Array(n)) };
          if (sink.kind === 'coded') {
            const codes = scatter(sink.codes, target, new Int32Array(n));
            return { ...sink, codes, values: scatter(sink.values, target, new Array<string | null>(n)) };
          }
          return { ...sink, values: scatter(sink.values, target, new Array<string | null>(n)) };
        });
      }
    }

    // Pass 4: the labels of the predictions, put at their prediction's place.
    if (source.labels !== undefined) {
      place ??= placesOf(rowids);
      labelText.codes = new Int32Array(n).fill(-1);
      labelText.values = new Array<string | null>(n).fill(null);
      labelNum = new Float64Array(n).fill(Number.NaN);
      const chunkRowids = new Float64Array(duckdb.vector_size());
      const codes = new Int32Array(chunkRowids.length);
      const numbers = new Float64Array(chunkRowids.length);
      await drain(
        await conn.stream(
          `SELECT r.rowid::DOUBLE, l.label_text, l.label_num FROM ${source.table}
           JOIN ${source.labels} l ON l.id = r.id ${where}`,
          source.params,
        ),
        (chunk, rows) => {
          copyDoubles(rawVector(chunk, 0), rows, chunkRowids, 0);
          const text = rawVector(chunk, 1);
          labelText.coder.codeVector(stringData(text, rows), validity(text, rows), rows, codes, 0);
          copyDoubles(rawVector(chunk, 2), rows, numbers, 0);
          for (let i = 0; i < rows; i++) {
            const at = (place as (rowid: number) => number)(chunkRowids[i]);
            if (at < 0) throw new Error('readRows: the passes read different rows');
            labelText.codes[at] = codes[i];
            labelText.values[at] = codes[i] < 0 ? null : labelText.coder.dictionary[codes[i]];
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
    if (j < 0) {
      const values = new Array<string | null>(n).fill(null);
      return coded({ codes: new Int32Array(n).fill(-1), coder: new StringCoder(), values });
    }
    const sink = sinks[j];
    if (sink.kind === 'unique') return sink.values;
    return coded(sink as Sink & { kind: 'coded' });
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
      let changed = false;
      for (let i = 0; i < n; i++) {
        if (out[i] === null && !Number.isNaN(values[i])) {
          out[i] = String(values[i]);
          changed = true;
        }
      }
      // The codes no longer cover every value: monitors code these strings themselves.
      if (changed) detachCodes(out);
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
    labelText: p ? coded(labelText) : texts(ownLabelText),
    labelNumber: p ? labelNum : doubles(ownLabelNum),
    features,
    probas,
  };
}

/**
 * The strings of a coded column, with their codes attached — renumbered in order of first appearance, as
 * `categoricalFromStrings` numbers them (the coder numbered them in table or join order).
 */
function coded(sink: CodedSink): (string | null)[] {
  // Once per column: the renumbering changes the codes in place.
  if (codesOf(sink.values) === undefined) {
    attachCodes(sink.values, {
      codes: sink.codes,
      dictionary: firstAppearance(sink.codes, sink.coder.dictionary),
    });
  }
  return sink.values;
}

const nans = (n: number) => new Float64Array(n).fill(Number.NaN);
