import { describe, expect, it } from 'vitest';
import { formatFromPath } from '../src/format.js';

describe('formatFromPath', () => {
  it('formatFromPath(path) maps every supported extension, case-insensitively', () => {
    const cases: [string, string][] = [
      ['a.csv', 'csv'],
      ['a.CSV', 'csv'],
      ['a.txt', 'csv'],
      ['a.csv.gz', 'csv'],
      ['a.tsv', 'tsv'],
      ['a.tsv.gz', 'tsv'],
      ['dir.v2/a.parquet', 'parquet'],
      ['a.jsonl', 'jsonl'],
      ['a.ndjson', 'jsonl'],
      ['a.json', 'json'],
      ['a.arrow', 'arrow'],
      ['a.feather', 'arrow'],
      ['a.ipc', 'arrow'],
    ];
    expect(cases.map(([p]) => formatFromPath(p))).toEqual(cases.map(([, f]) => f));
  });

  it('formatFromPath(path, format) prefers the named format', () => {
    expect(formatFromPath('a.csv', 'parquet')).toBe('parquet');
  });

  it('formatFromPath(path without extension) throws UNREADABLE_FILE', () => {
    expect(() => formatFromPath('data/README')).toThrow(
      'loadFrame: file must have a supported extension; got "(none)" in "data/README"',
    );
    expect(() => formatFromPath('a.gz')).toThrow('got ".gz"');
  });
});
