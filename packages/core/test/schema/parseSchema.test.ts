import { describe, expect, it } from 'vitest';
import { VigilError } from '../../src/errors.js';
import { parseSchema } from '../../src/schema/parseSchema.js';

/** The VigilError parseSchema throws for `json`. */
function errorOf(json: unknown): VigilError {
  try {
    parseSchema(json, 'schema.json');
  } catch (error) {
    return error as VigilError;
  }
  throw new Error('parseSchema did not throw');
}

const col = (extra: Record<string, unknown>) => ({
  version: 1,
  columns: [{ name: 'a', type: 'numerical', ...extra }],
});

describe('parseSchema', () => {
  it('parseSchema(text) fills defaults and keeps the given keys', () => {
    const text = JSON.stringify({
      version: 1,
      description: 'orders',
      columns: [
        { name: 'a', type: 'numerical', min: 0 },
        { name: 'c', type: 'categorical', allowedValues: ['x'], pattern: '^x$', required: false },
      ],
      rules: [{ rule: 'compare', left: 'a', op: '>=', value: 1, name: 'positive' }],
    });
    expect(parseSchema(text)).toEqual({
      version: 1,
      allowExtraColumns: false,
      description: 'orders',
      columns: [
        { name: 'a', type: 'numerical', required: true, nullable: true, unique: false, min: 0 },
        {
          name: 'c',
          type: 'categorical',
          required: false,
          nullable: true,
          unique: false,
          allowedValues: ['x'],
          pattern: '^x$',
        },
      ],
      rules: [{ rule: 'compare', left: 'a', op: '>=', value: 1, name: 'positive' }],
    });
  });

  const cases: [string, unknown, string][] = [
    ['a non-object', [1], 'parseSchema: schema must be an object; got [1]'],
    ['a wrong version', { version: 2, columns: [] }, 'parseSchema: version must be 1; got 2'],
    ['no version', { columns: [] }, 'parseSchema: version must be 1; got nothing'],
    [
      'an unknown root key',
      { version: 1, colums: [] },
      'parseSchema: schema keys must be among version, allowExtraColumns, columns, rules, description; got "colums"',
    ],
    [
      'columns not an array',
      { version: 1, columns: {} },
      'parseSchema: columns must be an array of column objects; got {}',
    ],
    ['a text min', col({ min: 'abc' }), 'parseSchema: columns[0].min must be a number; got "abc"'],
    ['min above max', col({ min: 5, max: 3 }), 'parseSchema: columns[0].max must be >= min (5); got 3'],
    [
      'an unknown column key',
      col({ maximum: 3 }),
      'parseSchema: columns[0] keys must be among name, type, required, nullable, unique, min, max, allowedValues, pattern, description; got "maximum"',
    ],
    [
      'an unknown type',
      col({ type: 'float' }),
      'parseSchema: columns[0].type must be one of numerical, categorical, boolean, datetime, text; got "float"',
    ],
    [
      'a non-boolean nullable',
      col({ nullable: 'no' }),
      'parseSchema: columns[0].nullable must be true or false; got "no"',
    ],
    [
      'a pattern on numbers',
      col({ pattern: 'x' }),
      'parseSchema: columns[0].pattern must be absent for a numerical column (only categorical and text); got "x"',
    ],
    [
      'a bad number in allowedValues',
      col({ allowedValues: [1, '2'] }),
      'parseSchema: columns[0].allowedValues[1] must be a finite number; got "2"',
    ],
    [
      'an empty name',
      { version: 1, columns: [{ name: '', type: 'text' }] },
      'parseSchema: columns[0].name must be a non-empty string; got ""',
    ],
    [
      'a repeated name',
      {
        version: 1,
        columns: [
          { name: 'a', type: 'text' },
          { name: 'a', type: 'text' },
        ],
      },
      'parseSchema: columns[1].name must be unique among the columns; got "a"',
    ],
    [
      'a bad datetime bound',
      { version: 1, columns: [{ name: 'd', type: 'datetime', max: '2024-13-01' }] },
      'parseSchema: columns[0].max must be an ISO 8601 date-time such as "2024-03-01T00:00:00Z"; got "2024-13-01"',
    ],
    [
      'bounds on a categorical column',
      { version: 1, columns: [{ name: 'c', type: 'categorical', min: 1 }] },
      'parseSchema: columns[0].min must be absent for a categorical column (only numerical and datetime have bounds); got 1',
    ],
    [
      'a bad regex',
      { version: 1, columns: [{ name: 'c', type: 'text', pattern: '(' }] },
      'parseSchema: columns[0].pattern must be a valid regular expression (Invalid regular expression: /(/u: Unterminated group); got "("',
    ],
    [
      'an unknown rule',
      { ...col({}), rules: [{ rule: 'sum', left: 'a', op: '>', value: 1 }] },
      'parseSchema: rules[0].rule must be "compare"; got "sum"',
    ],
    [
      'a rule on an unknown column',
      { ...col({}), rules: [{ rule: 'compare', left: 'b', op: '>', value: 1 }] },
      'parseSchema: rules[0].left must be the name of a column in "columns"; got "b"',
    ],
    [
      'an unknown operator',
      { ...col({}), rules: [{ rule: 'compare', left: 'a', op: '=>', value: 1 }] },
      'parseSchema: rules[0].op must be one of > >= < <= == !=; got "=>"',
    ],
    [
      'both right and value',
      { ...col({}), rules: [{ rule: 'compare', left: 'a', op: '>', value: 1, right: 'a' }] },
      'parseSchema: rules[0] must be given exactly one of "right" (a column) or "value" (a constant); got ["rule","left","op","value","right"]',
    ],
    [
      'a text value for a number',
      { ...col({}), rules: [{ rule: 'compare', left: 'a', op: '>', value: '1' }] },
      'parseSchema: rules[0].value must be a finite number (the type of "a"); got "1"',
    ],
    [
      'an order on strings',
      {
        version: 1,
        columns: [{ name: 'c', type: 'categorical' }],
        rules: [{ rule: 'compare', left: 'c', op: '<', value: 'x' }],
      },
      'parseSchema: rules[0].op must be == or != for a categorical column; got "<"',
    ],
    [
      'incomparable columns',
      {
        version: 1,
        columns: [
          { name: 'c', type: 'categorical' },
          { name: 'n', type: 'numerical' },
        ],
        rules: [{ rule: 'compare', left: 'n', op: '==', right: 'c' }],
      },
      'parseSchema: rules[0].right must be a column comparable with "n" (numerical); got "c" (categorical)',
    ],
  ];
  for (const [title, json, message] of cases) {
    it(`parseSchema(${title}) throws INVALID_ARGUMENT with the JSON path`, () => {
      const error = errorOf(json);
      expect(error).toBeInstanceOf(VigilError);
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toBe(message);
      expect(error.location).toEqual({ file: 'schema.json' });
    });
  }

  it('parseSchema(unknown key) hints the closest known key', () => {
    const error = errorOf(col({ maximum: 3 }));
    expect(error.hint).toBe('did you mean "max"?');
    expect(error.details).toEqual({ path: 'columns[0] keys' });
  });

  it('parseSchema(invalid JSON text) throws UNREADABLE_FILE', () => {
    const error = errorOf('{"version": 1,');
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toMatch(/^parseSchema: schema must be valid JSON; got /);
  });

  it('parseSchema(schema) does not change its input', () => {
    const input = col({});
    const copy = structuredClone(input);
    parseSchema(input);
    expect(input).toEqual(copy);
  });
});
