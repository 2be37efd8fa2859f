// The workload shared by the store benchmarks (duckdbStore.mjs, postgresStore.mjs): batches of 500 predictions
// × 20 features (16 numerical, 4 categorical), timed inserts at a given concurrency, and timed readRows of a window.
// Wall times depend on what else runs on the machine; CPU times (user + system, all threads) much less.

export const BATCH = 500;
const numerical = Array.from({ length: 16 }, (_, i) => `num${i}`);
const categorical = Array.from({ length: 4 }, (_, i) => `cat${i}`);
const colours = ['red', 'green', 'blue', 'black', 'white'];

/** The feature spec readRows is asked for: every feature of a batch. */
export const spec = {
  features: [
    ...numerical.map((name) => ({ name, kind: 'numerical' })),
    ...categorical.map((name) => ({ name, kind: 'categorical' })),
  ],
};

let seq = 0;
/** BATCH random predictions with ids and timestamps (t0 + 10 ms steps) unique across calls. */
export function batch(t0) {
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

/** Inserts `batches` batches with `concurrency` calls in flight; prints (unless quiet) and returns rows/s. */
export async function ingest(store, model, batches, concurrency, quiet = false) {
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

/** Fills `model` (already created) with `n` rows at `concurrency`, then times readRows of all of it three times. */
export async function readBench(store, model, n, concurrency) {
  const fill = performance.now();
  await ingest(store, model, Math.ceil(n / BATCH), concurrency);
  console.log(`filled ${n} rows in ${((performance.now() - fill) / 1000).toFixed(1)} s`);
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const rows = await store.readRows(model, { from: 0, to: Number.MAX_SAFE_INTEGER }, spec);
    const seconds = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    console.log(
      `readRows ${rows.n} rows × ${spec.features.length} features: ${seconds.toFixed(2)} s ` +
        `(${Math.round(rows.n / seconds)} rows/s), CPU ${((used.user + used.system) / 1e6).toFixed(2)} s (all threads), ` +
        `heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
    );
  }
}
