// The `server-series` workload of `npm run bench` (issue 4 §6: metric-series queries p95 < 100 ms with 10M
// predictions stored), on the embedded DuckDB store:
// 1. a binary model (20 features: 15 numerical, 5 categorical) with a 20k-row reference and its default monitors;
// 2. `n` predictions spread evenly over a year of hourly windows (a seasonal shift, a step change and a new
//    category along the way, so the drift series move), written with `store.insertPredictions` in batches of
//    columns (`PredictionColumns`, the store's fastest path), plus labels for 60 % of the sampled windows' rows;
// 3. the metric points the default monitors write for every window: the real scheduler evaluates a sample of
//    windows spread over the year (every other window is marked evaluated first, so one forced tick reads,
//    evaluates, writes and alerts exactly those), and each other window gets a copy of one sampled window's points,
//    shifted to its time and with its fractional numbers moved by up to ±1 % (real windows never repeat a value,
//    and DuckDB compresses repeated details far better than distinct ones), through `store.writePoints`; a
//    scheduler pass over every window would take hours on 2 cores (the output says how long one window took);
// 4. `startServer` on that file, and the series routes over HTTP with the admin key: p50 / p95 / p99 of each query
//    the dashboard needs (one feature over a day / week / year, the feature × window drift heatmap of a week, every
//    monitor's latest window, one monitor's whole day, traffic over the year, latency over a week), plus the
//    Prometheus scrape, which reads the latest point of every series; and the CPU time per query, which depends
//    much less than wall time on what else the machine runs.
// The temporary folder is removed at the end. Not a test: it never fails on timing.
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandom } from '@vigil/core';

const H = 3_600_000;
const DAY = 24 * H;
const MODEL = 'series';
const NUMERICAL = 15;
const CATEGORICAL = 5;
/** Disk the DuckDB file and its write-ahead log need for 10M predictions, with room to spare. */
const DISK_NEEDED = 8 * 2 ** 30;

const features = [
  ...Array.from({ length: NUMERICAL }, (_, k) => ({ name: `x${k}`, kind: 'numerical' })),
  ...Array.from({ length: CATEGORICAL }, (_, k) => ({ name: `c${k}`, kind: 'categorical' })),
];
const schema = { features, positive: 'yes' };
/** Category levels of c<k> (3, 7, 11, … levels); `fresh` is a level the reference never saw. */
const levels = Array.from({ length: CATEGORICAL }, (_, k) =>
  Array.from({ length: 3 + 4 * k }, (_, j) => `v${j}`),
);
const fresh = 'v-new';

/**
 * A seeded generator of rows at a point of the year (`phase` in [0, 1)): x0 drifts with the seasons, x1 steps up
 * after two thirds of the year, x2 follows the hour of day, c0 gains a level in the second half; the rest is
 * stationary. The score depends on x0 and x3 and the label is drawn from it (calibrated), so performance varies.
 */
function generator(seed) {
  const random = createRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  const shift = new Float64Array(NUMERICAL);
  return {
    /** Fills `out` (numbers: NaN when missing; texts: null) for one row; returns its score. */
    row(phase, hourOfDay, numbers, texts, i) {
      shift[0] = 0.4 * Math.sin(2 * Math.PI * phase);
      shift[1] = phase > 2 / 3 ? 0.3 : 0;
      shift[2] = 0.5 * Math.sin((2 * Math.PI * hourOfDay) / 24);
      for (let k = 0; k < NUMERICAL; k++) {
        numbers[k][i] = random.next() < 0.01 ? Number.NaN : k + normal() * (1 + k / 10) + shift[k];
      }
      for (let k = 0; k < CATEGORICAL; k++) {
        const names = levels[k];
        texts[k][i] =
          random.next() < 0.01
            ? null
            : k === 0 && phase > 0.5 && random.next() < 0.05
              ? fresh
              : names[Math.min(names.length - 1, Math.floor(random.next() ** 1.5 * names.length))];
      }
      const x0 = Number.isNaN(numbers[0][i]) ? 0 : numbers[0][i];
      const x3 = Number.isNaN(numbers[3][i]) ? 3 : numbers[3][i] - 3;
      return 1 / (1 + Math.exp(-(0.9 * x0 + 0.5 * x3 - 0.8 + normal())));
    },
    label(score) {
      return random.next() < score ? 'yes' : 'no';
    },
    latency() {
      return 5 + 20 * random.next() ** 3;
    },
  };
}

