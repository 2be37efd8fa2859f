import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeIo, loadFrame } from '../src/index.js';
import { col, numbers, strings, tempDir } from './helpers/files.js';

const tmp = tempDir();
afterAll(async () => {
  await closeIo();
  tmp.remove();
});

const ms = (iso: string) => Date.parse(iso);

const BASIC =
  'id,score,flag,when,city\n' +
  '1,0.5,true,2024-01-31,Paris\n' +
  '2,1.25,false,2024-02-01 12:30:00,Rome\n' +
  '3,,true,,Paris\n' +
  '4,-3e2,,2024-03-01T00:00:00Z,\n';

describe('loadFrame: CSV', () => {
  it('loadFrame(csv) infers numerical, boolean, datetime and categorical columns', async () => {
    const file = tmp.write('basic.csv', BASIC);
    const { frame, format, rowCount, inferred, file: echoed } = await loadFrame(file);
    expect(format).toBe('csv');
    expect(echoed).toBe(file);
    expect(rowCount).toBe(4);
    expect(frame.nRows).toBe(4);
    expect(frame.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'numerical'],
      ['score', 'numerical'],
      ['flag', 'boolean'],
      ['when', 'datetime'],
      ['city', 'categorical'],
    ]);
    expect(numbers(frame, 'id')).toEqual([1, 2, 3, 4]);
    expect(numbers(frame, 'score')).toEqual([0.5, 1.25, Number.NaN, -300]);
    expect(numbers(frame, 'flag')).toEqual([1, 0, 1, Number.NaN]);
    expect(numbers(frame, 'when')).toEqual([
      ms('2024-01-31T00:00:00Z'),
      ms('2024-02-01T12:30:00Z'),
      Number.NaN,
      ms('2024-03-01T00:00:00Z'),
    ]);
    expect(strings(frame, 'city')).toEqual(['Paris', 'Rome', 'Paris', null]);
    expect(inferred).toEqual({
      id: { type: 'numerical', reason: 'DOUBLE: numbers' },
      score: { type: 'numerical', reason: 'DOUBLE: numbers' },
      flag: { type: 'boolean', reason: 'BOOLEAN: true/false values (stored as 1/0)' },
      // CSV date-times are always read as instants (naive values as UTC).
      when: {
        type: 'datetime',
        reason: 'TIMESTAMP WITH TIME ZONE: dates and times (stored as epoch milliseconds, UTC)',
      },
      // (5 + 4 + 5) / 3 characters.
      city: { type: 'categorical', reason: 'VARCHAR: 2 distinct of 3 values (66.667%), average length 4.7' },
    });
  });

  it('loadFrame(csv) lists a dictionary in order of first appearance, missing as -1', async () => {
    const file = tmp.write('order.csv', 'c\nz\na\nz\n\nm\na\n');
    const c = col((await loadFrame(file)).frame, 'c');
    expect(c.kind === 'categorical' && [Array.from(c.codes), c.dictionary]).toEqual([
      [0, 1, 0, -1, 2, 1],
      ['z', 'a', 'm'],
    ]);
  });

  it('loadFrame(csv.gz) reads gzip-compressed CSV like the plain file', async () => {
    const plain = await loadFrame(tmp.write('plain.csv', BASIC));
    const gz = await loadFrame(tmp.write('basic.csv.gz', gzipSync(BASIC)));
    expect(gz.format).toBe('csv');
    expect(gz.frame).toEqual(plain.frame);
  });

  it('loadFrame(tsv) splits on tabs, so commas stay inside values', async () => {
    const file = tmp.write('t.tsv', 'name\tvalue\nSmith, J.\t1.5\nDoe, A.\t2\n');
    const { frame, format } = await loadFrame(file);
    expect(format).toBe('tsv');
    expect(strings(frame, 'name')).toEqual(['Smith, J.', 'Doe, A.']);
    expect(numbers(frame, 'value')).toEqual([1.5, 2]);
  });

  it('loadFrame(tsv.gz) reads gzip-compressed TSV', async () => {
    const { frame, format } = await loadFrame(tmp.write('t.tsv.gz', gzipSync('a\tb\n1\tx\n2\ty\n')));
    expect(format).toBe('tsv');
    expect(numbers(frame, 'a')).toEqual([1, 2]);
    expect(strings(frame, 'b')).toEqual(['x', 'y']);
  });

  it('loadFrame(txt) reads a .txt file as CSV with a detected delimiter', async () => {
    const { frame, format } = await loadFrame(tmp.write('t.txt', 'a|b\n1|x\n2|y\n'));
    expect(format).toBe('csv');
    expect(numbers(frame, 'a')).toEqual([1, 2]);
  });

  it('loadFrame(csv) detects a semicolon delimiter', async () => {
    const file = tmp.write('semi.csv', 'a;b;c\n1;x;2.5\n2;y;3.5\n3;z;4.5\n');
    const { frame } = await loadFrame(file);
    expect(frame.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(numbers(frame, 'c')).toEqual([2.5, 3.5, 4.5]);
  });

  it('loadFrame(csv, {delimiter}) uses the given delimiter', async () => {
    // Auto-detection could take either ',' or '|' here; the option decides.
    const file = tmp.write('pipe.csv', 'a|b\n1,5|x\n2,5|y\n');
    const { frame } = await loadFrame(file, { delimiter: '|' });
    expect(strings(frame, 'a')).toEqual(['1,5', '2,5']);
    expect(strings(frame, 'b')).toEqual(['x', 'y']);
  });

  it('loadFrame(csv) keeps delimiters, newlines and doubled quotes inside quoted fields', async () => {
    const file = tmp.write(
      'quoted.csv',
      'id,text,tag\n1,"a, b","line one\nline two"\n2,"he said ""hi""",plain\n',
    );
    const { frame, rowCount } = await loadFrame(file);
    expect(rowCount).toBe(2);
    expect(strings(frame, 'text')).toEqual(['a, b', 'he said "hi"']);
    expect(strings(frame, 'tag')).toEqual(['line one\nline two', 'plain']);
  });

  it('loadFrame(csv) takes column names from the header line, even when every value is text', async () => {
    const { frame, rowCount } = await loadFrame(tmp.write('hdr.csv', 'first,second\nx,y\nz,w\n'));
    expect(frame.columns.map((c) => c.name)).toEqual(['first', 'second']);
    expect(rowCount).toBe(2);
  });

  it('loadFrame(csv) handles quotes in the path and in column names', async () => {
    const file = tmp.write("it's.csv", `it's,"say ""hi""",b\n1,x,2\n3,y,4\n`);
    const { frame } = await loadFrame(file, { categorical: ["it's"], numerical: ['b'] });
    expect(frame.columns.map((c) => c.name)).toEqual(["it's", 'say "hi"', 'b']);
    expect(strings(frame, "it's")).toEqual(['1', '3']);
  });

  it('loadFrame(csv) never drops rows that look like comments or a preamble', async () => {
    const { frame } = await loadFrame(tmp.write('hash.csv', 'a,b\n#1,2\n3,4\n'));
    expect(strings(frame, 'a')).toEqual(['#1', '3']);
  });

  it('loadFrame(csv) reads the default missing tokens, also with a space around them, as missing', async () => {
    const file = tmp.write('missing.csv', 'x,s\n1,a\nNA,NA\nNaN,NaN\nnull,null\n?,?\n ?, ?\n,\n2,b\n"",""\n');
    const { frame, inferred } = await loadFrame(file);
    expect(numbers(frame, 'x')).toEqual([1, ...Array(6).fill(Number.NaN), 2, Number.NaN]);
    expect(inferred.x.type).toBe('numerical');
    expect(strings(frame, 's')).toEqual(['a', null, null, null, null, null, null, 'b', null]);
  });

  it('loadFrame(csv, {missing}) replaces the missing tokens', async () => {
    const file = tmp.write('dash.csv', 'x,s\n1,NA\n-,-\n3,?\n');
    const { frame } = await loadFrame(file, { missing: ['-'] });
    expect(numbers(frame, 'x')).toEqual([1, Number.NaN, 3]);
    expect(strings(frame, 's')).toEqual(['NA', null, '?']);
  });

  it('loadFrame(csv) keeps a decimal that appears after the sniffer sample (no rounding to an integer)', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => String(i % 7));
    rows[25_000] = '1.5';
    const { frame, inferred } = await loadFrame(tmp.write('late-decimal.csv', `n\n${rows.join('\n')}\n`));
    expect(inferred.n.type).toBe('numerical');
    expect(numbers(frame, 'n')[25_000]).toBe(1.5);
  });

  it('loadFrame(csv) re-reads as text a column whose value after the sample is not a number', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => String(i));
    rows[25_000] = 'abc';
    const { frame, inferred } = await loadFrame(tmp.write('late-text.csv', `n\n${rows.join('\n')}\n`));
    const values = strings(frame, 'n');
    expect(values[25_000]).toBe('abc');
    expect(values[24_999]).toBe('24999');
    expect(inferred.n).toEqual({
      type: 'categorical',
      reason:
        'VARCHAR: 30000 distinct of 30000 values (100%), average length 4.6; 99.997% of the values are numbers ' +
        'but not "abc" in row 25001 (declare it numerical to list it as an error, or add it to the missing tokens)',
    });
  });

  it('loadFrame(csv) honours an offset that first appears after the sniffer sample', async () => {
    const rows = Array.from({ length: 30_000 }, () => '2024-01-31 10:00:00');
    rows[25_000] = '2024-01-31 10:00:00+02:00';
    const { frame } = await loadFrame(tmp.write('late-offset.csv', `t\n${rows.join('\n')}\n`));
    const t = numbers(frame, 't');
    expect([t[0], t[25_000]]).toEqual([ms('2024-01-31T10:00:00Z'), ms('2024-01-31T08:00:00Z')]);
  });

  it('loadFrame(csv) reads date-times with an offset as the UTC instant', async () => {
    const file = tmp.write('tz.csv', 't\n2024-01-31T10:00:00+02:00\n2024-01-31T10:00:00Z\n');
    const { frame, inferred } = await loadFrame(file);
    expect(inferred.t.type).toBe('datetime');
    expect(numbers(frame, 't')).toEqual([ms('2024-01-31T08:00:00Z'), ms('2024-01-31T10:00:00Z')]);
  });
});

