import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

/** `vigil schema infer | validate` end to end on small CSV files written to a temporary directory. */
const reference = [
  ['id', 'age', 'city', 'start', 'end'],
  ['1', '30', 'paris', '2024-01-01', '2024-01-05'],
  ['2', '45', 'lyon', '2024-01-02', '2024-01-02'],
  ['3', '', 'paris', '2024-01-03', '2024-01-09'],
  ['4', '61', 'nice', '2024-01-04', '2024-01-04'],
];
const current = [
  ['id', 'age', 'city', 'start', 'end'],
  ['1', '30', 'paris', '2024-01-01', '2024-01-05'],
  ['1', '99', 'rome', '2024-01-02', '2024-01-01'],
  ['3', '12', 'paris', '2024-01-03', '2024-01-09'],
  ['4', '', 'berlin', '2024-01-04', '2024-01-03'],
  ['5', '40', 'rome', '2024-01-05', '2024-01-06'],
];
const csv = (rows: string[][]) => `${rows.map((r) => r.join(',')).join('\n')}\n`;

let dir: string;
const at = (name: string) => join(dir, name);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-schema-'));
  writeFileSync(at('ref.csv'), csv(reference));
  writeFileSync(at('cur.csv'), csv(current));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 1-based data rows of `rows` (header excluded) where `pred` holds. */
function rowsWhere(rows: string[][], pred: (row: Record<string, string>, i: number) => boolean): number[] {
  const [header, ...data] = rows;
  return data.flatMap((r, i) =>
    pred(Object.fromEntries(header.map((h, k) => [h, r[k]])), i) ? [i + 1] : [],
  );
}

interface Violation {
  column: string;
  rule: string;
  count: number;
  firstRows: number[];
  message: string;
}

