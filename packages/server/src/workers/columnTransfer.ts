/**
 * The columns of {@link RowColumns} as they cross to a worker thread and back into rows there. Numbers travel as
 * Float64Array (copied by structured clone — a memcpy — or transferred: moved, no copy); strings as their
 * dictionary codes (an Int32Array) and dictionary, never as a string array: cloning a million strings costs
 * hundreds of ms on the sending thread, the codes nothing (see monitors/codedStrings.ts).
 *
 * The rows rebuilt in the worker hold only the columns sent; reading any other field throws, so a part that reads
 * a column its monitor did not declare (monitors/monitorParts.ts) fails loudly instead of computing on nothing.
 */
import { categoricalFromStrings } from '@vigil/core';
import { attachCodes, codesOf, type StringCodes } from '../monitors/codedStrings.js';
import type { ColumnKey } from '../monitors/monitorParts.js';
import type { RowColumns } from '../store/types.js';

/** One column on its way: numbers, or the codes of strings. */
export type PackedColumn = Float64Array | { codes: Int32Array; dictionary: readonly string[] };

/** Some columns of a row set. */
export interface PackedRows {
  n: number;
  columns: { [key in ColumnKey]?: PackedColumn };
}

/** Fields of RowColumns that hold one column each (features and probas are records). */
const FIELDS = [
  'ids',
  'timestamps',
  'predictionText',
  'predictionNumber',
  'score',
  'latencyMs',
  'labelText',
  'labelNumber',
] as const;

type Field = (typeof FIELDS)[number];

/** The values of column `key` of `rows`; undefined for a feature or class the rows were read without. */
export function columnOf(rows: RowColumns, key: ColumnKey): Float64Array | (string | null)[] | undefined {
  if (key.startsWith('feature:')) return rows.features[key.slice('feature:'.length)];
  if (key.startsWith('proba:')) return rows.probas[key.slice('proba:'.length)];
  return rows[key as Field & ColumnKey];
}

/**
 * The column `values` as it travels: numbers as they are, strings as their attached codes, or coded here (and
 * attached, so the next caller reuses them) when their producer had none.
 */
export function packColumn(values: Float64Array | readonly (string | null)[]): PackedColumn {
  if (values instanceof Float64Array) return values;
  let known = codesOf(values);
  if (known === undefined) {
    const { codes, dictionary } = categoricalFromStrings('', values);
    known = { codes, dictionary };
    attachCodes(values, known);
  }
  return { codes: known.codes, dictionary: known.dictionary };
}

/**
 * Rows of `n` rows with only the columns in `packed` (strings rebuilt from their codes, the codes attached), or
 * those columns added to `into` (a reference a worker keeps and completes as parts need more of it).
 */
export function unpackRows(packed: PackedRows, into?: RowColumns): RowColumns {
  const rows = into ?? emptyPartialRows(packed.n);
  for (const [key, column] of Object.entries(packed.columns) as [ColumnKey, PackedColumn][]) {
    const values = column instanceof Float64Array ? column : decode(column);
    if (key.startsWith('feature:')) rows.features[key.slice('feature:'.length)] = values;
    else if (key.startsWith('proba:')) rows.probas[key.slice('proba:'.length)] = values as Float64Array;
    else
      Object.defineProperty(rows, key, {
        value: values,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return rows;
}

function emptyPartialRows(n: number): RowColumns {
  const rows = { n, features: {}, probas: {} } as unknown as RowColumns;
  for (const field of FIELDS) {
    Object.defineProperty(rows, field, {
      enumerable: true,
      configurable: true,
      get() {
        throw new Error(`evaluation worker: column ${field} was not sent (a monitor part must declare it)`);
      },
    });
  }
  return rows;
}

/** Strings from codes (-1 → null), with the codes attached. */
function decode(coded: StringCodes): (string | null)[] {
  const { codes, dictionary } = coded;
  const out = new Array<string | null>(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i] < 0 ? null : dictionary[codes[i]];
  attachCodes(out, coded);
  return out;
}
