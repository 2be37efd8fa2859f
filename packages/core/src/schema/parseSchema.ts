import { ErrorCodes, VigilError } from '../errors.js';
import { closestNames } from '../frame/closestNames.js';
import type { ColumnType } from '../frame/frame.js';
import { describeValue } from '../validation.js';
import { parseIsoDateTime } from './parseIsoDateTime.js';
import {
  type ColumnSchema,
  type CompareOp,
  type CompareRule,
  type CustomRule,
  SCHEMA_VERSION,
  type Schema,
} from './types.js';

const COLUMN_TYPES: readonly ColumnType[] = ['numerical', 'categorical', 'boolean', 'datetime', 'text'];
const OPS: readonly CompareOp[] = ['>', '>=', '<', '<=', '==', '!='];
const ROOT_KEYS = ['version', 'allowExtraColumns', 'columns', 'rules', 'description'];
const COLUMN_KEYS = [
  'name',
  'type',
  'required',
  'nullable',
  'unique',
  'min',
  'max',
  'allowedValues',
  'pattern',
  'description',
];
const RULE_KEYS = ['rule', 'left', 'op', 'right', 'value', 'name', 'description'];
const HINT = 'the schema format is described in the README section "Data schema"';

type Json = Record<string, unknown>;

/**
 * Checks a schema written or edited by hand and returns it with defaults filled in (`required: true`,
 * `nullable: true`, `unique: false`, `allowExtraColumns: false`, `rules: []`). Every error names the JSON path of
 * the offending value, e.g. `parseSchema: columns[3].min must be a number; got "abc"`.
 *
 * Rules checked: `version` is 1; only known keys; column names are non-empty and distinct; `type` is one of
 * numerical, categorical, boolean, datetime, text; `min`/`max` are numbers (numerical) or ISO 8601 date-times
 * (datetime) with min <= max; `allowedValues` are strings (categorical, text) or numbers (numerical); `pattern`
 * compiles as a JavaScript regular expression (categorical, text); each `compare` rule names schema columns, a
 * known operator, exactly one of `right` (a column) or `value` (a constant of the left column's type), and only
 * `==`/`!=` between string columns.
 *
 * @param json - the schema: JSON text, or the value JSON.parse returned.
 * @param file - where it came from, for error locations (optional).
 * @returns the schema, normalised (a new object; the input is not changed).
 * @throws VigilError UNREADABLE_FILE when the text is not JSON; INVALID_ARGUMENT for anything else, with the JSON
 *   path in the message and in `details.path`.
 *
 * @example
 * parseSchema('{"version": 1, "columns": [{"name": "age", "type": "numerical", "min": "abc"}]}');
 * // throws VigilError: parseSchema: columns[0].min must be a number; got "abc"
 */
