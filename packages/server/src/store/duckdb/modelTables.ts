/**
 * The tables of each model and what the store remembers about them.
 *
 * Every model has three tables named by its `table_no`: `pred_<n>` (predictions, primary key id), `lab_<n>` (labels,
 * primary key id; a label may arrive before its prediction) and `ref_<n>` (rows of its references). Feature values
 * and probas are typed columns `c<k>` of `pred_<n>` / `ref_<n>`, one per (name, kind) seen so far, recorded in
 * `model_columns`: kind 'n' is a DOUBLE holding the numbers given, kind 't' a VARCHAR holding the strings and
 * booleans given. A feature sent as numbers and strings has both. New columns are added (ALTER TABLE) inside the
 * transaction that first needs them, so a failed write leaves no column behind.
 *
 * The cache of {@link ModelInfo} is only ever filled and changed on the writer connection (inside `exclusive`), in
 * commit order, so it always matches the committed catalog.
 */
import { BIGINT, DOUBLE, type DuckDBType, VARCHAR } from '@duckdb/node-api';
import { type Connection, type Db, exec, integer, literal, query } from './db.js';

export type ColumnKind = 'n' | 't';
export type TableTag = 'p' | 'r';

/** The typed value columns of one table: (kind, key) → column number k (column `c<k>`). */
export interface ColumnLayout {
  /** Columns of features by name: numbers ('n') and strings ('t'). */
  featureNumber: Map<string, number>;
  featureText: Map<string, number>;
  /** Columns of probas by class (numbers only). */
  proba: Map<string, number>;
  /** Kind of column k, in table order. */
  kinds: ColumnKind[];
}

export interface ModelInfo {
  name: string;
  tableNo: number;
  windowMs: number;
  activeVersion?: string;
  pred: ColumnLayout;
  ref: ColumnLayout;
}

export const predTable = (info: ModelInfo) => `pred_${info.tableNo}`;
export const labTable = (info: ModelInfo) => `lab_${info.tableNo}`;
export const refTable = (info: ModelInfo) => `ref_${info.tableNo}`;
export const valueColumn = (k: number) => `c${k}`;

/** Fixed leading columns of `pred_<n>`, in table order, with their types (the chunk layout of an insert). */
export const PRED_BASE: readonly [string, DuckDBType][] = [
  ['id', VARCHAR],
  ['ts', BIGINT],
  ['version', VARCHAR],
  ['pred_text', VARCHAR],
  ['pred_num', DOUBLE],
  ['score', DOUBLE],
  ['latency_ms', DOUBLE],
  ['tags', VARCHAR],
  ['received_at', BIGINT],
];

/** Fixed leading columns of `ref_<n>`. */
export const REF_BASE: readonly [string, DuckDBType][] = [
  ['reference_id', BIGINT],
  ['row_no', BIGINT],
  ['pred_text', VARCHAR],
  ['pred_num', DOUBLE],
  ['score', DOUBLE],
  ['label_text', VARCHAR],
  ['label_num', DOUBLE],
];

/** Creates the three tables of a new model. */
export async function createModelTables(conn: Connection, tableNo: number): Promise<void> {
  const n = integer(tableNo);
  await exec(
    conn,
    `CREATE TABLE pred_${n} (
       id VARCHAR PRIMARY KEY, ts BIGINT NOT NULL, version VARCHAR, pred_text VARCHAR, pred_num DOUBLE,
       score DOUBLE, latency_ms DOUBLE, tags VARCHAR, received_at BIGINT NOT NULL);
     CREATE TABLE lab_${n} (
       id VARCHAR PRIMARY KEY, label_text VARCHAR, label_num DOUBLE, received_at BIGINT NOT NULL);
     CREATE TABLE ref_${n} (
       reference_id BIGINT NOT NULL, row_no BIGINT NOT NULL, pred_text VARCHAR, pred_num DOUBLE, score DOUBLE,
       label_text VARCHAR, label_num DOUBLE)`,
  );
}

export async function dropModelTables(conn: Connection, tableNo: number): Promise<void> {
  const n = integer(tableNo);
  await exec(
    conn,
    `DROP TABLE IF EXISTS pred_${n}; DROP TABLE IF EXISTS lab_${n}; DROP TABLE IF EXISTS ref_${n}`,
  );
}

function emptyLayout(): ColumnLayout {
  return { featureNumber: new Map(), featureText: new Map(), proba: new Map(), kinds: [] };
}

