import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/runCli.js';

/** `vigil check SUITE.yaml` end to end: suites written to a temporary directory, data from the fixtures. */
let dir: string;
const at = (name: string) => join(dir, name);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-check-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const binaryData = `data:
  reference: ${fixture('binary.csv')}
  current: ${fixture('binary.csv')}
  task: binary
  target: label
  prediction: predicted
  score: score
  positive: churn
`;
const driftData = `data:
  reference: ${fixture('drift_reference.csv')}
  current: ${fixture('drift_current.csv')}
`;

async function check(name: string, yaml: string, ...args: string[]) {
  writeFileSync(at(name), yaml);
  const run = await runCli(['check', at(name), ...args]);
  const json = args.includes('json') && run.code !== 2 ? JSON.parse(run.stdout) : undefined;
  return { ...run, json };
}

describe('vigil check', () => {
  it('check(all pass) exits 0 with every check in the JSON', async () => {
    const run = await check(
      'pass.yaml',
      `name: pass
${binaryData}checks:
  - accuracy: { gte: 0.5 }
  - rocAuc: { notWorseThanReference: { by: 0.01 } }
  - rows: { eq: 150 }
`,
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    expect(run.json.name).toBe('pass');
    expect(
      run.json.checks.map((c: { name: string; status: string; line: number }) => [c.name, c.status, c.line]),
    ).toEqual([
      ['accuracy', 'pass', 11],
      ['rocAuc', 'pass', 12],
      ['rows', 'pass', 13],
    ]);
    // The same file as reference: the bound is the reference value less 1%.
    const roc = run.json.checks[1];
    expect(roc.condition.threshold).toBeCloseTo(roc.value * 0.99, 12);
    expect(run.json.summary).toEqual({ total: 3, passed: 3, failed: 0, warned: 0, errored: 0 });
  });

  it('check(a failing check) exits 1 and says why', async () => {
    const run = await check(
      'fail.yaml',
      `${binaryData}checks:
  - accuracy: { gt: 0.999 }
  - rows: { between: [1, 1000] }
`,
      '--format',
      'json',
    );
    expect(run.code).toBe(1);
    expect(run.json.checks[0]).toMatchObject({ status: 'fail', line: 10 });
    expect(run.json.checks[0].message).toMatch(/^accuracy [0-9.]+ is not > 0.999$/);
    expect(run.json.checks[1].status).toBe('pass');
  });

  it('check(only warnings) exits 0', async () => {
    const run = await check(
      'warn.yaml',
      `${binaryData}checks:
  - accuracy: { gt: 0.999 }
    severity: warn
`,
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    expect(run.json.checks[0]).toMatchObject({ status: 'warn', severity: 'warn' });
  });

  it('check(presets and drift) runs the data-drift preset with a per-column check', async () => {
    const run = await check(
      'drift.yaml',
      `${driftData}presets: [data-drift, data-quality]
checks:
  - drift.column: { lt: 0.99 }
    column: age
`,
      '--format',
      'json',
    );
    expect(run.code === 0 || run.code === 1).toBe(true);
    const names = run.json.checks.map((c: { name: string }) => c.name);
    expect(names).toContain('drift.share');
    expect(names).toContain('drift.column[city]');
    expect(names).toContain('quality.missingShare[income]');
    const age = run.json.checks.find((c: { name: string }) => c.name === 'drift.column[age]');
    expect(age.preset).toBeUndefined();
    expect(age.condition).toMatchObject({ operator: 'lt', threshold: 0.99 });
  });

  it('check(text, --junit, --html) writes the same result three ways', async () => {
    const yaml = `${binaryData}checks:\n  - accuracy: { gt: 0.999 }\n  - rows: { eq: 150 }\n`;
    const run = await check('outputs.yaml', yaml, '--junit', at('out.xml'), '--html', at('out.html'));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL +accuracy/);
    expect(run.stdout).toMatch(/PASS +rows/);
    const xml = readFileSync(at('out.xml'), 'utf8');
    expect(xml).toContain('tests="2" failures="1"');
    expect(readFileSync(at('out.html'), 'utf8')).toContain('accuracy');
  });

  it('check(malformed YAML) exits 2 with file:line', async () => {
    const run = await check(
      'bad.yaml',
      `${binaryData}checks:\n  - accuracy: { gte: 0.5\n  - rows: { eq: 1 }\n`,
    );
    expect(run.code).toBe(2);
    // The flow map opened on line 10 is found unclosed where line 11 starts.
    expect(run.stderr).toContain(`error: ${at('bad.yaml')}:11: suite: the file must be valid YAML`);
  });

  it('check(unknown check name) exits 2 with the line and the closest name', async () => {
    const run = await check(
      'unknown.yaml',
      `${binaryData}checks:\n  - rows: { gte: 1 }\n  - acuracy: { gte: 0.5 }\n`,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${at('unknown.yaml')}:11: checks: unknown check "acuracy"`);
    expect(run.stderr).toMatch(/hint: +did you mean "accuracy"/);
  });

  it('check(wrong condition shape) exits 2 with the line', async () => {
    const bad = [
      ['  - accuracy: { between: [0.9, 0.1] }', /between must be \[low, high\]/],
      ['  - accuracy: { atLeast: 0.9 }', /unknown condition "atLeast"/],
      ['  - accuracy: { gte: high }', /gte must be a finite number; got "high"/],
      ['  - accuracy: { notWorseThanReference: { by: -1 } }', /by must be a number ≥ 0/],
      ['  - accuracy: { gte: 0.5, lte: 1 }', /the condition must be/],
      ['  - accuracy: { gte: 0.5 }\n    severity: fatal', /severity must be fail or warn/],
    ] as const;
    for (const [line, message] of bad) {
      const run = await check('shape.yaml', `${binaryData}checks:\n${line}\n`);
      expect(run.code, line).toBe(2);
      expect(run.stderr, line).toMatch(/shape\.yaml:(10|11): /);
      expect(run.stderr, line).toMatch(message);
    }
  });

  it('check(unknown key) exits 2 with a suggestion', async () => {
    const run = await check(
      'key.yaml',
      `data:\n  current: ${fixture('binary.csv')}\n  targte: label\nchecks:\n  - rows: { gte: 1 }\n`,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(':3: data: unknown key "targte"');
    expect(run.stderr).toContain('did you mean "target"');
  });

  it('check(a column the data lacks) exits 2 with the line', async () => {
    const run = await check(
      'column.yaml',
      `${driftData}checks:\n  - quality.missingShare: { lt: 0.1 }\n    column: agee\n`,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${at('column.yaml')}:5: quality.missingShare: column "agee" must exist in the current data`,
    );
    expect(run.stderr).toContain('did you mean "age"');
  });

  it('check(a role column the data lacks) exits 2 at the data line', async () => {
    const run = await check(
      'role.yaml',
      `data:\n  current: ${fixture('binary.csv')}\n  task: binary\n  target: labl\n  prediction: predicted\nchecks:\n  - accuracy: { gte: 0.1 }\n`,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${at('role.yaml')}:4: data.target must name a column of the data`);
  });

  it('check(relative condition without reference) exits 2', async () => {
    const run = await check(
      'noref.yaml',
      `data:\n  current: ${fixture('binary.csv')}\n  task: binary\n  target: label\n  prediction: predicted\n  positive: churn\nchecks:\n  - accuracy: { notWorseThanReference: { by: 0.05 } }\n`,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${at('noref.yaml')}:8: accuracy: notWorseThanReference needs reference data; got none`,
    );
  });

  it('check(preset without reference) exits 2 at the preset', async () => {
    const run = await check(
      'nopreset.yaml',
      `data:\n  current: ${fixture('binary.csv')}\npresets: [data-drift]\n`,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${at('nopreset.yaml')}:3: runSuite: preset data-drift needs reference data`,
    );
  });

  it('check(missing suite file) exits 2', async () => {
    const run = await runCli(['check', at('nope.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the suite must be a readable file');
  });
});

describe('examples/suites', () => {
  const example = (name: string) =>
    fileURLToPath(new URL(`../../../../examples/suites/${name}`, import.meta.url));
  for (const name of ['binary-classification.yaml', 'drift-and-quality.yaml']) {
    it(`check(${name}) runs and passes`, async () => {
      const run = await runCli(['check', example(name), '--format', 'json']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout);
      expect(result.summary.failed).toBe(0);
      expect(result.summary.errored).toBe(0);
      expect(result.summary.total).toBeGreaterThan(4);
    }, 60_000);
  }
});
