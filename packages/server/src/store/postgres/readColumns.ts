/**
 * Reads rows column-wise (RowColumns) for readRows and readReference: one `COPY (SELECT …) TO STDOUT (FORMAT
 * binary)` (copyOut.ts) whose tuples are decoded straight into growing typed columns as they arrive, so a
 * million-row window never exists as a million row objects, and no value goes through text. Feature values and
 * probas arrive as each row's `num` float8[] and `txt` text[] (featureLayout.ts): an array element is copied to the
 * column of its slot, or skipped when nothing asked for that slot.
 *
 * The slots asked for, the rows and (in a second pass, put at their rows) the labels of predictions are read in one
 * REPEATABLE READ transaction (one snapshot): a slot added meanwhile cannot be missing from the layout while present
 * in a row, and the passes see the same rows. A numerical feature reads the numbers sent
 * for it (strings and booleans read as NaN); a categorical feature reads the strings and booleans sent for it, and
 * the numbers as JavaScript prints them, as the DuckDB store does (duckdb/readColumns.ts).
 */
import { ErrorCodes, VigilError } from '@vigil/core';
import pg from 'pg';
import { emptyRows } from '../emptyRows.js';
import type { ReadSpec, RowColumns, WindowRange } from '../types.js';
import { copyOut, type TupleReader } from './copyOut.js';
import type { Pool, PoolClient } from './db.js';
import { featureKey, probaKey, type SlotKind } from './featureLayout.js';
import { StringInterner } from './stringInterner.js';

/** Predictions of a model in a range (labels joined), or the rows of a reference. */
export type RowSource =
  | { kind: 'predictions'; model: string; range: WindowRange }
  | { kind: 'reference'; referenceId: number };

/** The fixed fields of a tuple, before `num` and `txt`. */
const FIELDS = 10;

/** The range bound `value` rounded up to a whole ms, as SQL. */
function bound(value: number, name: string): string {
  const ms = Math.ceil(value);
  if (!Number.isSafeInteger(ms)) {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `readRows: ${name} must be a safe integer (ms); got ${value}`,
    );
  }
  return String(ms);
}

/** The statements of a read (literals inlined: COPY takes no parameters). */
interface Statements {
  /** The rows in order, as a function of the arrays to send (an array no slot is read from is not sent). */
  rows(arrays: { num: boolean; txt: boolean }): string;
  /** The labels of the rows (id, label, label_num), in the order of the rows; none for a reference. */
  labels?: string;
  /** SQL naming the model. */
  model: string;
}

/** The statements reading `source`. Checks the range before anything is asked of the database. */
function statements(source: RowSource): Statements {
  const values = (arrays: { num: boolean; txt: boolean }) =>
    `${arrays.num ? 'r.num' : 'NULL::float8[]'}, ${arrays.txt ? 'r.txt' : 'NULL::text[]'}`;
  if (source.kind === 'reference') {
    return {
      rows: (arrays) =>
        `COPY (SELECT NULL::text, NULL::int8, r.prediction, r.prediction_num, r.score, NULL::float8, r.label,
                      r.label_num, ${values(arrays)}
               FROM reference_rows r WHERE r.reference_id = ${source.referenceId} ORDER BY r.row_no)
         TO STDOUT (FORMAT binary)`,
      model: `(SELECT model FROM reference_sets WHERE id = ${source.referenceId})`,
    };
  }
  const { range } = source;
  const model = pg.escapeLiteral(source.model);
  const where = `r.model = ${model} AND r.ts >= ${bound(range.from, 'range.from')}
                 AND r.ts < ${bound(range.to, 'range.to')}${
                   range.version === undefined ? '' : ` AND r.version = ${pg.escapeLiteral(range.version)}`
                 }`;
  return {
    rows: (arrays) =>
      `COPY (SELECT r.id, r.ts, r.prediction, r.prediction_num, r.score, r.latency_ms, NULL::text, NULL::float8,
                    ${values(arrays)}
             FROM predictions r WHERE ${where} ORDER BY r.ts, r.id) TO STDOUT (FORMAT binary)`,
    labels: `COPY (SELECT r.id, l.label, l.label_num
                   FROM predictions r JOIN labels l ON l.model = r.model AND l.id = r.id
                   WHERE ${where} ORDER BY r.ts, r.id) TO STDOUT (FORMAT binary)`,
    model,
  };
}

