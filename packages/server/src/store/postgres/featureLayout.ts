/**
 * Where the feature values and probas of a model's rows are kept (migration 2, like the DuckDB store's per-model
 * value columns in duckdb/modelTables.ts): numbers in the row's `num` float8[], strings and booleans in its `txt`
 * text[], at the 1-based position (slot) `feature_slots` gives per model, kind ('n' or 't') and key ('f:<feature>'
 * or 'p:<class>'). A feature sent as numbers and as strings has a slot of each kind.
 *
 * Slots are only ever added, never renumbered, so a layout read once stays right while the model lives. Writers
 * cache it per model; what could make a cached layout wrong is the model being deleted and created again by another
 * server sharing the database, so every write states the slots it used and its statement stores nothing when they
 * are not the database's (`layoutCheck`); the writer then reloads the layout and encodes again. Readers never use
 * the cache: they read the slots they need in the snapshot of the rows (readColumns.ts).
 */
import { type Pool, withTransaction } from './db.js';

export type SlotKind = 'n' | 't';

/** Key → slot, per kind. */
export interface FeatureLayout {
  n: ReadonlyMap<string, number>;
  t: ReadonlyMap<string, number>;
}

/** A key that needs a slot of a kind. */
export interface SlotKey {
  kind: SlotKind;
  key: string;
}

/** The key of feature `name` in `feature_slots`. */
export const featureKey = (name: string) => `f:${name}`;
/** The key of the proba of class `name` in `feature_slots`. */
export const probaKey = (name: string) => `p:${name}`;

/** A model's slots, `$1` the model, as rows (kind, key, slot). */
const SELECT_LAYOUT = 'SELECT kind, key, slot FROM feature_slots WHERE model = $1';

function toLayout(rows: { kind: SlotKind; key: string; slot: number }[]): FeatureLayout {
  const n = new Map<string, number>();
  const t = new Map<string, number>();
  for (const row of rows) (row.kind === 'n' ? n : t).set(row.key, row.slot);
  return { n, t };
}

/**
 * The statement part that checks a write's slots: one row `ok`, true when the (kind, key, slot) triples bound at
 * `$first`, `$first+1`, `$first+2` (text[], text[], int4[]) are all slots of model `model` (SQL).
 */
export function layoutCheck(model: string, first: number): string {
  return `SELECT count(*) = cardinality($${first + 1}::text[]) AS ok FROM feature_slots s
    JOIN unnest($${first}::text[], $${first + 1}::text[], $${first + 2}::int4[]) AS u(kind, key, slot)
      ON s.kind = u.kind AND s.key = u.key AND s.slot = u.slot
    WHERE s.model = ${model}`;
}

/** Times a write encodes its values before giving up on a layout that keeps changing under it. */
export const MAX_ATTEMPTS = 3;

/** The error of a write whose model's layout changed under it `MAX_ATTEMPTS` times (deleted and created again). */
export function layoutChanged(fn: string, model: string): Error {
  return new Error(
    `${fn}: the feature layout of model ${JSON.stringify(model)} changed during the write ${MAX_ATTEMPTS} times`,
  );
}

/** The writers' layouts, per model name. */
export class LayoutCache {
  private readonly layouts = new Map<string, FeatureLayout>();
  private readonly turns = new Map<string, Promise<unknown>>();

  constructor(private readonly pool: Pool) {}

  /**
   * Runs `prepare` (which reads or extends the layout, then sends the write) after the `prepare` of the calls made
   * before on the same model: writes reach the database in the order they were called, as they would without
   * the layout's round trips (concurrent batches sharing ids: the first called stores them). Only the preparing
   * is serial, not the writes.
   */
  inTurn<T>(model: string, prepare: () => Promise<T>): Promise<T> {
    const result = (this.turns.get(model) ?? Promise.resolve()).then(prepare);
    const turn = result.then(
      () => undefined,
      () => undefined,
    );
    this.turns.set(model, turn);
    void turn.then(() => {
      if (this.turns.get(model) === turn) this.turns.delete(model);
    });
    return result;
  }

  /**
   * The model's layout, read from the database when not cached (empty for a model without slots, or none: a write
   * that then finds no model calls `forget`, so unknown names do not stay cached).
   */
  async get(model: string): Promise<FeatureLayout> {
    const cached = this.layouts.get(model);
    if (cached !== undefined) return cached;
    const layout = toLayout((await this.pool.query(SELECT_LAYOUT, [model])).rows);
    this.layouts.set(model, layout);
    return layout;
  }

  /**
   * Gives slots to the keys that have none (after the model's last slot of their kind) and returns the model's
   * whole layout; undefined when the model does not exist. Runs in a transaction of its own, committed before the
   * write that needs the slots: a write that then fails leaves slots no row uses, which read like absent values.
   * The model's row is locked first, so servers adding slots to one model take turns (and a deleted model gets none).
   */
  async add(model: string, keys: readonly SlotKey[]): Promise<FeatureLayout | undefined> {
    const rows = await withTransaction(this.pool, async (client) => {
      const found = await client.query('SELECT 1 FROM models WHERE name = $1 FOR NO KEY UPDATE', [model]);
      if (found.rowCount === 0) return undefined;
      await client.query(
        `INSERT INTO feature_slots (model, kind, key, slot)
         SELECT $1, u.kind, u.key,
                COALESCE((SELECT max(s.slot) FROM feature_slots s WHERE s.model = $1 AND s.kind = u.kind), 0)
                + row_number() OVER (PARTITION BY u.kind ORDER BY u.ord)
         FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS u(kind, key, ord)
         WHERE NOT EXISTS (SELECT 1 FROM feature_slots s WHERE s.model = $1 AND s.kind = u.kind AND s.key = u.key)`,
        [model, keys.map((k) => k.kind), keys.map((k) => k.key)],
      );
      return (await client.query(SELECT_LAYOUT, [model])).rows;
    });
    if (rows === undefined) {
      this.layouts.delete(model);
      return undefined;
    }
    const layout = toLayout(rows);
    this.layouts.set(model, layout);
    return layout;
  }

  /** Drops the cached layout (the model was deleted, or a write found it stale). */
  forget(model: string): void {
    this.layouts.delete(model);
  }
}
