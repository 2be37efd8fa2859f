import { mkdirSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { closeIo, loadFrame } from '../src/index.js';
import { rejection, tempDir } from './helpers/files.js';

const tmp = tempDir();
afterAll(async () => {
  await closeIo();
  tmp.remove();
});

const SUPPORTED =
  'Supported formats: csv, tsv, parquet, jsonl, json, arrow; the extension decides unless a format is named (--format).';
const CSV_HINT = `If the delimiter or quoting is unusual, name the delimiter (--delimiter ";"). Check that the file is complete and really is CSV. ${SUPPORTED}`;
/** Deterministic bytes that are no known format. */
const garbage = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256);

describe('loadFrame: file errors', () => {
  it('loadFrame(missing file) throws FILE_NOT_FOUND with the path and the working directory', async () => {
    const file = tmp.file('nope.csv');
    const e = await rejection(loadFrame(file));
    expect(e.code).toBe('FILE_NOT_FOUND');
    expect(e.message).toBe(`loadFrame: file must exist; got "${file}"`);
    expect(e.hint).toBe(`Check the path; a relative path is resolved from ${process.cwd()}.`);
    expect(e.location).toEqual({ file });
  });

  it('loadFrame(directory) throws UNREADABLE_FILE', async () => {
    const dir = tmp.file('folder.csv');
    mkdirSync(dir);
    const e = await rejection(loadFrame(dir));
    expect(e.code).toBe('UNREADABLE_FILE');
    expect(e.message).toBe(`loadFrame: file must be a regular file; got "${dir}" (a directory)`);
    expect(e.hint).toBe('Name a file inside the directory, e.g. data/reference.csv.');
    expect(e.location).toEqual({ file: dir });
  });

  it('loadFrame(unknown extension) throws UNREADABLE_FILE listing the supported extensions', async () => {
    const file = tmp.write('book.xlsx', 'x');
    const e = await rejection(loadFrame(file));
    expect(e.code).toBe('UNREADABLE_FILE');
    expect(e.message).toBe(`loadFrame: file must have a supported extension; got ".xlsx" in "${file}"`);
    expect(e.hint).toBe(
      'Supported: .csv.gz .tsv.gz .csv .tsv .txt .parquet .jsonl .ndjson .json .arrow .feather .ipc. ' +
        'To read another extension, name the format (--format csv|tsv|parquet|jsonl|json|arrow).',
    );
    expect(e.location).toEqual({ file });
  });

  it('loadFrame(file, {format: unknown}) throws UNREADABLE_FILE listing the formats', async () => {
    const file = tmp.write('data.dat', 'a\n1\n');
    const e = await rejection(loadFrame(file, { format: 'excel' as 'csv' }));
    expect(e.code).toBe('UNREADABLE_FILE');
    expect(e.message).toBe(
      'loadFrame: format must be one of csv, tsv, parquet, jsonl, json, arrow; got "excel"',
    );
    expect(e.hint).toBe('Supported formats: csv, tsv, parquet, jsonl, json, arrow.');
  });

  it('loadFrame(file, {format}) reads a file whatever its extension', async () => {
    const file = tmp.write('data.dat', 'a\n1\n2\n');
    expect((await loadFrame(file, { format: 'csv' })).rowCount).toBe(2);
  });

  it('loadFrame(corrupt parquet) throws UNREADABLE_FILE quoting DuckDB, with DuckDB’s error as cause', async () => {
    const file = tmp.write('bad.parquet', garbage);
    const e = await rejection(loadFrame(file));
    expect(e.code).toBe('UNREADABLE_FILE');
    expect(e.message).toBe(
      `loadFrame: file must be valid Parquet; got "${file}" (No magic bytes found at end of file '${file}')`,
    );
    expect(e.hint).toBe(`Check that the file is complete and really is Parquet. ${SUPPORTED}`);
    expect(e.location).toEqual({ file });
    expect((e.cause as Error).message).toMatch(/^Invalid Input Error: No magic bytes/);
  });

  it('loadFrame(truncated parquet) throws UNREADABLE_FILE', async () => {
    const good = tmp.file('good.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT range AS x FROM range(1000)) TO '${good}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(good);
    const file = tmp.write('truncated.parquet', bytes.subarray(0, bytes.length - 10));
    const e = await rejection(loadFrame(file));
    expect(e.code).toBe('UNREADABLE_FILE');
    expect(e.message).toMatch(
      new RegExp(`^loadFrame: file must be valid Parquet; got "${escapeRegExp(file)}" \\(.+\\)$`),
    );
  });

  it('loadFrame(binary .csv) throws UNREADABLE_FILE when no CSV dialect fits', async () => {
    const file = tmp.write('bad.csv', garbage);
    const e = await rejection(loadFrame(file));
    expect(e.code).toBe('UNREADABLE_FILE');
    expect(e.message).toBe(
      `loadFrame: file must be valid CSV; got "${file}" (the delimiter, quoting and header could not be detected)`,
    );
    expect(e.hint).toBe(CSV_HINT);
    expect(e.location).toEqual({ file });
    expect((e.cause as Error).message).toMatch(/Error when sniffing file/);
  });

  it('loadFrame(malformed jsonl) throws UNREADABLE_FILE naming the line', async () => {
    const file = tmp.write('bad.jsonl', '{"a": 1}\n{"a": \n');
    const e = await rejection(loadFrame(file));
    expect(e.code).toBe('UNREADABLE_FILE');
    expect(e.message).toBe(
      `loadFrame: file must be valid JSON Lines; got "${file}" ` +
        `(Malformed JSON in file "${file}", at byte 8 in line 3: unexpected end of data.)`,
    );
    expect(e.hint).toBe(`Check that the file is complete and really is JSON Lines. ${SUPPORTED}`);
  });

  it('loadFrame(corrupt arrow) throws UNREADABLE_FILE', async () => {
    const file = tmp.write('bad.arrow', garbage);
    const e = await rejection(loadFrame(file));
    expect(e.code).toBe('UNREADABLE_FILE');
    expect(e.message).toBe(
      `loadFrame: file must be valid Arrow IPC; got "${file}" (Expected to read 1163290488 metadata bytes, but only read 2988.)`,
    );
    expect(e.hint).toBe(`Check that the file is complete and really is Arrow IPC. ${SUPPORTED}`);
    expect(e.location).toEqual({ file });
  });
});

describe('loadFrame: empty input', () => {
  const hint =
    'Check that the file was written completely; a CSV needs a header line and at least one data row.';

  it('loadFrame(empty file) throws EMPTY_INPUT saying the file is empty', async () => {
    const file = tmp.write('empty.csv', '');
    const e = await rejection(loadFrame(file));
    expect(e.code).toBe('EMPTY_INPUT');
    expect(e.message).toBe(
      `loadFrame: file must have at least one data row; got no data rows in "${file}" (the file is empty)`,
    );
    expect(e.hint).toBe(hint);
    expect(e.location).toEqual({ file });
  });

  it('loadFrame(header-only csv) throws EMPTY_INPUT', async () => {
    const file = tmp.write('header.csv', 'a,b\n');
    const e = await rejection(loadFrame(file));
    expect(e.code).toBe('EMPTY_INPUT');
    expect(e.message).toBe(`loadFrame: file must have at least one data row; got no data rows in "${file}"`);
    expect(e.hint).toBe(hint);
    expect(e.location).toEqual({ file });
  });

  it('loadFrame(parquet without rows) throws EMPTY_INPUT', async () => {
    const file = tmp.file('empty.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT 1 AS x WHERE false) TO '${file}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const e = await rejection(loadFrame(file));
    expect(e.code).toBe('EMPTY_INPUT');
    expect(e.message).toBe(`loadFrame: file must have at least one data row; got no data rows in "${file}"`);
  });

  it('loadFrame(arrow without rows) throws EMPTY_INPUT', async () => {
    const file = tmp.write('empty.arrow', tableToIPC(tableFromArrays({ x: new Float64Array(0) }), 'file'));
    const e = await rejection(loadFrame(file));
    expect(e.code).toBe('EMPTY_INPUT');
    expect(e.message).toBe(`loadFrame: file must have at least one data row; got no data rows in "${file}"`);
  });
});

describe('loadFrame: unknown columns', () => {
  const CSV = 'age,workclass,education,sex,race\n39,State-gov,Bachelors,Male,White\n';

  it('loadFrame(file, {columns}) names the unknown column and the closest existing ones', async () => {
    const file = tmp.write('adultish.csv', CSV);
    const e = await rejection(loadFrame(file, { columns: ['age', 'agee'] }));
    expect(e.code).toBe('UNKNOWN_COLUMN');
    expect(e.message).toBe(
      `loadFrame: columns must name columns of "${file}"; got "agee" (closest: "age", "sex", "race")`,
    );
    expect(e.hint).toBe('Did you mean "age"? Column names are case-sensitive; the file has 5 columns.');
    expect(e.location).toEqual({ file, column: 'agee' });
    expect(e.details).toEqual({ closest: ['age', 'sex', 'race'] });
  });

  it('loadFrame(file, {numerical}) rejects an unknown column in a declaration', async () => {
    const file = tmp.write('adultish2.csv', CSV);
    const e = await rejection(loadFrame(file, { numerical: ['Education'] }));
    expect(e.code).toBe('UNKNOWN_COLUMN');
    expect(e.message).toBe(
      `loadFrame: numerical must name columns of "${file}"; got "Education" (closest: "education", "age", "race")`,
    );
    expect(e.hint).toBe('Did you mean "education"? Column names are case-sensitive; the file has 5 columns.');
    expect(e.location).toEqual({ file, column: 'Education' });
  });

  it('loadFrame(arrow, {categorical}) rejects an unknown column the same way', async () => {
    const file = tmp.write(
      'cols.arrow',
      tableToIPC(tableFromArrays({ price: Float64Array.from([1]) }), 'file'),
    );
    const e = await rejection(loadFrame(file, { categorical: ['prise'] }));
    expect(e.code).toBe('UNKNOWN_COLUMN');
    expect(e.message).toBe(
      `loadFrame: categorical must name columns of "${file}"; got "prise" (closest: "price")`,
    );
    expect(e.hint).toBe('Did you mean "price"? Column names are case-sensitive; the file has 1 column.');
  });

  it('loadFrame(file, {numerical, categorical}) rejects a column declared with two types', async () => {
    const file = tmp.write('adultish3.csv', CSV);
    const e = await rejection(loadFrame(file, { numerical: ['age'], categorical: ['age'] }));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toBe(
      'loadFrame: a column must be declared with one type; got "age" in both numerical and categorical',
    );
    expect(e.hint).toBe('Keep "age" in one of --numerical, --categorical.');
    expect(e.location).toEqual({ file, column: 'age' });
  });

  it('loadFrame(file, {columns: []}) and repeated names throw INVALID_ARGUMENT', async () => {
    const file = tmp.write('adultish4.csv', CSV);
    const empty = await rejection(loadFrame(file, { columns: [] }));
    expect([empty.code, empty.message]).toEqual([
      'INVALID_ARGUMENT',
      'loadFrame: columns must name at least one column; got []',
    ]);
    const twice = await rejection(loadFrame(file, { columns: ['age', 'age'] }));
    expect([twice.code, twice.message]).toEqual([
      'INVALID_ARGUMENT',
      'loadFrame: columns must not repeat a name; got "age" twice',
    ]);
  });

  it('loadFrame(file, {delimiter: bad}) throws INVALID_ARGUMENT', async () => {
    const e = await rejection(loadFrame(tmp.write('d.csv', 'a\n1\n'), { delimiter: '\n' }));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toBe(
      'loadFrame: delimiter must be 1 to 4 characters other than a quote or newline; got "\\n"',
    );
  });
});

describe('loadFrame: rows with the wrong number of fields', () => {
  const hint = (d: string) =>
    `Fields are split on ${d}: quote values that contain it ("a${d === 'tab' ? '\t' : d.slice(1, -1)}b"), ` +
    'fix that line, or name the right delimiter (--delimiter).';

  it('loadFrame(short csv with an extra field) names the line and the data row', async () => {
    const file = tmp.write('ragged.csv', 'a,b\n1,2\n3,4,5\n6,7\n');
    const e = await rejection(loadFrame(file));
    expect(e.code).toBe('UNREADABLE_FILE');
    expect(e.message).toBe(
      `loadFrame: every row must have 2 fields like the header; got 3 on line 3 (data row 2) of "${file}"`,
    );
    expect(e.hint).toBe(hint('","'));
    expect(e.location).toEqual({ file, row: 2 });
    expect(e.details).toEqual({ line: 3, expected: 2, found: 3, delimiter: ',' });
  });

  it('loadFrame(csv, {delimiter}) with a missing field names the line', async () => {
    const file = tmp.write('short.csv', 'a;b;c\n1;2;3\n4;5\n');
    const e = await rejection(loadFrame(file, { delimiter: ';' }));
    expect(e.message).toBe(
      `loadFrame: every row must have 3 fields like the header; got 2 on line 3 (data row 2) of "${file}"`,
    );
    expect(e.hint).toBe(hint('";"'));
    expect(e.location).toEqual({ file, row: 2 });
  });

  it('loadFrame(long csv with a bad row after the sniffer sample) names that line', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `${i},${i % 5}`);
    rows[50_000] = '1,2,3';
    const file = tmp.write('late-ragged.csv', `a,b\n${rows.join('\n')}\n`);
    const e = await rejection(loadFrame(file));
    expect(e.message).toBe(
      `loadFrame: every row must have 2 fields like the header; got 3 on line 50002 (data row 50001) of "${file}"`,
    );
    expect(e.location).toEqual({ file, row: 50_001 });
    expect((e.cause as Error).message).toMatch(/Expected Number of Columns: 2 Found: 3/);
  });

  it('loadFrame(csv with a quoted newline before the bad row) counts lines and rows apart', async () => {
    const file = tmp.write('ragged-quoted.csv', 'a,b\n1,"two\nlines"\n3,4,5\n');
    const e = await rejection(loadFrame(file));
    expect(e.message).toBe(
      `loadFrame: every row must have 2 fields like the header; got 3 on line 4 (data row 2) of "${file}"`,
    );
    expect(e.location).toEqual({ file, row: 2 });
  });

  it('loadFrame(tsv with a bad row) says the fields are split on tabs', async () => {
    const file = tmp.write('ragged.tsv', 'a\tb\n1\t2\n3\n');
    const e = await rejection(loadFrame(file));
    expect(e.message).toBe(
      `loadFrame: every row must have 2 fields like the header; got 1 on line 3 (data row 2) of "${file}"`,
    );
    expect(e.hint).toBe(hint('tab'));
  });
});

