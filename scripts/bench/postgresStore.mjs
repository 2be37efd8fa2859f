// PostgreSQL store throughput (issue 4 §6): insertPredictions in batches of 500 rows × 20 features, and readRows
// of a 1M-prediction window. Runs against a fresh schema, dropped at the end. Not a test: never fails on timing.
//   npm run build && node scripts/bench/postgresStore.mjs [rows for readRows, default 1000000]
//   VIGIL_BENCH_POSTGRES_URL=postgres://… to use another server (default postgres://postgres@127.0.0.1:5432/test)
import { randomBytes } from 'node:crypto';
import { createPostgresStore } from '@vigil/server';
import pg from 'pg';

const url = process.env.VIGIL_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const readN = Number(process.argv[2] ?? 1_000_000);
const BATCH = 500;
const schema = `vigil_bench_${randomBytes(4).toString('hex')}`;
const numerical = Array.from({ length: 16 }, (_, i) => `num${i}`);
const categorical = Array.from({ length: 4 }, (_, i) => `cat${i}`);
const colours = ['red', 'green', 'blue', 'black', 'white'];

let seq = 0;
function batch(t0) {
  const rows = new Array(BATCH);
  for (let i = 0; i < BATCH; i++) {
    const features = {};
    for (const name of numerical) features[name] = Math.round(Math.random() * 1e6) / 1e3;
    for (const name of categorical) features[name] = colours[(Math.random() * colours.length) | 0];
    const score = Math.random();
    rows[i] = {
      id: `p${seq++}`,
      timestamp: t0 + seq * 10,
      features,
      prediction: score > 0.5 ? 1 : 0,
      score,
      latencyMs: Math.random() * 20,
    };
  }
  return rows;
}
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function ingest(store, model, batches, concurrency) {
  const prepared = Array.from({ length: batches }, () => batch(Date.UTC(2024, 0, 1)));
  const latencies = [];
  let next = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < prepared.length) {
        const rows = prepared[next++];
        const s = performance.now();
        await store.insertPredictions(model, rows, Date.now());
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t) / 1000;
  latencies.sort((a, b) => a - b);
  const rate = Math.round((batches * BATCH) / seconds);
  console.log(
    `insert ${batches} × ${BATCH} rows, concurrency ${concurrency}: ${seconds.toFixed(2)} s, ${rate} rows/s, ` +
      `batch p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms`,
  );
}

// How busy this machine is: the same loop takes about 100 ms on an idle modern core.
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
  const fill = performance.now();
  await ingest(store, 'big', Math.ceil(readN / BATCH), 4);
  console.log(`filled ${readN} rows in ${((performance.now() - fill) / 1000).toFixed(1)} s`);
  const spec = {
    features: [
      ...numerical.map((name) => ({ name, kind: 'numerical' })),
      ...categorical.map((name) => ({ name, kind: 'categorical' })),
    ],
  };
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    const rows = await store.readRows('big', { from: 0, to: Number.MAX_SAFE_INTEGER }, spec);
    const seconds = (performance.now() - t) / 1000;
    console.log(
      `readRows ${rows.n} rows × ${spec.features.length} features: ${seconds.toFixed(2)} s ` +
        `(${Math.round(rows.n / seconds)} rows/s), heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
    );
  }
} finally {
  await store.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
  await client.end();
}
