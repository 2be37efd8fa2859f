// `npm run bench`: Vigil's performance budgets (issue 2), each workload run through Vigil and, in the same run,
// through the reference implementation (scipy / scikit-learn / pandas via /usr/bin/python3, when installed).
// Prints a table with the ratio reference / Vigil (> 1: Vigil is faster). Not a test: it never fails on timing.
//   npm run bench                 all workloads
//   npm run bench -- ks auc       only these (ks, auc, parquet, profile, csv, drift)
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
if (want('csv') || want('drift')) {
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