describe('loadFrame: type inference for strings', () => {
  const sentence = (i: number) => `this is review number ${i}, which says something long`;

  it('loadFrame(csv) infers text when most values are distinct and long', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => `${i},"${sentence(i)}",label${i % 2}`);
    const file = tmp.write('text.csv', `id,review,label\n${lines.join('\n')}\n`);
    const { frame, inferred } = await loadFrame(file);
    expect(col(frame, 'review').type).toBe('text');
    expect(inferred.review.reason).toBe(
      // 10 sentences of 50 characters (i < 10) and 10 of 51.
      'VARCHAR: 20 distinct of 20 values (100%), average length 50.5 — more than 50% distinct and longer than ' +
        '20 characters, so free text',
    );
    expect(col(frame, 'label').type).toBe('categorical');
  });

  it('loadFrame(csv) keeps long strings categorical when they repeat (≤ 50% distinct)', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => `"${sentence(i % 10)}"`);
    const { frame } = await loadFrame(tmp.write('repeated.csv', `r\n${lines.join('\n')}\n`));
    expect(col(frame, 'r').type).toBe('categorical');
  });

  it('loadFrame(csv) codes inlined (≤ 12 bytes) and longer UTF-8 strings alike', async () => {
    // 12 and 13 ASCII bytes; 'é' is 2 bytes in UTF-8, so 6 of them are 12 bytes (inlined) and 7 are 14 (not).
    const values = ['abcdefghijkl', 'abcdefghijklm', 'é'.repeat(6), 'é'.repeat(7), '日本', '🙂', '', 'x'];
    const lines = [...values, ...values.slice().reverse()].map((v) => `"${v}"`);
    const { frame } = await loadFrame(tmp.write('utf8.csv', `s\n${lines.join('\n')}\n`), { missing: ['NA'] });
    const c = col(frame, 's');
    expect(c.kind === 'categorical' && c.dictionary).toEqual(values);
    expect(strings(frame, 's')).toEqual([...values, ...values.slice().reverse()]);
  });

  it('loadFrame(csv) keeps short distinct strings categorical (identifiers)', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => `user_${i}`);
    const { frame } = await loadFrame(tmp.write('ids.csv', `u\n${lines.join('\n')}\n`));
    expect(col(frame, 'u').type).toBe('categorical');
  });

  it('loadFrame(csv) codes a column of 60 000 distinct values (the hash table grows many times)', async () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => (i === 7 ? '' : `v${i % 60_001}`));
    const { frame } = await loadFrame(tmp.write('many.csv', `v\n${lines.join('\n')}\n`));
    const c = col(frame, 'v');
    expect(c.kind).toBe('categorical');
    if (c.kind !== 'categorical') return;
    expect(c.dictionary.length).toBe(59_999);
    expect(c.dictionary[0]).toBe('v0');
    expect(c.codes[7]).toBe(-1);
    expect(c.dictionary[c.codes[59_999]]).toBe('v59999');
  });
});