/** Rows per block of the numeric columns. */
const BLOCK = 65_536;

/**
 * The columns being filled, one row at a time. Numeric columns fill blocks of `BLOCK` rows (NaN until set), joined
 * once at the end: no column is ever copied to grow it (growing by doubling cost 0.8 s per 1M × 20 read, in copies
 * and garbage). Text columns are plain arrays written at the row's index; rows without a value are filled with null
 * at the end.
 * Numeric columns 0-4: timestamps, prediction number, score, latency, label number; then one per numeric slot read.
 * Text columns 0-2: ids, prediction text, label text; then one per text slot read.
 */
class Columns {
  /** Rows started. */
  n = 0;
  /** The current block of each numeric column. */
  doubles: Float64Array[] = [];
  private fill = BLOCK;
  private readonly blocks: Float64Array[][];
  readonly strings: (string | null)[][];

  constructor(doubles: number, strings: number) {
    this.blocks = Array.from({ length: doubles }, () => []);
    this.strings = Array.from({ length: strings }, () => []);
  }

  /** Starts a row; returns its index in the current numeric blocks (its index in the text columns is `n - 1`). */
  next(): number {
    if (this.fill === BLOCK) {
      this.doubles = this.blocks.map((blocks) => {
        const block = new Float64Array(BLOCK).fill(Number.NaN);
        blocks.push(block);
        return block;
      });
      this.fill = 0;
    }
    this.n++;
    return this.fill++;
  }

  /** Text column `c`, all rows: a row that set no value reads null. */
  string(c: number): (string | null)[] {
    const values = this.strings[c];
    values.length = this.n;
    for (let i = 0; i < this.n; i++) {
      if (values[i] === undefined) values[i] = null;
    }
    return values;
  }

  /** Sets row `row` of numeric column `c` (a row started before). */
  setDouble(c: number, row: number, value: number): void {
    this.blocks[c][Math.floor(row / BLOCK)][row % BLOCK] = value;
  }

  /** Numeric column `c`, all rows. */
  double(c: number): Float64Array {
    const out = new Float64Array(this.n);
    this.blocks[c].forEach((block, b) => {
      const start = b * BLOCK;
      out.set(start + BLOCK <= this.n ? block : block.subarray(0, this.n - start), start);
    });
    return out;
  }
}

/** Slot → column number (-1: not read), for the elements of one array field. */
function slotColumns(slots: readonly number[], first: number): Int32Array {
  const columns = new Int32Array(Math.max(0, ...slots) + 1).fill(-1);
  slots.forEach((slot, k) => {
    columns[slot] = first + k;
  });
  return columns;
}

/**
 * The tuple reader filling `columns`; `numColumns` / `txtColumns` map array slots to columns. Written out field by
 * field (no per-field dispatch, no per-row allocation): it runs once per row, with ~30 fields.
 */
