/**
 * Reads rows column-wise (RowColumns). The typed values are extracted in SQL — a numerical feature or a proba that
 * is not a JSON number reads as NULL (NaN here), never an error — and the rows are streamed: each one is copied
 * into the growing columns as it arrives and then dropped, so a million-row window never exists as a million row
 * arrays. One statement, so one snapshot, and PostgreSQL may run it as a parallel query.
 *
 * The numeric values of a row travel together as one float8[] in binary (`array_send`), decoded with a DataView:
 * parsing a text field per number was most of the client's time (1M rows × 20 features: 7.8 s → 4.9 s of CPU).
 */
import pg from 'pg';
import type { ReadSpec, RowColumns } from '../types.js';
import type { Pool } from './db.js';
import { decodeFloat8Array } from './decodeFloat8Array.js';
import { Float64Column } from './float64Column.js';

/** Where the rows come from. Alias `r` is the row table; predictions join their labels as `l`. */
export interface RowSource {
  kind: 'predictions' | 'reference';
  from: string;
  /** Filter using parameters $1…$k, given in `params`. */
  where: string;
  params: unknown[];
  orderBy: string;
}

/** A jsonb member read as a double when it is a JSON number, else NULL. */
function numberMember(json: string, key: string): string {
  return `CASE WHEN jsonb_typeof(${json} -> ${key}) = 'number' THEN (${json} ->> ${key})::float8 END`;
}

/** The selected columns, in RowColumns order: 8 fixed ones, then the features, then the probas. */
function selectColumns(spec: ReadSpec, predictions: boolean, param: (value: string) => string) {
  const columns: { sql: string; type: 'float8' | 'text' }[] = [
    { sql: predictions ? 'r.id' : 'NULL::text', type: 'text' },
    { sql: predictions ? 'r.ts' : 'NULL::float8', type: 'float8' },
    { sql: 'r.prediction', type: 'text' },
    { sql: 'r.prediction_num', type: 'float8' },
    { sql: 'r.score', type: 'float8' },
    { sql: predictions ? 'r.latency_ms' : 'NULL::float8', type: 'float8' },
    { sql: predictions ? 'l.label' : 'r.label', type: 'text' },
    { sql: predictions ? 'l.label_num' : 'r.label_num', type: 'float8' },
  ];
  for (const feature of spec.features) {
    const key = param(feature.name);
    columns.push(
      feature.kind === 'numerical'
        ? { sql: numberMember('r.features', key), type: 'float8' }
        : { sql: `r.features ->> ${key}`, type: 'text' },
    );
  }
  for (const cls of spec.probaClasses ?? []) {
    columns.push({ sql: numberMember('r.probas', param(cls)), type: 'float8' });
  }
  return columns;
}

/** Runs `sql` and hands each row (an array) to `onRow` as it arrives, keeping none. */
async function streamRows(pool: Pool, sql: string, values: unknown[], onRow: (row: unknown[]) => void) {
  const client = await pool.connect();
  try {
    await new Promise<void>((resolve, reject) => {
      // @types/pg's QueryConfig lacks `rowMode`, which pg.Query honours (rows as arrays, no per-row objects).
      const config: pg.QueryArrayConfig = { text: sql, values, rowMode: 'array' };
      const query = new pg.Query<unknown[]>(config as pg.QueryConfig);
      query.on('row', onRow);
      query.on('end', () => resolve());
      query.on('error', reject);
      client.query(query);
    });
  } finally {
    client.release();
  }
}

export async function readColumns(pool: Pool, spec: ReadSpec, source: RowSource): Promise<RowColumns> {
  const predictions = source.kind === 'predictions';
  const params = [...source.params];
  const columns = selectColumns(spec, predictions, (value) => {
    params.push(value);
    return `$${params.length}::text`;
  });
  const numeric = columns.filter((c) => c.type === 'float8');
  const text = columns.filter((c) => c.type === 'text');
  const sql = `SELECT array_send(ARRAY[${numeric.map((c) => c.sql).join(', ')}]::float8[]),
                      ${text.map((c) => c.sql).join(', ')}
               FROM ${source.from} WHERE ${source.where} ORDER BY ${source.orderBy}`;
  const numberSinks = numeric.map(() => new Float64Column());
  const textSinks = text.map(() => [] as (string | null)[]);
  const width = text.length;
  await streamRows(pool, sql, params, (row) => {
    decodeFloat8Array(row[0] as Buffer, numberSinks);
    for (let c = 0; c < width; c++) textSinks[c].push(row[c + 1] as string | null);
  });

  // Back to the order of `columns`.
  const numbers = numberSinks.map((sink) => sink.finish());
  let nextNumber = 0;
  let nextText = 0;
  const values = columns.map((c) => (c.type === 'float8' ? numbers[nextNumber++] : textSinks[nextText++]));
  const n = values[1].length;
  const features: RowColumns['features'] = {};
  spec.features.forEach((feature, k) => {
    features[feature.name] = values[8 + k];
  });
  const probas: RowColumns['probas'] = {};
  (spec.probaClasses ?? []).forEach((cls, k) => {
    probas[cls] = values[8 + spec.features.length + k] as Float64Array;
  });
  return {
    n,
    ids: predictions ? (values[0] as string[]) : [],
    timestamps: values[1] as Float64Array,
    predictionText: values[2] as (string | null)[],
    predictionNumber: values[3] as Float64Array,
    score: values[4] as Float64Array,
    latencyMs: values[5] as Float64Array,
    labelText: values[6] as (string | null)[],
    labelNumber: values[7] as Float64Array,
    features,
    probas,
  };
}
