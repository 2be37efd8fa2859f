#!/usr/bin/env node
/**
 * Writes a deterministic pair of data sets for drift tests and benchmarks: `reference.csv` and `current.csv`,
 * N rows × 25 columns each (20 numerical, 5 categorical), into a directory.
 *
 *   node scripts/make-drift-data.mjs [dir=.bench/data] [--rows N=1000000] [--seed S=42]
 *
 * What drifts between reference and current (so a drift report has known answers):
 * - numerical: `normal_shift` (mean +0.25 sd), `normal_scale` (sd ×1.5), `lognormal_shift` (log-mean +0.2),
 *   `exponential_rate` (rate 1 → 0.8), `bimodal_weight` (mixture weight 0.3 → 0.5), `count_poisson` (λ 3 → 3.6),
 *   `rating_1_5` (frequencies move towards 5), `age_years` (+3 years); the other 12 keep their distribution.
 * - categorical: `segment` (frequencies change), `city` (the category `Lisbon` appears only in current),
 *   `store` (200 categories, stable); `color` and `channel` are stable; `channel` has ~2% missing.
 * - missing values (empty fields): `income` ~1%, `with_missing` ~10%, `channel` ~2%.
 *
 * Seeded xoshiro128** generator (Blackman & Vigna 2018), Box–Muller normals, Knuth's Poisson sampler, so the
 * files are byte-identical for the same arguments on every machine.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';

/** splitmix32 to seed xoshiro128** from one integer. */
function splitmix32(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number generators", 2018): uniform in [0, 1). */
function makeRng(seed) {
  const sm = splitmix32(seed);
  let a = sm();
  let b = sm();
  let c = sm();
  let d = sm();
  return () => {
    const t = b << 9;
    let r = Math.imul(b, 5);
    r = Math.imul((r << 7) | (r >>> 25), 9);
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    return (r >>> 0) / 4294967296;
  };
}

function makeSampler(rng) {
  let spare = Number.NaN;
  const normal = () => {
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = Number.NaN;
      return s;
    }
    // Box–Muller; 1 - u keeps the log argument in (0, 1].
    const u = 1 - rng();
    const v = rng();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  const exponential = (rate) => -Math.log(1 - rng()) / rate;
  // Knuth's multiplication method; fine for the small λ used here.
  const poisson = (lambda) => {
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= rng();
    } while (p > l);
    return k - 1;
  };
  // Marsaglia–Tsang for shape ≥ 1.
  const gamma = (shape) => {
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x;
      let v;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = rng();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const choice = (labels, cumulative) => {
    const u = rng();
    for (let i = 0; i < cumulative.length; i++) if (u < cumulative[i]) return labels[i];
    return labels[labels.length - 1];
  };
  return { rng, normal, exponential, poisson, gamma, choice };
}

function cumulative(weights) {
  const total = weights.reduce((s, w) => s + w, 0);
  let acc = 0;
  return weights.map((w) => (acc += w / total));
}

const fixed = (digits) => (x) => x.toFixed(digits);
const int = (x) => String(Math.round(x));

/** One spec per column: name and a generator (sampler, isCurrent) → field text ('' = missing). */
function columnSpecs() {
  const segments = ['consumer', 'small_business', 'enterprise', 'public'];
  const segRef = cumulative([0.55, 0.25, 0.15, 0.05]);
  const segCur = cumulative([0.45, 0.3, 0.15, 0.1]);
  const cities = ['Berlin', 'Paris', 'Madrid', 'Rome', 'Vienna', 'Lisbon'];
  const cityRef = cumulative([0.3, 0.25, 0.2, 0.15, 0.1, 0]);
  const cityCur = cumulative([0.28, 0.24, 0.19, 0.14, 0.1, 0.05]);
  const colors = ['red', 'green', 'blue', 'black', 'white'];
  const colorW = cumulative([0.2, 0.2, 0.2, 0.2, 0.2]);
  const channels = ['web', 'app', 'store', 'phone'];
  const channelW = cumulative([0.4, 0.35, 0.15, 0.1]);
  const stores = Array.from({ length: 200 }, (_, i) => `store_${String(i).padStart(3, '0')}`);
  // Zipf-like store popularity.
  const storeW = cumulative(stores.map((_, i) => 1 / (i + 1)));
  const ratings = ['1', '2', '3', '4', '5'];
  const ratingRef = cumulative([0.1, 0.15, 0.3, 0.3, 0.15]);
  const ratingCur = cumulative([0.08, 0.12, 0.27, 0.3, 0.23]);
  const f4 = fixed(4);
  const f5 = fixed(5);
  const f6 = fixed(6);
  return [
    ['normal_stable', (s) => f6(s.normal())],
    ['normal_shift', (s, cur) => f6(s.normal() + (cur ? 0.25 : 0))],
    ['normal_scale', (s, cur) => f6(s.normal() * (cur ? 1.5 : 1))],
    ['lognormal_stable', (s) => f5(Math.exp(1 + 0.5 * s.normal()))],
    ['lognormal_shift', (s, cur) => f5(Math.exp(1 + (cur ? 0.2 : 0) + 0.5 * s.normal()))],
    ['exponential_rate', (s, cur) => f6(s.exponential(cur ? 0.8 : 1))],
    ['uniform_stable', (s) => f6(s.rng())],
    ['gamma_stable', (s) => f5(s.gamma(2))],
    ['bimodal_weight', (s, cur) => f5(s.rng() < (cur ? 0.5 : 0.3) ? 5 + s.normal() : -2 + 0.5 * s.normal())],
    ['heavy_tail', (s) => f5(s.normal() / Math.sqrt(s.gamma(1.5) / 1.5))],
    ['count_poisson', (s, cur) => String(s.poisson(cur ? 3.6 : 3))],
    ['rating_1_5', (s, cur) => s.choice(ratings, cur ? ratingCur : ratingRef)],
    ['binary_flag', (s) => (s.rng() < 0.3 ? '1' : '0')],
    ['age_years', (s, cur) => int(Math.min(90, Math.max(18, 40 + (cur ? 3 : 0) + 12 * s.normal())))],
    ['income', (s) => (s.rng() < 0.01 ? '' : int(Math.exp(10.5 + 0.6 * s.normal())))],
    ['price', (s) => f4(5 + 95 * s.rng() ** 2)],
    ['temperature', (s) => fixed(3)(15 + 8 * s.normal())],
    ['latency_ms', (s) => f4(20 + s.exponential(1 / 30))],
    ['with_missing', (s) => (s.rng() < 0.1 ? '' : f5(100 + 15 * s.normal()))],
    ['constant_ish', (s) => (s.rng() < 0.999 ? '1' : '2')],
    ['segment', (s, cur) => s.choice(segments, cur ? segCur : segRef)],
    ['city', (s, cur) => s.choice(cities, cur ? cityCur : cityRef)],
    ['color', (s) => s.choice(colors, colorW)],
    ['channel', (s) => (s.rng() < 0.02 ? '' : s.choice(channels, channelW))],
    ['store', (s) => s.choice(stores, storeW)],
  ];
}

function writeDataset(file, rows, seed, isCurrent) {
  const specs = columnSpecs();
  // One generator per column, so adding a drifted column never changes the others' streams.
  const samplers = specs.map((_, j) => makeSampler(makeRng(seed * 1000 + j * 7 + (isCurrent ? 500 : 0))));
  const fd = openSync(file, 'w');
  writeSync(fd, `${specs.map(([name]) => name).join(',')}\n`);
  const batch = 10_000;
  const fields = new Array(specs.length);
  for (let start = 0; start < rows; start += batch) {
    const lines = [];
    const end = Math.min(rows, start + batch);
    for (let i = start; i < end; i++) {
      for (let j = 0; j < specs.length; j++) fields[j] = specs[j][1](samplers[j], isCurrent);
      lines.push(fields.join(','));
    }
    writeSync(fd, `${lines.join('\n')}\n`);
  }
  closeSync(fd);
}

function parseArgs(argv) {
  let dir = '.bench/data';
  let rows = 1_000_000;
  let seed = 42;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--rows') rows = Number(argv[++i]);
    else if (a === '--seed') seed = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log(
        'usage: node scripts/make-drift-data.mjs [dir=.bench/data] [--rows N=1000000] [--seed S=42]',
      );
      process.exit(0);
    } else dir = a;
  }
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows must be a positive integer; got ${rows}`);
  if (!Number.isInteger(seed) || seed < 0)
    throw new Error(`--seed must be a non-negative integer; got ${seed}`);
  return { dir, rows, seed };
}

const { dir, rows, seed } = parseArgs(process.argv.slice(2));
mkdirSync(dir, { recursive: true });
const t0 = performance.now();
writeDataset(path.join(dir, 'reference.csv'), rows, seed, false);
writeDataset(path.join(dir, 'current.csv'), rows, seed, true);
console.log(
  `wrote ${path.join(dir, 'reference.csv')} and current.csv: ${rows} rows × 25 columns each ` +
    `(seed ${seed}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
