import { readFileSync } from 'node:fs';
import { type DataDriftOptions, type DataDriftResult, dataDrift } from '@vigil/core';
import { closeIo, loadFrame } from '@vigil/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClose } from '../../../core/test/helpers/close.js';
import { fixture, runCli } from '../helpers/runCli.js';

/**
 * `vigil drift` end to end on the fixtures of scripts/golden/cli_drift.py: the JSON contract, agreement with
 * @vigil/core's dataDrift on frames loaded the same way, and what each option changes.
 */
const golden: {
  versions: Record<string, string>;
  ks: Record<string, { statistic: number; pValue: number }>;
} = JSON.parse(readFileSync(new URL('../golden/cli_drift.json', import.meta.url), 'utf8'));

const reference = fixture('drift_reference.csv');
const current = fixture('drift_current.csv');
const files = ['--reference', reference, '--current', current];

interface DriftColumnJson {
  column: string;
  type: string;
  test: string;
  statistic: number | null;
  pValue: number | null;
  pValueAdjusted?: number;
  threshold: number;
  drift: boolean;
  referenceSize: number;
  currentSize: number;
  unseenCategories?: string[];
  note?: string;
}
interface DriftJson {
  columns: DriftColumnJson[];
  driftedColumns: number;
  driftShare: number;
  datasetDrift: boolean;
  driftShareThreshold: number;
  correction: string;
}

