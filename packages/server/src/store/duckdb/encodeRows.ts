/**
 * Turns prediction and reference rows into the columns of their table (the chunk layout of an insert): the fixed
 * leading columns, then one column per typed value column of the table's layout, new ones added to the draft.
 */
import { DOUBLE, type DuckDBType, VARCHAR } from '@duckdb/node-api';
import { valueColumns } from '../predictionColumns.js';
import type { PredictionColumns, ReferenceRow } from '../types.js';
import type { ColumnData } from './appendColumns.js';
import { type LayoutDraft, PRED_BASE, REF_BASE } from './modelTables.js';
import { finiteOrNaN, scalarNumber, scalarText } from './scalar.js';

export interface EncodedRows {
  types: DuckDBType[];
  columns: ColumnData[];
  rows: number;
}

/** Event time in whole ms (BIGINT column); a non-finite timestamp throws (RangeError) before anything is written. */
function millis(value: number): bigint {
  return BigInt(Math.floor(value));
}

/** The rows of one insert call to encode: all of `columns`, or only the rows `keep` lists (ascending). */
export interface PredictionPart {
  columns: PredictionColumns;
  receivedAt: number;
  keep?: readonly number[];
}

/** Copies the kept values of `part` into `target` from row `offset` on. */
function copyKept<T>(
  target: { [i: number]: T; set?: unknown },
  values: { readonly [i: number]: T },
  keep: readonly number[] | undefined,
  offset: number,
  count: number,
): void {
  if (keep === undefined && target instanceof Float64Array && values instanceof Float64Array) {
    target.set(values.subarray(0, count), offset);
    return;
  }
  for (let r = 0; r < count; r++) target[offset + r] = values[keep === undefined ? r : keep[r]];
}

/**
 * The typed value columns (features, probas) of the rows being encoded: each part's columns copied into the table
 * column the draft assigns (new ones added), absent values NaN / NULL.
 */
class LayoutValues {
  private readonly numbers = new Map<number, Float64Array>();
  private readonly texts = new Map<number, (string | null)[]>();

  constructor(
    private readonly draft: LayoutDraft,
    private readonly rows: number,
  ) {}

  private number(k: number): Float64Array {
    let target = this.numbers.get(k);
    if (target === undefined) this.numbers.set(k, (target = new Float64Array(this.rows).fill(Number.NaN)));
    return target;
  }

  /** Copies the kept rows of `values` (all when `keep` is undefined) to rows [offset, offset + count). */
  add(
    values: Pick<PredictionColumns, 'features' | 'probas'>,
    keep: readonly number[] | undefined,
    offset: number,
    count: number,
  ): void {
    for (const feature of values.features) {
      const k = this.draft.feature(feature.name, feature.kind);
      if (feature.kind === 'n') copyKept(this.number(k), feature.values, keep, offset, count);
      else {
        let target = this.texts.get(k);
        if (target === undefined)
          this.texts.set(k, (target = new Array<string | null>(this.rows).fill(null)));
        copyKept(target, feature.values, keep, offset, count);
      }
    }
    for (const proba of values.probas) {
      copyKept(this.number(this.draft.proba(proba.label)), proba.values, keep, offset, count);
    }
  }

  /** Types and data of every value column of the (draft) layout, in table order. */
  append(types: DuckDBType[], columns: ColumnData[]): void {
    this.draft.layout.kinds.forEach((kind, k) => {
      types.push(kind === 'n' ? DOUBLE : VARCHAR);
      const values = kind === 'n' ? this.numbers.get(k) : this.texts.get(k);
      if (values === undefined) columns.push({ type: 'null' });
      else if (values instanceof Float64Array) columns.push({ type: 'double', values });
      else columns.push({ type: 'varchar', values });
    });
  }
}

/**
 * The `pred_<n>` columns of the rows of `parts`, in order; `version` fills rows without one (the model's active
 * version). Feature and proba columns are copied whole (typed arrays), new ones added to the draft.
 */
export function encodePredictions(
  parts: readonly PredictionPart[],
  draft: LayoutDraft,
  version: string | undefined,
): EncodedRows {
  let n = 0;
  for (const part of parts) n += part.keep?.length ?? part.columns.n;
  const ids = new Array<string>(n);
  const ts = new BigInt64Array(n);
  const versions = new Array<string | null>(n);
  const predText = new Array<string | null>(n);
  const predNum = new Float64Array(n);
  const score = new Float64Array(n);
  const latency = new Float64Array(n);
  const tags = new Array<string | null>(n);
  const received = new BigInt64Array(n);
  const values = new LayoutValues(draft, n);
  let offset = 0;
  for (const { columns: c, receivedAt, keep } of parts) {
    const count = keep?.length ?? c.n;
    const at = millis(receivedAt);
    for (let r = 0; r < count; r++) {
      const i = keep === undefined ? r : keep[r];
      const o = offset + r;
      ids[o] = c.ids[i];
      ts[o] = millis(c.timestamps[i]);
      versions[o] = c.versions[i] ?? version ?? null;
      predText[o] = scalarText(c.predictions[i]);
      predNum[o] = scalarNumber(c.predictions[i]);
      score[o] = c.scores[i];
      latency[o] = c.latencies[i];
      tags[o] = c.tags[i];
      received[o] = at;
    }
    values.add(c, keep, offset, count);
    offset += count;
  }
  const types = PRED_BASE.map(([, type]) => type);
  const columns: ColumnData[] = [
    { type: 'varchar', values: ids },
    { type: 'bigint', values: ts },
    { type: 'varchar', values: versions },
    { type: 'varchar', values: predText },
    { type: 'double', values: predNum },
    { type: 'double', values: score },
    { type: 'double', values: latency },
    { type: 'varchar', values: tags },
    { type: 'bigint', values: received },
  ];
  values.append(types, columns);
  return { types, columns, rows: n };
}

/** The `ref_<n>` columns of a reference's rows, numbered from 0 in the order given. */
export function encodeReferenceRows(
  rows: readonly ReferenceRow[],
  draft: LayoutDraft,
  referenceId: number,
): EncodedRows {
  const n = rows.length;
  const ids = new BigInt64Array(n).fill(BigInt(referenceId));
  const rowNo = new BigInt64Array(n);
  const predText = new Array<string | null>(n);
  const predNum = new Float64Array(n);
  const score = new Float64Array(n);
  const labelText = new Array<string | null>(n);
  const labelNum = new Float64Array(n);
  const values = new LayoutValues(draft, n);
  values.add(valueColumns(rows), undefined, 0, n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    rowNo[i] = BigInt(i);
    predText[i] = scalarText(row.prediction);
    predNum[i] = scalarNumber(row.prediction);
    score[i] = finiteOrNaN(row.score);
    labelText[i] = scalarText(row.label);
    labelNum[i] = scalarNumber(row.label);
  }
  const types = REF_BASE.map(([, type]) => type);
  const columns: ColumnData[] = [
    { type: 'bigint', values: ids },
    { type: 'bigint', values: rowNo },
    { type: 'varchar', values: predText },
    { type: 'double', values: predNum },
    { type: 'double', values: score },
    { type: 'varchar', values: labelText },
    { type: 'double', values: labelNum },
  ];
  values.append(types, columns);
  return { types, columns, rows: n };
}
