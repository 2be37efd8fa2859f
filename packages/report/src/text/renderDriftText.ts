import type { DataDriftResult } from '@vigil/core';
import { formatNumber } from './formatNumber.js';
import { formatTable } from './formatTable.js';
import { type Paint, painter } from './style.js';

/**
 * `vigil drift` as text: a one-line summary first, then one row per column, drifted columns first and the
 * strongest evidence at the top of each group.
 */
export function renderDriftText(result: DataDriftResult, options: { color?: boolean } = {}): string {
  const paint = painter(options.color ?? false);
  const n = result.columns.length;
  const verdict = result.datasetDrift
    ? paint('red', 'Dataset drift detected')
    : paint('green', 'No dataset drift');
  const summary = `${paint('bold', verdict)}: ${result.driftedColumns} of ${n} columns drifted (share ${formatNumber(
    result.driftShare,
  )}, threshold ${formatNumber(result.driftShareThreshold)})${
    result.correction === 'none' ? '' : `, p-values corrected by ${result.correction}`
  }.`;
  const rows = [...result.columns]
    .sort(byEvidence)
    .map((c) => [
      c.column,
      c.type,
      c.test,
      formatNumber(c.statistic),
      formatNumber(c.pValueAdjusted ?? c.pValue),
      formatNumber(c.threshold),
      c.drift ? paint('red', 'DRIFT') : paint('green', 'ok'),
    ]);
  const table = formatTable(
    [
      { header: 'column' },
      { header: 'type' },
      { header: 'test' },
      { header: 'statistic', align: 'right' },
      { header: result.correction === 'none' ? 'p-value' : 'p (adj.)', align: 'right' },
      { header: 'threshold', align: 'right' },
      { header: 'verdict' },
    ],
    rows,
  );
  return [summary, '', table, ...notes(result, paint)].join('\n');
}

function notes(result: DataDriftResult, paint: Paint): string[] {
  const lines: string[] = [];
  for (const c of result.columns) {
    if (c.unseenCategories && c.unseenCategories.length > 0) {
      const shown = c.unseenCategories.slice(0, 5).map((v) => JSON.stringify(v));
      const more = c.unseenCategories.length > 5 ? ` and ${c.unseenCategories.length - 5} more` : '';
      lines.push(`${c.column}: categories not in the reference: ${shown.join(', ')}${more}`);
    }
    if (c.note) lines.push(`${c.column}: ${c.note}`);
  }
  return lines.length === 0 ? [] : ['', ...lines.map((l) => paint('dim', l))];
}

/**
 * Drifted first; within a group, p-value tests by ascending p, then distances by descending statistic relative to
 * its threshold. Ties (two p-values of 0, two infinite distances) keep the input order: the sort is stable and the
 * comparison never returns NaN.
 */
export function byEvidence(
  a: DataDriftResult['columns'][number],
  b: DataDriftResult['columns'][number],
): number {
  if (a.drift !== b.drift) return a.drift ? -1 : 1;
  const pa = a.pValueAdjusted ?? a.pValue;
  const pb = b.pValueAdjusted ?? b.pValue;
  if (pa !== null && pb !== null) return compare(pa, pb, 1);
  if (pa === null && pb === null) return compare(a.statistic / a.threshold, b.statistic / b.threshold, -1);
  return pa === null ? 1 : -1;
}

/**
 * Order of x and y, ascending (`direction` 1) or descending (-1); NaN (no evidence either way) last in both, and
 * equal values (±Infinity included) as ties.
 */
function compare(x: number, y: number, direction: 1 | -1): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
  return x < y ? -direction : x > y ? direction : 0;
}
