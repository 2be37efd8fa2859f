import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { findRaggedRow } from '../src/findRaggedRow.js';
import { tempDir } from './helpers/files.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('findRaggedRow', () => {
  it('findRaggedRow(file) returns undefined when every record matches the header', async () => {
    expect(await findRaggedRow(tmp.write('ok.csv', 'a,b\n1,2\n"x,y",3\n\n4,5'))).toBeUndefined();
  });

  it('findRaggedRow(file) guesses the delimiter from the header and reports line and row', async () => {
    expect(await findRaggedRow(tmp.write('r.csv', 'a;b;c\n1;2;3\n4;5\n'))).toEqual({
      line: 3,
      row: 2,
      expected: 3,
      found: 2,
      delimiter: ';',
    });
  });

  it('findRaggedRow(file) counts quoted newlines as lines but not rows, and "" as a quote', async () => {
    const file = tmp.write('q.csv', 'a,b\n"x\n""y""",1\n\n2,3,4\n');
    expect(await findRaggedRow(file)).toEqual({ line: 5, row: 2, expected: 2, found: 3, delimiter: ',' });
  });

  it('findRaggedRow(file) checks a last record without a newline', async () => {
    expect(await findRaggedRow(tmp.write('last.csv', 'a,b\n1,2\n3'))).toMatchObject({ line: 3, found: 1 });
  });

  it('findRaggedRow(gzip file, delimiter) reads compressed files with the given delimiter', async () => {
    const file = tmp.write('r.csv.gz', gzipSync('a\tb\n1\t2\n3\t4\t5\n'));
    expect(await findRaggedRow(file, '\t')).toEqual({
      line: 3,
      row: 2,
      expected: 2,
      found: 3,
      delimiter: '\t',
    });
  });

  it('findRaggedRow(binary or delimiter-less file) returns undefined', async () => {
    expect(
      await findRaggedRow(tmp.write('bin.csv', Uint8Array.from([97, 44, 98, 10, 0, 44, 10]))),
    ).toBeUndefined();
    expect(await findRaggedRow(tmp.write('one.csv', 'a\n1\n2\n'))).toBeUndefined();
  });
});
