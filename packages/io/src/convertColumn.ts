/**
 * Converts a loaded column to the type the user declared (`--numerical x`, `--categorical y`, …). String columns
 * are converted through their dictionary (each distinct value parsed once), so the cost is one pass over the codes.
 */
import {
  type CategoricalColumn,
  type Column,
  type ColumnType,
  describeValue,
  ErrorCodes,
  type NumericColumn,
  VigilError,
} from '@vigil/core';

/**
 * The number written in `text`, or undefined when it is not one. Accepts what a CSV writer produces: an optional
 * sign, digits with an optional fraction and exponent (`-1.5e3`, `.5`, `5.`), `inf`/`infinity` and `nan` (any
 * case), surrounded by optional whitespace. Rejects hex, thousands separators and the empty string.
 */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  const lower = t.toLowerCase();
  if (/^[+-]?inf(inity)?$/.test(lower)) return lower.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/.test(lower)) return Number.NaN;
  return undefined;
}

/** 1 for true/t/yes/y/1, 0 for false/f/no/n/0 (any case, trimmed), else undefined (as DuckDB casts to BOOLEAN). */
export function parseBoolean(text: string): number | undefined {
  switch (text.trim().toLowerCase()) {
    case 'true':
    case 't':
    case 'yes':
    case 'y':
    case '1':
      return 1;
    case 'false':
    case 'f':
    case 'no':
    case 'n':
    case '0':
      return 0;
    default:
      return undefined;
  }
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Milliseconds since the Unix epoch for an ISO 8601 date or date-time (`2024-01-31`, `2024-01-31 12:00`,
 * `2024-01-31T12:00:00.250Z`, `2024-01-31T12:00:00+02:00`), or undefined. No offset means UTC (never the
 * machine's time zone), so results do not depend on where the code runs. Impossible dates (2023-02-29) fail.
 */
export function parseDateTime(text: string): number | undefined {
  const m = ISO_DATE_TIME.exec(text.trim());
  if (m === null) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const millis = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) + millis;
  // Date.UTC rolls 2023-02-29 over to March 1st; a round trip catches it.
  if (new Date(utc).getUTCDate() !== day) return undefined;
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
  }
  return utc - offsetMinutes * 60_000;
}

/** The text of a number as a category: integers without `.0`, others in JavaScript's shortest round-trip form. */
export function formatNumber(value: number, type: NumericColumn['type']): string {
  if (type === 'boolean') return value === 0 ? 'false' : 'true';
  if (type === 'datetime') return new Date(value).toISOString();
  if (Object.is(value, -0)) return '0';
  return String(value);
}

const EXPECTED: Record<'numerical' | 'datetime' | 'boolean', { rule: string; hint: string }> = {
  numerical: {
    rule: 'numbers',
    hint: 'Fix or remove that value, add it to the missing tokens (--missing), or declare the column --categorical.',
  },
  datetime: {
    rule: 'ISO 8601 dates or date-times',
    hint:
      'Write dates as 2024-01-31 or 2024-01-31T12:00:00Z, add that value to the missing tokens (--missing), ' +
      'or declare the column --categorical.',
  },
  boolean: {
    rule: 'booleans (true/false, yes/no, 1/0)',
    hint: 'Fix or remove that value, add it to the missing tokens (--missing), or declare the column --categorical.',
  },
};

function mismatch(
  file: string,
  column: string,
  target: 'numerical' | 'datetime' | 'boolean',
  index: number,
  value: string | number,
): VigilError {
  const row = index + 1;
  return new VigilError(
    ErrorCodes.TYPE_MISMATCH,
    `loadFrame: column "${column}" must hold ${EXPECTED[target].rule} (declared ${target}); ` +
      `got ${describeValue(value)} in data row ${row} of ${JSON.stringify(file)}`,
    { location: { file, column, row }, hint: EXPECTED[target].hint, details: { value } },
  );
}

/**
 * `column` as `target`. Numbers → numerical/datetime: relabelled (datetime numbers are epoch milliseconds);
 * numbers → boolean: each must be 0 or 1; numbers → categorical/text: their text (see {@link formatNumber});
 * strings → numerical/datetime/boolean: parsed with {@link parseNumber} / {@link parseDateTime} /
 * {@link parseBoolean}; strings → categorical/text: relabelled. Missing stays missing.
 *
 * @param file - for error messages.
 * @throws VigilError TYPE_MISMATCH at the first row whose value does not convert, naming file, column and row.
 */
export function convertColumn(column: Column, target: ColumnType, file: string): Column {
  const { name } = column;
  if (column.kind === 'numeric') {
    if (target === 'categorical' || target === 'text') return numbersToCategories(column, target);
    if (target === 'boolean' && column.type !== 'boolean') {
      const values = column.values;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v !== 0 && v !== 1 && !Number.isNaN(v)) throw mismatch(file, name, 'boolean', i, v);
      }
    }
    return { kind: 'numeric', name, type: target, values: column.values };
  }
  if (target === 'categorical' || target === 'text') {
    return { kind: 'categorical', name, type: target, codes: column.codes, dictionary: column.dictionary };
  }
  const parse = target === 'numerical' ? parseNumber : target === 'datetime' ? parseDateTime : parseBoolean;
  const parsed = new Float64Array(column.dictionary.length);
  const bad = new Uint8Array(parsed.length);
  for (let k = 0; k < parsed.length; k++) {
    const value = parse(column.dictionary[k]);
    if (value === undefined) bad[k] = 1;
    else parsed[k] = value;
  }
  const codes = column.codes;
  const values = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code < 0) {
      values[i] = Number.NaN;
      continue;
    }
    if (bad[code] === 1) throw mismatch(file, name, target, i, column.dictionary[code]);
    values[i] = parsed[code];
  }
  return { kind: 'numeric', name, type: target, values };
}

function numbersToCategories(column: NumericColumn, target: 'categorical' | 'text'): CategoricalColumn {
  const index = new Map<number, number>();
  const dictionary: string[] = [];
  const values = column.values;
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      codes[i] = -1;
      continue;
    }
    // -0 and 0 are one category.
    const key = v === 0 ? 0 : v;
    let code = index.get(key);
    if (code === undefined) {
      code = dictionary.length;
      index.set(key, code);
      dictionary.push(formatNumber(key, column.type));
    }
    codes[i] = code;
  }
  return { kind: 'categorical', name: column.name, type: target, codes, dictionary };
}
