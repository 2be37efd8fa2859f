import type { CheckResult, CheckStatus, SuiteResult } from '@vigil/core';
import { formatCondition } from './formatCondition.js';
import { formatNumber } from './formatNumber.js';
import { formatTable } from './formatTable.js';
import { type Paint, painter } from './style.js';

/** Checks named in the one-line summary at most; the table lists them all. */
const NAMED = 3;

/** Failed first, then errored, warned and passed (the order people act on them). */
const rank: Record<CheckStatus, number> = { fail: 0, error: 1, warn: 2, pass: 3 };

/**
 * `vigil check` as text: a one-line summary first ("2 of 30 checks failed, 1 warned: accuracy 0.78 (needs ≥ 0.8),
 * …"), then one row per check (status, name, value, condition, message), failed first, then errored, warned and
 * passed, each group in suite order. Status words are coloured when `color` is true (default false).
 * @example renderSuiteText(result).split('\n')[0] // => '1 of 2 checks failed: accuracy 0.78 (needs ≥ 0.8)'
 */
export function renderSuiteText(result: SuiteResult, options: { color?: boolean } = {}): string {
  const paint = painter(options.color ?? false);
  const summary = suiteSummaryLine(result, paint);
  if (result.checks.length === 0) return summary;
  const table = formatTable(
    [
      { header: 'status' },
      { header: 'check' },
      { header: 'value', align: 'right' },
      { header: 'condition' },
      { header: 'message' },
    ],
    [...result.checks]
      .sort(byStatus)
      .map((c) => [
        statusWord(c.status, paint),
        oneLine(c.name),
        formatNumber(c.value),
        formatCondition(c.condition),
        oneLine(c.message ?? ''),
      ]),
  );
  return [summary, '', table].join('\n');
}

/** Orders checks failed, errored, warned, passed; stable, so each group keeps the suite's order. */
export function byStatus(a: CheckResult, b: CheckResult): number {
  return rank[a.status] - rank[b.status];
}

/**
 * The counts in words: "2 of 30 checks failed, 1 errored, 1 warned", "1 of 30 checks warned", "All 30 checks
 * passed" or "No checks ran".
 */
export function suiteCounts(summary: SuiteResult['summary']): string {
  const { total } = summary;
  if (total === 0) return 'No checks ran';
  const parts = (
    [
      [summary.failed, 'failed'],
      [summary.errored, 'errored'],
      [summary.warned, 'warned'],
    ] as const
  ).filter(([n]) => n > 0);
  if (parts.length === 0) return total === 1 ? 'The check passed' : `All ${total} checks passed`;
  return parts
    .map(([n, verb], i) =>
      i === 0 ? `${n} of ${total} ${total === 1 ? 'check' : 'checks'} ${verb}` : `${n} ${verb}`,
    )
    .join(', ');
}

/**
 * One check in a few words: "accuracy 0.78 (needs ≥ 0.8)", "f1 0.61 (needs ≥ 0.6175, reference 0.65)" or
 * "missingShare[age] errored".
 */
export function checkInWords(check: CheckResult): string {
  if (check.status === 'error') return `${oneLine(check.name)} errored`;
  const value = `${oneLine(check.name)} ${formatNumber(check.value)}`;
  if (check.condition === undefined) return value;
  const { referenceValue, ...bound } = check.condition;
  const reference = referenceValue === undefined ? '' : `, reference ${formatNumber(referenceValue)}`;
  return `${value} (needs ${formatCondition(bound)}${reference})`;
}

function suiteSummaryLine(result: SuiteResult, paint: Paint): string {
  const { summary } = result;
  const counts = suiteCounts(summary);
  const tone = summary.failed + summary.errored > 0 ? 'red' : summary.warned > 0 ? 'yellow' : 'green';
  const head = paint('bold', paint(tone, counts));
  const named = [...result.checks].sort(byStatus).filter((c) => c.status !== 'pass');
  if (named.length === 0) return `${head}.`;
  const more = named.length > NAMED ? `, and ${named.length - NAMED} more` : '';
  return `${head}: ${named.slice(0, NAMED).map(checkInWords).join(', ')}${more}`;
}

function statusWord(status: CheckStatus, paint: Paint): string {
  if (status === 'pass') return paint('green', 'PASS');
  if (status === 'warn') return paint('yellow', 'WARN');
  if (status === 'fail') return paint('red', 'FAIL');
  return paint('bold', paint('red', 'ERROR'));
}

/** Table cells and the summary stay on one line: newlines (error messages, stack traces) become spaces. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
