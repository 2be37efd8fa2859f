/**
 * `vigil profile` on ../shared/data/vega/flights-3m.parquet (3 million rows; not in a user's clone, hence a
 * `*.data.test.ts`). Expected numbers come from DuckDB aggregates on the same file in the same run (avg,
 * stddev_samp, quantile_cont = linear interpolation, count(DISTINCT), duplicated rows = count(*) − distinct rows).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../core/test/helpers/close.js';
import { runCli } from './helpers/runCli.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const file = path.resolve(repoRoot, '../shared/data/vega/flights-3m.parquet');

async function duckdb(sql: string): Promise<Record<string, unknown>> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(sql);
  const row = reader.getRowObjectsJS()[0];
  connection.closeSync();
  return row as Record<string, unknown>;
}

describe('vigil profile on flights-3m.parquet', () => {
  it('profile flights-3m agrees with DuckDB aggregates', async () => {
    const started = performance.now();
    const run = await runCli(['profile', '--data', file, '--format', 'json']);
    const seconds = (performance.now() - started) / 1000;
    console.log(`vigil profile flights-3m.parquet (in-process): ${seconds.toFixed(2)} s`);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const expected = await duckdb(`
      SELECT count(*) AS n, avg(delay) AS mean, stddev_samp(delay) AS std, min(delay) AS min, max(delay) AS max,
        quantile_cont(delay, 0.25) AS q25, quantile_cont(delay, 0.99) AS q99,
        count(DISTINCT delay) AS uniqueDelay, count(*) FILTER (WHERE delay = 0) AS zeros,
        count(*) FILTER (WHERE delay < 0) AS negatives, avg(distance) AS meanDistance,
        count(DISTINCT origin) AS uniqueOrigin, corr(delay, distance) AS pearson,
        count(*) - (SELECT count(*) FROM (SELECT DISTINCT * FROM '${file}')) AS duplicated
      FROM '${file}'`);
    const num = (k: string) => Number(expected[k]);
    expect(out.nRows).toBe(num('n'));
    expect(out.duplicatedRows.count).toBe(num('duplicated'));
    const delay = out.columns.find((c: { name: string }) => c.name === 'delay');
    expectClose(delay.mean, num('mean'));
    expectClose(delay.std, num('std'));
    expect(delay.min).toBe(num('min'));
    expect(delay.max).toBe(num('max'));
    expectClose(delay.quantiles.p25, num('q25'));
    expectClose(delay.quantiles.p99, num('q99'));
    expect(delay.unique).toBe(num('uniqueDelay'));
    expect(delay.zeros).toBe(num('zeros'));
    expect(delay.negatives).toBe(num('negatives'));
    expectClose(out.columns.find((c: { name: string }) => c.name === 'distance').mean, num('meanDistance'));
    expect(out.columns.find((c: { name: string }) => c.name === 'origin').unique).toBe(num('uniqueOrigin'));
    expectClose(out.correlations.pearson.values[0][1], num('pearson'));
  });
});