function tupleReader(columns: Columns, numColumns: Int32Array, txtColumns: Int32Array): TupleReader {
  const texts = columns.strings.map(() => new StringInterner());
  const [ids, predictionText, labelText] = columns.strings;
  return (bytes, view, start, fields) => {
    if (fields !== FIELDS) throw new Error(`readRows: rows must have ${FIELDS} fields; got ${fields}`);
    const j = columns.next();
    const i = columns.n - 1;
    const { doubles, strings } = columns;
    let at = start;
    let size = view.getInt32(at);
    at += 4;
    // id: unique, decoded as is
    if (size >= 0) {
      ids[i] = bytes.toString('utf8', at, at + size);
      at += size;
    } else {
      ids[i] = null;
    }
    // ts: int8, exact below 2^53
    size = view.getInt32(at);
    at += 4;
    if (size >= 0) {
      doubles[0][j] = view.getInt32(at) * 4_294_967_296 + view.getUint32(at + 4);
      at += size;
    }
    size = view.getInt32(at);
    at += 4;
    if (size >= 0) {
      predictionText[i] = texts[1].decode(bytes, at, at + size);
      at += size;
    } else {
      predictionText[i] = null;
    }
    size = view.getInt32(at);
    at += 4;
    if (size >= 0) {
      doubles[1][j] = view.getFloat64(at);
      at += size;
    }
    size = view.getInt32(at);
    at += 4;
    if (size >= 0) {
      doubles[2][j] = view.getFloat64(at);
      at += size;
    }
    size = view.getInt32(at);
    at += 4;
    if (size >= 0) {
      doubles[3][j] = view.getFloat64(at);
      at += size;
    }
    size = view.getInt32(at);
    at += 4;
    if (size >= 0) {
      labelText[i] = texts[2].decode(bytes, at, at + size);
      at += size;
    } else {
      labelText[i] = null;
    }
    size = view.getInt32(at);
    at += 4;
    if (size >= 0) {
      doubles[4][j] = view.getFloat64(at);
      at += size;
    }
    // num, then txt: one-dimensional arrays (int32 dimensions, has-nulls flag, element type, length, lower bound,
    // then per element an int32 size, -1 for NULL, and its bytes: array_send in arrayfuncs.c); elements past the
    // last slot read are skipped with the rest of the field.
    for (let field = 0; field < 2; field++) {
      size = view.getInt32(at);
      at += 4;
      if (size < 0) continue;
      const slots = field === 0 ? numColumns : txtColumns;
      const dims = view.getInt32(at);
      if (dims === 1) {
        const lower = view.getInt32(at + 16);
        const count = Math.min(view.getInt32(at + 12), slots.length - lower);
        let p = at + 20;
        for (let k = 0; k < count; k++) {
          const length = view.getInt32(p);
          p += 4;
          if (length < 0) continue;
          const c = slots[lower + k];
          if (c >= 0) {
            if (field === 0) doubles[c][j] = view.getFloat64(p);
            else strings[c][i] = texts[c].decode(bytes, p, p + length);
          }
          p += length;
        }
      } else if (dims !== 0) {
        throw new Error(`readRows: feature arrays must have one dimension; got ${dims}`);
      }
      at += size;
    }
    return at;
  };
}

/**
 * The reader of the labels pass: (id, label, label_num) tuples in the order of the rows, each put at its row, found
 * by walking the ids forward (both passes are ordered alike, so no id → row map is needed).
 */
function labelReader(columns: Columns): TupleReader {
  const texts = new StringInterner();
  const ids = columns.strings[0];
  let row = 0;
  return (bytes, view, start, fields) => {
    if (fields !== 3) throw new Error(`readRows: labels must have 3 fields; got ${fields}`);
    let at = start;
    let size = view.getInt32(at);
    at += 4;
    const id = bytes.toString('utf8', at, at + size);
    at += size;
    while (row < columns.n && ids[row] !== id) row++;
    if (row === columns.n)
      throw new Error(`readRows: label ${JSON.stringify(id)} matches no row of the window`);
    size = view.getInt32(at);
    at += 4;
    if (size >= 0) {
      columns.strings[2][row] = texts.decode(bytes, at, at + size);
      at += size;
    }
    size = view.getInt32(at);
    at += 4;
    if (size >= 0) {
      columns.setDouble(4, row, view.getFloat64(at));
      at += size;
    }
    row++;
    return at;
  };
}

/**
 * The slots of the keys asked for, and whether the model has labels at all (else the labels pass is skipped), read
 * in the transaction of `client`.
 */
async function readSlots(client: PoolClient, model: string, keys: string[]) {
  const result = await client.query<{
    kinds: SlotKind[] | null;
    keys: string[] | null;
    slots: number[] | null;
    labeled: boolean;
  }>(
    `SELECT array_agg(kind) AS kinds, array_agg(key) AS keys, array_agg(slot) AS slots,
            EXISTS (SELECT 1 FROM labels WHERE model = ${model}) AS labeled
     FROM feature_slots WHERE model = ${model} AND key = ANY($1::text[])`,
    [keys],
  );
  const row = result.rows[0];
  const slots = { n: new Map<string, number>(), t: new Map<string, number>(), labeled: row.labeled };
  (row.kinds ?? []).forEach((kind, k) => {
    slots[kind].set((row.keys as string[])[k], (row.slots as number[])[k]);
  });
  return slots;
}

