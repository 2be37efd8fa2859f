import { visibleLength } from './style.js';

export interface TableColumn {
  header: string;
  align?: 'left' | 'right';
}

/**
 * An aligned plain-text table: a header, a rule, then rows. Cells may carry ANSI colour; widths ignore it.
 * @example formatTable([{ header: 'a' }, { header: 'b', align: 'right' }], [['x', '1'], ['yy', '22']])
 * // => 'a    b\n--  --\nx    1\nyy  22'
 */
export function formatTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) =>
    Math.max(visibleLength(c.header), ...rows.map((r) => visibleLength(r[i] ?? ''))),
  );
  const pad = (text: string, i: number) => {
    const fill = ' '.repeat(widths[i] - visibleLength(text));
    return columns[i].align === 'right' ? fill + text : text + fill;
  };
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => pad(cell, i))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.header)),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(columns.map((_, i) => r[i] ?? ''))),
  ].join('\n');
}
