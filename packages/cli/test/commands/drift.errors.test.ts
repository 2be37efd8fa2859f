import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

/** Bad input to `vigil drift`: exit code 2, the whole message on stderr, nothing on stdout, no stack trace. */
const files: Record<string, string> = {
  'reference.csv': 'age,income,city\n30,50.5,a\n40,60.1,b\n35,55.0,a\n',
  'renamed.csv': 'age,incom,town\n31,51.5,a\n41,61.1,b\n',
  'unrelated.csv': 'x,y\n1,2\n',
  'text-income.csv': 'age,income,city\n31,61.1,a\n41,abc,b\n',
  'empty-income.csv': 'age,income,city\n31,,a\n41,NA,b\n',
  'ragged.csv': 'age,income,city\n31,61.1,a\n41,62.0\n',
};

let dir: string;
const at = (name: string) => join(dir, name);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-drift-errors-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(at(name), text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** [title, reference, current, extra arguments, expected stderr lines (given the two paths)]. */
type Case = [string, string, string, string[], (ref: string, cur: string) => string[]];

const cases: Case[] = [
  [
    'a missing current file',
    'reference.csv',
    'no-such-file.csv',
    [],
    (_, cur) => [
      `error: loadFrame: file must exist; got "${cur}"`,
      `  file:   ${cur}`,
      `  hint:   Check the path; a relative path is resolved from ${process.cwd()}.`,
    ],
  ],
  [
    'files with different columns (listed per file)',
    'reference.csv',
    'renamed.csv',
    [],
    (ref, cur) => [
      `error: drift: reference and current must have the same columns; only in ${ref}: income, city; only in ${cur}: incom, town`,
      '  hint:   compare the shared columns with --columns age',
    ],
  ],
  [
    'files without a shared column',
    'reference.csv',
    'unrelated.csv',
    [],
    (ref, cur) => [
      `error: drift: reference and current must have the same columns; only in ${ref}: age, income, city; only in ${cur}: x, y`,
      '  hint:   the files share no column: check that they are the reference and current data of one model',
    ],
  ],
  [
    '--columns naming a column one file lacks',
    'reference.csv',
    'renamed.csv',
    ['--columns', 'age,income'],
    (_, cur) => [
      'error: --columns must name a column of the data; got "income"',
      `  file:   ${cur}`,
      '  column: income',
      '  hint:   did you mean "incom", "age", "town"?',
    ],
  ],
  [
    'a non-numeric value in a numerical column (the row is shown)',
    'reference.csv',
    'text-income.csv',
    [],
    (ref, cur) => [
      `error: drift: column "income" is numerical in ${ref} but row 2 of ${cur} has "abc"`,
      `  file:   ${cur}`,
      '  column: income',
      '  row:    2',
      '  hint:   fix the value, add it to the missing tokens (--missing), or compare the column as categories with --categorical income',
    ],
  ],
  [
    'a column with only missing values',
    'reference.csv',
    'empty-income.csv',
    [],
    (_, cur) => [
      'error: drift: column "income" must have at least one value; got only missing values in 2 rows',
      `  file:   ${cur}`,
      '  column: income',
      `  hint:   leave the column out with --columns, or check why it is empty in ${cur}`,
    ],
  ],
  [
    'a CSV row with too few fields',
    'reference.csv',
    'ragged.csv',
    [],
    (_, cur) => [
      `error: loadFrame: every row must have 3 fields like the header; got 2 on line 3 (data row 2) of "${cur}"`,
      `  file:   ${cur}`,
      '  row:    2',
      '  hint:   Fields are split on ",": quote values that contain it ("a,b"), fix that line, or name the right delimiter (--delimiter).',
    ],
  ],
];

describe('vigil drift with bad input', () => {
  it.each(cases)(
    'drift exits 2 on %s, with the whole message on stderr',
    async (_, ref, cur, args, expected) => {
      const run = await runCli([
        'drift',
        '--reference',
        at(ref),
        '--current',
        at(cur),
        ...args,
        '--format',
        'json',
      ]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`${expected(at(ref), at(cur)).join('\n')}\n`);
    },
  );

  it('drift --threshold under --test auto refuses a mix of p-value tests and distances', async () => {
    // The auto rule counts non-missing reference values: "x" has 1001 (> 1000: Wasserstein), "sparse" only 10
    // (KS), so one --threshold would mean "p < 0.01" for one column and "distance >= 0.01" for the other.
    const big = ['x,sparse', ...Array.from({ length: 1001 }, (_, i) => `${i},${i < 10 ? i : ''}`)].join('\n');
    writeFileSync(at('big.csv'), `${big}\n`);
    const run = await runCli([
      'drift',
      '--reference',
      at('big.csv'),
      '--current',
      at('big.csv'),
      '--threshold',
      '0.01',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        'error: dataDrift: threshold must apply to one kind of test; auto chose p-value tests (ks) and distances (wasserstein)',
        '  hint:   name one test (e.g. --test ks --threshold 0.01), or leave out the threshold to use each test’s default',
        '',
      ].join('\n'),
    );
  });
});
