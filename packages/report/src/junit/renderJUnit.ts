import type { CheckResult, SuiteResult } from '@vigil/core';
import { formatCondition } from '../text/formatCondition.js';
import { formatNumber } from '../text/formatNumber.js';

/**
 * `vigil check` as JUnit XML, the format CI systems draw test results from (Jenkins' JUnit plugin, GitLab's
 * `artifacts:reports:junit`, GitHub test-report actions). The layout follows the de-facto schema those tools read
 * (Ant's JUnit task / Jenkins' junit.xsd):
 *
 * - `<testsuites name tests failures errors skipped time>` holding one `<testsuite>` named after the suite, with
 *   the same counts, and `<properties>` carrying `result.metadata` flattened to dotted names
 *   (`rows.reference = 1000`; arrays as JSON);
 * - one `<testcase classname="vigil.<preset>" name="<check name>" time="0">` per check, in suite order
 *   (`vigil.checks` for a check that came from no preset; checks are not timed one by one, hence `time="0"`);
 * - a failed check holds `<failure message="…" type="fail">` and an errored one `<error message="…" type="error">`,
 *   whose text gives the value, the condition, the title and the suite-file line;
 * - JUnit has no "warning" outcome: a warned check is reported as passed, with
 *   `<system-out>WARNING: …</system-out>`, so a warning never fails a CI job (as `vigil check` exits 0 on
 *   warnings; see `suiteExitCode`). Its count is not in any attribute.
 *
 * `time` is `metadata.durationMs / 1000` (seconds) when the metadata holds a finite `durationMs`, else 0; a string
 * `metadata.startedAt` becomes the suite's `timestamp`. Text is escaped for XML 1.0: `& < > " '` become entities,
 * tab, newline and carriage return inside attributes become character references (so they survive attribute
 * normalisation), and characters XML 1.0 forbids (other C0 controls such as ESC from ANSI colours, lone
 * surrogates, U+FFFE, U+FFFF) become U+FFFD.
 * @example renderJUnit(result).split('\n')[0] // => '<?xml version="1.0" encoding="UTF-8"?>'
 */
export function renderJUnit(result: SuiteResult): string {
  const { summary } = result;
  const seconds = durationSeconds(result.metadata);
  const counts = `tests="${summary.total}" failures="${summary.failed}" errors="${summary.errored}" skipped="0" time="${seconds}"`;
  const name = attr(result.name);
  const startedAt = result.metadata.startedAt;
  const timestamp = typeof startedAt === 'string' ? ` timestamp="${attr(startedAt)}"` : '';
  const properties = flatten(result.metadata);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${name}" ${counts}>`,
    `  <testsuite name="${name}" ${counts}${timestamp}>`,
  ];
  if (properties.length > 0) {
    lines.push('    <properties>');
    for (const [key, value] of properties)
      lines.push(`      <property name="${attr(key)}" value="${attr(value)}"/>`);
    lines.push('    </properties>');
  }
  for (const c of result.checks) lines.push(...testcase(c));
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}

function testcase(c: CheckResult): string[] {
  const open = `    <testcase classname="vigil.${attr(c.preset ?? 'checks')}" name="${attr(c.name)}" time="0"`;
  if (c.status === 'pass') return [`${open}/>`];
  if (c.status === 'warn')
    return [`${open}>`, `      <system-out>WARNING: ${text(outcome(c))}</system-out>`, '    </testcase>'];
  const element = c.status === 'fail' ? 'failure' : 'error';
  return [
    `${open}>`,
    `      <${element} message="${attr(outcome(c))}" type="${c.status}">${text(body(c))}</${element}>`,
    '    </testcase>',
  ];
}

/** The message of a failure, error or warning: the check's own message, or its value against its condition. */
function outcome(c: CheckResult): string {
  if (c.message) return c.message;
  if (c.status === 'error') return `${c.name} could not be computed`;
  const condition = formatCondition(c.condition);
  return `${c.name} = ${formatNumber(c.value)}${condition ? `, needs ${condition}` : ''}`;
}

function body(c: CheckResult): string {
  const lines = [`value: ${formatNumber(c.value)}`];
  if (c.condition) lines.push(`condition: ${formatCondition(c.condition)} (${c.condition.description})`);
  lines.push(`check: ${c.title}`);
  if (c.line !== undefined) lines.push(`line: ${c.line}`);
  if (c.message) lines.push(c.message);
  return lines.join('\n');
}

function durationSeconds(metadata: Record<string, unknown>): number {
  const ms = metadata.durationMs;
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? ms / 1000 : 0;
}

/** Metadata as [dotted name, text] pairs: nested objects are walked, arrays and other values become JSON. */
function flatten(
  value: Record<string, unknown>,
  prefix = '',
  out: [string, string][] = [],
): [string, string][] {
  for (const [key, v] of Object.entries(value)) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      flatten(v as Record<string, unknown>, name, out);
    else if (typeof v === 'string') out.push([name, v]);
    else if (v !== undefined) out.push([name, JSON.stringify(v) ?? String(v)]);
  }
  return out;
}

/** Characters XML 1.0 does not allow anywhere (§2.2), even as references: C0 controls but tab/LF/CR, lone
 * surrogates, U+FFFE and U+FFFF. With the `u` flag, a surrogate range matches only unpaired surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the forbidden control characters is the point
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Text for element content: specials as entities, forbidden characters replaced; newlines kept as they are. */
function text(value: string): string {
  return value.replace(forbidden, '\uFFFD').replace(/[&<>"'\r]/g, (ch) => entities[ch]);
}

/** Text for a double-quoted attribute: also tab, newline and CR as references, which attribute-value
 * normalisation would otherwise turn into spaces. */
function attr(value: string): string {
  return value.replace(forbidden, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (ch) => entities[ch]);
}
