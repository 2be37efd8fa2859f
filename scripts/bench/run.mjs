// `npm run bench`: Vigil's performance budgets (issue 2), each workload run through Vigil and, in the same run,
// through the reference implementation (scipy / scikit-learn / pandas via /usr/bin/python3, when installed).
// Prints a table with the ratio reference / Vigil (> 1: Vigil is faster). Not a test: it never fails on timing.
//   npm run bench                 all workloads
//   npm run bench -- ks auc       only these (ks, auc, parquet, profile, csv, drift, check, server-monitors, server-ingest,
//                                 server-series; SERIES_ROWS=1000000 for a smaller server-series)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { averagePrecisionScore, createRandom, ks2samp, logLoss, rocAucScore } from '@vigil/core';
import { closeIo, loadFrame } from '@vigil/io';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = resolve(root, '.bench');
mkdirSync(dir, { recursive: true });
const python =
  existsSync('/usr/bin/python3') &&
  spawnSync('/usr/bin/python3', ['-c', 'import scipy, sklearn, pandas']).status === 0;
const selected = new Set(process.argv.slice(2));
const want = (name) => selected.size === 0 || selected.has(name);
const rows = [];

function seconds(fn) {
  const t = process.hrtime.bigint();
  const value = fn();
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, value };
}
async function secondsAsync(fn) {
  const t = process.hrtime.bigint();
  const value = await fn();
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, value };
}
function reference(kind) {
  if (!python) return new Map();
  const out = execFileSync('/usr/bin/python3', [resolve(root, 'scripts/bench/reference.py'), kind, dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return new Map(
    out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .map((r) => [r.workload, r]),
  );
}
function record(workload, budget, vigil, ref, extra = '') {
  rows.push({ workload, budget, vigil: vigil.seconds, ref: ref?.seconds, extra });
  const ratio = ref ? (ref.seconds / vigil.seconds).toFixed(2) : '—';
  console.log(
    `${workload.padEnd(14)} vigil ${vigil.seconds.toFixed(3)} s   reference ${ref ? `${ref.seconds.toFixed(3)} s` : '—'}   ratio ${ratio}   budget ${budget} ${extra}`,
  );
}
function normals(n, seed, shift = 0) {
  const random = createRandom(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const u = 1 - random.next();
    const r = Math.sqrt(-2 * Math.log(u));
    const a = 2 * Math.PI * random.next();
    out[i] = r * Math.cos(a) + shift;
    if (i + 1 < n) out[i + 1] = r * Math.sin(a) + shift;
  }
  return out;
}
const save = (name, array) =>
  writeFileSync(resolve(dir, name), new Uint8Array(array.buffer, array.byteOffset, array.byteLength));

console.log(
  `reference implementation: ${python ? '/usr/bin/python3 (scipy, scikit-learn, pandas)' : 'not installed (apt-get install python3-scipy python3-sklearn python3-pandas)'}\n`,
);

if (want('ks')) {
  const x = normals(1_000_000, 1);
  const y = normals(1_000_000, 2, 0.01);
  save('ks_x.f64', x);
  save('ks_y.f64', y);
  const vigil = seconds(() => ks2samp(x, y));
  const ref = reference('ks').get('ks-1m');
  record(
    'ks-1m',
    '<= scipy',
    vigil,
    ref,
    `D=${vigil.value.statistic.toPrecision(6)} p=${vigil.value.pValue.toPrecision(6)}${ref ? ` (scipy D=${ref.value[0].toPrecision(6)} p=${ref.value[1].toPrecision(6)})` : ''}`,
  );
}

if (want('auc')) {
  const n = 10_000_000;
  const random = createRandom(3);
  const y = new Int32Array(n);
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = random.next() < 0.3 ? 1 : 0;
    // A noisy score that ranks positives higher on average, rounded so there are ties, kept inside (0, 1).
    const z = 1 / (1 + Math.exp(-(y[i] * 1.5 - 0.75 + 1.5 * (random.next() - 0.5) * 2)));
    s[i] = Math.round(z * 1e5) / 1e5;
  }
  save('auc_y.i32', y);
  save('auc_s.f64', s);
  const refs = reference('auc');
  const roc = seconds(() => rocAucScore(y, s));
  record(
    'roc-auc-10m',
    '<= sklearn',
    roc,
    refs.get('roc-auc-10m'),
    `value ${roc.value.toPrecision(10)} (sklearn ${refs.get('roc-auc-10m')?.value.toPrecision(10) ?? '—'})`,
  );
  const pr = seconds(() => averagePrecisionScore(y, s));
  record(
    'pr-auc-10m',
    '<= sklearn',
    pr,
    refs.get('pr-auc-10m'),
    `value ${pr.value.toPrecision(10)} (sklearn ${refs.get('pr-auc-10m')?.value.toPrecision(10) ?? '—'})`,
  );
  const ll = seconds(() => logLoss(y, s));
  record(
    'log-loss-10m',
    '<= sklearn',
    ll,
    refs.get('log-loss-10m'),
    `value ${ll.value.toPrecision(10)} (sklearn ${refs.get('log-loss-10m')?.value.toPrecision(10) ?? '—'})`,
  );
  const total = { seconds: roc.seconds + pr.seconds + ll.seconds };
  const refTotal =
    refs.size === 3 ? { seconds: [...refs.values()].reduce((a, r) => a + r.seconds, 0) } : undefined;
  record('auc+pr+ll-10m', '<= sklearn', total, refTotal);
}

if (want('parquet')) {
  const flights = resolve(root, '../shared/data/vega/flights-3m.parquet');
  if (existsSync(flights)) {
    const vigil = await secondsAsync(() => loadFrame(flights));
    record(
      'load-parquet',
      '<= 4 s',
      vigil,
      undefined,
      `${vigil.value.frame.nRows} rows (flights-3m; pandas cannot read Parquet here: no pyarrow)`,
    );
  } else console.log('load-parquet   skipped: ../shared/data/vega/flights-3m.parquet not found');
}

if (want('profile')) {
  // Issue 3 budget: `vigil profile` on flights-3m.parquet <= 5 s, end to end in a fresh process.
  const flights = resolve(root, '../shared/data/vega/flights-3m.parquet');
  if (existsSync(flights)) {
    const run = spawnSync(
      '/usr/bin/time',
      [
        '-f',
        '%e %M',
        process.execPath,
        resolve(root, 'packages/cli/dist/bin.js'),
        'profile',
        '--data',
        flights,
        '--format',
        'json',
      ],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    const [wall, kb] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
    record(
      'profile-3m',
      '<= 5 s',
      { seconds: wall },
      undefined,
      `peak RSS ${(kb / 1024).toFixed(0)} MB (flights-3m; exit ${run.status})`,
    );
  } else console.log('profile-3m     skipped: ../shared/data/vega/flights-3m.parquet not found');
}

const driftDir = resolve(dir, 'drift');
if (want('csv') || want('drift') || want('check')) {
  if (!existsSync(resolve(driftDir, 'current.csv'))) {
    console.log('generating 2 × 1M-row × 25-column CSV files in .bench/drift (once) …');
    execFileSync(process.execPath, [resolve(root, 'scripts/make-drift-data.mjs'), driftDir], {
      stdio: 'inherit',
    });
  }
}

if (want('csv')) {
  const vigil = await secondsAsync(() => loadFrame(resolve(driftDir, 'reference.csv')));
  record(
    'load-csv-1m',
    '<= 6 s',
    vigil,
    reference('csv').get('load-csv-1m'),
    `${vigil.value.frame.nRows} rows × ${vigil.value.frame.columns.length} columns`,
  );
}
await closeIo();

if (want('drift')) {
  // End to end, as a user runs it: a fresh process, GNU time for the peak resident memory.
  const args = [
    '-f',
    '%e %M',
    process.execPath,
    resolve(root, 'packages/cli/dist/bin.js'),
    'drift',
    '--reference',
    resolve(driftDir, 'reference.csv'),
    '--current',
    resolve(driftDir, 'current.csv'),
    '--format',
    'json',
  ];
  const run = spawnSync('/usr/bin/time', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const [wall, kb] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
  const drifted = JSON.parse(run.stdout).driftedColumns;
  const ref = reference('drift').get('drift-e2e');
  record(
    'drift-e2e',
    '<= 10 s, <= 2 GB',
    { seconds: wall },
    ref,
    `peak RSS ${(kb / 1024).toFixed(0)} MB, ${drifted} drifted${ref ? ` (pandas+scipy: ${ref.peakRssMb.toFixed(0)} MB, ${ref.value} drifted)` : ''}`,
  );
}

if (want('check')) {
  // Issue 3 budget: a suite of 30 checks on the drift workload (1M rows × 25 columns, both files), end to end in a
  // fresh process: presets data-drift (11 checks) and data-quality (13) over 10 columns, and 6 explicit checks, one
  // of them the drift of a column outside those 10 (computed on its own).
  const suite = resolve(driftDir, 'suite.yaml');
  writeFileSync(
    suite,
    `name: bench 30 checks
data:
  reference: reference.csv
  current: current.csv
  columns: [normal_stable, normal_shift, normal_scale, lognormal_shift, heavy_tail, age_years, income,
            with_missing, segment, city]
  drift: { test: auto, driftShare: 0.5 }
presets: [data-drift, data-quality]
checks:
  - rows: { closeToReference: { by: 0.01 } }
  - quality.duplicatedRows: { eq: 0 }
  - quality.missingShare: { lte: 0.05 }
  - drift.columns: { lte: 8 }
  - drift.column: { lt: 0.2 }
    column: normal_shift
    name: normal_shift-large
  - drift.column:
    column: store
`,
  );
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%e %M %U %S',
      process.execPath,
      resolve(root, 'packages/cli/dist/bin.js'),
      'check',
      suite,
      '--format',
      'json',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const [wall, kb, user, system] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
  if (run.status === 2) console.log(run.stderr);
  const summary = run.status === 2 ? undefined : JSON.parse(run.stdout).summary;
  record(
    'check-30',
    '<= 15 s',
    { seconds: wall },
    undefined,
    `peak RSS ${(kb / 1024).toFixed(0)} MB, CPU ${(user + system).toFixed(1)} s, ${summary ? `${summary.total} checks: ${summary.passed} passed, ${summary.failed} failed, ${summary.warned} warned, ${summary.errored} errored` : 'suite did not run'} (exit ${run.status}; no Python equivalent)`,
  );
}

if (want('server-monitors')) {
  // Issue 4 budget: evaluating all default monitors on a 1M-prediction window <= 5 s (binary model, 20 features:
  // 15 numerical, 5 categorical; 100k-row reference; 60 % of the window labelled). Three figures: the pure
  // evaluation in this thread (evaluateMonitors on the rows as a store returns them); the same in the worker
  // threads the scheduler uses for big windows (createEvaluationPool, one worker per core), with how long this
  // thread was busy meanwhile (what ingestion would wait for); and end to end through the embedded DuckDB store
  // (a scheduler tick: read the reference and the window, evaluate, write the points, alerts; by phase).
  const server = await import('@vigil/server');
  const H = 3_600_000;
  const T0 = Date.UTC(2024, 0, 1);
  const features = [
    ...Array.from({ length: 15 }, (_, k) => ({ name: `x${k}`, kind: 'numerical' })),
    ...Array.from({ length: 5 }, (_, k) => ({ name: `c${k}`, kind: 'categorical' })),
  ];
  const schema = { features, positive: 'yes' };
  const levels = Array.from({ length: 5 }, (_, k) => Array.from({ length: 3 + 4 * k }, (_, j) => `v${j}`));
  /** Row i of a seeded stream: features, prediction, score, label (or null), latency. */
  const rowStream = (seed, { shift = 0, labelled = 1 } = {}) => {
    const random = createRandom(seed);
    const normal = () => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
    return () => {
      const f = {};
      for (let k = 0; k < 15; k++)
        f[`x${k}`] = random.next() < 0.01 ? null : k + normal() * (1 + k / 10) + shift;
      for (let k = 0; k < 5; k++) {
        const names = levels[k];
        f[`c${k}`] =
          random.next() < 0.01
            ? null
            : names[Math.min(names.length - 1, Math.floor(random.next() ** 1.5 * names.length))];
      }
      const positive = random.next() < 0.3;
      const s =
        Math.round(Math.min(1, Math.max(0, (positive ? 0.65 : 0.35) + 0.5 * (random.next() - 0.5))) * 1e4) /
        1e4;
      const label = random.next() < labelled ? (positive ? 'yes' : 'no') : null;
      return {
        features: f,
        prediction: s >= 0.5 ? 'yes' : 'no',
        score: s,
        label,
        latencyMs: 5 + 20 * random.next() ** 3,
      };
    };
  };
  /** RowColumns of n rows of a stream (what store.readRows returns). */
  const columnsOf = (n, next) => {
    const cols = {
      n,
      ids: [],
      timestamps: new Float64Array(n),
      predictionText: new Array(n),
      predictionNumber: new Float64Array(n).fill(Number.NaN),
      score: new Float64Array(n),
      latencyMs: new Float64Array(n),
      labelText: new Array(n),
      labelNumber: new Float64Array(n).fill(Number.NaN),
      features: Object.fromEntries(
        features.map((f) => [f.name, f.kind === 'numerical' ? new Float64Array(n) : new Array(n)]),
      ),
      probas: {},
    };
    for (let i = 0; i < n; i++) {
      const r = next();
      for (const f of features)
        cols.features[f.name][i] =
          f.kind === 'numerical' ? (r.features[f.name] ?? Number.NaN) : r.features[f.name];
      cols.predictionText[i] = r.prediction;
      cols.score[i] = r.score;
      cols.labelText[i] = r.label;
      cols.latencyMs[i] = r.latencyMs;
    }
    return cols;
  };
  const reference = columnsOf(100_000, rowStream(1));
  const monitors = server
    .defaultMonitors({ name: 'big', task: 'binary' }, schema, server.referenceFacts(reference, schema))
    .map((m, i) => ({ ...m, id: i + 1, createdAt: 0, updatedAt: 0 }));
  const context = {
    model: { name: 'big', task: 'binary', schema },
    windowStart: T0,
    windowEnd: T0 + H,
    computedAt: T0 + H,
    cache: server.createEvaluationCache(),
  };
  const firstWindow = columnsOf(1_000_000, rowStream(2, { shift: 0.05, labelled: 0.6 }));
  const first = seconds(() => server.evaluateMonitors(monitors, reference, firstWindow, context));
  // A second window, with the reference's derived data (frames, bounds, metrics) cached as the scheduler keeps it.
  const secondWindow = columnsOf(1_000_000, rowStream(3, { labelled: 0.6 }));
  const cpu = process.cpuUsage();
  const next = seconds(() => server.evaluateMonitors(monitors, reference, secondWindow, context));
  const used = process.cpuUsage(cpu);
  record(
    'monitors-1m',
    '<= 5 s',
    next,
    undefined,
    `pure evaluation in this thread, ${monitors.length} default monitors, ${next.value.length} points, CPU ${((used.user + used.system) / 1e6).toFixed(2)} s (first window, reference derived too: ${first.seconds.toFixed(2)} s)`,
  );

  // The same two windows in worker threads: the first evaluation starts the workers and ships them the
  // reference (which they keep, with what monitors derive from it); the second is the steady state. The windows'
  // arrays are moved to the workers, as the scheduler moves them (they are not used after). Their strings are
  // dictionary-coded in this thread first (rows read from the DuckDB store come with their codes).
  const { monitorEventLoopDelay } = await import('node:perf_hooks');
  /** Runs `fn`, measuring how long this thread was busy and its longest pause of the event loop. */
  const mainThread = async (fn) => {
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const elu = performance.eventLoopUtilization();
    const run = await secondsAsync(fn);
    delay.disable();
    const busy = performance.eventLoopUtilization(elu).active;
    return {
      ...run,
      busy: `this thread busy ${(busy / 1000).toFixed(2)} s, longest event-loop pause ${(delay.max / 1e6).toFixed(0)} ms`,
    };
  };
  const pool = server.createEvaluationPool();
  const { points: _p, cache: _c, ...plain } = context;
  const started = await mainThread(() =>
    pool.evaluate(monitors, reference, firstWindow, plain, { transfer: true }),
  );
  const steady = await mainThread(() =>
    pool.evaluate(monitors, reference, secondWindow, plain, { transfer: true }),
  );
  const same = JSON.stringify(steady.value) === JSON.stringify(next.value);
  record(
    'monitors-1m-workers',
    '<= 5 s',
    steady,
    undefined,
    `${pool.size} worker threads, ${steady.value.length} points (${same ? 'identical to' : 'DIFFERENT from'} the pure evaluation); ${steady.busy} (first window, workers started and sent the reference: ${started.seconds.toFixed(2)} s)`,
  );
  await pool.close();

  // End to end on the embedded store: insert the reference and 1M predictions (and 600k labels), then one tick.
  const store = await server.createDuckDbStore({ path: ':memory:' });
  await store.migrate();
  await store.createModel({ name: 'big', task: 'binary', windowMs: H, schema });
  const refStream = rowStream(1);
  const referenceRows = Array.from({ length: 100_000 }, () => refStream());
  await store.createReference({ model: 'big', source: 'bench', schema }, referenceRows);
  await server.createDefaultMonitors(store, 'big');
  const stream = rowStream(2, { shift: 0.05, labelled: 0.6 });
  const ingest = await secondsAsync(async () => {
    for (let b = 0; b < 100; b++) {
      const batch = [];
      const labels = [];
      for (let i = 0; i < 10_000; i++) {
        const k = b * 10_000 + i;
        const r = stream();
        batch.push({
          id: `p${k}`,
          timestamp: T0 + Math.floor((k * H) / 1_000_000),
          features: r.features,
          prediction: r.prediction,
          score: r.score,
          latencyMs: r.latencyMs,
        });
        if (r.label !== null) labels.push({ id: `p${k}`, label: r.label });
      }
      await store.insertPredictions('big', batch, T0 + H);
      await store.insertLabels('big', labels, T0 + H);
    }
  });
  // The store's part alone: reading the window's columns.
  const read = await secondsAsync(() => store.readRows('big', { from: T0, to: T0 + H }, { features }));
  read.value = undefined;
  // A fresh scheduler, as after a restart: the reference is read too and the workers start during the reads.
  const scheduler = server.createScheduler({ store, now: () => T0 + 2 * H });
  const tick = await mainThread(() => scheduler.tick({ model: 'big' }));
  const w = tick.value.windows[0];
  const phases = w
    ? Object.entries(w.phases)
        .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(2)} s`)
        .join(', ')
    : 'no window evaluated';
  record(
    'monitors-1m-e2e',
    '<= 5 s',
    tick,
    undefined,
    `scheduler tick on DuckDB, ${w?.rows} rows evaluated in ${w?.thread === 'workers' ? 'worker threads' : 'this thread'}, ${w?.points} points: ${phases}; ${tick.busy}; readRows alone ${read.seconds.toFixed(2)} s (setup: 1M predictions + labels inserted in ${ingest.seconds.toFixed(1)} s)`,
  );
  await scheduler.stop();
  await store.close();
}

if (want('server-ingest')) {
  // Issue 4 budget: ingest >= 50 000 predictions/s (20 features, batches of 500, embedded store, 2 cores) and p99
  // request latency < 50 ms at half that rate; the same reported for PostgreSQL. Server in its own process.
  const { ingestWorkload } = await import('./ingestWorkload.mjs');
  await ingestWorkload('duckdb', record);
  await ingestWorkload('postgres', record);
}

if (want('server-series')) {
  // Issue 4 budget: metric-series queries p95 < 100 ms with 10M predictions stored (embedded DuckDB store, queried
  // over HTTP as the dashboard does). Loads 10M predictions (a few minutes), so it runs only when named.
  if (selected.has('server-series')) {
    const { seriesWorkload } = await import('./seriesWorkload.mjs');
    await seriesWorkload({ n: Number(process.env.SERIES_ROWS ?? 10_000_000), record, log: console.log });
  } else console.log('server-series  skipped: 10M predictions to load; run `npm run bench -- server-series`');
}
