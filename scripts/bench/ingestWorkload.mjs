// server-ingest workload (issue 4 §6): "ingest >= 50 000 predictions/s with 20 features each, batches of 500,
// embedded store, 2 cores; p99 request latency < 50 ms at half that rate; report the same for PostgreSQL".
// The server runs in its own process (ingestServer.mjs); this process is the load generator, with every body
// serialised before the clock starts, as wrk or k6 would send them.
// 1. Throughput: closed loop, `concurrency` requests in flight, `batches` batches of 500.
// 2. Latency at a fixed rate: open loop (a request starts every 1/rate s whatever the answers), for `seconds`.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '@vigil/core';

const here = dirname(fileURLToPath(import.meta.url));
const BATCH = 500;

/** Starts the server process for `kind`; resolves with {url, key, stop()}. */
async function startServerProcess(kind) {
  const child = spawn(process.execPath, [resolve(here, 'ingestServer.mjs'), kind], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolveLine, reject) => {
    child.once('exit', (code) => reject(new Error(`ingest server exited with code ${code}`)));
    child.stdout.once('data', (data) => resolveLine(String(data)));
  });
  const { url, key } = JSON.parse(line);
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
  };
  return { url, key, stop };
}

/** A body factory: batches of 500 predictions with 16 numeric and 4 categorical features, consecutive ids. */
function bodies() {
  const random = createRandom(7);
  let next = 0;
  return () => {
    const rows = [];
    for (let i = 0; i < BATCH; i++, next++) {
      const features = {};
      for (let j = 0; j < 20; j++) features[`f${j}`] = j < 16 ? random.next() * 100 : `c${next % 7}`;
      const timestamp = new Date(Date.UTC(2026, 0, 1) + next * 100).toISOString();
      rows.push({ id: String(next), timestamp, features, prediction: 1, score: 0.7, latencyMs: 12 });
    }
    return JSON.stringify(rows);
  };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** One POST; resolves with its latency in ms and status. */
async function send(target, body) {
  const started = performance.now();
  const response = await fetch(target.endpoint, { method: 'POST', headers: target.headers, body });
  await response.text();
  return { ms: performance.now() - started, status: response.status };
}

/** One POST that must succeed; resolves with its latency in ms. */
async function post(target, body) {
  const { ms, status } = await send(target, body);
  if (status !== 200) throw new Error(`server-ingest: HTTP ${status}`);
  return ms;
}

async function closedLoop(target, next, concurrency, batches) {
  const queue = Array.from({ length: batches }, next);
  const latencies = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (queue.length > 0) latencies.push(await post(target, queue.pop()));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { seconds, rowsPerSecond: (batches * BATCH) / seconds, latencies };
}

async function openLoop(target, next, rowsPerSecond, seconds) {
  const count = Math.round((rowsPerSecond / BATCH) * seconds);
  const queue = Array.from({ length: count }, next);
  const interval = (1000 * BATCH) / rowsPerSecond;
  const latencies = [];
  const refused = { count: 0 };
  const inflight = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((done) => setTimeout(done, wait));
    inflight.push(
      send(target, queue[i]).then(({ ms, status }) => {
        if (status === 200) latencies.push(ms);
        else if (status === 429) refused.count++;
        else throw new Error(`server-ingest: HTTP ${status}`);
      }),
    );
  }
  await Promise.all(inflight);
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { achieved: (latencies.length * BATCH) / elapsed, latencies, refused: refused.count };
}

/**
 * Runs the workload against a fresh server on `kind` and reports through `record(workload, budget, {seconds},
 * undefined, text)`.
 */
export async function ingestWorkload(kind, record, { batches = 800, latencySeconds = 30 } = {}) {
  const server = await startServerProcess(kind);
  try {
    const headers = { authorization: `Bearer ${server.key}`, 'content-type': 'application/json' };
    const model = await fetch(`${server.url}/api/v1/models`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'bench', task: 'binary' }),
    });
    if (model.status !== 201) throw new Error(`server-ingest: creating the model answered ${model.status}`);
    const target = { endpoint: `${server.url}/api/v1/models/bench/predictions`, headers };
    const next = bodies();
    await closedLoop(target, next, 2, 20); // warm-up: workers started, JIT, first checkpoint of the tables
    for (const concurrency of [16, 8, 4, 1]) {
      const run = await closedLoop(target, next, concurrency, batches);
      record(
        `ingest-${kind}-c${concurrency}`,
        kind === 'duckdb' ? '>= 50k rows/s' : 'report',
        run,
        undefined,
        `${run.rowsPerSecond.toFixed(0)} rows/s, ${concurrency} request(s) in flight, p50 ${quantile(run.latencies, 0.5).toFixed(1)} ms, p99 ${quantile(run.latencies, 0.99).toFixed(1)} ms`,
      );
    }
    const rate = 25_000;
    const fixed = await openLoop(target, next, rate, latencySeconds);
    record(
      `ingest-${kind}-25k`,
      kind === 'duckdb' ? 'p99 < 50 ms' : 'report',
      { seconds: quantile(fixed.latencies, 0.99) / 1000 },
      undefined,
      `open loop at ${rate} rows/s (half the budget rate) for ${latencySeconds} s: stored ${fixed.achieved.toFixed(0)} rows/s, ${fixed.refused} batches refused (429), p50 ${quantile(fixed.latencies, 0.5).toFixed(1)} ms, p95 ${quantile(fixed.latencies, 0.95).toFixed(1)} ms, p99 ${quantile(fixed.latencies, 0.99).toFixed(1)} ms`,
    );
  } finally {
    await server.stop();
  }
}
