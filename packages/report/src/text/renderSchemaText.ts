import type { SchemaValidation } from '@vigil/core';
import { formatTable } from './formatTable.js';
import { painter } from './style.js';

/** Rules about a whole column: they have no rows to count. */
const COLUMN_LEVEL = new Set(['required', 'type', 'extraColumn']);

/**
 * `vigil schema validate` as text: a one-line summary first ("3 violations in 2 columns: age, city."), then one row
 * per violation in the order `validateFrame` found them: column, rule, rows affected, first rows, message.
 */
export function renderSchemaText(result: SchemaValidation, options: { color?: boolean } = {}): string {
  const paint = painter(options.color ?? false);
  if (result.valid) {
    return `${paint('bold', paint('green', 'Schema valid'))}: no violations in ${result.rowCount} rows.`;
  }
  const columns = [...new Set(result.violations.map((v) => v.column))];
  const n = result.violations.length;
  const summary = `${paint('bold', paint('red', `${n} ${n === 1 ? 'violation' : 'violations'}`))} in ${
    columns.length
  } ${columns.length === 1 ? 'column' : 'columns'}: ${columns.join(', ')}.`;
  const table = formatTable(
    [
      { header: 'column' },
      { header: 'rule' },
      { header: 'rows', align: 'right' },
      { header: 'first rows' },
      { header: 'message' },
    ],
    result.violations.map((v) => [
      v.column,
      v.rule,
      COLUMN_LEVEL.has(v.rule) ? '-' : String(v.count),
      v.firstRows.length === 0
        ? '-'
        : `${v.firstRows.join(', ')}${v.count > v.firstRows.length ? ', …' : ''}`,
      v.message,
    ]),
  );
  return [summary, '', table].join('\n');
}