/** The reference: `n` rows of the start of the year, with labels. */
function referenceRows(n) {
  const gen = generator(1);
  const numbers = Array.from({ length: NUMERICAL }, () => new Float64Array(1));
  const texts = Array.from({ length: CATEGORICAL }, () => new Array(1));
  const rows = new Array(n);
  for (let i = 0; i < n; i++) {
    const score = gen.row(0, (i % 24) + 0.5, numbers, texts, 0);
    const f = {};
    for (let k = 0; k < NUMERICAL; k++) f[`x${k}`] = Number.isNaN(numbers[k][0]) ? null : numbers[k][0];
    for (let k = 0; k < CATEGORICAL; k++) f[`c${k}`] = texts[k][0];
    const s = Math.round(score * 1e4) / 1e4;
    rows[i] = { features: f, prediction: s >= 0.5 ? 'yes' : 'no', score: s, label: gen.label(score) };
  }
  return rows;
}

/** `point` with its fractional numbers (value, statistics, p-values) each moved by up to ±1 %. */
function jittered(point, random) {
  const move = (x) =>
    typeof x === 'number' && !Number.isInteger(x) ? x * (1 + 0.02 * (random.next() - 0.5)) : x;
  const copy = { ...point, value: move(point.value) };
  if (point.details !== undefined) {
    copy.details = Object.fromEntries(Object.entries(point.details).map(([k, v]) => [k, move(v)]));
  }
  return copy;
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const ms = (value) => `${value.toFixed(1)} ms`;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/**
 * Runs the workload. `record(workload, budget, { seconds }, undefined, extra)` prints a row of the bench table;
 * `log` prints progress.
 * @param options.n predictions (default 10M); options.windows hourly windows (default 8760, a year);
 *   options.sample windows the scheduler evaluates (default 24); options.runs timed requests per query (default 60).
 */
export async function seriesWorkload({
  n = 10_000_000,
  windows = 8760,
  sample = 24,
  runs = 60,
  record,
  log,
}) {
  const server = await import('@vigil/server');
  const disk = statfsSync(tmpdir());
  const free = disk.bavail * disk.bsize;
  const needed = Math.max(2 ** 30, (DISK_NEEDED * n) / 10_000_000);
  if (free < needed) {
    log(
      `server-series   skipped: ${(free / 2 ** 30).toFixed(1)} GiB free in ${tmpdir()}, ${(needed / 2 ** 30).toFixed(1)} GiB needed`,
    );
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'vigil-series-'));
  const file = join(folder, 'vigil.duckdb');
  try {
    // The year ends at the start of the current hour, so "the last day" means what a dashboard asks for now.
    const end = Math.floor(Date.now() / H) * H;
    const start = end - windows * H;
    const span = windows * H;
    const sampled = new Set(
      Array.from({ length: sample }, (_, s) => Math.floor(((s + 0.5) * windows) / sample)),
    );

    const store = await server.createDuckDbStore({ path: file });
    await store.migrate();
    await store.createModel({ name: MODEL, task: 'binary', windowMs: H, schema });
    await store.createReference({ model: MODEL, source: 'bench', schema }, referenceRows(20_000));
    const monitors = await server.createDefaultMonitors(store, MODEL);

    // Predictions, in time order, batch by batch of columns.
    const batchRows = 100_000;
    const gen = generator(2);
    const labels = [];
    let encodeSeconds = 0;
    const loadStarted = performance.now();
    const cpuStarted = process.cpuUsage();
    for (let first = 0; first < n; first += batchRows) {
      const t = performance.now();
      const size = Math.min(batchRows, n - first);
      const numbers = Array.from({ length: NUMERICAL }, () => new Float64Array(size));
      const texts = Array.from({ length: CATEGORICAL }, () => new Array(size));
      const batch = {
        n: size,
        ids: new Array(size),
        timestamps: new Float64Array(size),
        versions: new Array(size).fill(null),
        predictions: new Array(size),
        scores: new Float64Array(size),
        latencies: new Float64Array(size),
        tags: new Array(size).fill(null),
        features: [
          ...numbers.map((values, k) => ({ name: `x${k}`, kind: 'n', values })),
          ...texts.map((values, k) => ({ name: `c${k}`, kind: 't', values })),
        ],
        probas: [],
      };
      for (let i = 0; i < size; i++) {
        const k = first + i;
        const offset = Math.floor((k * span) / n);
        const ts = start + offset;
        const score = gen.row(offset / span, (ts % DAY) / H, numbers, texts, i);
        const s = Math.round(score * 1e4) / 1e4;
        batch.ids[i] = `p${k}`;
        batch.timestamps[i] = ts;
        batch.predictions[i] = s >= 0.5 ? 'yes' : 'no';
        batch.scores[i] = s;
        batch.latencies[i] = gen.latency();
        const label = gen.label(score);
        if (sampled.has(Math.floor(offset / H)) && k % 5 < 3) labels.push({ id: batch.ids[i], label });
      }
      encodeSeconds += (performance.now() - t) / 1000;
      const result = await store.insertPredictions(MODEL, batch, end);
      if (result.inserted !== size) throw new Error(`server-series: inserted ${result.inserted} of ${size}`);
      if ((first / batchRows) % 10 === 9) {
        const seconds = (performance.now() - loadStarted) / 1000;
        log(`  ${first + size} predictions in ${seconds.toFixed(0)} s (load average ${load()})`);
      }
    }
    for (let i = 0; i < labels.length; i += 50_000)
      await store.insertLabels(MODEL, labels.slice(i, i + 50_000), end);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const loadCpu = process.cpuUsage(cpuStarted);
    record(
      'series-load',
      '—',
      { seconds: loadSeconds },
      undefined,
      `${n} predictions × 20 features over ${windows} hourly windows with insertPredictions (batches of ${batchRows} as columns; ${encodeSeconds.toFixed(0)} s of it generating the data), ${(n / loadSeconds).toFixed(0)} rows/s, ${labels.length} labels; process CPU ${((loadCpu.user + loadCpu.system) / 1e6).toFixed(0)} s`,
    );

    // The scheduler evaluates the sampled windows: every other window is marked evaluated first.
    const dirty = await store.dirtyWindows();
    const sampledStarts = new Set([...sampled].map((w) => start + w * H));
    for (const window of dirty) {
      if (!sampledStarts.has(window.windowStart)) {
        await store.markWindowEvaluated(window.model, window.windowStart, window.lastDataAt);
      }
    }
    const scheduler = server.createScheduler({
      store,
      now: () => end + 2 * 60_000,
      onError: (e) => log(String(e)),
    });
    const tickStarted = performance.now();
    const tick = await scheduler.tick({ model: MODEL, force: true });
    const tickSeconds = (performance.now() - tickStarted) / 1000;
    const evaluated = tick.windows.filter((w) => w.kind === 'final');
    if (evaluated.length !== sample || tick.failed.length > 0) {
      throw new Error(
        `server-series: the tick evaluated ${evaluated.length} of ${sample} windows; failed ${JSON.stringify(tick.failed)}`,
      );
    }
    const perWindow = evaluated.reduce((a, w) => a + w.ms, 0) / evaluated.length;

    // Every other window: a copy of one sampled window's points, at its own time, its fractional numbers moved a
    // little so that no two windows store the same value and details (as in real data, which DuckDB compresses
    // less well than repeated text).
    const templates = new Map();
    for (const monitor of monitors) {
      for (const point of await store.readSeries({ monitorId: monitor.id, limit: 100_000 })) {
        const list = templates.get(point.windowStart) ?? [];
        list.push(point);
        templates.set(point.windowStart, list);
      }
    }
    const templateList = [...sampledStarts].sort((a, b) => a - b).map((s) => templates.get(s) ?? []);
    const pointsPerWindow = templateList.reduce((a, l) => a + l.length, 0) / templateList.length;
    const jitter = createRandom(3);
    const writeStarted = performance.now();
    let written = 0;
    let pending = [];
    for (let w = 0; w < windows; w++) {
      if (sampled.has(w)) continue;
      const windowStart = start + w * H;
      for (const p of templateList[w % templateList.length]) {
        const shift = windowStart - p.windowStart;
        pending.push({
          ...jittered(p, jitter),
          windowStart,
          windowEnd: p.windowEnd + shift,
          computedAt: p.computedAt + shift,
        });
      }
      if (pending.length >= 50_000 || w === windows - 1) {
        await store.writePoints(pending);
        written += pending.length;
        pending = [];
      }
    }
    if (pending.length > 0) {
      await store.writePoints(pending);
      written += pending.length;
    }
    const writeSeconds = (performance.now() - writeStarted) / 1000;
    record(
      'series-points',
      '—',
      { seconds: tickSeconds + writeSeconds },
      undefined,
      `${monitors.length} default monitors; scheduler tick over ${sample} sampled windows ${tickSeconds.toFixed(1)} s (${perWindow.toFixed(0)} ms per window of ~${Math.round(n / windows)} rows, ${pointsPerWindow.toFixed(0)} points each: ${((perWindow * windows) / 60_000).toFixed(0)} min for the whole year), then ${written} copied points for the other ${windows - sample} windows with writePoints in ${writeSeconds.toFixed(1)} s`,
    );
    await store.close();

    // The server on that file, queried over HTTP as the dashboard would.
    const running = await server.startServer({
      port: 0,
      store: `duckdb:${file}`,
      logLevel: 'warn',
      print: () => {},
      handleSignals: false,
    });
    try {
      await seriesQueries({ url: running.url, key: running.adminKey.key, end, windows, runs, record, log });
    } finally {
      await running.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Times the series queries of a dashboard against a running server holding the workload's model (`end`: the end of
 * its last window): per query, p50 / p95 / p99 of the wall time of `runs` runs (after 5 unmeasured ones), and the
 * CPU time of this process per run (server and client, every thread: DuckDB's too), which depends much less than
 * wall time on what else the machine runs.
 */
export async function seriesQueries({ url, key, end, windows, runs = 60, record, log }) {
  const headers = { authorization: `Bearer ${key}` };
  const get = async (path) => {
    const response = await fetch(`${url}${path}`, { headers });
    const body = await response.text();
    if (response.status !== 200)
      throw new Error(`server-series: GET ${path} answered ${response.status} ${body}`);
    return body;
  };
  const listed = JSON.parse(await get(`/api/v1/models/${MODEL}/monitors`)).monitors;
  const byName = (name) => listed.find((m) => m.name === name).id;
  const drift = byName('feature drift');
  const series = (id, query) => `/api/v1/models/${MODEL}/monitors/${id}/series?${new URLSearchParams(query)}`;
  const lastDay = String(end - DAY);
  const lastWeek = String(end - 7 * DAY);
  /** name, what it asks, and the request(s) of one timed run (several: sent together, timed as one). */
  const queries = [
    [
      'feature-day',
      'x0 driftScore, last 24 windows',
      () => [series(drift, { feature: 'x0', metric: 'driftScore', from: lastDay })],
    ],
    [
      'feature-week',
      'x0 driftScore, last 168 windows',
      () => [series(drift, { feature: 'x0', metric: 'driftScore', from: lastWeek })],
    ],
    [
      'feature-year',
      `x0 driftScore, all ${windows} windows`,
      () => [series(drift, { feature: 'x0', metric: 'driftScore' })],
    ],
    [
      'feature-year-plain',
      `the same without details (details=false, what a year-long chart asks)`,
      () => [series(drift, { feature: 'x0', metric: 'driftScore', details: 'false' })],
    ],
    [
      'heatmap-week',
      '20 features × 168 windows of driftScore (feature drift, no feature filter)',
      () => [series(drift, { metric: 'driftScore', from: lastWeek })],
    ],
    [
      'latest-all',
      `the last window of each of the ${listed.length} monitors, requests sent together`,
      () => listed.map((m) => series(m.id, { from: String(end - H), to: String(end) })),
    ],
    [
      'monitor-day',
      'one monitor (each in turn), all its series, last 24 windows',
      (run) => [series(listed[run % listed.length].id, { from: lastDay })],
    ],
    [
      'volume-year',
      `volume count, all ${windows} windows`,
      () => [series(byName('volume'), { metric: 'count', to: String(end) })],
    ],
    [
      'latency-week',
      'latency p99, last 168 windows',
      () => [series(byName('latency'), { metric: 'p99', from: lastWeek })],
    ],
    [
      'quality-week',
      'data quality of x0 (all its metrics), last 168 windows',
      () => [series(byName('data quality'), { feature: 'x0', from: lastWeek })],
    ],
    ['prometheus', 'GET /metrics (latest point of every series)', () => ['/metrics']],
  ];
  const loadBefore = load();
  for (const [name, what, paths] of queries) {
    const times = [];
    const cpu = [];
    let points = 0;
    let bytes = 0;
    for (let run = -5; run < runs; run++) {
      const used = process.cpuUsage();
      const t = performance.now();
      const bodies = await Promise.all(paths(run + 5).map(get));
      const elapsed = performance.now() - t;
      if (run < 0) continue;
      const { user, system } = process.cpuUsage(used);
      times.push(elapsed);
      cpu.push((user + system) / 1000);
      bytes += bodies.reduce((a, b) => a + b.length, 0);
      points +=
        name === 'prometheus'
          ? bodies[0].split('\n').filter((l) => l.startsWith('vigil_monitor_value{')).length
          : bodies.reduce((a, b) => a + JSON.parse(b).points.length, 0);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const p95 = quantile(times, 0.95);
    record(
      `series-${name}`,
      'p95 < 100 ms',
      { seconds: p95 / 1000 },
      undefined,
      `p50 ${ms(quantile(times, 0.5))} p95 ${ms(p95)} p99 ${ms(quantile(times, 0.99))}, CPU p50 ${ms(quantile(cpu, 0.5))} (${runs} runs): ${what}; ${Math.round(points / runs)} ${name === 'prometheus' ? 'monitor samples' : 'points'}, ${(bytes / runs / 1024).toFixed(0)} KiB per run`,
    );
  }
  log(`  load average (1, 5, 15 min) before the queries ${loadBefore}, after ${load()}`);
}
