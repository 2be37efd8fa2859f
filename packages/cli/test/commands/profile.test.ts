import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/runCli.js';

/** `vigil profile` end to end on a small fixture (statistics: core's golden tests in quality.golden). */
const data = fixture('profile.csv');

describe('vigil profile', () => {
  it('profile --format json has the documented keys, with NaN written as null', async () => {
    const run = await runCli(['profile', '--data', data, '--format', 'json', '--target', 'score']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining([
        'file',
        'nRows',
        'nColumns',
        'duplicatedRows',
        'columnsWithMissing',
        'constantColumns',
        'almostConstantColumns',
        'correlations',
        'highlyCorrelated',
        'targetLeakage',
        'columns',
        'notes',
      ]),
    );
    expect(out).toMatchObject({ nRows: 8, nColumns: 5, columnsWithMissing: 1, target: 'score' });
    expect(out.duplicatedRows).toEqual({ count: 1, rows: [2] });
    const income = out.columns.find((c: { name: string }) => c.name === 'income');
    expect(income).toMatchObject({ kind: 'numeric', count: 7, missing: 1, min: 50.5, max: 1000 });
    expect(income.outliers).toMatchObject({ method: 'iqr', count: 1, rows: [6] });
    expect(Object.keys(income.quantiles)).toEqual(['p1', 'p5', 'p25', 'p50', 'p75', 'p95', 'p99']);
    const city = out.columns.find((c: { name: string }) => c.name === 'city');
    expect(city.topValues[0]).toEqual({ value: 'a', count: 4 });
  });

  it('profile --columns --top --bins --outliers shape the result', async () => {
    const run = await runCli([
      'profile',
      '--data',
      data,
      '--format',
      'json',
      '--columns',
      'age,city',
      '--top',
      '2',
      '--bins',
      '3',
      '--outliers',
      'mad',
    ]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.columns.map((c: { name: string }) => c.name)).toEqual(['age', 'city']);
    expect(out.columns[0].histogram.counts).toHaveLength(3);
    expect(out.columns[0].topValues).toHaveLength(2);
    expect(out.columns[0].outliers.method).toBe('mad');
  });

  it('profile (text) starts with the summary line', async () => {
    const run = await runCli(['profile', '--data', data]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(
      '8 rows × 5 columns; 1 duplicated rows; 1 columns with missing values; 0 highly correlated pairs',
    );
    expect(run.stdout).toContain('income');
  });

  it('profile --columns with an unknown column exits 2 and suggests the closest', async () => {
    const run = await runCli(['profile', '--data', data, '--columns', 'age,incme']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--columns must name a column of the data; got "incme"');
    expect(run.stderr).toContain('did you mean "income"');
    expect(run.stderr).toContain('profile.csv');
  });

  it('profile --target with an unknown column exits 2 and suggests the closest', async () => {
    const run = await runCli(['profile', '--data', data, '--target', 'scor']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--target must name a column of the data; got "scor"');
    expect(run.stderr).toContain('did you mean "score"');
  });

  it('profile --corr-threshold outside (0, 1] is a usage error', async () => {
    const run = await runCli(['profile', '--data', data, '--corr-threshold', '2']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--corr-threshold must be in (0, 1]');
  });
});
