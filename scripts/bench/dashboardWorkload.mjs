// Dashboard API workload (issue 5 §4: every dashboard API call p95 < 100 ms with 1M predictions stored), on the
// embedded DuckDB store. Run after `npx tsc -b`:  node scripts/bench/dashboardWorkload.mjs [predictions]
// 1. a binary model (16 features: 12 numerical, 4 categorical) with a 20k-row reference;
// 2. `n` predictions (default 1M) over 1000 hourly windows, written as columns (`PredictionColumns`);
// 3. monitors like the defaults (feature drift, data quality, performance: accuracy, latency, volume) and their
//    points for every window, written with `store.writePoints` (a scheduler pass over 1000 windows would take long
//    on 2 cores; the dashboard only reads points, so their values need not come from the evaluators);
// 4. `buildApp` on the store, and each dashboard route through `inject` (no sockets, so the figures are the
//    server's own time): overview, model page of 48 windows, feature page (first call reads rows; later calls
//    are served from its cache), feature page of 20 different windows (uncached reads).
// Prints p50 / p95 / max per route and the machine's load average. Not a test: it never fails on timing.
//   node scripts/bench/dashboardWorkload.mjs [predictions] [--browser]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandom } from '@vigil/core';
import { buildApp, createDuckDbStore, createKey } from '@vigil/server';

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
const WINDOWS = 1000;
const NUM = 12;
const CAT = 4;
const n = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 1_000_000);
const perWindow = Math.ceil(n / WINDOWS);
const random = createRandom(7);
const rand = () => random.next();
const features = [
  ...Array.from({ length: NUM }, (_, i) => ({ name: `x${i}`, kind: 'numerical' })),
  ...Array.from({ length: CAT }, (_, i) => ({ name: `c${i}`, kind: 'categorical' })),
];
const CATS = ['a', 'b', 'c', 'd', 'e'];

const dir = mkdtempSync(join(tmpdir(), 'vigil-dash-'));
const store = await createDuckDbStore({ path: join(dir, 'vigil.duckdb') });
await store.migrate();
const t0 = performance.now();
await store.createModel({ name: 'm', task: 'binary', windowMs: H, schema: { features, positive: 'pos' } });
const refRows = Array.from({ length: 20_000 }, () => {
  const f = {};
  for (const { name, kind } of features)
    f[name] = kind === 'numerical' ? rand() * 10 : CATS[Math.floor(rand() * 4)];
  const score = rand();
  return { features: f, prediction: score > 0.5 ? 'pos' : 'neg', score, label: rand() < 0.5 ? 'pos' : 'neg' };
});
await store.createReference(
  { model: 'm', source: 'ref.csv', schema: { features, positive: 'pos' } },
  refRows,
);

const BATCH = 50_000;
for (let start = 0; start < n; start += BATCH) {
  const m = Math.min(BATCH, n - start);
  const ids = new Array(m);
  const timestamps = new Float64Array(m);
  const scores = new Float64Array(m);
  const latencies = new Float64Array(m);
  const predictions = new Array(m);
  const cols = features.map(({ name, kind }) =>
    kind === 'numerical'
      ? { name, kind: 'n', values: new Float64Array(m) }
      : { name, kind: 't', values: new Array(m) },
  );
  for (let i = 0; i < m; i++) {
    const k = start + i;
    ids[i] = `p${k}`;
    const w = Math.floor(k / perWindow);
    timestamps[i] = T0 + w * H + Math.floor(((k % perWindow) * H) / perWindow);
    scores[i] = rand();
    predictions[i] = scores[i] > 0.5 ? 'pos' : 'neg';
    latencies[i] = 5 + rand() * 20;
    for (const c of cols) c.values[i] = c.kind === 'n' ? rand() * 10 + w / 200 : CATS[Math.floor(rand() * 5)];
  }
  await store.insertPredictions(
    'm',
    {
      n: m,
      ids,
      timestamps,
      versions: new Array(m).fill(null),
      predictions,
      scores,
      latencies,
      tags: new Array(m).fill(null),
      features: cols,
      probas: [],
    },
    T0,
  );
}
const loaded = performance.now();

