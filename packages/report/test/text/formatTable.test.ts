import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/text/formatTable.js';
import { painter } from '../../src/text/style.js';

describe('formatTable', () => {
  it('formatTable(columns, rows) aligns left by default and right when asked (doc example)', () => {
    expect(
      formatTable(
        [{ header: 'a' }, { header: 'b', align: 'right' }],
        [
          ['x', '1'],
          ['yy', '22'],
        ],
      ),
    ).toBe('a    b\n--  --\nx    1\nyy  22');
  });

  it('formatTable(header wider than cells) sizes the column to the header', () => {
    expect(formatTable([{ header: 'metric' }, { header: 'value', align: 'right' }], [['f1', '0.5']])).toBe(
      'metric  value\n------  -----\nf1        0.5',
    );
  });

  it('formatTable(coloured cells) measures the visible text, not the escape codes', () => {
    const red = painter(true);
    const table = formatTable(
      [{ header: 'verdict' }, { header: 'n', align: 'right' }],
      [
        [red('red', 'DRIFT'), '1'],
        ['ok', '22'],
      ],
    );
    expect(table).toBe(`verdict   n\n-------  --\n${red('red', 'DRIFT')}     1\nok       22`);
  });

  it('formatTable(short rows, trailing blanks) fills missing cells and trims line ends', () => {
    expect(formatTable([{ header: 'a' }, { header: 'b' }], [['x'], ['long', '']])).toBe(
      'a     b\n----  -\nx\nlong',
    );
  });

  it('formatTable(no rows) prints the header and the rule', () => {
    expect(formatTable([{ header: 'col' }], [])).toBe('col\n---');
  });
});
