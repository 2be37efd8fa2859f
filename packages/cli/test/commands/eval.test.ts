import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/runCli.js';

/** Behaviour of `vigil eval` beyond the golden numbers: intervals, text output, notes, undefined segments. */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-eval-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `name` into the temporary directory and returns its path. */
function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A fixture with its data rows repeated `times` times (same distribution, `times`× the rows). */
function repeated(name: string, times: number): string {
  const [header, ...rows] = readFileSync(fixture(name), 'utf8').trimEnd().split('\n');
  return write(`${times}x-${name}`, `${[header, ...Array(times).fill(rows).flat()].join('\n')}\n`);
}

const binary = ['--task', 'binary', '--target', 'label', '--prediction', 'predicted', '--score', 'score'];
const positive = ['--positive', 'churn'];

async function evalJson(args: string[]) {
  const run = await runCli(['eval', ...args, '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe('vigil eval --ci (bootstrap intervals)', () => {
  const ci = ['--ci', '0.9', '--resamples', '200'];

  it('eval --ci with one seed gives identical output twice, and another seed other intervals', async () => {
    const args = ['--data', fixture('binary.csv'), ...binary, ...positive, ...ci, '--seed', '7'];
    const first = await runCli(['eval', ...args, '--format', 'json']);
    const second = await runCli(['eval', ...args, '--format', 'json']);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const other = await evalJson([
      '--data',
      fixture('binary.csv'),
      ...binary,
      ...positive,
      ...ci,
      '--seed',
      '8',
    ]);
    expect(other.intervals).not.toEqual(JSON.parse(first.stdout).intervals);
    expect(other.metrics).toEqual(JSON.parse(first.stdout).metrics);
  });

  it('eval --ci reports one interval per metric, with its level and resample count', async () => {
    const out = await evalJson(['--data', fixture('binary.csv'), ...binary, ...positive, ...ci]);
    expect(Object.keys(out.intervals)).toEqual(Object.keys(out.metrics));
    expect(out.confidence).toBe(0.9);
    expect(out.resamples).toBe(200);
    for (const [lo, hi] of Object.values(out.intervals) as [number, number][]) {
      expect(lo).toBeLessThanOrEqual(hi);
    }
  });

  const wellBehaved: [string, string[], string[]][] = [
    [
      'binary',
      ['--data', 'binary.csv', ...binary, ...positive],
      ['accuracy', 'balancedAccuracy', 'f1', 'rocAuc', 'logLoss', 'brier'],
    ],
    [
      'multiclass',
      ['--data', 'multiclass.csv', '--task', 'multiclass', '--target', 'animal', '--probas', 'proba_'],
      ['accuracy', 'f1Macro', 'rocAucOvrMacro', 'logLoss'],
    ],
    [
      'regression',
      ['--data', 'regression.csv', '--task', 'regression', '--target', 'y', '--prediction', 'y_pred'],
      ['mse', 'mae', 'r2', 'explainedVariance'],
    ],
    [
      'clustering',
      [
        '--data',
        'clustering.csv',
        '--task',
        'clustering',
        '--prediction',
        'cluster',
        '--features',
        'f1,f2,f3',
      ],
      // Not calinskiHarabasz: it grows with n (its (n − k)/(k − 1) factor), and so does its interval.
      ['silhouette', 'daviesBouldin'],
    ],
  ];

  it.each(wellBehaved)(
    'eval --task %s --ci: intervals hold the estimate and narrow with 4× the rows',
    async (_, args, keys) => {
      const file = args[1];
      const small = await evalJson(['--data', fixture(file), ...args.slice(2), ...ci]);
      const large = await evalJson(['--data', repeated(file, 4), ...args.slice(2), ...ci]);
      for (const key of keys) {
        const [lo, hi] = small.intervals[key];
        expect(lo, key).toBeLessThanOrEqual(small.metrics[key]);
        expect(hi, key).toBeGreaterThanOrEqual(small.metrics[key]);
        const [bigLo, bigHi] = large.intervals[key];
        expect(bigLo, key).toBeLessThanOrEqual(large.metrics[key]);
        expect(bigHi, key).toBeGreaterThanOrEqual(large.metrics[key]);
        // Width shrinks like 1/√n: about half with 4× the rows; 0.8 leaves room for resampling noise.
        expect(bigHi - bigLo, key).toBeLessThan(0.8 * (hi - lo));
      }
    },
  );

  it('eval --task ranking --ci resamples whole queries', async () => {
    const args = [
      '--task',
      'ranking',
      '--query',
      'query',
      '--target',
      'relevance',
      '--score',
      'score',
      '--k',
      '3',
    ];
    const out = await evalJson(['--data', fixture('ranking.csv'), ...args, ...ci]);
    expect(out.n).toBe(12);
    const [lo, hi] = out.intervals.ndcgAt3;
    expect(lo).toBeLessThanOrEqual(out.metrics.ndcgAt3);
    expect(hi).toBeGreaterThanOrEqual(out.metrics.ndcgAt3);
  });

  it('eval --ci text output adds a "90% CI" column, and 0.975 reads "97.5% CI"', async () => {
    const args = ['eval', '--data', fixture('regression.csv'), '--task', 'regression', '--target', 'y'];
    const run = await runCli([...args, '--prediction', 'y_pred', '--ci', '0.9', '--resamples', '50']);
    expect(run.stdout.split('\n')[2]).toMatch(/^metric +value {2}90% CI$/);
    expect(run.stdout).toMatch(/\nmse +0\.5712 {2}\[0\.\d+, 0\.\d+\]\n/);
    const finer = await runCli([...args, '--prediction', 'y_pred', '--ci', '0.975', '--resamples', '50']);
    expect(finer.stdout.split('\n')[2]).toMatch(/^metric +value {2}97\.5% CI$/);
  });
});

describe('vigil eval progress', () => {
  it('eval --ci on a terminal shows progress bars on stderr, clears them, and keeps stdout pure JSON', async () => {
    const args = [
      'eval',
      '--data',
      fixture('binary.csv'),
      ...binary,
      ...positive,
      '--ci',
      '0.9',
      '--resamples',
      '50',
    ];
    const run = await runCli([...args, '--format', 'json'], { stderrIsTTY: true });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('reading data           [');
    expect(run.stderr).toContain(
      'bootstrap resamples    [========================================] 100% 50/50',
    );
    expect(run.stderr.endsWith('\x1b[2K')).toBe(true); // the line is cleared when done
    expect(JSON.parse(run.stdout).resamples).toBe(50);
  });

  it('eval writes nothing to stderr when it is not a terminal', async () => {
    const run = await runCli([
      'eval',
      '--data',
      fixture('binary.csv'),
      ...binary,
      ...positive,
      '--ci',
      '0.9',
      '--resamples',
      '20',
    ]);
    expect(run.stderr).toBe('');
  });
});

describe('vigil eval text output', () => {
  it('eval prints a one-line summary, the metrics table, the confusion matrix, segments and notes', async () => {
    const run = await runCli([
      'eval',
      '--data',
      fixture('binary.csv'),
      ...binary,
      ...positive,
      '--segment',
      'region',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Binary classification on 150 rows: accuracy 0.86, f1 0.8235, rocAuc 0.9446');
    expect(lines.slice(1, 5)).toEqual([
      '',
      'metric             value',
      '----------------  ------',
      'accuracy            0.86',
    ]);
    // Right-aligned values: every row of the metrics table is as wide as the header rule.
    const table = lines.slice(3, 3 + 13);
    expect(new Set(table.map((l) => l.length))).toEqual(new Set([24]));
    expect(run.stdout).toContain(
      [
        'Confusion matrix (rows: true class, columns: predicted)',
        '       stay  churn',
        '-----  ----  -----',
        'stay     80     13',
        'churn     8     49',
      ].join('\n'),
    );
    expect(run.stdout).toMatch(/Per segment\nsegment +n +accuracy +f1 +rocAuc\n[- ]+\nnorth +\d+ /);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('note: positive class: "churn"');
    expect(run.stdout).not.toContain('\x1b[');
  });

  it('eval colours the text only on a terminal or with FORCE_COLOR, never with NO_COLOR', async () => {
    const args = ['eval', '--data', fixture('binary.csv'), ...binary, ...positive];
    expect((await runCli(args, { stdoutIsTTY: true })).stdout).toContain(
      '\x1b[1mBinary classification\x1b[22m',
    );
    expect((await runCli(args, { env: { FORCE_COLOR: '1' } })).stdout).toContain('\x1b[');
    expect((await runCli(args, { stdoutIsTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\x1b[');
  });

  it('eval --format json writes only JSON to stdout, even on a terminal', async () => {
    const run = await runCli(
      ['eval', '--data', fixture('binary.csv'), ...binary, ...positive, '--format', 'json'],
      {
        stdoutIsTTY: true,
        env: { FORCE_COLOR: '1' },
      },
    );
    expect(run.stdout).not.toContain('\x1b[');
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    expect(run.stderr).toBe('');
  });
});

describe('vigil eval notes and undefined values', () => {
  it('eval --threshold with --prediction says which labels were used', async () => {
    const out = await evalJson([
      '--data',
      fixture('binary.csv'),
      ...binary,
      ...positive,
      '--threshold',
      '0.3',
    ]);
    expect(out.notes).toEqual([
      'labels are score >= 0.3 (--threshold given, so --prediction predicted is not used)',
      'positive class: "churn"',
    ]);
  });

  it('eval --task regression notes the number of features assumed for adjustedR2', async () => {
    const out = await evalJson([
      '--data',
      fixture('regression.csv'),
      '--task',
      'regression',
      '--target',
      'y',
      '--prediction',
      'y_pred',
    ]);
    expect(out.notes).toEqual(['adjustedR2 assumes 4 features (the other columns); set --n-features']);
  });

  it('eval --segment counts rows with no segment value in a note', async () => {
    const data = write('segments.csv', 'y,p,seg\n1,1.5,a\n2,2.5,\n3,2.5,b\n4,4.5,a\n5,5.5,b\n6,5,a\n');
    const out = await evalJson([
      '--data',
      data,
      '--task',
      'regression',
      '--target',
      'y',
      '--prediction',
      'p',
      '--n-features',
      '0',
      '--segment',
      'seg',
    ]);
    expect(out.segments.a.n).toBe(3);
    expect(out.segments.b.n).toBe(2);
    expect(out.notes).toEqual(['1 row with no value in segment column "seg" is in no segment']);
  });

  it('eval --task clustering gives null metrics for a segment with one cluster, not an error', async () => {
    const data = write(
      'one-cluster-segment.csv',
      'x,cluster,seg\n0,1,a\n0.1,1,a\n5,2,a\n5.2,2,a\n0.3,1,b\n0.2,1,b\n0.4,1,b\n',
    );
    const out = await evalJson([
      '--data',
      data,
      '--task',
      'clustering',
      '--prediction',
      'cluster',
      '--segment',
      'seg',
    ]);
    expect(out.segments.b).toEqual({
      n: 3,
      metrics: { silhouette: null, daviesBouldin: null, calinskiHarabasz: null },
    });
    expect(out.segments.a.metrics.silhouette).toBeGreaterThan(0.9);
    expect(out.notes).toEqual([
      'features: x (every numerical column but the cluster id and segment; set --features)',
    ]);
  });

  it('eval --task binary gives a null rocAuc for a segment that holds one class', async () => {
    const data = write('one-class-segment.csv', 'y,s,seg\n1,0.9,a\n0,0.2,a\n1,0.7,b\n1,0.6,b\n');
    const out = await evalJson([
      '--data',
      data,
      '--task',
      'binary',
      '--target',
      'y',
      '--score',
      's',
      '--segment',
      'seg',
    ]);
    expect(out.segments.a.metrics.rocAuc).toBe(1);
    expect(out.segments.b.metrics.rocAuc).toBeNull();
    // Average precision is defined with positives only (sklearn's average_precision_score gives 1 there too).
    expect(out.segments.b.metrics.prAuc).toBe(1);
  });

  it('eval --probas leaves the role columns out even when their names start with the prefix', async () => {
    const data = write('prefix.csv', 'p_label,p_a,p_b\na,0.8,0.2\nb,0.3,0.7\na,0.6,0.4\nb,0.45,0.55\n');
    const out = await evalJson([
      '--data',
      data,
      '--task',
      'multiclass',
      '--target',
      'p_label',
      '--probas',
      'p_',
    ]);
    expect(out.confusionMatrix).toEqual({
      labels: ['a', 'b'],
      matrix: [
        [2, 0],
        [0, 2],
      ],
    });
    expect(out.metrics.rocAucOvrMacro).toBe(1);
  });
});
