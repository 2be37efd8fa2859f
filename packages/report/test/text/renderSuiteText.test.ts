import { type CheckResult, type SuiteResult, summarizeChecks } from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { byStatus, checkInWords, renderSuiteText, suiteCounts } from '../../src/text/renderSuiteText.js';
import { suiteFixture } from '../helpers/suiteFixture.js';

function suite(checks: CheckResult[]): SuiteResult {
  return { name: 's', checks, summary: summarizeChecks(checks), metadata: {} };
}

function check(name: string, status: CheckResult['status'], value: number | null): CheckResult {
  return {
    name,
    title: name,
    status,
    value,
    condition: { operator: 'lte', threshold: 0.1, description: 'lte 0.1' },
    severity: status === 'warn' ? 'warn' : 'fail',
  };
}

describe('renderSuiteText', () => {
  it('renderSuiteText(result) writes the summary line, then every check, failed first', () => {
    expect(renderSuiteText(suiteFixture())).toBe(
      [
        '2 of 7 checks failed, 1 errored, 1 warned: accuracy 0.78 (needs ≥ 0.8), f1 0.61 (needs ≥ 0.6175, reference 0.65), missingShare[age] errored, and 1 more',
        '',
        'status  check                 value  condition                  message',
        '------  -----------------  --------  -------------------------  ---------------------------------------------------------',
        'FAIL    accuracy               0.78  ≥ 0.8                      accuracy 0.78 is below 0.8',
        'FAIL    f1                     0.61  ≥ 0.6175 (reference 0.65)  f1 0.61 is more than 5% below the reference 0.65',
        'ERROR   missingShare[age]         —  ≤ 0.05                     missingShare: column "age" not found; did you mean "Age"?',
        'WARN    drift.share             0.4  ≤ 0.3                      4 of 10 columns drifted',
        'PASS    rocAuc                0.912  ≥ 0.85',
        'PASS    a<b & "c"                 3  between 1 and 5',
        'PASS    rmse               1.235e-5  < 0.001',
      ].join('\n'),
    );
  });

  it('renderSuiteText(result, { color: true }) colours the counts and the status words, and keeps the columns aligned', () => {
    const red = (s: string) => `\x1b[31m${s}\x1b[39m`;
    const bold = (s: string) => `\x1b[1m${s}\x1b[22m`;
    const green = (s: string) => `\x1b[32m${s}\x1b[39m`;
    const yellow = (s: string) => `\x1b[33m${s}\x1b[39m`;
    expect(renderSuiteText(suiteFixture(), { color: true })).toBe(
      [
        `${bold(red('2 of 7 checks failed, 1 errored, 1 warned'))}: accuracy 0.78 (needs ≥ 0.8), f1 0.61 (needs ≥ 0.6175, reference 0.65), missingShare[age] errored, and 1 more`,
        '',
        'status  check                 value  condition                  message',
        '------  -----------------  --------  -------------------------  ---------------------------------------------------------',
        `${red('FAIL')}    accuracy               0.78  ≥ 0.8                      accuracy 0.78 is below 0.8`,
        `${red('FAIL')}    f1                     0.61  ≥ 0.6175 (reference 0.65)  f1 0.61 is more than 5% below the reference 0.65`,
        `${bold(red('ERROR'))}   missingShare[age]         —  ≤ 0.05                     missingShare: column "age" not found; did you mean "Age"?`,
        `${yellow('WARN')}    drift.share             0.4  ≤ 0.3                      4 of 10 columns drifted`,
        `${green('PASS')}    rocAuc                0.912  ≥ 0.85`,
        `${green('PASS')}    a<b & "c"                 3  between 1 and 5`,
        `${green('PASS')}    rmse               1.235e-5  < 0.001`,
      ].join('\n'),
    );
  });

  it('renderSuiteText(all passed) says so in green', () => {
    const result = suite([check('a', 'pass', 0.01), check('b', 'pass', 0.02)]);
    expect(renderSuiteText(result)).toBe(
      [
        'All 2 checks passed.',
        '',
        'status  check  value  condition  message',
        '------  -----  -----  ---------  -------',
        'PASS    a       0.01  ≤ 0.1',
        'PASS    b       0.02  ≤ 0.1',
      ].join('\n'),
    );
    expect(renderSuiteText(result, { color: true }).split('\n')[0]).toBe(
      '\x1b[1m\x1b[32mAll 2 checks passed\x1b[39m\x1b[22m.',
    );
  });

  it('renderSuiteText(warnings only) counts the warnings against the total, in yellow', () => {
    const result = suite([check('a', 'pass', 0.01), check('b', 'warn', 0.5)]);
    expect(renderSuiteText(result).split('\n')[0]).toBe('1 of 2 checks warned: b 0.5 (needs ≤ 0.1)');
    expect(renderSuiteText(result, { color: true }).split('\n')[0]).toBe(
      '\x1b[1m\x1b[33m1 of 2 checks warned\x1b[39m\x1b[22m: b 0.5 (needs ≤ 0.1)',
    );
  });

  it('renderSuiteText(no checks) is one line', () => {
    expect(renderSuiteText(suite([]))).toBe('No checks ran.');
  });

  it('renderSuiteText(result) keeps the suite order within a status', () => {
    const result = suite([
      check('p1', 'pass', 0),
      check('f1', 'fail', 1),
      check('w1', 'warn', 1),
      check('f2', 'fail', 2),
      check('e1', 'error', null),
      check('p2', 'pass', 0),
      check('w2', 'warn', 2),
    ]);
    const names = renderSuiteText(result)
      .split('\n')
      .slice(4)
      .map((l) => l.split(/\s+/)[1]);
    expect(names).toEqual(['f1', 'f2', 'e1', 'w1', 'w2', 'p1', 'p2']);
    expect([...result.checks].sort(byStatus).map((c) => c.name)).toEqual(names);
  });
});

describe('suiteCounts', () => {
  it('suiteCounts(summary) names only the non-zero counts, the first against the total', () => {
    expect(suiteCounts({ total: 30, passed: 27, failed: 2, warned: 1, errored: 0 })).toBe(
      '2 of 30 checks failed, 1 warned',
    );
    expect(suiteCounts({ total: 30, passed: 29, failed: 0, warned: 0, errored: 1 })).toBe(
      '1 of 30 checks errored',
    );
    expect(suiteCounts({ total: 1, passed: 0, failed: 1, warned: 0, errored: 0 })).toBe(
      '1 of 1 check failed',
    );
    expect(suiteCounts({ total: 1, passed: 1, failed: 0, warned: 0, errored: 0 })).toBe('The check passed');
  });
});

describe('checkInWords', () => {
  it('checkInWords(check) gives value and bound, or says it errored', () => {
    expect(checkInWords(check('x', 'fail', 0.25))).toBe('x 0.25 (needs ≤ 0.1)');
    expect(checkInWords({ ...check('x', 'fail', 0.25), condition: undefined })).toBe('x 0.25');
    expect(checkInWords(check('x', 'error', null))).toBe('x errored');
  });
});