describe('loadFrame: declared types', () => {
  it('loadFrame(csv, {numerical}) converts a string column to numbers', async () => {
    const file = tmp.write('num.csv', 'x\n1\n2.5\nabc\n');
    const { frame, inferred } = await loadFrame(file, { numerical: ['x'], missing: ['', 'abc'] });
    expect(numbers(frame, 'x')).toEqual([1, 2.5, Number.NaN]);
    expect(inferred.x).toEqual({ type: 'numerical', reason: 'declared numerical (stored as DOUBLE)' });
  });

  it('loadFrame(csv, {numerical}) parses numbers in a column stored as text', async () => {
    const file = tmp.write('num2.csv', 'x\n" 1 "\nfoo\n2\n');
    const { frame, inferred } = await loadFrame(file, { numerical: ['x'], missing: ['foo'] });
    expect(numbers(frame, 'x')).toEqual([1, Number.NaN, 2]);
    expect(inferred.x.type).toBe('numerical');
  });

  it('loadFrame(csv, {categorical}) keeps the exact text of number-like values', async () => {
    const file = tmp.write('zip.csv', 'zip,n\n02139,1\n10001,2.0\n02139,3\n');
    const { frame, inferred } = await loadFrame(file, { categorical: ['zip', 'n'] });
    expect(strings(frame, 'zip')).toEqual(['02139', '10001', '02139']);
    expect(strings(frame, 'n')).toEqual(['1', '2.0', '3']);
    expect(inferred.zip).toEqual({ type: 'categorical', reason: 'declared categorical (stored as VARCHAR)' });
  });

  it('loadFrame(parquet, {categorical}) turns numbers into categories, integers without ".0"', async () => {
    const file = tmp.file('cat.parquet');
    await duckdbRun(
      `COPY (SELECT * FROM (VALUES (1, 2.5), (2, 2.0), (NULL, -0.0), (1, 1e21)) t(i, d)) TO '${file}' (FORMAT parquet)`,
    );
    const { frame, inferred } = await loadFrame(file, { categorical: ['i', 'd'] });
    expect(strings(frame, 'i')).toEqual(['1', '2', null, '1']);
    expect(strings(frame, 'd')).toEqual(['2.5', '2', '0', '1e+21']);
    expect(inferred.i).toEqual({ type: 'categorical', reason: 'declared categorical (stored as INTEGER)' });
  });

  it('loadFrame(csv, {text}) marks a column as free text', async () => {
    const { frame } = await loadFrame(tmp.write('txt.csv', 'c\na\nb\na\n'), { text: ['c'] });
    expect(col(frame, 'c').type).toBe('text');
    expect(strings(frame, 'c')).toEqual(['a', 'b', 'a']);
  });

  it('loadFrame(csv, {datetime}) reads numbers as epoch milliseconds', async () => {
    const { frame } = await loadFrame(tmp.write('epoch.csv', 't\n0\n86400000\n'), { datetime: ['t'] });
    expect(col(frame, 't').type).toBe('datetime');
    expect(numbers(frame, 't')).toEqual([0, 86_400_000]);
  });

  it('loadFrame(jsonl, {datetime}) converts ISO strings, offsets included', async () => {
    const file = tmp.write(
      'dt2.jsonl',
      '{"t": "2024-01-31"}\n{"t": null}\n{"t": "2024-02-29T12:00:00+01:00"}\n',
    );
    const { frame, inferred } = await loadFrame(file, { datetime: ['t'] });
    expect(numbers(frame, 't')).toEqual([ms('2024-01-31T00:00:00Z'), Number.NaN, ms('2024-02-29T11:00:00Z')]);
    expect(inferred.t.type).toBe('datetime');
  });

  it('loadFrame(csv, {boolean}) reads 0/1 numbers and yes/no text as booleans', async () => {
    const file = tmp.write('bool.csv', 'b,s\n1,Y\n0,n\n,\n1,TRUE\n');
    const { frame, inferred } = await loadFrame(file, { boolean: ['b', 's'] });
    expect(col(frame, 'b').type).toBe('boolean');
    expect(numbers(frame, 'b')).toEqual([1, 0, Number.NaN, 1]);
    expect(numbers(frame, 's')).toEqual([1, 0, Number.NaN, 1]);
    expect(inferred.b).toEqual({ type: 'boolean', reason: 'declared boolean (stored as DOUBLE)' });
  });

  it('loadFrame(csv, {numerical}) on a boolean column keeps 1/0 as numbers', async () => {
    const { frame } = await loadFrame(tmp.write('b2n.csv', 'b\ntrue\nfalse\n'), { numerical: ['b'] });
    expect(col(frame, 'b').type).toBe('numerical');
    expect(numbers(frame, 'b')).toEqual([1, 0]);
  });
});

