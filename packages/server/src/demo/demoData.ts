/**
 * The demo's data: the committed employment example (examples/employment, ACS PUMS Massachusetts; see its
 * README for the source and licence). `reference.parquet` (2015) is uploaded as the reference; the rows of
 * `production.parquet` (2016–2018) become the prediction stream, year after year.
 *
 * The survey has no time within a year, and the file lists people by household (relatives side by side), so
 * replaying it in file order would make each window a few neighbourhoods, not a sample of the year: RELP and
 * RAC1P then "drift" between windows of the 2015 reference itself (measured with `vigil drift` on 4 000-row
 * slices). Each year is therefore replayed in a seeded random order, which keeps the years apart (the drift
 * between them is what the demo shows) and makes every window a random sample of its year.
 */
import { fileURLToPath } from 'node:url';
import { type Column, createRandom, ErrorCodes, VigilError } from '@vigil/core';
import { loadFrame } from '@vigil/io';

/** The 16 features of the example (README of examples/employment). */
export const DEMO_FEATURES = [
  'AGEP',
  'SCHL',
  'MAR',
  'RELP',
  'DIS',
  'ESP',
  'CIT',
  'MIG',
  'MIL',
  'ANC',
  'NATIVITY',
  'DEAR',
  'DEYE',
  'DREM',
  'SEX',
  'RAC1P',
] as const;

/** Column roles of the example, as the reference upload names them. */
export const DEMO_ROLES = {
  target: 'employed',
  prediction: 'prediction',
  score: 'predicted_probability',
  ignore: ['id', 'year'],
} as const;

/** examples/employment of this repository (the demo never needs ../shared). */
export function defaultDemoDataDir(): string {
  // src/demo/ and dist/demo/ sit at the same depth under packages/server.
  return fileURLToPath(new URL('../../../../examples/employment/', import.meta.url));
}

export type DemoValue = number | string | null;

/** The production rows, ready to replay. */
export interface DemoData {
  /** The years, oldest first (2016, 2017, 2018). */
  years: number[];
  /** Per year, the row indices in replay order (a seeded shuffle of the year's rows). */
  order: Int32Array[];
  /** Rows in all. */
  rows: number;
  /** Feature values of a row (numbers for AGEP and SCHL, category codes as text, null when missing). */
  features(row: number): Record<string, DemoValue>;
  /** The row's id in the file. */
  id(row: number): number;
  prediction(row: number): number;
  score(row: number): number;
  /** The ground truth (`employed`, 0 or 1). */
  label(row: number): number;
}

function cellValue(column: Column, row: number): DemoValue {
  if (column.kind === 'categorical') {
    const code = column.codes[row];
    return code < 0 ? null : column.dictionary[code];
  }
  const v = column.values[row];
  return Number.isNaN(v) ? null : v;
}

function numeric(columns: Map<string, Column>, name: string): Float64Array {
  const column = columns.get(name);
  if (column === undefined || column.kind !== 'numeric') {
    throw new VigilError(
      ErrorCodes.TYPE_MISMATCH,
      `loadDemoData: production.parquet must have a numeric column "${name}"; got ${column === undefined ? 'none' : `a ${column.type} one`}`,
      { location: { column: name } },
    );
  }
  return column.values;
}

/**
 * Loads `production.parquet` from `dir` and orders each year's rows at random (seeded: the same demo on every run).
 * @param dir the folder of the example (default {@link defaultDemoDataDir}).
 * @param seed the shuffle's seed.
 */
export async function loadDemoData(dir = defaultDemoDataDir(), seed = 2015): Promise<DemoData> {
  const columns = ['id', ...DEMO_FEATURES, 'year', 'employed', 'prediction', 'predicted_probability'];
  const { frame } = await loadFrame(`${dir.replace(/\/+$/, '')}/production.parquet`, { columns });
  const byName = new Map(frame.columns.map((c) => [c.name, c]));
  const year = numeric(byName, 'year');
  const ids = numeric(byName, 'id');
  const employed = numeric(byName, 'employed');
  const prediction = numeric(byName, 'prediction');
  const score = numeric(byName, 'predicted_probability');
  const features = DEMO_FEATURES.map((name) => byName.get(name) as Column);
  const years = [...new Set(year)].sort((a, b) => a - b);
  const random = createRandom(seed);
  const order = years.map((y) => {
    const rows: number[] = [];
    for (let i = 0; i < frame.nRows; i++) if (year[i] === y) rows.push(i);
    // Fisher–Yates.
    for (let i = rows.length - 1; i > 0; i--) {
      const j = random.nextInt(i + 1);
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    return Int32Array.from(rows);
  });
  return {
    years,
    order,
    rows: frame.nRows,
    features(row) {
      const out: Record<string, DemoValue> = {};
      for (const column of features) out[column.name] = cellValue(column, row);
      return out;
    },
    id: (row) => ids[row],
    prediction: (row) => prediction[row],
    score: (row) => score[row],
    label: (row) => employed[row],
  };
}