describe('vigil schema', () => {
  it('schema infer writes a JSON schema that validates the same file', async () => {
    const inferred = await runCli(['schema', 'infer', '--data', at('ref.csv')]);
    expect(inferred.code).toBe(0);
    expect(inferred.stderr).toBe('');
    const schema = JSON.parse(inferred.stdout);
    expect(schema.version).toBe(1);
    expect(schema.columns.map((c: { name: string; type: string }) => [c.name, c.type])).toEqual([
      ['id', 'numerical'],
      ['age', 'numerical'],
      ['city', 'categorical'],
      ['start', 'datetime'],
      ['end', 'datetime'],
    ]);
    const ages = reference
      .slice(1)
      .map((r) => r[1])
      .filter((a) => a !== '')
      .map(Number);
    expect(schema.columns[1]).toMatchObject({
      nullable: true,
      min: Math.min(...ages),
      max: Math.max(...ages),
    });
    expect(schema.columns[2].allowedValues).toEqual([...new Set(reference.slice(1).map((r) => r[2]))].sort());
    writeFileSync(at('ref.schema.json'), inferred.stdout);
    const valid = await runCli([
      'schema',
      'validate',
      '--schema',
      at('ref.schema.json'),
      '--data',
      at('ref.csv'),
    ]);
    expect(valid).toEqual({
      code: 0,
      stdout: `Schema valid: no violations in ${reference.length - 1} rows.\n`,
      stderr: '',
    });
  });

  it('schema infer --max-categories 2 leaves out allowedValues of a 3-category column', async () => {
    const run = await runCli(['schema', 'infer', '--data', at('ref.csv'), '--max-categories', '2']);
    expect(JSON.parse(run.stdout).columns[2].allowedValues).toBeUndefined();
  });

  it('schema validate --format json lists counts and first rows of each violation, exit 1', async () => {
    const schema = {
      version: 1,
      columns: [
        { name: 'id', type: 'numerical', unique: true, nullable: false },
        { name: 'age', type: 'numerical', min: 18, max: 90, nullable: false },
        { name: 'city', type: 'categorical', allowedValues: ['paris', 'lyon', 'nice'], pattern: '^[a-z]+$' },
        { name: 'start', type: 'datetime' },
        { name: 'end', type: 'datetime', max: '2024-01-08' },
      ],
      rules: [{ rule: 'compare', left: 'end', op: '>=', right: 'start' }],
    };
    writeFileSync(at('strict.json'), JSON.stringify(schema));
    const run = await runCli([
      'schema',
      'validate',
      '--schema',
      at('strict.json'),
      '--data',
      at('cur.csv'),
      '--format',
      'json',
    ]);
    expect(run.code).toBe(1);
    const result: { valid: boolean; rowCount: number; violations: Violation[] } = JSON.parse(run.stdout);
    const allowed = ['paris', 'lyon', 'nice'];
    const expected: [string, string, number[]][] = [
      ['id', 'unique', rowsWhere(current, (r, i) => current.slice(1, i + 1).some((p) => p[0] === r.id))],
      ['age', 'nullable', rowsWhere(current, (r) => r.age === '')],
      ['age', 'min', rowsWhere(current, (r) => r.age !== '' && Number(r.age) < 18)],
      ['age', 'max', rowsWhere(current, (r) => r.age !== '' && Number(r.age) > 90)],
      ['city', 'allowedValues', rowsWhere(current, (r) => !allowed.includes(r.city))],
      ['end', 'max', rowsWhere(current, (r) => r.end > '2024-01-08')],
      ['end', 'compare', rowsWhere(current, (r) => r.end < r.start)],
    ];
    expect(result.valid).toBe(false);
    expect(result.rowCount).toBe(current.length - 1);
    expect(result.violations.map((v) => [v.column, v.rule, v.firstRows])).toEqual(expected);
    expect(result.violations.map((v) => v.count)).toEqual(expected.map((e) => e[2].length));
  });

  it('schema validate (text) starts with a summary line, then a table', async () => {
    writeFileSync(
      at('small.json'),
      JSON.stringify({
        version: 1,
        allowExtraColumns: true,
        columns: [
          { name: 'city', type: 'categorical', allowedValues: ['paris'] },
          { name: 'zip', type: 'text' },
        ],
      }),
    );
    const run = await runCli(['schema', 'validate', '--schema', at('small.json'), '--data', at('cur.csv')]);
    const rows = rowsWhere(current, (r) => r.city !== 'paris');
    const message = `${rows.length} values not in allowedValues: "rome", "berlin"`;
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      '2 violations in 2 columns: city, zip.',
      '',
      'column  rule           rows  first rows  message',
      `------  -------------  ----  ----------  ${'-'.repeat(message.length)}`,
      `city    allowedValues     ${rows.length}  ${rows.join(', ')}     ${message}`,
      'zip     required          -  -           column is missing from the data',
      '',
    ]);
  });

  it('schema validate (bad schema file) exits 2 with the JSON path', async () => {
    writeFileSync(
      at('bad.json'),
      JSON.stringify({ version: 1, columns: [{ name: 'age', type: 'numerical', min: 'abc' }] }),
    );
    const run = await runCli(['schema', 'validate', '--schema', at('bad.json'), '--data', at('cur.csv')]);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        'error: parseSchema: columns[0].min must be a number; got "abc"',
        `  file:   ${at('bad.json')}`,
        '  hint:   the schema format is described in the README section "Data schema"',
        '',
      ].join('\n'),
    });
  });

  it('schema validate (missing schema file) exits 2', async () => {
    const run = await runCli(['schema', 'validate', '--schema', at('none.json'), '--data', at('cur.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `error: schema validate: --schema must be a readable file; got "${at('none.json')}"`,
    );
  });

  it('schema validate reads a numeric-looking categorical column as text', async () => {
    writeFileSync(
      at('codes.json'),
      JSON.stringify({
        version: 1,
        allowExtraColumns: true,
        columns: [{ name: 'id', type: 'categorical', pattern: '^[1-4]$' }],
      }),
    );
    const run = await runCli([
      'schema',
      'validate',
      '--schema',
      at('codes.json'),
      '--data',
      at('cur.csv'),
      '--format',
      'json',
    ]);
    const rows = rowsWhere(current, (r) => !/^[1-4]$/.test(r.id));
    expect(JSON.parse(run.stdout).violations.map((v: Violation) => [v.rule, v.firstRows])).toEqual([
      ['pattern', rows],
    ]);
  });

  it('schema infer --max-categories -1 is a usage error', async () => {
    const run = await runCli(['schema', 'infer', '--data', at('ref.csv'), '--max-categories', '-1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--max-categories must be an integer >= 0; got "-1".');
  });
});