const mk = (name, kind, config) => store.createMonitor({ model: 'm', name, kind, config, enabled: true });
const drift = await mk('feature drift', 'drift', { test: 'auto' });
const quality = await mk('data quality', 'quality', {});
const perf = await mk('performance: accuracy', 'performance', {
  metrics: ['accuracy'],
  minLabelCoverage: 0.5,
});
const latency = await mk('latency', 'latency', { quantiles: ['p50', 'p95', 'p99'] });
const volume = await mk('volume', 'volume', {});
for (let w0 = 0; w0 < WINDOWS; w0 += 50) {
  const points = [];
  for (let w = w0; w < Math.min(WINDOWS, w0 + 50); w++) {
    const windowStart = T0 + w * H;
    const p = (monitorId, feature, metric, value, details) =>
      points.push({
        model: 'm',
        monitorId,
        windowStart,
        windowEnd: windowStart + H,
        feature,
        metric,
        value,
        status: value !== null && metric === 'driftScore' && value < 0.05 ? 'breach' : 'ok',
        details,
        computedAt: windowStart + H + 1000,
      });
    for (const { name, kind } of features) {
      const score = rand() * 0.2;
      const test = kind === 'numerical' ? 'ks' : 'chisquare';
      p(drift.id, name, 'driftScore', score, {
        test,
        statistic: rand(),
        pValue: score,
        threshold: 0.05,
        drift: score < 0.05,
      });
      p(drift.id, name, 'drift', score < 0.05 ? 1 : 0, { test, driftScore: score });
      p(quality.id, name, 'missingShare', rand() * 0.02, { reference: 0 });
      p(quality.id, name, kind === 'numerical' ? 'outOfRangeShare' : 'unseenShare', rand() * 0.01, {
        reference: 0,
      });
    }
    p(drift.id, '', 'driftShare', rand() * 0.3, { testedColumns: features.length });
    p(perf.id, '', 'labelCoverage', 0.6, { labelled: 600, rows: 1000, minimum: 0.5 });
    p(perf.id, '', 'accuracy', 0.8 - rand() * 0.05, { reference: 0.8, threshold: 0.76, labelled: 600 });
    for (const q of ['p50', 'p95', 'p99']) p(latency.id, '', q, 10 + rand() * 10, { count: perWindow });
    p(volume.id, '', 'count', perWindow, { windowMs: H });
  }
  await store.writePoints(points);
}
for (let w = 0; w < WINDOWS; w++) await store.markWindowEvaluated('m', T0 + w * H, T0 + (w + 1) * H + 1000);
const prepared = performance.now();

const app = await buildApp({ store, now: () => T0 + (WINDOWS + 1) * H });
const { key } = await createKey(store, { name: 'bench', role: 'read' });
const headers = { authorization: `Bearer ${key}` };

async function measure(label, urls, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const url = urls[i % urls.length];
    const t = performance.now();
    const response = await app.inject({ method: 'GET', url, headers });
    times.push(performance.now() - t);
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  }
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  console.log(
    `${label.padEnd(44)} p50 ${q(0.5).toFixed(1).padStart(7)} ms  p95 ${q(0.95).toFixed(1).padStart(7)} ms  max ${times.at(-1).toFixed(1).padStart(7)} ms  (${runs} calls)`,
  );
}

console.log(
  `dashboard workload: ${n} predictions, ${WINDOWS} hourly windows, ${features.length} features; load ${((performance.now() - t0) / 1000) | 0} s ` +
    `(rows ${((loaded - t0) / 1000).toFixed(1)} s, points ${((prepared - loaded) / 1000).toFixed(1)} s); load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
);
await measure('GET /overview (warm-up)', ['/api/v1/overview'], 5);
await measure('GET /overview', ['/api/v1/overview'], 100);
await measure('GET /models/m/dashboard?windows=48', ['/api/v1/models/m/dashboard?windows=48'], 100);
await measure('GET /models/m/dashboard?windows=168', ['/api/v1/models/m/dashboard?windows=168'], 50);
await measure('GET /models/m/features/x0 (cached)', ['/api/v1/models/m/features/x0'], 100);
const windows = Array.from(
  { length: 20 },
  (_, i) => `/api/v1/models/m/features/c1?windowStart=${T0 + (100 + i * 37) * H}`,
);
await measure('GET /models/m/features/c1?windowStart (cold)', windows, 20);
console.log(
  `load average after: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
// 5. With `--browser`: the overview's first load in Debian's Chromium (issue 5 §4: < 1.5 s on localhost with 1M
//    predictions), as the web test measures it: signed in, then a new page of the same profile, timed until the
//    first model card shows (assets cached, as they are immutable; the overview's data is not).
if (process.argv.includes('--browser')) {
  const { chromium } = await import('playwright-core');
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.getByLabel('API key').fill(key);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Models', level: 1 }).waitFor();
    const loads = [];
    for (let i = 0; i < 10; i++) {
      const fresh = await context.newPage();
      const started = performance.now();
      await fresh.goto(url);
      await fresh.locator('[data-testid="model-card"]').first().waitFor();
      loads.push(performance.now() - started);
      await fresh.close();
    }
    loads.sort((a, b) => a - b);
    console.log(
      `overview first load in Chromium (to the first model card, 10 loads): median ${loads[5].toFixed(0)} ms, max ${loads[9].toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
  }
}
await app.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
