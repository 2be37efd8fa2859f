import type { FrameProfile } from '@vigil/core';
import { formatNumber } from './formatNumber.js';
import { formatTable } from './formatTable.js';
import { painter } from './style.js';

/**
 * `vigil profile` as text: a one-line summary first ("N rows × K columns; …"), then one row per column, then
 * lists of what needs attention (constant columns, correlated pairs, target leakage, duplicated rows, notes).
 */
export function renderProfileText(result: FrameProfile, options: { color?: boolean } = {}): string {
  const paint = painter(options.color ?? false);
  const summary = paint(
    'bold',
    `${result.nRows} rows × ${result.nColumns} columns; ${result.duplicatedRows.count} duplicated rows; ${result.columnsWithMissing} columns with missing values; ${result.highlyCorrelatedPairs} highly correlated pairs`,
  );
  const rows = result.columns.map((c) => {
    const common = [
      c.name,
      c.type,
      String(c.count),
      `${c.missing} (${formatPercent(c.missingShare)})`,
      String(c.unique),
    ];
    if (c.kind === 'numeric') {
      return [
        ...common,
        formatNumber(c.mean),
        formatNumber(c.std),
        formatNumber(c.min),
        formatNumber(c.quantiles.p50),
        formatNumber(c.max),
        c.infinities > 0 ? String(c.infinities) : '',
        c.outliers.count > 0 ? paint('yellow', String(c.outliers.count)) : '0',
        c.topValues.length > 0 ? `${formatNumber(c.topValues[0].value)} (${c.topValues[0].count})` : '',
      ];
    }
    const mode = c.topValues[0];
    return [
      ...common,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      mode ? `${JSON.stringify(mode.value)} (${mode.count})` : '',
    ];
  });
  const table = formatTable(
    [
      { header: 'column' },
      { header: 'type' },
      { header: 'count', align: 'right' },
      { header: 'missing', align: 'right' },
      { header: 'unique', align: 'right' },
      { header: 'mean', align: 'right' },
      { header: 'std', align: 'right' },
      { header: 'min', align: 'right' },
      { header: 'median', align: 'right' },
      { header: 'max', align: 'right' },
      { header: '±inf', align: 'right' },
      { header: 'outliers', align: 'right' },
      { header: 'most frequent' },
    ],
    rows,
  );
  const lines: string[] = [];
  const method = result.columns.find((c) => c.kind === 'numeric');
  if (method?.kind === 'numeric')
    lines.push(`outliers: ${method.outliers.method} (threshold ${formatNumber(method.outliers.threshold)})`);
  if (result.duplicatedRows.count > 0)
    lines.push(
      `duplicated rows (0-based, first ${result.duplicatedRows.rows.length}): ${result.duplicatedRows.rows.join(', ')}`,
    );
  if (result.constantColumns.length > 0) lines.push(`constant columns: ${result.constantColumns.join(', ')}`);
  for (const c of result.almostConstantColumns)
    lines.push(
      `almost constant: ${c.column} (${JSON.stringify(c.value)} in ${formatPercent(c.share)} of values)`,
    );
  for (const p of result.highlyCorrelated)
    lines.push(`highly correlated: ${p.a} ~ ${p.b} (${p.method} ${formatNumber(p.value)})`);
  if (result.target !== undefined) {
    if (result.targetLeakage.length === 0) lines.push(`target ${result.target}: no column leaks it`);
    for (const l of result.targetLeakage)
      lines.push(
        paint('red', `leaks target ${result.target}: ${l.column} (${l.method} ${formatNumber(l.value)})`),
      );
  }
  for (const note of result.notes) lines.push(paint('dim', `note: ${note}`));
  return [summary, '', table, ...(lines.length > 0 ? ['', ...lines] : [])].join('\n');
}

function formatPercent(share: number): string {
  return Number.isNaN(share) ? '—' : `${formatNumber(Math.round(share * 1000) / 10)}%`;
}