function copyLayout(layout: ColumnLayout): ColumnLayout {
  return {
    featureNumber: new Map(layout.featureNumber),
    featureText: new Map(layout.featureText),
    proba: new Map(layout.proba),
    kinds: [...layout.kinds],
  };
}

/** Records column k of (kind, registry key) in a layout. */
function place(layout: ColumnLayout, kind: ColumnKind, key: string, k: number): void {
  if (key.startsWith('p:')) layout.proba.set(key.slice(2), k);
  else if (kind === 'n') layout.featureNumber.set(key.slice(2), k);
  else layout.featureText.set(key.slice(2), k);
  layout.kinds[k] = kind;
}

/**
 * The columns a write adds to one table: assigns new columns on demand and creates them in the write's
 * transaction. The cached layout is never changed: the draft works on a copy from its first new column on, and the
 * caller stores {@link LayoutDraft.layout} in the cache once the transaction has committed.
 */
export class LayoutDraft {
  private current: ColumnLayout;
  private readonly added: { key: string; kind: ColumnKind; k: number }[] = [];

  constructor(committed: ColumnLayout) {
    this.current = committed;
  }

  /** The layout with the new columns (the committed one while there are none). */
  get layout(): ColumnLayout {
    return this.current;
  }

  /** Column of feature `name` holding values of `kind`, added when new. */
  feature(name: string, kind: ColumnKind): number {
    const k = (kind === 'n' ? this.current.featureNumber : this.current.featureText).get(name);
    return k ?? this.add(`f:${name}`, kind);
  }

  /** Column of the proba of class `name`, added when new. */
  proba(name: string): number {
    return this.current.proba.get(name) ?? this.add(`p:${name}`, 'n');
  }

  private add(key: string, kind: ColumnKind): number {
    if (this.added.length === 0) this.current = copyLayout(this.current);
    const k = this.current.kinds.length;
    place(this.current, kind, key, k);
    this.added.push({ key, kind, k });
    return k;
  }

  /** Records and creates the new columns of `table` (of `tag`) in the open transaction. */
  async create(conn: Connection, model: string, tag: TableTag, table: string): Promise<void> {
    if (this.added.length === 0) return;
    const values = this.added
      .map(({ key, kind, k }) => `(${literal(model)}, '${tag}', ${literal(key)}, '${kind}', ${k})`)
      .join(', ');
    const alters = this.added.map(
      ({ kind, k }) =>
        `ALTER TABLE ${table} ADD COLUMN ${valueColumn(k)} ${kind === 'n' ? 'DOUBLE' : 'VARCHAR'}`,
    );
    await exec(conn, [`INSERT INTO model_columns VALUES ${values}`, ...alters].join(';\n'));
  }
}

/** Model name → what the store needs to write and read its rows. */
export class ModelCache {
  private readonly models = new Map<string, ModelInfo>();

  constructor(private readonly db: Db) {}

  /** The model's info, loaded on the writer connection when not cached (call inside `exclusive`). */
  async load(conn: Connection, name: string): Promise<ModelInfo | undefined> {
    const cached = this.models.get(name);
    if (cached !== undefined) return cached;
    const rows = await query(
      conn,
      'SELECT name, table_no, window_ms, active_version FROM models WHERE name = $1',
      [name],
    );
    if (rows.length === 0) return undefined;
    const info: ModelInfo = {
      name,
      tableNo: rows[0].table_no as number,
      windowMs: rows[0].window_ms as number,
      activeVersion: (rows[0].active_version as string | null) ?? undefined,
      pred: emptyLayout(),
      ref: emptyLayout(),
    };
    const columns = await query(conn, 'SELECT tbl, key, kind, col FROM model_columns WHERE model = $1', [
      name,
    ]);
    for (const c of columns) {
      place(c.tbl === 'p' ? info.pred : info.ref, c.kind as ColumnKind, c.key as string, c.col as number);
    }
    this.models.set(name, info);
    return info;
  }

  /** The model's info for a reader: from the cache, else loaded through the writer queue. */
  async get(name: string): Promise<ModelInfo | undefined> {
    return this.models.get(name) ?? this.db.exclusive((conn) => this.load(conn, name));
  }

  set(info: ModelInfo): void {
    this.models.set(info.name, info);
  }

  delete(name: string): void {
    this.models.delete(name);
  }
}