describe('loadFrame: columns and progress', () => {
  it('loadFrame(file, {columns}) loads only those columns, in the order given', async () => {
    const file = tmp.write('proj.csv', BASIC);
    const { frame, inferred } = await loadFrame(file, { columns: ['city', 'id'] });
    expect(frame.columns.map((c) => c.name)).toEqual(['city', 'id']);
    expect(Object.keys(inferred)).toEqual(['city', 'id']);
    expect(numbers(frame, 'id')).toEqual([1, 2, 3, 4]);
  });

  it('loadFrame(file, {columns, numerical}) ignores a declaration for a column it does not load', async () => {
    const file = tmp.write('proj2.csv', BASIC);
    const { frame } = await loadFrame(file, { columns: ['id'], numerical: ['city'] });
    expect(frame.columns.map((c) => c.name)).toEqual(['id']);
  });

  it('loadFrame(a, b) in parallel keeps each load apart (own connection, temporary tables and types)', async () => {
    const a = tmp.write('para-a.csv', 'k,v\nx,1\ny,2\n');
    const b = tmp.write('para-b.csv', 'k,w\np,3\nq,4\nr,5\n');
    const [ra, rb] = await Promise.all([loadFrame(a), loadFrame(b)]);
    expect(strings(ra.frame, 'k')).toEqual(['x', 'y']);
    expect(strings(rb.frame, 'k')).toEqual(['p', 'q', 'r']);
    expect(numbers(rb.frame, 'w')).toEqual([3, 4, 5]);
  });

  it('closeIo() closes the DuckDB instance; the next loadFrame() opens a new one', async () => {
    const file = tmp.write('reopen.csv', 'a\n1\n');
    await loadFrame(file);
    await closeIo();
    await closeIo();
    expect((await loadFrame(file)).rowCount).toBe(1);
  });

  it('loadFrame(file, {onProgress}) reports increasing fractions from 0 to 1, also while reading rows', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `${i},c${i % 7}`);
    const seen: number[] = [];
    await loadFrame(tmp.write('progress.csv', `n,c\n${rows.join('\n')}\n`), {
      onProgress: (f) => seen.push(f),
    });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
    // 0, then 0.2 once rows are counted, one report per 32 chunks of 2048 rows (98 chunks here), then 1.
    expect(seen.filter((f) => f > 0.2 && f < 1).length).toBeGreaterThanOrEqual(3);
  });
});

