/**
 * loadFrame on the real data sets in ../shared/data (run with `npm run test:data`). Expected counts were computed
 * with pandas 1.5 (`pd.read_csv(..., na_values=['', '?'])`) and, for the Parquet file, with DuckDB SQL aggregates
 * that do not go through loadFrame.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { closeIo, loadFrame } from '../src/index.js';
import { col, numbers, strings, tempDir } from './helpers/files.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const data = (p: string) => path.resolve(root, '../shared/data', p);
const tmp = tempDir();
afterAll(async () => {
  await closeIo();
  tmp.remove();
});

const sum = (xs: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) if (!Number.isNaN(xs[i])) s += xs[i];
  return s;
};
const missing = (frame: Parameters<typeof col>[0], name: string) => {
  const c = col(frame, name);
  return c.kind === 'categorical'
    ? c.codes.filter((k) => k < 0).length
    : c.values.filter(Number.isNaN).length;
};

describe('loadFrame on ../shared/data', () => {
  it('loadFrame(flights-3m.parquet) loads 3M rows × 5 columns, matching DuckDB aggregates', async () => {
    const file = data('vega/flights-3m.parquet');
    const t0 = performance.now();
    const { frame, inferred } = await loadFrame(file);
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      `flights-3m.parquet: ${seconds.toFixed(2)} s, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
    );
    expect(frame.nRows).toBe(3_000_000);
    expect(Object.fromEntries(Object.entries(inferred).map(([k, v]) => [k, v.type]))).toEqual({
      date: 'datetime',
      delay: 'numerical',
      distance: 'numerical',
      origin: 'categorical',
      destination: 'categorical',
    });
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(
      `SELECT sum(delay)::DOUBLE, sum(distance)::DOUBLE, count(DISTINCT origin), count(DISTINCT destination),
              min(epoch_ms(date))::DOUBLE, max(epoch_ms(date))::DOUBLE, count(*) - count(delay)
       FROM read_parquet('${file}')`,
    );
    const [delay, distance, origins, destinations, minDate, maxDate, nullDelays] = reader
      .getRowsJS()[0]
      .map(Number);
    connection.closeSync();
    instance.closeSync();
    expect(sum(numbers(frame, 'delay'))).toBe(delay);
    expect(sum(numbers(frame, 'distance'))).toBe(distance);
    expect(missing(frame, 'delay')).toBe(nullDelays);
    const dates = col(frame, 'date');
    if (dates.kind !== 'numeric') throw new Error('date must be numeric');
    expect(dates.values.reduce((a, b) => Math.min(a, b), Infinity)).toBe(minDate);
    expect(dates.values.reduce((a, b) => Math.max(a, b), -Infinity)).toBe(maxDate);
    const origin = col(frame, 'origin');
    const destination = col(frame, 'destination');
    expect(origin.kind === 'categorical' && origin.dictionary.length).toBe(origins);
    expect(destination.kind === 'categorical' && destination.dictionary.length).toBe(destinations);
  });

  it('loadFrame(adult.csv) reads 48842 rows with empty fields as missing', async () => {
    const { frame, inferred } = await loadFrame(data('adult/adult.csv'));
    expect(frame.nRows).toBe(48_842);
    expect(frame.columns.length).toBe(15);
    expect(inferred.age).toEqual({ type: 'numerical', reason: 'DOUBLE: numbers' });
    expect(col(frame, 'workclass').type).toBe('categorical');
    expect(missing(frame, 'workclass')).toBe(2799);
    expect(missing(frame, 'occupation')).toBe(2809);
    expect(missing(frame, 'native-country')).toBe(857);
    expect(sum(numbers(frame, 'age'))).toBe(1_887_430);
    expect(sum(numbers(frame, 'fnlwgt'))).toBe(9_263_575_662);
    const cls = strings(frame, 'class');
    expect(cls.filter((c) => c === '<=50K').length).toBe(37_155);
    expect(cls.filter((c) => c === '>50K').length).toBe(11_687);
  });

  it('loadFrame(adult in the UCI layout: ", " separators and " ?" for missing) finds the same missing values', async () => {
    // Rebuild the original adult.data layout from the shared CSV: a space after each comma, "?" for missing.
    const lines = readFileSync(data('adult/adult.csv'), 'utf8').trimEnd().split('\n');
    const uci = lines.map((line, i) =>
      i === 0
        ? line
        : line
            .split(',')
            .map((f) => (f === '' ? '?' : f))
            .join(', '),
    );
    const file = tmp.write('adult-uci.csv', `${uci.join('\n')}\n`);
    const { frame, inferred } = await loadFrame(file);
    expect(frame.nRows).toBe(48_842);
    expect(inferred.age.type).toBe('numerical');
    expect(inferred['capital-gain'].type).toBe('numerical');
    expect(missing(frame, 'workclass')).toBe(2799);
    expect(missing(frame, 'occupation')).toBe(2809);
    expect(missing(frame, 'native-country')).toBe(857);
    expect(sum(numbers(frame, 'age'))).toBe(1_887_430);
  });

  it('loadFrame(adult.csv, {columns, categorical}) projects and declares', async () => {
    const { frame, inferred } = await loadFrame(data('adult/adult.csv'), {
      columns: ['education-num', 'sex'],
      categorical: ['education-num'],
    });
    expect(frame.columns.map((c) => [c.name, c.type])).toEqual([
      ['education-num', 'categorical'],
      ['sex', 'categorical'],
    ]);
    expect(inferred['education-num'].reason).toBe('declared categorical (stored as VARCHAR)');
    const c = col(frame, 'education-num');
    expect(c.kind === 'categorical' && [...c.dictionary].sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 16 }, (_, i) => String(i + 1)),
    );
  });

  it('loadFrame(seattle-weather.csv) reads dates as datetimes', async () => {
    const { frame, inferred } = await loadFrame(data('vega/seattle-weather.csv'));
    expect(frame.nRows).toBe(1461);
    expect(inferred.date.type).toBe('datetime');
    expect(numbers(frame, 'date')[0]).toBe(Date.UTC(2012, 0, 1));
    expect(strings(frame, 'weather').filter((w) => w === 'rain').length).toBe(641);
  });

  it('loadFrame(penguins.json) reads a JSON array with nulls', async () => {
    const { frame, format } = await loadFrame(data('vega/penguins.json'));
    expect(format).toBe('json');
    expect(frame.nRows).toBe(344);
    expect(missing(frame, 'Beak Length (mm)')).toBe(2);
    expect(col(frame, 'Species').type).toBe('categorical');
  });
});
