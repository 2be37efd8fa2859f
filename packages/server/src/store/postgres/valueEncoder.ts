/**
 * Puts the feature values and probas of rows at their slots (featureLayout.ts): finite numbers in `num`, strings and
 * booleans ('true' / 'false') in `txt`; null, NaN, ±Infinity and anything else are not stored (they read as
 * missing), as in the DuckDB store (duckdb/encodeRows.ts).
 */
import type { PredictionColumns, Scalar } from '../types.js';
import { type FeatureLayout, featureKey, probaKey, type SlotKey, type SlotKind } from './featureLayout.js';

/** A row's arrays, `null` when it has no value of the kind. Unused positions are holes (JSON null). */
export interface EncodedValues {
  num: (number | null)[] | null;
  txt: (string | null)[] | null;
}

/** The slot of one (kind, key) in the layout (0 when it has none), and whether the batch used it yet. */
interface Slot {
  kind: SlotKind;
  key: string;
  slot: number;
  used: boolean;
}

/**
 * Encodes the values of one write against one layout, remembering the keys the layout lacks and the slots the
 * values use.
 */
export class ValueEncoder {
  /** Keys without a slot, each once: the write adds them (LayoutCache.add) and encodes its rows again. */
  readonly missing: SlotKey[] = [];
  private readonly slots = new Map<string, Slot>();
  /** The slots of feature names met so far, per kind: a row costs one map lookup per value, no key building. */
  private readonly features = new Map<string, { n?: Slot; t?: Slot }>();
  private readonly used: Slot[] = [];

  constructor(private readonly layout: FeatureLayout) {}

  private slot(kind: SlotKind, key: string): Slot {
    const id = kind + key;
    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = { kind, key, slot: this.layout[kind].get(key) ?? 0, used: false };
      if (slot.slot === 0) this.missing.push({ kind, key });
      this.slots.set(id, slot);
    }
    if (!slot.used && slot.slot !== 0) {
      slot.used = true;
      this.used.push(slot);
    }
    return slot;
  }

  private feature(kind: SlotKind, name: string): number {
    let slots = this.features.get(name);
    if (slots === undefined) {
      slots = {};
      this.features.set(name, slots);
    }
    slots[kind] ??= this.slot(kind, featureKey(name));
    return slots[kind].slot;
  }

  /** The arrays of one row. */
  encodeRow(features: Record<string, Scalar>, probas?: Record<string, number>): EncodedValues {
    let num: (number | null)[] | null = null;
    let txt: (string | null)[] | null = null;
    for (const name in features) {
      const value = features[name];
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) continue;
        const at = this.feature('n', name);
        if (at !== 0) (num ??= [])[at - 1] = value;
      } else if (typeof value === 'string' || typeof value === 'boolean') {
        const at = this.feature('t', name);
        if (at !== 0) (txt ??= [])[at - 1] = typeof value === 'string' ? value : value ? 'true' : 'false';
      }
    }
    if (probas !== undefined && probas !== null) {
      for (const cls in probas) {
        const value = probas[cls];
        if (typeof value !== 'number' || !Number.isFinite(value)) continue;
        const at = this.slot('n', probaKey(cls)).slot;
        if (at !== 0) (num ??= [])[at - 1] = value;
      }
    }
    return { num, txt };
  }

  /** The arrays of each row of a batch given column by column: one slot lookup per column, not per value. */
  encodeColumns(columns: Pick<PredictionColumns, 'n' | 'features' | 'probas'>): EncodedValues[] {
    const out: EncodedValues[] = new Array(columns.n);
    for (let i = 0; i < columns.n; i++) out[i] = { num: null, txt: null };
    const numbers = (at: number, values: Float64Array) => {
      for (let i = 0; i < columns.n; i++) {
        if (Number.isFinite(values[i])) (out[i].num ??= [])[at - 1] = values[i];
      }
    };
    for (const column of columns.features) {
      const at = this.slot(column.kind, featureKey(column.name)).slot;
      if (at === 0) continue;
      if (column.kind === 'n') {
        numbers(at, column.values);
      } else {
        const values = column.values;
        for (let i = 0; i < columns.n; i++) {
          if (values[i] !== null) (out[i].txt ??= [])[at - 1] = values[i];
        }
      }
    }
    for (const { label, values } of columns.probas) {
      const at = this.slot('n', probaKey(label)).slot;
      if (at !== 0) numbers(at, values);
    }
    return out;
  }

  /** The slots the encoded rows use, as `layoutCheck` binds them: kinds, keys, slots. */
  usedSlots(): [SlotKind[], string[], number[]] {
    return [this.used.map((s) => s.kind), this.used.map((s) => s.key), this.used.map((s) => s.slot)];
  }
}
