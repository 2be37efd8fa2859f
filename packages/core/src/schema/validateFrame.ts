import type { CategoricalColumn, Column, ColumnType, Frame, NumericColumn } from '../frame/frame.js';
import { findColumn } from '../frame/frame.js';
import { canonicalCodes } from './canonicalCodes.js';
import { parseIsoDateTime } from './parseIsoDateTime.js';
import { parseSchema } from './parseSchema.js';
import type {
  ColumnSchema,
  CompareOp,
  CompareRule,
  Schema,
  SchemaRuleName,
  SchemaValidation,
  SchemaViolation,
} from './types.js';

/** Rows listed per violation. */
const FIRST_ROWS = 10;
/** Offending values quoted per message. */
const EXAMPLES = 5;

/**
 * Checks a frame against a {@link Schema} and lists every broken rule with how many rows break it and the first
 * 10 of those rows (1-based data rows, as a spreadsheet counts them below the header).
 *
 * Rules, per column in schema order: `required` (the column exists), `type` (the frame's type; categorical and
 * text count as one, since the loaders tell them apart by a heuristic; a column with only missing values has no
 * type to contradict), `nullable: false` (rows with a missing value: NaN or code -1), `min`/`max` (rows below /
 * above; ±Infinity counts), `allowedValues` (rows with another value), `pattern` (rows whose value has no match
 * of the regular expression; tested once per distinct value), `unique` (rows repeating a value of an earlier
 * row). Then `extraColumn` (a frame column the schema does not list, unless `allowExtraColumns`), then each custom
 * `compare` rule (rows where `left op right` is false; rows where either side is missing are skipped: missing
 * values are the business of `nullable`). Value rules are skipped for a column of the wrong type, and so are
 * custom rules that use it: the `type` violation says why.
 *
 * Column-level violations (`required`, `type`, `extraColumn`) have count 1 and no rows.
 *
 * @param frame - the data.
 * @param schema - the schema; checked with {@link parseSchema} first.
 * @returns `valid` (no violation), the frame's row count and the violations, in the order above.
 * @throws VigilError as {@link parseSchema} for an invalid schema.
 *
 * @example
 * const frame = createFrame([numericFromNumbers('age', [30, -1, 200])]);
 * validateFrame(frame, { version: 1, columns: [{ name: 'age', type: 'numerical', min: 0, max: 120 }] });
 * // => { valid: false, rowCount: 3, violations: [
 * //      { column: 'age', rule: 'min', count: 1, firstRows: [2], message: '1 value below min 0: -1' },
 * //      { column: 'age', rule: 'max', count: 1, firstRows: [3], message: '1 value above max 120: 200' }] }
 */
export function validateFrame(frame: Frame, schema: Schema): SchemaValidation {
  const checked = parseSchema(schema);
  const violations: SchemaViolation[] = [];
  const columnLevel = (column: string, rule: SchemaRuleName, message: string) =>
    violations.push({ column, rule, count: 1, firstRows: [], message });
  /** Columns whose values may be compared by custom rules. */
  const usable = new Map<string, { column: Column; spec: ColumnSchema }>();
  for (const spec of checked.columns) {
    const column = findColumn(frame, spec.name);
    if (column === undefined) {
      if (spec.required !== false) columnLevel(spec.name, 'required', 'column is missing from the data');
      continue;
    }
    const rows = new RowList();
    markMissing(column, rows);
    if (spec.nullable === false && rows.count > 0) {
      violations.push(
        rows.violation(
          spec.name,
          'nullable',
          `${values(rows.count, 'missing value')} in a non-nullable column`,
        ),
      );
    }
    if (rows.count === frame.nRows) continue; // only missing values: nothing else to check
    if (family(column.type) !== family(spec.type)) {
      columnLevel(spec.name, 'type', `values must be ${spec.type}; got ${column.type}`);
      continue;
    }
    usable.set(spec.name, { column, spec });
    if (column.kind === 'numeric') checkNumeric(column, spec, violations);
    else checkStrings(column, spec, violations);
  }
  if (!checked.allowExtraColumns) {
    const listed = new Set(checked.columns.map((c) => c.name));
    for (const column of frame.columns) {
      if (!listed.has(column.name)) {
        columnLevel(
          column.name,
          'extraColumn',
          'column is not in the schema (set "allowExtraColumns": true to allow it)',
        );
      }
    }
  }
  for (const rule of checked.rules ?? []) {
    const left = usable.get(rule.left);
    const right = rule.right === undefined ? undefined : usable.get(rule.right);
    if (left === undefined || (rule.right !== undefined && right === undefined)) continue;
    const rows = compareRows(left.column, rule, right?.column);
    if (rows.count > 0) {
      const expression = `${rule.left} ${rule.op} ${rule.right ?? JSON.stringify(rule.value)}`;
      const what = rule.name === undefined ? expression : `"${rule.name}" (${expression})`;
      violations.push(
        rows.violation(
          rule.left,
          'compare',
          `${rows.count} ${rows.count === 1 ? 'row fails' : 'rows fail'} ${what}`,
        ),
      );
    }
  }
  return { valid: violations.length === 0, rowCount: frame.nRows, violations };
}

