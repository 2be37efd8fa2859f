import { type CheckResult, type SuiteResult, summarizeChecks } from '@vigil/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderJUnit } from '../../src/junit/renderJUnit.js';
import { suiteFixture } from '../helpers/suiteFixture.js';

/** Parsed JUnit: attributes without prefix, entities and character references decoded, lists always arrays. */
interface Parsed {
  testsuites: Record<string, string> & {
    testsuite: (Record<string, string> & {
      properties?: { property: { name: string; value: string }[] };
      testcase: (Record<string, string> & {
        failure?: Record<string, string>;
        error?: Record<string, string>;
        'system-out'?: string;
      })[];
    })[];
  };
}

function parse(xml: string): Parsed {
  expect(XMLValidator.validate(xml)).toBe(true);
  // The validator does not look for characters XML 1.0 forbids (§2.2); a conforming parser would reject them.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for forbidden control characters
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    htmlEntities: true,
    textNodeName: '#text',
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  });
  return parser.parse(xml) as Parsed;
}

function suite(checks: CheckResult[], metadata: Record<string, unknown> = {}): SuiteResult {
  return { name: 'gate', checks, summary: summarizeChecks(checks), metadata };
}

describe('renderJUnit', () => {
  const xml = renderJUnit(suiteFixture());
  const doc = parse(xml);
  const testsuite = doc.testsuites.testsuite[0];
  const byName = new Map(testsuite.testcase.map((t) => [t.name, t]));

  it('renderJUnit(result) is well-formed XML with the declaration first', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(xml.endsWith('</testsuites>\n')).toBe(true);
  });

  it('renderJUnit(result) counts tests, failures and errors on <testsuites> and its one <testsuite>', () => {
    expect(doc.testsuites.testsuite).toHaveLength(1);
    for (const element of [doc.testsuites, testsuite]) {
      expect(element.name).toBe('churn model gate');
      expect(element.tests).toBe('7');
      expect(element.failures).toBe('2');
      expect(element.errors).toBe('1');
      expect(element.skipped).toBe('0');
      expect(element.time).toBe('1.2345'); // metadata.durationMs 1234.5
    }
  });

  it('renderJUnit(result) writes one testcase per check, in suite order, classname from the preset', () => {
    expect(testsuite.testcase.map((t) => [t.classname, t.name, t.time])).toEqual([
      ['vigil.model', 'rocAuc', '0'],
      ['vigil.model', 'accuracy', '0'],
      ['vigil.drift', 'drift.share', '0'],
      ['vigil.checks', 'missingShare[age]', '0'],
      ['vigil.checks', 'a<b & "c"', '0'],
      ['vigil.model', 'f1', '0'],
      ['vigil.checks', 'rmse', '0'],
    ]);
  });

  it('renderJUnit(result) gives a failed check a <failure> with value and condition in its text', () => {
    const failure = byName.get('accuracy')!.failure!;
    expect(failure.type).toBe('fail');
    expect(failure.message).toBe('accuracy 0.78 is below 0.8');
    expect(failure['#text']).toBe(
      'value: 0.78\ncondition: ≥ 0.8 (gte 0.8)\ncheck: Accuracy on current data\nline: 4\naccuracy 0.78 is below 0.8',
    );
    expect(byName.get('f1')!.failure!['#text']).toContain(
      'condition: ≥ 0.6175 (reference 0.65) (not worse than reference by more than 5%)',
    );
  });

  it('renderJUnit(result) gives an errored check an <error>, its two-line message kept in the attribute', () => {
    const t = byName.get('missingShare[age]')!;
    expect(t.failure).toBeUndefined();
    expect(t.error!.type).toBe('error');
    expect(t.error!.message).toBe('missingShare: column "age" not found;\ndid you mean "Age"?');
    expect(xml).toContain(
      'message="missingShare: column &quot;age&quot; not found;&#10;did you mean &quot;Age&quot;?"',
    );
    expect(t.error!['#text']).toMatch(/^value: —\n/);
  });

  it('renderJUnit(result) reports a warned check as passed with a WARNING in <system-out>', () => {
    const t = byName.get('drift.share')!;
    expect(t.failure).toBeUndefined();
    expect(t.error).toBeUndefined();
    expect(t['system-out']).toBe('WARNING: 4 of 10 columns drifted');
    // Passed checks are empty elements.
    expect(xml).toContain('<testcase classname="vigil.model" name="rocAuc" time="0"/>');
  });

  it('renderJUnit(result) escapes & < > " in names and attributes', () => {
    expect(xml).toContain('name="a&lt;b &amp; &quot;c&quot;"');
    expect(byName.get('a<b & "c"')).toBeDefined();
    expect(xml).not.toContain('a<b');
  });

  it('renderJUnit(result) writes the metadata as <properties>, nested keys dotted', () => {
    expect(testsuite.properties!.property).toEqual([
      { name: 'rows.reference', value: '1000' },
      { name: 'rows.current', value: '800' },
      { name: 'files', value: '["ref.csv","cur.csv"]' },
      { name: 'durationMs', value: '1234.5' },
      { name: 'versions.vigil', value: '0.1.0' },
    ]);
  });

  it('renderJUnit(result) replaces characters XML 1.0 forbids and keeps the rest', () => {
    const check: CheckResult = {
      name: "nul\u0000 esc\u001b[31m lone\uD800 ok😀 'q'",
      title: 'hostile',
      status: 'fail',
      value: 1,
      severity: 'fail',
      message: 'tab\there\r\nvt\u000b>',
    };
    const out = renderJUnit(suite([check], { startedAt: '2024-05-01T12:00:00Z', note: 'a\u0007b' }));
    const t = parse(out).testsuites.testsuite[0];
    expect(t.testcase[0].name).toBe("nul\uFFFD esc\uFFFD[31m lone\uFFFD ok😀 'q'");
    expect(t.testcase[0].failure!.message).toBe('tab\there\r\nvt\uFFFD>');
    expect(t.timestamp).toBe('2024-05-01T12:00:00Z');
    expect(t.time).toBe('0');
    expect(t.properties!.property).toEqual([
      { name: 'startedAt', value: '2024-05-01T12:00:00Z' },
      { name: 'note', value: 'a\uFFFDb' },
    ]);
  });

  it('renderJUnit(small suite) writes exactly this document', () => {
    const checks: CheckResult[] = [
      { name: 'ok', title: 'Ok', status: 'pass', value: 1, severity: 'fail' },
      {
        name: 'bad',
        title: 'Bad',
        status: 'fail',
        value: 0.5,
        condition: { operator: 'gt', threshold: 0.9, description: 'gt 0.9' },
        severity: 'fail',
      },
      { name: 'broke', title: 'Broke', status: 'error', value: null, severity: 'fail' },
      {
        name: 'meh',
        title: 'Meh',
        status: 'warn',
        value: 2,
        condition: { operator: 'eq', threshold: 1, description: 'eq 1' },
        severity: 'warn',
        preset: 'quality',
      },
    ];
    expect(renderJUnit(suite(checks))).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="gate" tests="4" failures="1" errors="1" skipped="0" time="0">',
        '  <testsuite name="gate" tests="4" failures="1" errors="1" skipped="0" time="0">',
        '    <testcase classname="vigil.checks" name="ok" time="0"/>',
        '    <testcase classname="vigil.checks" name="bad" time="0">',
        '      <failure message="bad = 0.5, needs &gt; 0.9" type="fail">value: 0.5',
        'condition: &gt; 0.9 (gt 0.9)',
        'check: Bad</failure>',
        '    </testcase>',
        '    <testcase classname="vigil.checks" name="broke" time="0">',
        '      <error message="broke could not be computed" type="error">value: —',
        'check: Broke</error>',
        '    </testcase>',
        '    <testcase classname="vigil.quality" name="meh" time="0">',
        '      <system-out>WARNING: meh = 2, needs = 1</system-out>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });
});
