import { categoricalFromStrings, numericFromNumbers, VigilError } from '@vigil/core';
import { describe, expect, it } from 'vitest';
import {
  convertColumn,
  formatNumber,
  parseBoolean,
  parseDateTime,
  parseNumber,
} from '../src/convertColumn.js';

describe('parseNumber', () => {
  it('parseNumber(text) reads decimal, exponent and signed forms, with surrounding spaces', () => {
    expect(['1', '-2.5', '+3', '.5', '5.', '1e3', '-1.5E-2', ' 7 '].map(parseNumber)).toEqual([
      1, -2.5, 3, 0.5, 5, 1000, -0.015, 7,
    ]);
  });

  it('parseNumber(text) reads inf, infinity and nan in any case', () => {
    expect(['inf', '-Infinity', 'INF', 'NaN', 'nan'].map(parseNumber)).toEqual([
      Infinity,
      -Infinity,
      Infinity,
      Number.NaN,
      Number.NaN,
    ]);
  });

  it('parseNumber(text) rejects empty, hex, thousands separators and words', () => {
    expect(['', ' ', '0x10', '1,000', '1 000', 'abc', '1e', '--1', '1.2.3'].map(parseNumber)).toEqual(
      Array(9).fill(undefined),
    );
  });
});

describe('parseBoolean', () => {
  it('parseBoolean(text) reads true/false, t/f, yes/no, y/n, 1/0 in any case', () => {
    expect(['true', 'T', 'Yes', 'y', '1', ' FALSE ', 'f', 'no', 'N', '0'].map(parseBoolean)).toEqual([
      1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ]);
  });

  it('parseBoolean(text) rejects anything else', () => {
    expect(['on', 'off', '2', '', 'maybe'].map(parseBoolean)).toEqual(Array(5).fill(undefined));
  });
});

describe('parseDateTime', () => {
  it('parseDateTime(text) reads dates and date-times without an offset as UTC', () => {
    expect(parseDateTime('2024-01-31')).toBe(Date.UTC(2024, 0, 31));
    expect(parseDateTime('2024-01-31 12:34')).toBe(Date.UTC(2024, 0, 31, 12, 34));
    expect(parseDateTime('2024-01-31T12:34:56.789')).toBe(Date.UTC(2024, 0, 31, 12, 34, 56, 789));
    expect(parseDateTime('2024-01-31T12:34:56.5')).toBe(Date.UTC(2024, 0, 31, 12, 34, 56, 500));
  });

  it('parseDateTime(text) applies Z and ±hh:mm, ±hhmm, ±hh offsets', () => {
    const noon = Date.UTC(2024, 0, 31, 12);
    expect(parseDateTime('2024-01-31T12:00:00Z')).toBe(noon);
    expect(parseDateTime('2024-01-31T14:00:00+02:00')).toBe(noon);
    expect(parseDateTime('2024-01-31T07:30:00-0430')).toBe(noon);
    expect(parseDateTime('2024-01-31T13:00:00+01')).toBe(noon);
  });

  it('parseDateTime(text) rejects impossible dates and other formats', () => {
    expect(
      ['2023-02-29', '2024-13-01', '2024-01-31T24:00', '31/01/2024', '2024-1-5', '', 'today'].map(
        parseDateTime,
      ),
    ).toEqual(Array(7).fill(undefined));
    expect(parseDateTime('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });
});

describe('formatNumber', () => {
  it('formatNumber(x) writes integers without ".0" and other numbers in shortest form', () => {
    expect([1, 2.0, -0, 2.5, 0.1, 1e21, -3].map((x) => formatNumber(x, 'numerical'))).toEqual([
      '1',
      '2',
      '0',
      '2.5',
      '0.1',
      '1e+21',
      '-3',
    ]);
  });

  it('formatNumber(x, boolean | datetime) writes true/false and ISO 8601', () => {
    expect([formatNumber(1, 'boolean'), formatNumber(0, 'boolean')]).toEqual(['true', 'false']);
    expect(formatNumber(Date.UTC(2024, 0, 31), 'datetime')).toBe('2024-01-31T00:00:00.000Z');
  });
});

describe('convertColumn', () => {
  it('convertColumn(strings, numerical) parses each distinct value once and keeps missing', () => {
    const c = convertColumn(categoricalFromStrings('x', ['1', null, '2.5', '1']), 'numerical', 'f.csv');
    expect(c).toEqual({
      kind: 'numeric',
      name: 'x',
      type: 'numerical',
      values: Float64Array.from([1, NaN, 2.5, 1]),
    });
  });

  it('convertColumn(numbers, categorical) codes distinct numbers in order of first appearance', () => {
    const c = convertColumn(numericFromNumbers('n', [3, 1, NaN, 3, -0, 0]), 'categorical', 'f.csv');
    expect(c).toEqual({
      kind: 'categorical',
      name: 'n',
      type: 'categorical',
      codes: Int32Array.from([0, 1, -1, 0, 2, 2]),
      dictionary: ['3', '1', '0'],
    });
  });

  it('convertColumn(numbers, text | datetime | numerical) relabels without copying', () => {
    const source = numericFromNumbers('n', [1, 2]);
    const asDate = convertColumn(source, 'datetime', 'f.csv');
    expect(asDate.type).toBe('datetime');
    expect(asDate.kind === 'numeric' && asDate.values).toBe(source.values);
    expect(convertColumn(source, 'text', 'f.csv').type).toBe('text');
  });

  it('convertColumn(strings, boolean) throws TYPE_MISMATCH at the first bad row', () => {
    const column = categoricalFromStrings('b', ['yes', null, 'no', 'perhaps', 'nope']);
    expect(() => convertColumn(column, 'boolean', 'f.csv')).toThrowError(
      new VigilError(
        'TYPE_MISMATCH',
        'loadFrame: column "b" must hold booleans (true/false, yes/no, 1/0) (declared boolean); got "perhaps" in data row 4 of "f.csv"',
        {
          hint: 'Fix or remove that value, add it to the missing tokens (--missing), or declare the column --categorical.',
          location: { file: 'f.csv', column: 'b', row: 4 },
          details: { value: 'perhaps' },
        },
      ),
    );
  });

  it('convertColumn(numbers, boolean) accepts 0, 1 and NaN only', () => {
    const ok = convertColumn(numericFromNumbers('b', [0, 1, NaN]), 'boolean', 'f.csv');
    expect(ok.type).toBe('boolean');
    expect(() => convertColumn(numericFromNumbers('b', [0, 0.5]), 'boolean', 'f.csv')).toThrow(
      'got 0.5 in data row 2 of "f.csv"',
    );
  });
});