/** Counts rows and keeps the first few (1-based) and a few distinct offending values. */
class RowList {
  count = 0;
  readonly firstRows: number[] = [];
  readonly examples: string[] = [];
  add(index: number): void {
    if (this.count++ < FIRST_ROWS) this.firstRows.push(index + 1);
  }
  /** Whether a distinct offending value was left out of `examples`. */
  more = false;
  example(text: string): void {
    if (this.examples.includes(text)) return;
    if (this.examples.length < EXAMPLES) this.examples.push(text);
    else this.more = true;
  }
  violation(column: string, rule: SchemaRuleName, message: string): SchemaViolation {
    const shown = this.examples.length === 0 ? '' : `: ${this.examples.join(', ')}${this.more ? ', …' : ''}`;
    return { column, rule, count: this.count, firstRows: this.firstRows, message: `${message}${shown}` };
  }
}

function values(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function family(type: ColumnType): ColumnType {
  return type === 'text' ? 'categorical' : type;
}

function markMissing(column: Column, rows: RowList): void {
  if (column.kind === 'numeric') {
    const v = column.values;
    for (let i = 0; i < v.length; i++) if (Number.isNaN(v[i])) rows.add(i);
  } else {
    const c = column.codes;
    for (let i = 0; i < c.length; i++) if (c[i] < 0) rows.add(i);
  }
}

function checkNumeric(column: NumericColumn, spec: ColumnSchema, out: SchemaViolation[]): void {
  const v = column.values;
  const datetime = column.type === 'datetime';
  const show = (x: number) => (datetime && Number.isFinite(x) ? new Date(x).toISOString() : String(x));
  for (const key of ['min', 'max'] as const) {
    const bound = spec[key];
    if (bound === undefined) continue;
    const limit = typeof bound === 'string' ? parseIsoDateTime(bound) : bound;
    const rows = new RowList();
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (key === 'min' ? x < limit : x > limit) {
        rows.add(i);
        rows.example(show(x));
      }
    }
    if (rows.count > 0) {
      const side = key === 'min' ? 'below min' : 'above max';
      out.push(rows.violation(spec.name, key, `${values(rows.count, 'value')} ${side} ${show(limit)}`));
    }
  }
  if (spec.allowedValues !== undefined) {
    const allowed = new Set(spec.allowedValues as number[]);
    const rows = new RowList();
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (!Number.isNaN(x) && !allowed.has(x)) {
        rows.add(i);
        rows.example(show(x));
      }
    }
    if (rows.count > 0)
      out.push(
        rows.violation(spec.name, 'allowedValues', `${values(rows.count, 'value')} not in allowedValues`),
      );
  }
  if (spec.unique === true) {
    // A Set treats 0 and -0 as one value, as the inference's sort does.
    const seen = new Set<number>();
    const rows = new RowList();
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (Number.isNaN(x)) continue;
      if (seen.has(x)) {
        rows.add(i);
        rows.example(show(x));
      } else seen.add(x);
    }
    if (rows.count > 0)
      out.push(
        rows.violation(
          spec.name,
          'unique',
          `${rows.count} ${rows.count === 1 ? 'row repeats' : 'rows repeat'} a value of an earlier row`,
        ),
      );
  }
}

