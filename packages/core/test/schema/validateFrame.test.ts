import { afterEach, describe, expect, it, vi } from 'vitest';
import { categoricalFromStrings, createFrame, numericFromNumbers } from '../../src/frame/frame.js';
import type { ColumnSchema, CustomRule, Schema } from '../../src/schema/types.js';
import { validateFrame } from '../../src/schema/validateFrame.js';

const schemaOf = (columns: ColumnSchema[], extra: Partial<Schema> = {}): Schema => ({
  version: 1,
  columns,
  ...extra,
});

/** 1-based rows where `pred` holds, computed from the fixture independently of validateFrame. */
function rowsWhere<T>(values: readonly T[], pred: (v: T, i: number) => boolean): number[] {
  return values.flatMap((v, i) => (pred(v, i) ? [i + 1] : []));
}

const age = [30, -2, Number.NaN, 130, 45, -1, 200];
const city = ['a', 'b', null, 'zz', 'a', 'Q', 'zz'];
const frame = createFrame([numericFromNumbers('age', age), categoricalFromStrings('city', city)]);

describe('validateFrame', () => {
  afterEach(() => vi.restoreAllMocks());

  it('validateFrame(min, max) counts rows below and above, NaN being missing not out of range', () => {
    const { violations } = validateFrame(
      frame,
      schemaOf([{ name: 'age', type: 'numerical', min: 0, max: 120 }], { allowExtraColumns: true }),
    );
    const below = rowsWhere(age, (v) => v < 0);
    const above = rowsWhere(age, (v) => v > 120);
    expect(violations).toEqual([
      {
        column: 'age',
        rule: 'min',
        count: below.length,
        firstRows: below,
        message: '2 values below min 0: -2, -1',
      },
      {
        column: 'age',
        rule: 'max',
        count: above.length,
        firstRows: above,
        message: '2 values above max 120: 130, 200',
      },
    ]);
  });

  it('validateFrame(nullable false) lists missing rows (NaN and code -1)', () => {
    const result = validateFrame(
      frame,
      schemaOf([
        { name: 'age', type: 'numerical', nullable: false },
        { name: 'city', type: 'categorical', nullable: false },
      ]),
    );
    expect(result.valid).toBe(false);
    expect(result.violations.map((v) => [v.column, v.rule, v.count, v.firstRows])).toEqual([
      ['age', 'nullable', 1, rowsWhere(age, Number.isNaN)],
      ['city', 'nullable', 1, rowsWhere(city, (v) => v === null)],
    ]);
    expect(result.violations[0].message).toBe('1 missing value in a non-nullable column');
  });

  it('validateFrame(allowedValues) flags unseen categories with examples', () => {
    const allowed = ['a', 'b'];
    const [v] = validateFrame(
      frame,
      schemaOf([{ name: 'city', type: 'categorical', allowedValues: allowed }], { allowExtraColumns: true }),
    ).violations;
    const rows = rowsWhere(city, (c) => c !== null && !allowed.includes(c));
    expect(v).toEqual({
      column: 'city',
      rule: 'allowedValues',
      count: rows.length,
      firstRows: rows,
      message: '3 values not in allowedValues: "zz", "Q"',
    });
  });

  it('validateFrame(allowedValues on numbers) compares values exactly', () => {
    const [v] = validateFrame(
      frame,
      schemaOf([{ name: 'age', type: 'numerical', allowedValues: [30, 45] }], { allowExtraColumns: true }),
    ).violations;
    const rows = rowsWhere(age, (x) => !Number.isNaN(x) && x !== 30 && x !== 45);
    expect([v.rule, v.count, v.firstRows]).toEqual(['allowedValues', rows.length, rows]);
  });

  it('validateFrame(pattern) tests the regex once per distinct value of a categorical column', () => {
    const many = Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? 'x1' : i % 3 === 1 ? 'y22' : 'zz'));
    const spy = vi.spyOn(RegExp.prototype, 'test');
    const { violations } = validateFrame(
      createFrame([categoricalFromStrings('code', many)]),
      schemaOf([{ name: 'code', type: 'categorical', pattern: '^[a-z]\\d+$' }]),
    );
    expect(spy).toHaveBeenCalledTimes(3);
    const rows = rowsWhere(many, (s) => !/^[a-z]\d+$/.test(s));
    expect(violations).toEqual([
      {
        column: 'code',
        rule: 'pattern',
        count: rows.length,
        firstRows: rows.slice(0, 10),
        message: `${rows.length} values not matching /^[a-z]\\d+$/: "zz"`,
      },
    ]);
  });

  it('validateFrame(pattern) matches anywhere unless anchored', () => {
    const f = createFrame([categoricalFromStrings('s', ['abc', 'xbx', 'ccc'])]);
    expect(
      validateFrame(f, schemaOf([{ name: 's', type: 'text', pattern: 'b' }])).violations[0].firstRows,
    ).toEqual([3]);
  });

  it('validateFrame(unique) counts rows repeating an earlier value, for numbers and strings', () => {
    const x = [1, 2, 1, Number.NaN, Number.NaN, 2, 1, 0, -0];
    const s = ['a', 'b', 'a', null, null, 'c', 'a', 'd', 'e'];
    const { violations } = validateFrame(
      createFrame([numericFromNumbers('x', x), categoricalFromStrings('s', s)]),
      schemaOf([
        { name: 'x', type: 'numerical', unique: true },
        { name: 's', type: 'categorical', unique: true },
      ]),
    );
    const repeats = <T>(v: readonly T[]) =>
      rowsWhere(v, (e, i) => e !== null && !Number.isNaN(e) && v.slice(0, i).some((p) => p === e));
    expect(violations.map((v) => [v.column, v.rule, v.count, v.firstRows])).toEqual([
      ['x', 'unique', repeats(x).length, repeats(x)],
      ['s', 'unique', repeats(s).length, repeats(s)],
    ]);
    expect(violations[0].message).toBe('4 rows repeat a value of an earlier row: 1, 2, 0');
  });

  it('validateFrame(unique) treats a dictionary that repeats a string as one value', () => {
    const column = {
      kind: 'categorical' as const,
      name: 's',
      type: 'categorical' as const,
      codes: Int32Array.from([0, 1]),
      dictionary: ['a', 'a'],
    };
    expect(
      validateFrame(createFrame([column]), schemaOf([{ name: 's', type: 'categorical', unique: true }]))
        .violations[0].firstRows,
    ).toEqual([2]);
  });

  it('validateFrame(datetime min/max) compares epoch milliseconds with ISO bounds', () => {
    const at = [
      '2023-12-31T23:59:59Z',
      '2024-01-01T00:00:00Z',
      '2024-06-30T00:00:00Z',
      '2024-07-01T00:00:00.001Z',
    ].map(Date.parse);
    const { violations } = validateFrame(
      createFrame([numericFromNumbers('at', at, 'datetime')]),
      schemaOf([{ name: 'at', type: 'datetime', min: '2024-01-01', max: '2024-07-01T00:00:00' }]),
    );
    expect(violations).toEqual([
      {
        column: 'at',
        rule: 'min',
        count: 1,
        firstRows: [1],
        message: '1 value below min 2024-01-01T00:00:00.000Z: 2023-12-31T23:59:59.000Z',
      },
      {
        column: 'at',
        rule: 'max',
        count: 1,
        firstRows: [4],
        message: '1 value above max 2024-07-01T00:00:00.000Z: 2024-07-01T00:00:00.001Z',
      },
    ]);
  });

  it('validateFrame(missing, extra and mistyped columns) reports column-level violations', () => {
    const { violations } = validateFrame(
      frame,
      schemaOf([
        { name: 'age', type: 'categorical', allowedValues: ['1'] },
        { name: 'income', type: 'numerical' },
        { name: 'optional', type: 'numerical', required: false },
      ]),
    );
    expect(violations).toEqual([
      {
        column: 'age',
        rule: 'type',
        count: 1,
        firstRows: [],
        message: 'values must be categorical; got numerical',
      },
      {
        column: 'income',
        rule: 'required',
        count: 1,
        firstRows: [],
        message: 'column is missing from the data',
      },
      {
        column: 'city',
        rule: 'extraColumn',
        count: 1,
        firstRows: [],
        message: 'column is not in the schema (set "allowExtraColumns": true to allow it)',
      },
    ]);
  });

  it('validateFrame(text vs categorical, all-missing column) is no type violation', () => {
    const f = createFrame([categoricalFromStrings('s', ['a']), categoricalFromStrings('n', [null])]);
    const result = validateFrame(
      f,
      schemaOf([
        { name: 's', type: 'text' },
        { name: 'n', type: 'numerical', min: 0 },
      ]),
    );
    expect(result.violations).toEqual([]);
  });

  it('validateFrame(all-missing non-nullable column) reports every row', () => {
    const f = createFrame([numericFromNumbers('x', [Number.NaN, Number.NaN, Number.NaN])]);
    const [v] = validateFrame(
      f,
      schemaOf([{ name: 'x', type: 'numerical', nullable: false, min: 0 }]),
    ).violations;
    expect([v.rule, v.count, v.firstRows]).toEqual(['nullable', 3, [1, 2, 3]]);
  });

  it('validateFrame(empty frame) reports required columns only', () => {
    const result = validateFrame(createFrame([]), schemaOf([{ name: 'a', type: 'numerical' }]));
    expect(result.rowCount).toBe(0);
    expect(result.violations.map((v) => v.rule)).toEqual(['required']);
  });

  it('validateFrame(compare column vs column) counts rows where the relation fails, skipping missing', () => {
    const start = [1, 5, 3, Number.NaN, 7, 2];
    const end = [2, 4, 3, 1, Number.NaN, 1];
    const f = createFrame([numericFromNumbers('start', start), numericFromNumbers('end', end)]);
    const cols: ColumnSchema[] = [
      { name: 'start', type: 'numerical' },
      { name: 'end', type: 'numerical' },
    ];
    const ops = {
      '>': (a: number, b: number) => a > b,
      '>=': (a: number, b: number) => a >= b,
      '<': (a: number, b: number) => a < b,
      '<=': (a: number, b: number) => a <= b,
      '==': (a: number, b: number) => a === b,
      '!=': (a: number, b: number) => a !== b,
    };
    for (const [op, holds] of Object.entries(ops)) {
      const rules: CustomRule[] = [
        { rule: 'compare', left: 'end', op: op as CustomRule['op'], right: 'start' },
      ];
      const rows = rowsWhere(
        end,
        (e, i) => !Number.isNaN(e) && !Number.isNaN(start[i]) && !holds(e, start[i]),
      );
      const violations = validateFrame(f, schemaOf(cols, { rules })).violations;
      expect(violations.map((v) => [v.column, v.rule, v.firstRows])).toEqual(
        rows.length === 0 ? [] : [['end', 'compare', rows]],
      );
    }
  });

  it('validateFrame(compare with a constant, a name, datetimes and strings) applies each', () => {
    const f = createFrame([
      numericFromNumbers('x', [1, 2, 3]),
      numericFromNumbers(
        'at',
        ['2024-01-01', '2024-02-01', '2024-03-01'].map((d) => Date.parse(`${d}T00:00:00Z`)),
        'datetime',
      ),
      categoricalFromStrings('a', ['u', 'v', 'w']),
      categoricalFromStrings('b', ['u', 'x', null]),
    ]);
    const cols: ColumnSchema[] = [
      { name: 'x', type: 'numerical' },
      { name: 'at', type: 'datetime' },
      { name: 'a', type: 'categorical' },
      { name: 'b', type: 'categorical' },
    ];
    const rules: CustomRule[] = [
      { rule: 'compare', left: 'x', op: '<=', value: 2, name: 'small x' },
      { rule: 'compare', left: 'at', op: '<', value: '2024-02-01' },
      { rule: 'compare', left: 'a', op: '==', right: 'b' },
      { rule: 'compare', left: 'a', op: '!=', value: 'u' },
    ];
    expect(validateFrame(f, schemaOf(cols, { rules })).violations).toEqual([
      { column: 'x', rule: 'compare', count: 1, firstRows: [3], message: '1 row fails "small x" (x <= 2)' },
      {
        column: 'at',
        rule: 'compare',
        count: 2,
        firstRows: [2, 3],
        message: '2 rows fail at < "2024-02-01"',
      },
      { column: 'a', rule: 'compare', count: 1, firstRows: [2], message: '1 row fails a == b' },
      { column: 'a', rule: 'compare', count: 1, firstRows: [1], message: '1 row fails a != "u"' },
    ]);
  });

  it('validateFrame(compare on a mistyped column) is skipped: the type violation explains it', () => {
    const f = createFrame([categoricalFromStrings('x', ['a']), numericFromNumbers('y', [1])]);
    const schema = schemaOf(
      [
        { name: 'x', type: 'numerical' },
        { name: 'y', type: 'numerical' },
      ],
      {
        rules: [{ rule: 'compare', left: 'x', op: '>', right: 'y' }],
      },
    );
    expect(validateFrame(f, schema).violations.map((v) => v.rule)).toEqual(['type']);
  });

  it('validateFrame(first rows) keeps at most 10 while counting all', () => {
    const x = Array.from({ length: 25 }, (_, i) => i);
    const [v] = validateFrame(
      createFrame([numericFromNumbers('x', x)]),
      schemaOf([{ name: 'x', type: 'numerical', max: 4 }]),
    ).violations;
    expect(v.count).toBe(x.filter((e) => e > 4).length);
    expect(v.firstRows).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(v.message).toBe('20 values above max 4: 5, 6, 7, 8, 9, …');
  });

  it('validateFrame(invalid schema) throws as parseSchema', () => {
    expect(() => validateFrame(frame, { version: 2 } as unknown as Schema)).toThrow(
      'parseSchema: version must be 1; got 2',
    );
  });
});