export async function readColumns(pool: Pool, spec: ReadSpec, source: RowSource): Promise<RowColumns> {
  if (source.kind === 'reference' && !Number.isSafeInteger(source.referenceId)) return emptyRows(spec);
  const classes = spec.probaClasses ?? [];
  const keys = [...spec.features.map((f) => featureKey(f.name)), ...classes.map(probaKey)];
  const sql = statements(source);
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    // The rows are read in index order, never sorted: a window just written has no statistics yet, and PostgreSQL,
    // expecting a few rows, would sort a million wide rows on disk (1M × 20 features: +2 s).
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL enable_sort = off');
    const slots = await readSlots(client, sql.model, keys);
    // The slots to copy into columns: every numeric slot asked for (a categorical feature reads its numbers too),
    // the text slots of categorical features.
    const numSlots = [...new Set(keys.map((key) => slots.n.get(key)).filter((s) => s !== undefined))];
    const txtSlots = [
      ...new Set(
        spec.features
          .filter((f) => f.kind === 'categorical')
          .map((f) => slots.t.get(featureKey(f.name)))
          .filter((s) => s !== undefined),
      ),
    ];
    const columns = new Columns(5 + numSlots.length, 3 + txtSlots.length);
    const numColumns = slotColumns(numSlots, 5);
    const txtColumns = slotColumns(txtSlots, 3);
    await copyOut(
      client,
      sql.rows({ num: numSlots.length > 0, txt: txtSlots.length > 0 }),
      tupleReader(columns, numColumns, txtColumns),
    );
    // Labels in a pass of their own: joined in the rows' statement, every row would probe the labels (or the join
    // would need a sort), even in the usual window that has none yet.
    if (sql.labels !== undefined && slots.labeled && columns.n > 0) {
      await client.query('SET LOCAL enable_sort = on');
      await copyOut(client, sql.labels, labelReader(columns));
    }
    await client.query('COMMIT');
    return toRowColumns(spec, source, columns, (kind, key) => {
      const slot = slots[kind].get(key);
      if (slot === undefined) return -1;
      return kind === 'n' ? numColumns[slot] : txtColumns[slot];
    });
  } catch (error) {
    await client.query('ROLLBACK').catch((rollback: Error) => {
      broken = rollback;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** RowColumns from the filled columns; `column(kind, key)` is the column of a key's slot (-1: none). */
function toRowColumns(
  spec: ReadSpec,
  source: RowSource,
  columns: Columns,
  column: (kind: SlotKind, key: string) => number,
): RowColumns {
  const { n } = columns;
  const nans = () => new Float64Array(n).fill(Number.NaN);
  const features: RowColumns['features'] = {};
  for (const feature of spec.features) {
    const key = featureKey(feature.name);
    const number = column('n', key);
    if (feature.kind === 'numerical') {
      features[feature.name] = number < 0 ? nans() : columns.double(number);
      continue;
    }
    const text = column('t', key);
    const values = text < 0 ? new Array<string | null>(n).fill(null) : columns.string(text);
    if (number >= 0) {
      // A categorical value sent as a number reads as its text, as JavaScript prints it.
      const numbers = columns.double(number);
      for (let i = 0; i < n; i++) {
        if (values[i] === null && !Number.isNaN(numbers[i])) values[i] = String(numbers[i]);
      }
    }
    features[feature.name] = values;
  }
  const probas: RowColumns['probas'] = {};
  for (const cls of spec.probaClasses ?? []) {
    const number = column('n', probaKey(cls));
    probas[cls] = number < 0 ? nans() : columns.double(number);
  }
  const predictions = source.kind === 'predictions';
  return {
    n,
    ids: predictions ? (columns.string(0) as string[]) : [],
    timestamps: columns.double(0),
    predictionText: columns.string(1),
    predictionNumber: columns.double(1),
    score: columns.double(2),
    latencyMs: columns.double(3),
    labelText: columns.string(2),
    labelNumber: columns.double(4),
    features,
    probas,
  };
}
