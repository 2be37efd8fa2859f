/**
 * What suite checks read: the data and every expensive computation over it, each computed at most once, on first
 * use, so a suite of 30 checks computes drift, quality figures, schema validation and metrics once per frame.
 */
import { type ColumnDriftResult, columnDrift } from '../drift/columnDrift.js';
import { type DataDriftOptions, type DataDriftResult, dataDrift } from '../drift/dataDrift.js';
import { ErrorCodes, VigilError } from '../errors.js';
import { createFrame, type Frame, findColumn } from '../frame/frame.js';
import { inferSchema } from '../schema/inferSchema.js';
import type { Schema, SchemaValidation } from '../schema/types.js';
import { validateFrame } from '../schema/validateFrame.js';
import { type QualitySummary, qualitySummary } from './qualitySummary.js';

export type Side = 'current' | 'reference';

/** The data of a suite run. */
export interface SuiteData {
  current: Frame;
  reference?: Frame;
  /** Columns for drift and quality checks; default: every column (drift: every column, the same in both). */
  columns?: readonly string[];
  /**
   * The evaluation metrics of one side, keyed as `vigil eval --format json` (`accuracy`, `rocAuc`, `rmse`, …).
   * The caller maps column roles to a metric set (`binaryMetrics`, `regressionMetrics`, …); absent: no metric
   * checks.
   */
  metrics?: (side: Side) => Record<string, number>;
  /** Options of the drift computation (test, threshold, driftShare, correction). */
  driftOptions?: DataDriftOptions;
  /** Drift already computed by the caller (e.g. in worker threads) over `columns`; used instead of computing it. */
  drift?: DataDriftResult;
  /** Schema for `schema.violations`; default: inferred from the reference (its `columns` when given). */
  schema?: Schema;
}

/** The computations a context calls; replaceable so tests can count calls. */
export interface SuiteEngines {
  dataDrift: typeof dataDrift;
  columnDrift: typeof columnDrift;
  qualitySummary: typeof qualitySummary;
  inferSchema: typeof inferSchema;
  validateFrame: typeof validateFrame;
}

export const defaultSuiteEngines: SuiteEngines = {
  dataDrift,
  columnDrift,
  qualitySummary,
  inferSchema,
  validateFrame,
};

export interface SuiteContext {
  readonly data: SuiteData;
  readonly hasReference: boolean;
  frame(side: Side): Frame;
  metrics(side: Side): Record<string, number>;
  drift(): DataDriftResult;
  /** Drift of one column: from {@link drift} when it covers the column, else computed once on its own. */
  columnDrift(column: string): ColumnDriftResult;
  quality(side: Side): QualitySummary;
  schemaValidation(): SchemaValidation;
}

/**
 * A lazily computing, caching view of {@link SuiteData}.
 * @throws (from its methods) INVALID_ARGUMENT when a reference is needed and there is none, or metrics are asked
 *   for without a `metrics` function.
 */
export function createSuiteContext(
  data: SuiteData,
  engines: SuiteEngines = defaultSuiteEngines,
): SuiteContext {
  const cache = new Map<string, unknown>();
  const once = <T>(key: string, compute: () => T): T => {
    if (!cache.has(key)) cache.set(key, compute());
    return cache.get(key) as T;
  };
  const reference = (): Frame => {
    if (data.reference === undefined) {
      throw new VigilError(ErrorCodes.INVALID_ARGUMENT, 'runSuite: data.reference must be given; got none', {
        hint: 'add `reference:` under `data:` in the suite',
      });
    }
    return data.reference;
  };
  // With `columns`, the schema covers those columns only (an id or a year column always breaks an inferred range).
  const project = (f: Frame): Frame =>
    data.columns === undefined || data.schema !== undefined
      ? f
      : createFrame(data.columns.map((n) => findColumn(f, n)).filter((c) => c !== undefined));
  const frame = (side: Side) => (side === 'current' ? data.current : reference());
  const context: SuiteContext = {
    data,
    hasReference: data.reference !== undefined,
    frame,
    metrics: (side) =>
      once(`metrics:${side}`, () => {
        if (data.metrics === undefined) {
          throw new VigilError(
            ErrorCodes.INVALID_ARGUMENT,
            'runSuite: metric checks need the data roles; got no task',
            { hint: 'add `task:`, `target:` and `prediction:` (or `score:`) under `data:` in the suite' },
          );
        }
        frame(side);
        return data.metrics(side);
      }),
    drift: () =>
      once('drift', () => {
        if (data.drift !== undefined) return data.drift;
        const columns = data.columns === undefined ? undefined : [...data.columns];
        return engines.dataDrift(reference(), data.current, { ...data.driftOptions, columns });
      }),
    columnDrift: (name) =>
      once(`drift:${name}`, () => {
        const covered =
          data.drift !== undefined ||
          cache.has('drift') ||
          data.columns === undefined ||
          data.columns.includes(name);
        const found = covered ? context.drift().columns.find((c) => c.column === name) : undefined;
        if (found) return found;
        const ref = findColumn(reference(), name);
        const cur = findColumn(data.current, name);
        if (!ref || !cur) {
          throw new VigilError(
            ErrorCodes.UNKNOWN_COLUMN,
            `runSuite: column "${name}" must exist in the reference and current data`,
            { location: { column: name } },
          );
        }
        return engines.columnDrift(ref, cur, data.driftOptions);
      }),
    quality: (side) => once(`quality:${side}`, () => engines.qualitySummary(frame(side), data.columns)),
    schemaValidation: () =>
      once('schema', () => {
        const schema =
          data.schema ??
          once('schema:inferred', () => {
            if (data.reference === undefined) {
              throw new VigilError(
                ErrorCodes.INVALID_ARGUMENT,
                'runSuite: schema.violations needs a schema or a reference to infer one from; got neither',
                { hint: 'add `reference:` or `schema:` under `data:` in the suite' },
              );
            }
            return engines.inferSchema(project(data.reference));
          });
        return engines.validateFrame(project(data.current), schema);
      }),
  };
  return context;
}
