import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/store/postgres/migrate.js';
import { migrations } from '../../../src/store/postgres/migrations.js';
import type { ReadSpec, Scalar, Store } from '../../../src/store/types.js';
import {
  dropSchemas,
  ensurePostgres,
  freshSchema,
  openPostgresStore,
  postgresUrl,
} from '../postgresHarness.js';

const opened: Store[] = [];
const pools: pg.Pool[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  for (const pool of pools.splice(0)) await pool.end();
});
afterAll(dropSchemas, 120_000);

const arr = (values: Float64Array | (string | null)[] | undefined) =>
  values === undefined ? [] : [...values];

/** How the contract reads a value (contract.ts, header): the reference the converted rows are checked against. */
const asNumber = (v: Scalar | undefined) => (typeof v === 'number' ? v : Number.NaN);
const asText = (v: Scalar | undefined) =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;

/** A schema holding only migration 1, and a pool whose queries run in it. */
async function version1(): Promise<{ schema: string; pool: pg.Pool }> {
  await ensurePostgres();
  const schema = freshSchema();
  const pool = new pg.Pool({
    connectionString: postgresUrl,
    options: `-c search_path=${pg.escapeIdentifier(schema)}`,
  });
  pools.push(pool);
  expect(await migrate(pool, schema, migrations.slice(0, 1))).toEqual([1]);
  return { schema, pool };
}

