// DuckDB store throughput (issue 4 §6): insertPredictions in batches of 500 rows × 20 features (16 numerical,
// 4 categorical), on a file and in memory, and readRows of a 1M-prediction window. Not a test: never fails on timing.
//   npm run build && node scripts/bench/duckdbStore.mjs [rows for readRows, default 1000000; 0: inserts only]
// Wall times depend on what else runs on the machine; CPU times (user + system, all threads) much less.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDuckDbStore } from '@vigil/server';

const readN = Number(process.argv[2] ?? 1_000_000);
const BATCH = 500;
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
    seq++;
    rows[i] = {
      id: `p${seq}`,
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

async function ingest(store, model, batches, concurrency, quiet = false) {
  const prepared = Array.from({ length: batches }, () => batch(Date.UTC(2024, 0, 1)));
  const latencies = [];
  let next = 0;
  const t = performance.now();
  const cpu = process.cpuUsage();
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
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  const rate = Math.round((batches * BATCH) / seconds);
  if (!quiet) {
    console.log(
      `insert ${batches} × ${BATCH} rows × 20 features, concurrency ${concurrency}: ${seconds.toFixed(2)} s, ` +
        `${rate} rows/s, batch p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms, ` +
        `CPU ${((used.user + used.system) / 1000 / batches).toFixed(1)} ms per batch (all threads)`,
    );
  }
  return rate;
}

const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-duckdb-'));
try {
  for (const path of [join(dir, 'bench.duckdb'), ':memory:']) {
    console.log(`-- ${path === ':memory:' ? 'in memory' : 'file'}`);
    const store = await createDuckDbStore({ path });
    await store.migrate();
    await store.createModel({ name: 'warm', task: 'binary' });
    await ingest(store, 'warm', 40, 1, true);
    await store.createModel({ name: 'bench', task: 'binary' });
    await ingest(store, 'bench', 100, 1);
    await store.createModel({ name: 'bench4', task: 'binary' });
    await ingest(store, 'bench4', 100, 4);
    await store.close();
  }

  if (readN > 0) await readBench();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

async function readBench() {
  const store = await createDuckDbStore({ path: join(dir, 'big.duckdb') });
  await store.migrate();
  await store.createModel({ name: 'big', task: 'binary' });
  const fill = performance.now();
  await ingest(store, 'big', Math.ceil(readN / BATCH), 1);
  console.log(`filled ${readN} rows in ${((performance.now() - fill) / 1000).toFixed(1)} s`);
  const spec = {
    features: [
      ...numerical.map((name) => ({ name, kind: 'numerical' })),
      ...categorical.map((name) => ({ name, kind: 'categorical' })),
    ],
  };
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const rows = await store.readRows('big', { from: 0, to: Number.MAX_SAFE_INTEGER }, spec);
    const seconds = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    console.log(
      `readRows ${rows.n} rows × ${spec.features.length} features: ${seconds.toFixed(2)} s ` +
        `(${Math.round(rows.n / seconds)} rows/s), CPU ${((used.user + used.system) / 1e6).toFixed(2)} s (all threads), ` +
        `heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
    );
  }
  await store.close();
}
