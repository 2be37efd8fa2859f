import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/runCli.js';

/**
 * `vigil check` suite options: `data.drift` (the options of `vigil drift`), `name:` on checks, duplicate checks,
 * and the JUnit timestamp. Suites are written to a temporary directory; data from the fixtures.
 */
let dir: string;
const at = (name: string) => join(dir, name);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-check-options-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const reference = fixture('drift_reference.csv');
const current = fixture('drift_current.csv');
const binaryData = `data:
  reference: ${fixture('binary.csv')}
  current: ${fixture('binary.csv')}
  task: binary
  target: label
  prediction: predicted
  score: score
  positive: churn
`;

async function check(name: string, yaml: string, ...args: string[]) {
  writeFileSync(at(name), yaml);
  const run = await runCli(['check', at(name), ...args]);
  const json = args.includes('json') && run.code !== 2 ? JSON.parse(run.stdout) : undefined;
  return { ...run, json };
}

/** `vigil drift --format json` on the same fixtures, with extra options. */
async function drift(...args: string[]) {
  const run = await runCli([
    'drift',
    '--reference',
    reference,
    '--current',
    current,
    '--workers',
    '1',
    '--format',
    'json',
    ...args,
  ]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as {
    columns: {
      column: string;
      test: string;
      statistic: number;
      pValue: number | null;
      pValueAdjusted?: number;
    }[];
    driftShare: number;
  };
}

interface JsonCheck {
  name: string;
  status: string;
  value: number | null;
  line?: number;
  preset?: string;
  message?: string;
  condition?: { operator: string; threshold: number };
  details?: { test?: string; threshold?: number };
}
const byName = (checks: JsonCheck[], name: string) => checks.find((c) => c.name === name)!;

describe('vigil check data.drift', () => {
  it('check(data.drift test: psi) makes every drift check PSI, as vigil drift --test psi', async () => {
    const run = await check(
      'psi.yaml',
      `data:
  reference: ${reference}
  current: ${current}
  drift: { test: psi, driftShare: 0.3 }
presets: [data-drift]
`,
      '--format',
      'json',
    );
    expect(run.code === 0 || run.code === 1, run.stderr).toBe(true);
    const expected = await drift('--test', 'psi', '--drift-share', '0.3');
    const checks = run.json.checks as JsonCheck[];
    for (const column of expected.columns) {
      const c = byName(checks, `drift.column[${column.column}]`);
      expect(c.details?.test, column.column).toBe('psi');
      // A distance: the check reads the statistic itself; the default condition is PSI's own threshold (0.1).
      expect(c.value, column.column).toBe(column.statistic);
      expect(c.condition, column.column).toMatchObject({ operator: 'lt', threshold: 0.1 });
    }
    const share = byName(checks, 'drift.share');
    expect(share.value).toBe(expected.driftShare);
    // The preset's dataset bound is driftShare.
    expect(share.condition).toMatchObject({ operator: 'lt', threshold: 0.3 });
  });

  it('check(data.drift test, threshold, correction) matches vigil drift with the same options', async () => {
    const run = await check(
      'holm.yaml',
      `data:
  reference: ${reference}
  current: ${current}
  drift:
    test: ks
    threshold: 0.01
    correction: holm
checks:
  - drift.share: { lte: 1 }
  - drift.column:
    column: age
  - drift.column:
    column: income
`,
      '--format',
      'json',
    );
    expect(run.code === 0 || run.code === 1, run.stderr).toBe(true);
    const expected = await drift('--test', 'ks', '--threshold', '0.01', '--correction', 'holm');
    const checks = run.json.checks as JsonCheck[];
    for (const name of ['age', 'income']) {
      const column = expected.columns.find((c) => c.column === name)!;
      const c = byName(checks, `drift.column[${name}]`);
      expect(c.details).toMatchObject({ test: 'ks', threshold: 0.01 });
      // The corrected p-value is what the verdict reads; it differs from the raw one.
      expect(column.pValueAdjusted).toBeDefined();
      expect(c.value).toBe(column.pValueAdjusted);
      expect(c.condition).toMatchObject({ operator: 'gte', threshold: 0.01 });
    }
    expect(byName(checks, 'drift.share').value).toBe(expected.driftShare);
  });

  it('check(data.drift, a column outside data.columns) computes its drift with the same options', async () => {
    const run = await check(
      'outside.yaml',
      `data:
  reference: ${reference}
  current: ${current}
  columns: [age]
  drift: { test: hellinger, threshold: 0.5 }
checks:
  - drift.column:
    column: tenure
`,
      '--format',
      'json',
    );
    expect(run.code === 0 || run.code === 1, run.stderr).toBe(true);
    const expected = await drift('--test', 'hellinger', '--columns', 'tenure');
    const [c] = run.json.checks as JsonCheck[];
    expect(c.details).toMatchObject({ test: 'hellinger', threshold: 0.5 });
    expect(c.value).toBe(expected.columns[0].statistic);
  });

  it('check(data.drift with a bad value) exits 2 at its line, with the closest name', async () => {
    const bad = [
      [
        '  drift: { test: pssi }',
        4,
        /data\.drift\.test must be auto or one of ks, .*; got "pssi"/,
        /did you mean "psi"/,
      ],
      [
        '  drift:\n    test: ks\n    threshold: 0',
        6,
        /data\.drift\.threshold must be a number > 0; got 0/,
        undefined,
      ],
      [
        '  drift:\n    threshold: high',
        5,
        /data\.drift\.threshold must be a finite number; got "high"/,
        undefined,
      ],
      ['  drift: { driftShare: 1.5 }', 4, /data\.drift\.driftShare must be in \(0, 1\]; got 1\.5/, undefined],
      [
        '  drift:\n    correction: bh',
        5,
        /data\.drift\.correction must be one of none, bonferroni, holm, fdr_bh; got "bh"/,
        /did you mean "fdr_bh"/,
      ],
      [
        '  drift:\n    test: ks\n    treshold: 0.1',
        6,
        /data\.drift: unknown key "treshold"/,
        /did you mean "threshold"/,
      ],
      ['  drift: psi', 4, /data\.drift must be a mapping/, undefined],
    ] as const;
    for (const [lines, line, message, hint] of bad) {
      const run = await check(
        'bad-drift.yaml',
        `data:\n  reference: ${reference}\n  current: ${current}\n${lines}\nchecks:\n  - drift.share: { lt: 0.5 }\n`,
      );
      expect(run.code, lines).toBe(2);
      expect(run.stderr, lines).toContain(`error: ${at('bad-drift.yaml')}:${line}: `);
      expect(run.stderr, lines).toMatch(message);
      if (hint) expect(run.stderr, lines).toMatch(hint);
    }
  });
});

describe('vigil check names and duplicates', () => {
  it('check(two checks on one value) exits 2 naming both lines', async () => {
    const run = await check(
      'dup.yaml',
      `${binaryData}checks:
  - accuracy: { gte: 0.7 }
  - rows: { gte: 1 }
  - accuracy: { gte: 0.75 }
    severity: warn
`,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `error: ${at('dup.yaml')}:12: checks: "accuracy" at line 12 repeats the check at line 10 (same check and column)`,
    );
    expect(run.stderr).toMatch(/hint: +to keep both conditions, give one of them a `name:`/);
  });

  it('check(same check and column twice) exits 2; other columns are other checks', async () => {
    const yaml = (second: string) => `data:
  reference: ${reference}
  current: ${current}
checks:
  - drift.column: { lt: 0.5 }
    column: age
  - drift.column: { lt: 0.3 }
    column: ${second}
`;
    const dup = await check('dup-column.yaml', yaml('age'));
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain(
      `${at('dup-column.yaml')}:7: checks: "drift.column[age]" at line 7 repeats the check at line 5`,
    );
    const two = await check('two-columns.yaml', yaml('income'), '--format', 'json');
    expect(two.code === 0 || two.code === 1, two.stderr).toBe(true);
    expect(two.json.checks.map((c: JsonCheck) => c.name)).toEqual([
      'drift.column[age]',
      'drift.column[income]',
    ]);
  });

  it('check(name:) keeps a warning and a failure bound on one value, named in text, JSON and JUnit', async () => {
    const yaml = `name: gates
${binaryData}checks:
  - accuracy: { gte: 0.999 }
    name: accuracy-warning
    severity: warn
  - accuracy: { gte: 0.5 }
  - rocAuc: { gt: 0.99999 }
    name: auc floor
`;
    const json = await check('named.yaml', yaml, '--format', 'json', '--junit', at('named.xml'));
    expect(json.code).toBe(1);
    const checks = json.json.checks as JsonCheck[];
    expect(checks.map((c) => [c.name, c.status, c.line])).toEqual([
      ['accuracy-warning', 'warn', 11],
      ['accuracy', 'pass', 14],
      ['auc floor', 'fail', 15],
    ]);
    expect(checks[0].message).toMatch(/^accuracy [0-9.]+ is not ≥ 0\.999$/);
    expect(checks[2].message).toMatch(/^rocAuc [0-9.]+ is not > 0\.99999$/);

    const text = await check('named.yaml', yaml);
    expect(text.stdout).toMatch(/WARN +accuracy-warning /);
    expect(text.stdout).toMatch(/FAIL +auc floor /);

    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      readFileSync(at('named.xml'), 'utf8'),
    );
    const suite = doc.testsuites.testsuite;
    expect(suite.testcase.map((t: { name: string }) => t.name)).toEqual([
      'accuracy-warning',
      'accuracy',
      'auc floor',
    ]);
    expect(suite.testcase[2].failure.message).toMatch(/^rocAuc [0-9.]+ is not > 0\.99999$/);
  });

  it('check(name: empty or repeated) exits 2 at the line', async () => {
    const empty = await check(
      'empty-name.yaml',
      `${binaryData}checks:\n  - accuracy: { gte: 0.5 }\n    name: ""\n`,
    );
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain(`${at('empty-name.yaml')}:11: name must be a non-empty string`);
    const twice = await check(
      'twice.yaml',
      `${binaryData}checks:\n  - accuracy: { gte: 0.5 }\n    name: gate\n  - f1: { gte: 0.5 }\n    name: gate\n`,
    );
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain(
      `${at('twice.yaml')}:12: checks: "gate" at line 12 repeats the check at line 10 (same name)`,
    );
  });

  it('check(preset and explicit checks) overrides the preset check by id; a named one is added', async () => {
    const run = await check(
      'override.yaml',
      `${binaryData}presets: [binary-classification]
checks:
  - accuracy: { gte: 0.1 }
  - f1: { gte: 0.99 }
    name: f1-strict
    severity: warn
`,
      '--format',
      'json',
    );
    expect(run.code, run.stderr).toBe(0);
    const checks = run.json.checks as JsonCheck[];
    expect(checks.map((c) => [c.name, c.preset ?? null])).toEqual([
      ['accuracy', null],
      ['f1', 'binary-classification'],
      ['rocAuc', 'binary-classification'],
      ['logLoss', 'binary-classification'],
      ['f1-strict', null],
    ]);
    expect(byName(checks, 'accuracy')).toMatchObject({
      line: 11,
      condition: { operator: 'gte', threshold: 0.1 },
    });
  });
});

describe('vigil check --junit', () => {
  it('check(--junit) gives the testsuite an ISO 8601 timestamp of the start and the time in seconds', async () => {
    const before = Date.now();
    const run = await check(
      'junit.yaml',
      `${binaryData}checks:\n  - rows: { eq: 150 }\n`,
      '--junit',
      at('run.xml'),
    );
    const after = Date.now();
    expect(run.code).toBe(0);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      readFileSync(at('run.xml'), 'utf8'),
    );
    const suite = doc.testsuites.testsuite;
    expect(suite.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
    const started = Date.parse(suite.timestamp);
    expect(started).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(started).toBeLessThanOrEqual(after);
    const time = Number(suite.time);
    expect(Number.isFinite(time)).toBe(true);
    expect(time).toBeGreaterThanOrEqual(0);
    expect(time * 1000).toBeLessThanOrEqual(after - before + 1);
    expect(suite.testcase.name).toBe('rows');
  });

  it('check(--format json) carries startedAt in the metadata', async () => {
    const run = await check('meta.yaml', `${binaryData}checks:\n  - rows: { eq: 150 }\n`, '--format', 'json');
    expect(run.json.metadata.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(typeof run.json.metadata.durationMs).toBe('number');
  });
});
