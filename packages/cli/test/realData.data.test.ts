/**
 * `vigil eval` and `vigil drift` on the real data sets in ../shared/data (not in a user's clone, hence a
 * `*.data.test.ts`, run by `npm run test:data`). Expected numbers: scripts/golden/real_data.py (scikit-learn 1.2.1,
 * scipy 1.10.1, statsmodels 0.13.5) → test/golden/real_data.json, which also records the SHA-256 of every data file.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClose } from '../../core/test/helpers/close.js';
import { main } from '../src/main.js';
import golden from './golden/real_data.json' with { type: 'json' };
import { capturingTerminal } from './helpers/terminal.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const data = (relative: string) => path.resolve(repoRoot, '../shared/data', relative);

interface EvalJson {
  task: string;
  n: number;
  metrics: Record<string, number | null>;
  confusionMatrix?: { labels: string[]; matrix: number[][] };
  segments?: Record<string, { n: number; metrics: Record<string, number | null> }>;
}

interface DriftJson {
  columns: {
    column: string;
    type: string;
    test: string;
    statistic: number | null;
    pValue: number | null;
    drift: boolean;
    referenceSize: number;
    currentSize: number;
  }[];
  driftedColumns: number;
  driftShare: number;
  datasetDrift: boolean;
}

interface GoldenDriftColumn {
  column: string;
  type: string;
  test: string;
  statistic: number;
  pValue: number | null;
  drift: boolean;
  referenceSize: number;
  currentSize: number;
}

/** Runs the CLI in-process with `--format json`; fails with stderr when the exit code is not 0. */
async function vigilJson<T>(args: string[]): Promise<T> {
  const terminal = capturingTerminal();
  const code = await main([...args, '--format', 'json'], terminal);
  expect(code, `vigil ${args.join(' ')} exited with ${code}: ${terminal.err()}`).toBe(0);
  return JSON.parse(terminal.out()) as T;
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Header plus the selected data rows of a CSV text (no quoted newlines in these files). */
function csvRows(text: string, keep: (fields: string[], index: number) => boolean): string {
  const lines = text.split('\n').filter((line) => line.length > 0);
  const rows = lines.slice(1).filter((line, i) => keep(line.split(','), i));
  return `${[lines[0], ...rows].join('\n')}\n`;
}

/** Statistic at 1e-9 relative, p-value at 1e-9 relative with an absolute floor of 1e-300, the rest exactly. */
function expectColumnLike(actual: DriftJson['columns'][number], expected: GoldenDriftColumn): void {
  expect({
    column: actual.column,
    type: actual.type,
    test: actual.test,
    drift: actual.drift,
    referenceSize: actual.referenceSize,
    currentSize: actual.currentSize,
  }).toEqual({
    column: expected.column,
    type: expected.type,
    test: expected.test,
    drift: expected.drift,
    referenceSize: expected.referenceSize,
    currentSize: expected.currentSize,
  });
  expect(actual.statistic, 'statistic').not.toBeNull();
  expectClose(actual.statistic!, expected.statistic);
  if (expected.pValue === null) expect(actual.pValue).toBeNull();
  else {
    expect(actual.pValue, 'pValue').not.toBeNull();
    expectClose(actual.pValue!, expected.pValue, 1e-9, 1e-300);
  }
}

function expectDatasetVerdict(result: DriftJson, expected: readonly GoldenDriftColumn[]): void {
  const drifted = expected.filter((c) => c.drift).length;
  expect(result.driftedColumns).toBe(drifted);
  expect(result.driftShare).toBe(drifted / expected.length);
  expect(result.datasetDrift).toBe(drifted / expected.length >= 0.5);
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'vigil-real-data-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('vigil eval --task binary on employment/reference.csv (ACS PUMS, Massachusetts 2015)', () => {
  const expected = golden.employment;
  let result: EvalJson;
  beforeAll(async () => {
    result = await vigilJson<EvalJson>([
      'eval',
      '--data',
      data(expected.file),
      '--task',
      'binary',
      '--target',
      'employed',
      '--prediction',
      'prediction',
      '--score',
      'predicted_probability',
      '--segment',
      'SEX',
    ]);
  });

  it('reads the file the golden values were computed on', () => {
    expect(sha256(data(expected.file))).toBe(expected.sha256);
  });

  it('eval(all rows) reports every metric scikit-learn computes, and only those', () => {
    expect(result.task).toBe('binary');
    expect(result.n).toBe(expected.n);
    expect(Object.keys(result.metrics).sort()).toEqual(Object.keys(expected.metrics).sort());
  });

  it.each(Object.entries(expected.metrics))('eval(all rows) %s matches scikit-learn 1.2.1', (name, value) => {
    expect(result.metrics[name], name).not.toBeNull();
    expectClose(result.metrics[name]!, value);
  });

  it('eval(all rows) confusion matrix matches sklearn.metrics.confusion_matrix', () => {
    expect(result.confusionMatrix).toEqual({ labels: ['0', '1'], matrix: expected.confusionMatrix });
  });

  it('eval --segment SEX reports the two SEX values with their row counts', () => {
    expect(Object.keys(result.segments ?? {}).sort()).toEqual(Object.keys(expected.segments).sort());
    for (const [sex, segment] of Object.entries(expected.segments))
      expect(result.segments![sex].n, `SEX=${sex}`).toBe(segment.n);
  });

  const segmentCases = Object.entries(expected.segments).flatMap(([sex, segment]) =>
    Object.entries(segment.metrics).map(([name, value]) => [sex, name, value] as const),
  );
  it.each(segmentCases)('eval(SEX = %s) %s matches scikit-learn 1.2.1', (sex, name, value) => {
    const actual = result.segments![sex].metrics[name];
    expect(actual, `SEX=${sex} ${name}`).not.toBeNull();
    expectClose(actual!, value);
  });
});