function checkStrings(column: CategoricalColumn, spec: ColumnSchema, out: SchemaViolation[]): void {
  const { codes, dictionary } = column;
  // Each test runs once per distinct value: its verdict is cached per code (0 untested, 1 pass, 2 fail).
  const perValue = (
    rule: SchemaRuleName,
    test: (value: string) => boolean,
    message: (n: number) => string,
  ) => {
    const verdict = new Uint8Array(dictionary.length);
    const rows = new RowList();
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c < 0) continue;
      if (verdict[c] === 0) verdict[c] = test(dictionary[c]) ? 1 : 2;
      if (verdict[c] === 2) {
        rows.add(i);
        rows.example(JSON.stringify(dictionary[c]));
      }
    }
    if (rows.count > 0) out.push(rows.violation(spec.name, rule, message(rows.count)));
  };
  if (spec.allowedValues !== undefined) {
    const allowed = new Set(spec.allowedValues as string[]);
    perValue(
      'allowedValues',
      (s) => allowed.has(s),
      (n) => `${values(n, 'value')} not in allowedValues`,
    );
  }
  if (spec.pattern !== undefined) {
    const regex = new RegExp(spec.pattern, 'u');
    perValue(
      'pattern',
      (s) => regex.test(s),
      (n) => `${values(n, 'value')} not matching /${spec.pattern}/`,
    );
  }
  if (spec.unique === true) {
    const canonical = canonicalCodes(dictionary);
    const seen = new Uint8Array(dictionary.length);
    const rows = new RowList();
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c < 0) continue;
      const k = canonical[c];
      if (seen[k] === 1) {
        rows.add(i);
        rows.example(JSON.stringify(dictionary[k]));
      } else seen[k] = 1;
    }
    if (rows.count > 0)
      out.push(
        rows.violation(
          spec.name,
          'unique',
          `${rows.count} ${rows.count === 1 ? 'row repeats' : 'rows repeat'} a value of an earlier row`,
        ),
      );
  }
}

const COMPARE: Record<CompareOp, (a: number, b: number) => boolean> = {
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/** Rows where `left op right` (or `left op value`) is false, both sides present. */
function compareRows(left: Column, rule: CompareRule, right: Column | undefined): RowList {
  const rows = new RowList();
  const holds = COMPARE[rule.op];
  if (left.kind === 'numeric') {
    const a = left.values;
    if (right !== undefined) {
      const b = (right as NumericColumn).values;
      for (let i = 0; i < a.length; i++) {
        if (!Number.isNaN(a[i]) && !Number.isNaN(b[i]) && !holds(a[i], b[i])) rows.add(i);
      }
    } else {
      const v = rule.value;
      const b =
        typeof v === 'string' ? parseIsoDateTime(v) : typeof v === 'boolean' ? Number(v) : (v as number);
      for (let i = 0; i < a.length; i++) if (!Number.isNaN(a[i]) && !holds(a[i], b)) rows.add(i);
    }
    return rows;
  }
  // Strings: only == and != (parseSchema enforces it), compared as text, not as codes of two dictionaries.
  const equal = rule.op === '==';
  const a = left.codes;
  if (right !== undefined) {
    const r = right as CategoricalColumn;
    for (let i = 0; i < a.length; i++) {
      if (a[i] >= 0 && r.codes[i] >= 0 && (left.dictionary[a[i]] === r.dictionary[r.codes[i]]) !== equal)
        rows.add(i);
    }
  } else {
    const same = left.dictionary.map((s) => s === rule.value);
    for (let i = 0; i < a.length; i++) if (a[i] >= 0 && same[a[i]] !== equal) rows.add(i);
  }
  return rows;
}