async function driftJson(args: string[]): Promise<DriftJson> {
  const run = await runCli(['drift', ...files, ...args, '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

let frames: {
  reference: Awaited<ReturnType<typeof loadFrame>>;
  current: Awaited<ReturnType<typeof loadFrame>>;
};
beforeAll(async () => {
  frames = { reference: await loadFrame(reference), current: await loadFrame(current) };
});
afterAll(() => closeIo());

/** The CLI's JSON must say what dataDrift says on the same frames (statistics: its own golden tests). */
function expectSameAsCore(out: DriftJson, options: DataDriftOptions) {
  const core: DataDriftResult = dataDrift(frames.reference.frame, frames.current.frame, options);
  expect(out.columns.map((c) => c.column)).toEqual(core.columns.map((c) => c.column));
  out.columns.forEach((c, i) => {
    const e = core.columns[i];
    expect(c.type, c.column).toBe(e.type);
    expect(c.test, c.column).toBe(e.test);
    // JSON has no Infinity: an infinite statistic (chi-square, unseen category) is written as null.
    expect(c.statistic, c.column).toBe(Number.isFinite(e.statistic) ? e.statistic : null);
    expect(c.pValue, c.column).toBe(e.pValue);
    expect(c.pValueAdjusted, c.column).toBe(e.pValueAdjusted);
    expect(c.threshold, c.column).toBe(e.threshold);
    expect(c.drift, c.column).toBe(e.drift);
    expect(c.referenceSize, c.column).toBe(e.referenceSize);
    expect(c.currentSize, c.column).toBe(e.currentSize);
  });
  expect(out.driftedColumns).toBe(core.driftedColumns);
  expect(out.driftShare).toBe(core.driftShare);
  expect(out.datasetDrift).toBe(core.datasetDrift);
  expect(out.driftShareThreshold).toBe(core.driftShareThreshold);
  expect(out.correction).toBe(core.correction);
}

describe('vigil drift --format json', () => {
  it('drift --format json has the contract keys for every column and the dataset', async () => {
    const out = await driftJson([]);
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining(['columns', 'driftedColumns', 'driftShare', 'datasetDrift']),
    );
    expect(out.columns).toHaveLength(6);
    for (const c of out.columns) {
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining(['column', 'type', 'test', 'statistic', 'pValue', 'threshold', 'drift']),
      );
    }
  });

  it('drift (auto tests) gives per column what dataDrift gives on the same frames', async () => {
    const out = await driftJson([]);
    expectSameAsCore(out, {});
    // The fixture exercises every auto choice below 1000 reference rows, and an unseen category.
    expect(Object.fromEntries(out.columns.map((c) => [c.column, c.test]))).toEqual({
      age: 'ks',
      income: 'ks',
      tenure: 'ks',
      visits: 'chisquare',
      city: 'chisquare',
      plan: 'ztest',
    });
    expect(out.columns.find((c) => c.column === 'city')).toMatchObject({
      statistic: null,
      pValue: 0,
      drift: true,
      unseenCategories: ['d'],
    });
    expect(out.columns.find((c) => c.column === 'income')).toMatchObject({
      referenceSize: 200,
      currentSize: 144,
    });
    expect(out).toMatchObject({ driftedColumns: 3, driftShare: 0.5, datasetDrift: true, correction: 'none' });
  });

  it('drift --test ks matches scipy.stats.ks_2samp on the numerical columns', async () => {
    const out = await driftJson(['--test', 'ks']);
    expectSameAsCore(out, { test: 'ks' });
    for (const [name, expected] of Object.entries(golden.ks)) {
      const c = out.columns.find((x) => x.column === name)!;
      expect(c.test).toBe('ks');
      expectClose(c.statistic as number, expected.statistic);
      expectClose(c.pValue as number, expected.pValue);
    }
    // Categorical columns cannot take KS: the auto choice is used, and the note says so.
    expect(out.columns.find((c) => c.column === 'city')).toMatchObject({
      test: 'chisquare',
      note: 'ks needs numbers; "city" is categorical, so the auto choice chisquare was used',
    });
  });

  it('drift --columns compares only those columns, in that order', async () => {
    const out = await driftJson(['--columns', 'plan,age']);
    expect(out.columns.map((c) => c.column)).toEqual(['plan', 'age']);
    expectSameAsCore(out, { columns: ['plan', 'age'] });
    expect(out).toMatchObject({ driftedColumns: 1, driftShare: 0.5 });
  });

  it('drift --test ks --threshold 0.001 moves the verdict of a column with 0.001 < p < 0.05', async () => {
    const out = await driftJson(['--test', 'ks', '--threshold', '0.001']);
    expectSameAsCore(out, { test: 'ks', threshold: 0.001 });
    const income = out.columns.find((c) => c.column === 'income')!;
    expect(income.pValue).toBeGreaterThan(0.001);
    expect(income).toMatchObject({ threshold: 0.001, drift: false });
    expect(out.columns.find((c) => c.column === 'age')).toMatchObject({ threshold: 0.001, drift: true });
    // The replacement test of a categorical column keeps its default threshold, and the note says so.
    expect(out.columns.find((c) => c.column === 'city')).toMatchObject({
      threshold: 0.05,
      note: 'ks needs numbers; "city" is categorical, so the auto choice chisquare was used (with its default threshold 0.05)',
    });
  });

  it('drift --threshold under --test auto applies to every chosen test', async () => {
    const out = await driftJson(['--threshold', '0.001']);
    for (const c of out.columns) {
      expect(c.threshold, c.column).toBe(0.001);
      expect(c.drift, c.column).toBe((c.pValue as number) < 0.001);
    }
    expect(out.driftedColumns).toBe(2);
  });

  it('drift --test psi --threshold 0.2 judges distances by statistic >= threshold', async () => {
    const out = await driftJson(['--test', 'psi', '--threshold', '0.2']);
    expectSameAsCore(out, { test: 'psi', threshold: 0.2 });
    for (const c of out.columns) {
      expect(c.pValue).toBeNull();
      expect(c.drift, c.column).toBe((c.statistic ?? Number.POSITIVE_INFINITY) >= 0.2);
    }
  });

  it('drift --drift-share sets the share of drifted columns that means dataset drift', async () => {
    const strict = await driftJson(['--drift-share', '0.6']);
    expect(strict).toMatchObject({ driftShare: 0.5, driftShareThreshold: 0.6, datasetDrift: false });
    const lenient = await driftJson(['--drift-share', '0.5']);
    expect(lenient).toMatchObject({ driftShare: 0.5, driftShareThreshold: 0.5, datasetDrift: true });
  });

  it('drift --correction holm adjusts the p-values (Holm 1979) and judges by them', async () => {
    const out = await driftJson(['--correction', 'holm']);
    expectSameAsCore(out, { correction: 'holm' });
    // Holm by hand: sort the m p-values, multiply the i-th smallest by m − i, keep the running maximum, cap at 1.
    const raw = out.columns.map((c) => c.pValue as number);
    const order = raw.map((_, i) => i).sort((a, b) => raw[a] - raw[b]);
    const adjusted = new Array<number>(raw.length);
    let running = 0;
    order.forEach((i, rank) => {
      running = Math.max(running, Math.min(1, (raw.length - rank) * raw[i]));
      adjusted[i] = running;
    });
    out.columns.forEach((c, i) => {
      expectClose(c.pValueAdjusted as number, adjusted[i], 1e-12);
      expect(c.drift, c.column).toBe(adjusted[i] < 0.05);
    });
    expect(out.correction).toBe('holm');
    // income (p ≈ 0.0028) survives Holm's correction over 6 tests: 0.0028 · 5 < 0.05.
    expect(out.columns.find((c) => c.column === 'income')?.drift).toBe(true);
  });

  it('drift --workers 1 gives the same JSON as the default', async () => {
    const one = await runCli(['drift', ...files, '--format', 'json', '--workers', '1']);
    const auto = await runCli(['drift', ...files, '--format', 'json']);
    expect(one.code).toBe(0);
    expect(one.stdout).toBe(auto.stdout);
  });
});

describe('vigil drift text output', () => {
  it('drift prints a one-line summary, then drifted columns first, strongest evidence first', async () => {
    const run = await runCli(['drift', ...files]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        'Dataset drift detected: 3 of 6 columns drifted (share 0.5, threshold 0.5).',
        '',
        'column  type         test       statistic   p-value  threshold  verdict',
        '------  -----------  ---------  ---------  --------  ---------  -------',
        'city    categorical  chisquare          ∞         0       0.05  DRIFT',
        'age     numerical    ks            0.2533  2.625e-5       0.05  DRIFT',
        'income  numerical    ks            0.1956  0.002756       0.05  DRIFT',
        'plan    categorical  ztest           1.46    0.1442       0.05  ok',
        'visits  numerical    chisquare      6.104    0.1915       0.05  ok',
        'tenure  numerical    ks           0.06667    0.8194       0.05  ok',
        '',
        'city: categories not in the reference: "d"',
        '',
      ].join('\n'),
    );
  });

  it('drift --correction holm heads the p-value column "p (adj.)" and says so in the summary', async () => {
    const run = await runCli(['drift', ...files, '--correction', 'holm']);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(
      'Dataset drift detected: 3 of 6 columns drifted (share 0.5, threshold 0.5), p-values corrected by holm.',
    );
    expect(lines[2]).toMatch(/ p \(adj\.\) {2}threshold {2}verdict$/);
  });

  it('drift on a terminal shows progress on stderr only', async () => {
    const run = await runCli(['drift', ...files, '--format', 'json'], { stderrIsTTY: true });
    expect(run.stderr).toContain('reading both files     [');
    expect(run.stderr).toContain(
      'testing columns        [========================================] 100% 6/6',
    );
    expect(JSON.parse(run.stdout).columns).toHaveLength(6);
  });

  it('drift colours verdicts on a terminal, and not with NO_COLOR', async () => {
    const tty = await runCli(['drift', ...files], { stdoutIsTTY: true });
    expect(tty.stdout).toContain('\x1b[31mDRIFT\x1b[39m');
    expect(tty.stdout).toContain('\x1b[32mok\x1b[39m');
    const plain = await runCli(['drift', ...files], { stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\x1b[');
  });
});
