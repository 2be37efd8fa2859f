import { describe, expect, it } from 'vitest';
import { categoricalFromStrings, createFrame, numericFromNumbers } from '../../src/frame/frame.js';
import { inferSchema } from '../../src/schema/inferSchema.js';
import { parseSchema } from '../../src/schema/parseSchema.js';
import { validateFrame } from '../../src/schema/validateFrame.js';

const day = (iso: string) => Date.parse(iso);

describe('inferSchema', () => {
  const frame = createFrame([
    numericFromNumbers('age', [30, 40, null, 25]),
    numericFromNumbers('score', [1, 1, 2, 3]),
    categoricalFromStrings('city', ['b', 'a', 'b', null]),
    numericFromNumbers(
      'at',
      [day('2024-03-02T00:00:00Z'), day('2024-01-01T12:00:00Z'), null, null],
      'datetime',
    ),
    numericFromNumbers('ok', [1, 0, 1, 1], 'boolean'),
    categoricalFromStrings('note', ['x', 'y', 'z', 'w'], 'text'),
  ]);

  it('inferSchema(frame) records type, nullable, unique, ranges and sorted allowed values', () => {
    expect(inferSchema(frame)).toEqual({
      version: 1,
      allowExtraColumns: false,
      columns: [
        { name: 'age', type: 'numerical', required: true, nullable: true, unique: true, min: 25, max: 40 },
        { name: 'score', type: 'numerical', required: true, nullable: false, unique: false, min: 1, max: 3 },
        {
          name: 'city',
          type: 'categorical',
          required: true,
          nullable: true,
          unique: false,
          allowedValues: ['a', 'b'],
        },
        {
          name: 'at',
          type: 'datetime',
          required: true,
          nullable: true,
          unique: true,
          min: '2024-01-01T12:00:00.000Z',
          max: '2024-03-02T00:00:00.000Z',
        },
        { name: 'ok', type: 'boolean', required: true, nullable: false, unique: false },
        { name: 'note', type: 'text', required: true, nullable: false, unique: true },
      ],
      rules: [],
    });
  });

  it('inferSchema(frame, {maxCategories}) leaves allowedValues out above the limit', () => {
    const city = (n: number) => inferSchema(frame, { maxCategories: n }).columns[2].allowedValues;
    expect(city(2)).toEqual(['a', 'b']);
    expect(city(1)).toBeUndefined();
  });

  it('inferSchema(frame) ignores dictionary entries no row uses', () => {
    const column = { ...categoricalFromStrings('c', ['a', 'b']), dictionary: ['a', 'b', 'unused'] };
    expect(inferSchema(createFrame([column])).columns[0].allowedValues).toEqual(['a', 'b']);
  });

  it('inferSchema(all-missing column) is nullable and unique with no bounds', () => {
    const schema = inferSchema(createFrame([numericFromNumbers('x', [Number.NaN, Number.NaN])]));
    expect(schema.columns[0]).toEqual({
      name: 'x',
      type: 'numerical',
      required: true,
      nullable: true,
      unique: true,
    });
  });

  it('inferSchema(±Infinity) keeps bounds finite, since JSON has no Infinity', () => {
    const schema = inferSchema(createFrame([numericFromNumbers('x', [Number.NEGATIVE_INFINITY, 2, 5])]));
    expect(schema.columns[0]).toMatchObject({ min: 2, max: 5 });
  });

  it('inferSchema(empty frame) has no columns, and one of 0 rows has no bounds', () => {
    expect(inferSchema(createFrame([])).columns).toEqual([]);
    const schema = inferSchema(createFrame([numericFromNumbers('x', [])]));
    expect(schema.columns[0]).toEqual({
      name: 'x',
      type: 'numerical',
      required: true,
      nullable: false,
      unique: true,
    });
  });

  it('inferSchema(maxCategories -1) throws INVALID_ARGUMENT', () => {
    expect(() => inferSchema(frame, { maxCategories: -1 })).toThrow(
      'inferSchema: maxCategories must be a non-negative integer; got -1',
    );
  });

  it('inferSchema → JSON → parseSchema → validateFrame on the same data is valid', () => {
    const text = JSON.stringify(inferSchema(frame));
    const result = validateFrame(frame, parseSchema(text));
    expect(result).toEqual({ valid: true, rowCount: 4, violations: [] });
  });
});