describe('vigil drift on adult/adult.csv (UCI Adult): the training part against the test part', () => {
  const expected = golden.adult;
  let result: DriftJson;
  beforeAll(async () => {
    // The file holds UCI's adult.test (16281 rows) first, then adult.data (32561 rows). It has no '?' (missing
    // values are empty fields) and its labels are only '<=50K' / '>50K' (no '<=50K.' from adult.test).
    const text = readFileSync(data(expected.file), 'utf8');
    const reference = path.join(scratch, 'adult-train.csv');
    const current = path.join(scratch, 'adult-test.csv');
    writeFileSync(
      reference,
      csvRows(text, (_, i) => i >= expected.testRows),
    );
    writeFileSync(
      current,
      csvRows(text, (_, i) => i < expected.testRows),
    );
    result = await vigilJson<DriftJson>(['drift', '--reference', reference, '--current', current]);
  });

  it('reads the file the golden values were computed on', () => {
    expect(sha256(data(expected.file))).toBe(expected.sha256);
  });

  it('drift(adult) tests every column, in file order', () => {
    expect(result.columns.map((c) => c.column)).toEqual(expected.columns.map((c) => c.column));
  });

  it.each(expected.columns.map((c) => [c.column, c.test, c] as const))(
    'drift(adult) %s uses %s (auto rule, reference > 1000 rows) and matches scipy 1.10.1',
    (column, _test, expectedColumn) => {
      expectColumnLike(result.columns.find((c) => c.column === column)!, expectedColumn);
    },
  );

  it('drift(adult) dataset verdict follows the column verdicts', () => {
    expectDatasetVerdict(result, expected.columns);
  });
});

describe('vigil drift on bike_sharing/day.csv: 2011 (yr = 0) against 2012 (yr = 1)', () => {
  const expected = golden.bikeSharing;
  let result: DriftJson;
  beforeAll(async () => {
    const text = readFileSync(data(expected.file), 'utf8');
    const yr = text.slice(0, text.indexOf('\n')).split(',').indexOf('yr');
    const reference = path.join(scratch, 'day-2011.csv');
    const current = path.join(scratch, 'day-2012.csv');
    writeFileSync(
      reference,
      csvRows(text, (fields) => fields[yr] === '0'),
    );
    writeFileSync(
      current,
      csvRows(text, (fields) => fields[yr] === '1'),
    );
    result = await vigilJson<DriftJson>([
      'drift',
      '--reference',
      reference,
      '--current',
      current,
      '--columns',
      expected.columns.map((c) => c.column).join(','),
    ]);
  });

  it('reads the file the golden values were computed on', () => {
    expect(sha256(data(expected.file))).toBe(expected.sha256);
  });

  it('drift(day, --columns) tests exactly the listed columns, in that order', () => {
    expect(result.columns.map((c) => c.column)).toEqual(expected.columns.map((c) => c.column));
  });

  it.each(expected.columns.map((c) => [c.column, c.test, c] as const))(
    'drift(day) %s uses %s (auto rule, reference ≤ 1000 rows) and matches scipy 1.10.1 / statsmodels',
    (column, _test, expectedColumn) => {
      expectColumnLike(result.columns.find((c) => c.column === column)!, expectedColumn);
    },
  );

  it('drift(day) dataset verdict follows the column verdicts', () => {
    expectDatasetVerdict(result, expected.columns);
  });
});
