/**
 * Turns prediction and reference rows into the columns of their table (the chunk layout of an insert): the fixed
 * leading columns, then one column per typed value column of the table's layout, new ones added to the draft.
 */
import { DOUBLE, type DuckDBType, VARCHAR } from '@duckdb/node-api';
import type { PredictionColumns, ReferenceRow, Scalar } from '../types.js';
import type { ColumnData } from './appendColumns.js';
import { type ColumnKind, type LayoutDraft, PRED_BASE, REF_BASE } from './modelTables.js';
import { finiteOrNaN, scalarNumber, scalarText } from './scalar.js';

export interface EncodedRows {
  types: DuckDBType[];
  columns: ColumnData[];
  rows: number;
}

/** The typed value columns of a batch, allocated as the draft assigns them. */
class ValueColumns {
  private readonly seen: { name: string; kind: ColumnKind; target: Float64Array | (string | null)[] }[] = [];
  private readonly numbers = new Map<number, Float64Array>();
  private readonly texts = new Map<number, (string | null)[]>();

  constructor(
    private readonly draft: LayoutDraft,
    private readonly rows: number,
  ) {}

  private number(k: number): Float64Array {
    let values = this.numbers.get(k);
    if (values === undefined) {
      values = new Float64Array(this.rows).fill(Number.NaN);
      this.numbers.set(k, values);
    }
    return values;
  }

  private text(k: number): (string | null)[] {
    let values = this.texts.get(k);
    if (values === undefined) {
      values = new Array<string | null>(this.rows).fill(null);
      this.texts.set(k, values);
    }
    return values;
  }

  /**
   * Stores the features of row i: finite numbers as numbers, strings and booleans as text, others not at all.
   * Rows parsed from one client's JSON usually list the same names in the same order, so the column of the j-th
   * value is remembered and reused when the name and kind repeat (no map lookups on that path).
   */
  features(i: number, features: Record<string, Scalar>): void {
    let j = 0;
    for (const name in features) {
      const value = features[name];
      let kind: ColumnKind;
      let text: string | undefined;
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) continue;
        kind = 'n';
      } else if (typeof value === 'string') {
        kind = 't';
        text = value;
      } else if (typeof value === 'boolean') {
        kind = 't';
        text = value ? 'true' : 'false';
      } else {
        continue;
      }
      let seen = this.seen[j];
      if (seen === undefined || seen.name !== name || seen.kind !== kind) {
        const k = this.draft.feature(name, kind);
        seen = { name, kind, target: kind === 'n' ? this.number(k) : this.text(k) };
        this.seen[j] = seen;
      }
      if (kind === 'n') (seen.target as Float64Array)[i] = value as number;
      else (seen.target as (string | null)[])[i] = text as string;
      j++;
    }
  }

  /** Stores the finite probas of row i. */
  probas(i: number, probas: Record<string, number> | undefined): void {
    if (probas === undefined) return;
    for (const cls in probas) {
      const value = probas[cls];
      if (typeof value === 'number' && Number.isFinite(value)) this.number(this.draft.proba(cls))[i] = value;
    }
  }

  /** Types and data of every value column of the (draft) layout, in table order. */
  append(types: DuckDBType[], columns: ColumnData[]): void {
    this.draft.layout.kinds.forEach((kind, k) => {
      types.push(kind === 'n' ? DOUBLE : VARCHAR);
      if (kind === 'n') {
        const values = this.numbers.get(k);
        columns.push(values === undefined ? { type: 'null' } : { type: 'double', values });
      } else {
        const values = this.texts.get(k);
        columns.push(values === undefined ? { type: 'null' } : { type: 'varchar', values });
      }
    });
  }
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
  const numbers = new Map<number, Float64Array>();
  const texts = new Map<number, (string | null)[]>();
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
    for (const feature of c.features) {
      const k = draft.feature(feature.name, feature.kind);
      if (feature.kind === 'n') {
        let target = numbers.get(k);
        if (target === undefined) numbers.set(k, (target = new Float64Array(n).fill(Number.NaN)));
        copyKept(target, feature.values, keep, offset, count);
      } else {
        let target = texts.get(k);
        if (target === undefined) texts.set(k, (target = new Array<string | null>(n).fill(null)));
        copyKept(target, feature.values, keep, offset, count);
      }
    }
    for (const proba of c.probas) {
      const k = draft.proba(proba.label);
      let target = numbers.get(k);
      if (target === undefined) numbers.set(k, (target = new Float64Array(n).fill(Number.NaN)));
      copyKept(target, proba.values, keep, offset, count);
    }
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
  draft.layout.kinds.forEach((kind, k) => {
    types.push(kind === 'n' ? DOUBLE : VARCHAR);
    const values = kind === 'n' ? numbers.get(k) : texts.get(k);
    if (values === undefined) columns.push({ type: 'null' });
    else if (values instanceof Float64Array) columns.push({ type: 'double', values });
    else columns.push({ type: 'varchar', values });
  });
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
  const values = new ValueColumns(draft, n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    rowNo[i] = BigInt(i);
    predText[i] = scalarText(row.prediction);
    predNum[i] = scalarNumber(row.prediction);
    score[i] = finiteOrNaN(row.score);
    labelText[i] = scalarText(row.label);
    labelNum[i] = scalarNumber(row.label);
    values.features(i, row.features);
    values.probas(i, row.probas);
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
