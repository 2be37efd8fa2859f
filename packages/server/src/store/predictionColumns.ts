/**
 * Predictions row by row ↔ column by column (`PredictionColumns`, store/types.ts). The ingest path builds columns
 * once, off the main thread (src/ingest/decodePredictions.ts), so the DuckDB store appends typed arrays without a
 * per-value step; a store that writes rows (PostgreSQL) turns them back. Feature values follow the stores' rules
 * (store/duckdb/scalar.ts): finite numbers in a numeric column, strings and booleans in a text column, the rest not
 * kept — so both directions keep everything a store reads.
 */
import type { FeatureValues, PredictionBatch, PredictionColumns, PredictionRow, Scalar } from './types.js';

/** Whether `batch` is already columns. */
export function isPredictionColumns(batch: PredictionBatch): batch is PredictionColumns {
  return !Array.isArray(batch);
}

/**
 * Collects feature values into columns. Rows of one client list the same names in the same order, so the column of
 * the j-th value is remembered and reused while name and kind repeat (no map lookup on that path).
 */
class FeatureCollector {
  readonly columns: FeatureValues[] = [];
  private readonly byKey = new Map<string, FeatureValues>();
  private readonly lastAt: (FeatureValues | undefined)[] = [];

  constructor(private readonly n: number) {}

  private column(j: number, name: string, kind: 'n' | 't'): FeatureValues {
    const last = this.lastAt[j];
    if (last !== undefined && last.name === name && last.kind === kind) return last;
    const key = `${kind}:${name}`;
    let column = this.byKey.get(key);
    if (column === undefined) {
      column =
        kind === 'n'
          ? { name, kind, values: new Float64Array(this.n).fill(Number.NaN) }
          : { name, kind, values: new Array<string | null>(this.n).fill(null) };
      this.byKey.set(key, column);
      this.columns.push(column);
    }
    this.lastAt[j] = column;
    return column;
  }

  add(i: number, features: Record<string, Scalar>): void {
    let j = 0;
    for (const name in features) {
      const value = features[name];
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) continue;
        (this.column(j, name, 'n').values as Float64Array)[i] = value;
      } else if (typeof value === 'string' || typeof value === 'boolean') {
        (this.column(j, name, 't').values as (string | null)[])[i] =
          typeof value === 'string' ? value : value ? 'true' : 'false';
      } else {
        continue;
      }
      j++;
    }
  }
}

const finite = (value: number | undefined) =>
  typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;

/** The feature and proba columns of rows that carry `features` and optional `probas` (predictions, references). */
export function valueColumns(
  rows: readonly { features: Record<string, Scalar>; probas?: Record<string, number> }[],
): Pick<PredictionColumns, 'features' | 'probas'> {
  const n = rows.length;
  const features = new FeatureCollector(n);
  const probas = new Map<string, Float64Array>();
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    features.add(i, row.features);
    if (row.probas === undefined) continue;
    for (const label in row.probas) {
      const value = row.probas[label];
      if (typeof value !== 'number' || !Number.isFinite(value)) continue;
      let values = probas.get(label);
      if (values === undefined) {
        values = new Float64Array(n).fill(Number.NaN);
        probas.set(label, values);
      }
      values[i] = value;
    }
  }
  return { features: features.columns, probas: [...probas].map(([label, values]) => ({ label, values })) };
}

/** The columns of `rows` (rows are not modified). */
export function predictionColumns(rows: readonly PredictionRow[]): PredictionColumns {
  const n = rows.length;
  const out: PredictionColumns = {
    n,
    ids: new Array<string>(n),
    timestamps: new Float64Array(n),
    versions: new Array<string | null>(n),
    predictions: new Array<Scalar>(n),
    scores: new Float64Array(n),
    latencies: new Float64Array(n),
    tags: new Array<string | null>(n),
    ...valueColumns(rows),
  };
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    out.ids[i] = row.id;
    out.timestamps[i] = row.timestamp;
    out.versions[i] = row.version ?? null;
    out.predictions[i] = row.prediction;
    out.scores[i] = finite(row.score);
    out.latencies[i] = finite(row.latencyMs);
    out.tags[i] = row.tags === undefined ? null : JSON.stringify(row.tags);
  }
  return out;
}

/** The rows of `columns`: absent values left out, as a client would have sent them. */
export function predictionRows(columns: PredictionColumns): PredictionRow[] {
  const rows = new Array<PredictionRow>(columns.n);
  for (let i = 0; i < columns.n; i++) {
    const row: PredictionRow = {
      id: columns.ids[i],
      timestamp: columns.timestamps[i],
      // No prototype: a feature called "__proto__" is an ordinary key, as JSON.parse made it.
      features: Object.create(null) as Record<string, Scalar>,
      prediction: columns.predictions[i],
    };
    const version = columns.versions[i];
    if (version !== null) row.version = version;
    if (!Number.isNaN(columns.scores[i])) row.score = columns.scores[i];
    if (!Number.isNaN(columns.latencies[i])) row.latencyMs = columns.latencies[i];
    const tags = columns.tags[i];
    if (tags !== null) row.tags = JSON.parse(tags) as Record<string, string>;
    rows[i] = row;
  }
  for (const column of columns.features) {
    for (let i = 0; i < columns.n; i++) {
      const value = column.values[i];
      if (value === null || (typeof value === 'number' && Number.isNaN(value))) continue;
      rows[i].features[column.name] = value;
    }
  }
  for (const { label, values } of columns.probas) {
    for (let i = 0; i < columns.n; i++) {
      if (Number.isNaN(values[i])) continue;
      rows[i].probas ??= Object.create(null) as Record<string, number>;
      (rows[i].probas as Record<string, number>)[label] = values[i];
    }
  }
  return rows;
}