export function parseSchema(json: unknown, file?: string): Schema {
  let root = json;
  if (typeof json === 'string') {
    try {
      root = JSON.parse(json);
    } catch (error) {
      throw new VigilError(
        ErrorCodes.UNREADABLE_FILE,
        `parseSchema: schema must be valid JSON; got ${(error as Error).message}`,
        { location: file === undefined ? {} : { file }, hint: HINT, cause: error },
      );
    }
  }
  const fail = (path: string, rule: string, value: unknown, hint = HINT): never => {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `parseSchema: ${path} must be ${rule}; got ${show(value)}`,
      {
        location: file === undefined ? {} : { file },
        hint,
        details: { path },
      },
    );
  };
  const object = (path: string, value: unknown, keys: readonly string[]): Json => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object', value);
    for (const key of Object.keys(value as Json)) {
      if (!keys.includes(key)) {
        const near = closestNames(key, keys, 1);
        fail(
          path === 'schema' ? 'schema keys' : `${path} keys`,
          `among ${keys.join(', ')}`,
          key,
          near.length > 0 ? `did you mean "${near[0]}"?` : HINT,
        );
      }
    }
    return value as Json;
  };
  const optionalBoolean = (path: string, value: unknown, fallback: boolean): boolean => {
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') fail(path, 'true or false', value);
    return value as boolean;
  };
  const optionalString = (path: string, value: unknown): string | undefined => {
    if (value !== undefined && typeof value !== 'string') fail(path, 'a string', value);
    return value as string | undefined;
  };

  const schema = object('schema', root, ROOT_KEYS);
  if (schema.version !== SCHEMA_VERSION) fail('version', `${SCHEMA_VERSION}`, schema.version);
  const allowExtraColumns = optionalBoolean('allowExtraColumns', schema.allowExtraColumns, false);
  if (!Array.isArray(schema.columns)) fail('columns', 'an array of column objects', schema.columns);
  const columns: ColumnSchema[] = [];
  const types = new Map<string, ColumnType>();
  (schema.columns as unknown[]).forEach((value, i) => {
    const path = `columns[${i}]`;
    const c = object(path, value, COLUMN_KEYS);
    if (typeof c.name !== 'string' || c.name === '') fail(`${path}.name`, 'a non-empty string', c.name);
    const name = c.name as string;
    if (types.has(name)) fail(`${path}.name`, 'unique among the columns', name);
    if (!COLUMN_TYPES.includes(c.type as ColumnType))
      fail(`${path}.type`, `one of ${COLUMN_TYPES.join(', ')}`, c.type);
    const type = c.type as ColumnType;
    types.set(name, type);
    const out: ColumnSchema = {
      name,
      type,
      required: optionalBoolean(`${path}.required`, c.required, true),
      nullable: optionalBoolean(`${path}.nullable`, c.nullable, true),
      unique: optionalBoolean(`${path}.unique`, c.unique, false),
    };
    const bounds: number[] = [];
    for (const key of ['min', 'max'] as const) {
      const v = c[key];
      if (v === undefined) continue;
      if (type === 'numerical') {
        if (typeof v !== 'number') fail(`${path}.${key}`, 'a number', v);
        bounds.push(v as number);
      } else if (type === 'datetime') {
        const ms = typeof v === 'string' ? parseIsoDateTime(v) : Number.NaN;
        if (Number.isNaN(ms))
          fail(`${path}.${key}`, 'an ISO 8601 date-time such as "2024-03-01T00:00:00Z"', v);
        bounds.push(ms);
      } else {
        fail(`${path}.${key}`, `absent for a ${type} column (only numerical and datetime have bounds)`, v);
      }
      out[key] = v as number | string;
    }
    if (bounds.length === 2 && bounds[0] > bounds[1]) fail(`${path}.max`, `>= min (${show(c.min)})`, c.max);
    if (c.allowedValues !== undefined) {
      const v = c.allowedValues;
      const itemType =
        type === 'numerical' ? 'number' : type === 'categorical' || type === 'text' ? 'string' : '';
      if (itemType === '') {
        fail(
          `${path}.allowedValues`,
          `absent for a ${type} column (only categorical, text and numerical)`,
          v,
        );
      }
      if (!Array.isArray(v)) fail(`${path}.allowedValues`, `an array of ${itemType}s`, v);
      (v as unknown[]).forEach((item, k) => {
        if (typeof item !== itemType || (itemType === 'number' && !Number.isFinite(item))) {
          fail(`${path}.allowedValues[${k}]`, itemType === 'number' ? 'a finite number' : 'a string', item);
        }
      });
      out.allowedValues = [...(v as (string | number)[])];
    }
    if (c.pattern !== undefined) {
      if (type !== 'categorical' && type !== 'text') {
        fail(`${path}.pattern`, `absent for a ${type} column (only categorical and text)`, c.pattern);
      }
      if (typeof c.pattern !== 'string') fail(`${path}.pattern`, 'a string', c.pattern);
      try {
        new RegExp(c.pattern as string, 'u');
      } catch (error) {
        fail(`${path}.pattern`, `a valid regular expression (${(error as Error).message})`, c.pattern);
      }
      out.pattern = c.pattern as string;
    }
    const description = optionalString(`${path}.description`, c.description);
    if (description !== undefined) out.description = description;
    columns.push(out);
  });

  const rules: CustomRule[] = [];
  if (schema.rules !== undefined && !Array.isArray(schema.rules)) {
    fail('rules', 'an array of rule objects', schema.rules);
  }
  ((schema.rules as unknown[] | undefined) ?? []).forEach((value, i) => {
    const path = `rules[${i}]`;
    const r = object(path, value, RULE_KEYS);
    if (r.rule !== 'compare') fail(`${path}.rule`, '"compare"', r.rule);
    const column = (key: string, v: unknown): ColumnType => {
      if (typeof v !== 'string' || !types.has(v)) {
        const near = typeof v === 'string' ? closestNames(v, [...types.keys()]) : [];
        fail(
          `${path}.${key}`,
          'the name of a column in "columns"',
          v,
          near.length > 0 ? `did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : HINT,
        );
      }
      return types.get(v as string)!;
    };
    const leftType = column('left', r.left);
    if (!OPS.includes(r.op as CompareOp)) fail(`${path}.op`, `one of ${OPS.join(' ')}`, r.op);
    const op = r.op as CompareOp;
    const strings = leftType === 'categorical' || leftType === 'text';
    if (strings && op !== '==' && op !== '!=') {
      fail(`${path}.op`, `== or != for a ${leftType} column`, op);
    }
    const rule: CompareRule = { rule: 'compare', left: r.left as string, op };
    if ((r.right === undefined) === (r.value === undefined)) {
      fail(path, 'given exactly one of "right" (a column) or "value" (a constant)', Object.keys(r));
    }
    if (r.right !== undefined) {
      const rightType = column('right', r.right);
      if (family(rightType) !== family(leftType)) {
        fail(
          `${path}.right`,
          `a column comparable with ${show(r.left)} (${leftType})`,
          new Raw(`${show(r.right)} (${rightType})`),
        );
      }
      rule.right = r.right as string;
    } else {
      const v = r.value;
      const ok =
        leftType === 'datetime'
          ? typeof v === 'string' && !Number.isNaN(parseIsoDateTime(v))
          : strings
            ? typeof v === 'string'
            : leftType === 'boolean'
              ? typeof v === 'boolean' || v === 0 || v === 1
              : typeof v === 'number' && Number.isFinite(v);
      if (!ok) {
        const expected =
          leftType === 'datetime'
            ? 'an ISO 8601 date-time'
            : strings
              ? 'a string'
              : leftType === 'boolean'
                ? 'true, false, 0 or 1'
                : 'a finite number';
        fail(`${path}.value`, `${expected} (the type of ${show(r.left)})`, v);
      }
      rule.value = v as number | string | boolean;
    }
    const name = optionalString(`${path}.name`, r.name);
    if (name !== undefined) rule.name = name;
    const description = optionalString(`${path}.description`, r.description);
    if (description !== undefined) rule.description = description;
    rules.push(rule);
  });

  const out: Schema = { version: SCHEMA_VERSION, allowExtraColumns, columns, rules };
  const description = optionalString('description', schema.description);
  if (description !== undefined) out.description = description;
  return out;
}

/** Columns of one family compare with each other: numbers (numerical and boolean), datetimes, strings. */
function family(type: ColumnType): string {
  return type === 'boolean' ? 'numerical' : type === 'text' ? 'categorical' : type;
}

/** Text to show as is after "got". */
class Raw {
  constructor(readonly text: string) {}
}

/** A received value for a message: primitives as `describeValue` shows them, others as short JSON. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value instanceof Raw) return value.text;
  if (typeof value === 'object' && value !== null) {
    const text = JSON.stringify(value);
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
  }
  return describeValue(value);
}