describe('loadFrame: Parquet', () => {
  const codecs = ['snappy', 'zstd', 'gzip', 'uncompressed'] as const;
  beforeAll(async () => {
    for (const codec of codecs) {
      await duckdbRun(
        `COPY (SELECT i::INTEGER AS i, (i * 0.5)::DOUBLE AS d, i::BIGINT * 1000000000 AS big, i % 2 = 0 AS even,
                      CASE WHEN i = 2 THEN NULL ELSE 'c' || (i % 3) END AS cat,
                      DATE '2024-01-01' + i::INTEGER AS day, TIMESTAMP '2024-01-01 00:00:00' + to_hours(i) AS ts,
                      (i * 1.25)::DECIMAL(10, 2) AS dec
               FROM range(5) t(i))
         TO '${tmp.file(`p-${codec}.parquet`)}' (FORMAT parquet, COMPRESSION ${codec})`,
      );
    }
  });

  for (const codec of codecs) {
    it(`loadFrame(parquet ${codec}) reads every storage type`, async () => {
      const { frame, format, rowCount, inferred } = await loadFrame(tmp.file(`p-${codec}.parquet`));
      expect(format).toBe('parquet');
      expect(rowCount).toBe(5);
      expect(numbers(frame, 'i')).toEqual([0, 1, 2, 3, 4]);
      expect(numbers(frame, 'd')).toEqual([0, 0.5, 1, 1.5, 2]);
      expect(numbers(frame, 'big')).toEqual([0, 1e9, 2e9, 3e9, 4e9]);
      expect(numbers(frame, 'even')).toEqual([1, 0, 1, 0, 1]);
      expect(col(frame, 'even').type).toBe('boolean');
      expect(strings(frame, 'cat')).toEqual(['c0', 'c1', null, 'c0', 'c1']);
      expect(numbers(frame, 'day')).toEqual([1, 2, 3, 4, 5].map((d) => ms(`2024-01-0${d}T00:00:00Z`)));
      expect(numbers(frame, 'ts')).toEqual([0, 1, 2, 3, 4].map((h) => ms(`2024-01-01T0${h}:00:00Z`)));
      expect(numbers(frame, 'dec')).toEqual([0, 1.25, 2.5, 3.75, 5]);
      expect(Object.fromEntries(Object.entries(inferred).map(([k, v]) => [k, v.reason]))).toEqual({
        i: 'INTEGER: numbers',
        d: 'DOUBLE: numbers',
        big: 'BIGINT: numbers',
        even: 'BOOLEAN: true/false values (stored as 1/0)',
        cat: 'VARCHAR: 2 distinct of 4 values (50%), average length 2.0',
        day: 'DATE: dates and times (stored as epoch milliseconds, UTC)',
        ts: 'TIMESTAMP: dates and times (stored as epoch milliseconds, UTC)',
        dec: 'DECIMAL(10,2): numbers',
      });
    });
  }

  it('loadFrame(parquet, {columns}) reads only the named columns', async () => {
    const { frame } = await loadFrame(tmp.file('p-zstd.parquet'), { columns: ['cat'] });
    expect(frame.columns.map((c) => c.name)).toEqual(['cat']);
  });

  it('loadFrame(parquet) keeps NaN stored in a double column as missing', async () => {
    const file = tmp.file('nan.parquet');
    await duckdbRun(
      `COPY (SELECT * FROM (VALUES (1.0::DOUBLE), ('NaN'::DOUBLE), (NULL)) t(x)) TO '${file}' (FORMAT parquet)`,
    );
    expect(numbers((await loadFrame(file)).frame, 'x')).toEqual([1, Number.NaN, Number.NaN]);
  });
});