describe('migration 2 (typed feature arrays)', () => {
  it('migrate() converts the jsonb features and probas of version-1 predictions and references', async () => {
    const { schema, pool } = await version1();
    await pool.query(
      `INSERT INTO models (name, task, window_ms, created_at, updated_at)
       VALUES ('m', 'binary', 3600000, 0, 0), ('bare', 'regression', 3600000, 0, 0)`,
    );
    const features: Record<string, Scalar>[] = [
      { x: 1.5, c: 'red', flag: true, 'it\'s "odd"': 0.1 + 0.2 },
      { x: 'n/a', c: 7, flag: false, z: null },
      { x: 1e300, c: null, late: 5e-324 },
      {},
      { x: -(2 ** 53) + 2, c: 2.5, flag: 'maybe' },
    ];
    const probas = [{ yes: 0.75, no: 0.25 }, null, { yes: 1 }, { x: 0.5 }, null];
    const rows = features.map((f, i) => ({
      id: `p${i}`,
      ts: 1000 + i,
      features: f,
      prediction: String(i % 2),
      prediction_num: i % 2,
      probas: probas[i],
      tags: i === 0 ? { region: 'eu' } : null,
    }));
    await pool.query(
      `INSERT INTO predictions (model, id, ts, features, prediction, prediction_num, probas, tags, received_at)
       SELECT 'm', r.id, r.ts, r.features, r.prediction, r.prediction_num, r.probas, r.tags, 1
       FROM json_to_recordset($1::json)
         AS r(id text, ts bigint, features jsonb, prediction text, prediction_num float8, probas jsonb, tags jsonb)`,
      [JSON.stringify(rows)],
    );
    await pool.query(
      `INSERT INTO predictions (model, id, ts, features, received_at) VALUES ('bare', 'b', 1, '{}', 1)`,
    );
    const referenceFeatures: Record<string, Scalar>[] = [
      { x: 3, r: 'ref-only' },
      { c: true, x: 'text' },
    ];
    const reference = await pool.query<{ id: number }>(
      `INSERT INTO reference_sets (model, source, rows, schema, created_at)
       VALUES ('m', 'ref.csv', 2, '{"features": []}', 0) RETURNING id`,
    );
    const referenceId = Number(reference.rows[0].id);
    await pool.query(
      `INSERT INTO reference_rows (reference_id, row_no, features, probas, label, label_num)
       SELECT $1, r.row_no, r.features, r.probas, '1', 1
       FROM json_to_recordset($2::json) AS r(row_no integer, features jsonb, probas jsonb)`,
      [
        referenceId,
        JSON.stringify(referenceFeatures.map((f, i) => ({ row_no: i, features: f, probas: { yes: i } }))),
      ],
    );

    const store = await openPostgresStore(schema);
    opened.push(store);
    const names = ['x', 'c', 'flag', 'it\'s "odd"', 'late', 'z', 'r'];
    const numerical: ReadSpec = {
      features: names.map((name) => ({ name, kind: 'numerical' })),
      probaClasses: ['yes', 'no', 'x'],
    };
    const categorical: ReadSpec = { features: names.map((name) => ({ name, kind: 'categorical' })) };

    const numbers = await store.readRows('m', { from: 0, to: 10_000 }, numerical);
    const texts = await store.readRows('m', { from: 0, to: 10_000 }, categorical);
    expect(numbers.ids).toEqual(rows.map((r) => r.id));
    for (const name of names) {
      expect([name, arr(numbers.features[name])]).toEqual([name, features.map((f) => asNumber(f[name]))]);
      expect([name, texts.features[name]]).toEqual([name, features.map((f) => asText(f[name]))]);
    }
    for (const cls of ['yes', 'no', 'x']) {
      expect([cls, arr(numbers.probas[cls])]).toEqual([
        cls,
        probas.map((p) => asNumber((p as Record<string, number> | null)?.[cls])),
      ]);
    }
    expect(arr(numbers.predictionNumber)).toEqual(rows.map((r) => r.prediction_num));
    expect((await store.readRows('bare', { from: 0, to: 10 }, numerical)).ids).toEqual(['b']);

    const ref = await store.readReference(referenceId, numerical);
    const refTexts = await store.readReference(referenceId, categorical);
    for (const name of names) {
      expect([name, arr(ref.features[name])]).toEqual([
        name,
        referenceFeatures.map((f) => asNumber(f[name])),
      ]);
      expect([name, refTexts.features[name]]).toEqual([name, referenceFeatures.map((f) => asText(f[name]))]);
    }
    expect(arr(ref.probas.yes)).toEqual([0, 1]);
    expect(ref.labelText).toEqual(['1', '1']);

    // Rows written after the migration share the converted layout: an old feature and a new one.
    await store.insertPredictions(
      'm',
      [{ id: 'new', timestamp: 2000, features: { x: 4, fresh: 'f' }, prediction: 1 }],
      2,
    );
    const after = await store.readRows(
      'm',
      { from: 0, to: 10_000 },
      {
        features: [
          { name: 'x', kind: 'numerical' },
          { name: 'fresh', kind: 'categorical' },
        ],
      },
    );
    expect(arr(after.features.x)).toEqual([...features.map((f) => asNumber(f.x)), 4]);
    expect(after.features.fresh).toEqual([...features.map(() => null), 'f']);
  });

  it('migrate() numbers each model’s slots per kind in byte order of the key, feature and proba keys apart', async () => {
    const { schema, pool } = await version1();
    await pool.query(
      `INSERT INTO models (name, task, window_ms, created_at, updated_at) VALUES ('m', 'binary', 3600000, 0, 0)`,
    );
    await pool.query(
      `INSERT INTO predictions (model, id, ts, features, probas, received_at) VALUES
         ('m', 'a', 1, '{"b": 1, "a": "s", "B": 2}', '{"b": 0.5}', 1),
         ('m', 'b', 2, '{"a": 3, "é": true}', NULL, 1)`,
    );
    const store = await openPostgresStore(schema);
    opened.push(store);
    const slots = await pool.query('SELECT kind, key, slot FROM feature_slots ORDER BY kind, slot');
    expect(slots.rows).toEqual([
      { kind: 'n', key: 'f:B', slot: 1 },
      { kind: 'n', key: 'f:a', slot: 2 },
      { kind: 'n', key: 'f:b', slot: 3 },
      { kind: 'n', key: 'p:b', slot: 4 },
      { kind: 't', key: 'f:a', slot: 1 },
      { kind: 't', key: 'f:é', slot: 2 },
    ]);
    const stored = await pool.query('SELECT id, num, txt FROM predictions ORDER BY id');
    expect(stored.rows).toEqual([
      { id: 'a', num: [2, null, 1, 0.5], txt: ['s', null] },
      { id: 'b', num: [null, 3, null, null], txt: [null, 'true'] },
    ]);
  });
});