describe('loadFrame: values that do not fit a declared type', () => {
  it('loadFrame(csv, {numerical}) names file, column, data row and value', async () => {
    const file = tmp.write('mixed.csv', 'id,x\n1,1.5\n2,2\n3,abc\n4,def\n');
    const e = await rejection(loadFrame(file, { numerical: ['x'] }));
    expect(e.code).toBe('TYPE_MISMATCH');
    expect(e.message).toBe(
      `loadFrame: column "x" must hold numbers (declared numerical); got "abc" in data row 3 of "${file}"`,
    );
    expect(e.hint).toBe(
      'Fix or remove that value, add it to the missing tokens (--missing), or declare the column --categorical.',
    );
    expect(e.location).toEqual({ file, column: 'x', row: 3 });
    expect(e.details).toEqual({ value: 'abc' });
  });

  it('loadFrame(csv, {datetime}) rejects text that is not ISO 8601', async () => {
    const file = tmp.write('dates.csv', 'd\n2024-01-31\n31/01/2024\n');
    const e = await rejection(loadFrame(file, { datetime: ['d'] }));
    expect(e.code).toBe('TYPE_MISMATCH');
    expect(e.message).toBe(
      `loadFrame: column "d" must hold ISO 8601 dates or date-times (declared datetime); got "31/01/2024" in data row 2 of "${file}"`,
    );
    expect(e.hint).toBe(
      'Write dates as 2024-01-31 or 2024-01-31T12:00:00Z, add that value to the missing tokens (--missing), ' +
        'or declare the column --categorical.',
    );
    expect(e.location).toEqual({ file, column: 'd', row: 2 });
  });

  it('loadFrame(csv, {boolean}) rejects a number other than 0 and 1', async () => {
    const file = tmp.write('flags.csv', 'f\n0\n1\n2\n');
    const e = await rejection(loadFrame(file, { boolean: ['f'] }));
    expect(e.code).toBe('TYPE_MISMATCH');
    expect(e.message).toBe(
      `loadFrame: column "f" must hold booleans (true/false, yes/no, 1/0) (declared boolean); got 2 in data row 3 of "${file}"`,
    );
    expect(e.location).toEqual({ file, column: 'f', row: 3 });
  });

  it('loadFrame(csv, {boolean}) rejects text that is not a boolean', async () => {
    const file = tmp.write('flags2.csv', 'f\nyes\nmaybe\n');
    const e = await rejection(loadFrame(file, { boolean: ['f'] }));
    expect(e.message).toBe(
      `loadFrame: column "f" must hold booleans (true/false, yes/no, 1/0) (declared boolean); got "maybe" in data row 2 of "${file}"`,
    );
    expect(e.location).toEqual({ file, column: 'f', row: 2 });
  });

  it('loadFrame(arrow, {numerical}) names the data row of an Arrow string', async () => {
    const file = tmp.write('s.arrow', tableToIPC(tableFromArrays({ s: ['1', null, 'x'] }), 'file'));
    const e = await rejection(loadFrame(file, { numerical: ['s'] }));
    expect(e.message).toBe(
      `loadFrame: column "s" must hold numbers (declared numerical); got "x" in data row 3 of "${file}"`,
    );
    expect(e.location).toEqual({ file, column: 's', row: 3 });
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