describe('loadFrame: JSON', () => {
  it('loadFrame(jsonl) reads one record per line with nulls and nested values as text', async () => {
    const file = tmp.write(
      'r.jsonl',
      '{"a": 1, "b": "x", "ok": true, "nested": {"k": 1}}\n' +
        '{"a": 2.5, "b": null, "ok": false, "nested": {"k": 2}}\n' +
        '{"a": null, "b": "y", "ok": null, "nested": null}\n',
    );
    const { frame, format } = await loadFrame(file);
    expect(format).toBe('jsonl');
    expect(numbers(frame, 'a')).toEqual([1, 2.5, Number.NaN]);
    expect(strings(frame, 'b')).toEqual(['x', null, 'y']);
    expect(numbers(frame, 'ok')).toEqual([1, 0, Number.NaN]);
    expect(strings(frame, 'nested')).toEqual(['{"k":1}', '{"k":2}', null]);
  });

  it('loadFrame(ndjson) is JSON Lines', async () => {
    const { format, rowCount } = await loadFrame(tmp.write('r.ndjson', '{"a": 1}\n{"a": 2}\n'));
    expect([format, rowCount]).toEqual(['jsonl', 2]);
  });

  it('loadFrame(json) reads an array of records', async () => {
    const file = tmp.write('r.json', '[{"a": 1, "t": "2024-01-31T10:00:00Z"}, {"a": 2, "t": null}]');
    const { frame, format } = await loadFrame(file);
    expect(format).toBe('json');
    expect(numbers(frame, 'a')).toEqual([1, 2]);
    expect(col(frame, 't').type).toBe('datetime');
    expect(numbers(frame, 't')).toEqual([ms('2024-01-31T10:00:00Z'), Number.NaN]);
  });

  it('loadFrame(jsonl) types fields from every record, not a sample (no rounding, no late failure)', async () => {
    const records = Array.from(
      { length: 30_000 },
      (_, i) => ({ a: i % 3, b: i }) as { a: number; b: number | string },
    );
    records[26_000].a = 1.5;
    records[25_000].b = 'abc';
    const file = tmp.write('late.jsonl', `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const { frame, inferred } = await loadFrame(file);
    expect(inferred.a.type).toBe('numerical');
    expect(numbers(frame, 'a')[26_000]).toBe(1.5);
    expect(strings(frame, 'b')[25_000]).toBe('abc');
    expect(strings(frame, 'b')[24_999]).toBe('24999');
  });

  it('loadFrame(jsonl) reads a field with mixed JSON types as text, strings unquoted', async () => {
    const file = tmp.write('mixed.jsonl', '{"v": 1}\n{"v": "two"}\n{"v": [3]}\n');
    expect(strings((await loadFrame(file)).frame, 'v')).toEqual(['1', 'two', '[3]']);
  });
});

async function duckdbRun(sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
