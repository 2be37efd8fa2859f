// PostgreSQL store throughput (issue 4 §6): insertPredictions in batches of 500 rows × 20 features, and readRows
// of a 1M-prediction window. Runs against a fresh schema, dropped at the end. Not a test: never fails on timing.
//   npm run build && node scripts/bench/postgresStore.mjs [rows for readRows, default 1000000]
//   VIGIL_BENCH_POSTGRES_URL=postgres://… to use another server (default postgres://postgres@127.0.0.1:5432/test)
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { createPostgresStore } from '@vigil/server';
import pg from 'pg';
import { ingest, readBench } from './storeWorkload.mjs';

const url = process.env.VIGIL_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const readN = Number(process.argv[2] ?? 1_000_000);
const schema = `vigil_bench_${randomBytes(4).toString('hex')}`;

// How busy this machine is: the load averages, and a loop that takes about 100 ms on an idle modern core.
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(`load average (1, 5, 15 min): ${load()}`);
const loop = performance.now();
let sum = 0;
for (let i = 0; i < 1e8; i++) sum += i;
console.log(
  `calibration: a 1e8-step JS loop took ${Math.round(performance.now() - loop)} ms (${sum > 0 ? 'ok' : ''})`,
);

const store = await createPostgresStore({ url, schema });
try {
  await store.migrate();
  await store.createModel({ name: 'bench', task: 'binary' });
  await ingest(store, 'bench', 100, 1);
  await store.createModel({ name: 'bench2', task: 'binary' });
  await ingest(store, 'bench2', 100, 4);

  await store.createModel({ name: 'big', task: 'binary' });
  await readBench(store, 'big', readN, 4);
} finally {
  console.log(`load average (1, 5, 15 min): ${load()}`);
  await store.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
  await client.end();
}
