/**
 * Store rows (`RowColumns`) as @vigil/core columns and frames, so every monitor number comes from the core
 * functions that `vigil drift`, `vigil profile` and `vigil eval` use. Numbers are shared, not copied (the store
 * already gives Float64Array with NaN for missing); strings become dictionary codes once per row set (memoized),
 * or reuse the codes their producer attached (see codedStrings.ts).
 */
import {
  type CategoricalColumn,
  type Column,
  categoricalFromStrings,
  createFrame,
  type Frame,
} from '@vigil/core';
import type { FeatureKind, RowColumns, Task } from '../store/types.js';
import { codesOf } from './codedStrings.js';
import type { EvaluationCache } from './evaluationContext.js';

/** A feature as a core column; undefined when the rows were read without it. */
export function featureColumn(
  rows: RowColumns,
  name: string,
  kind: FeatureKind,
  cache: EvaluationCache,
): Column | undefined {
  const values = rows.features[name];
  if (values === undefined) return undefined;
  return cache.memo(rows, `column:${kind}:${name}`, () => {
    if (kind === 'numerical') {
      // A categorical read of a numerical feature cannot happen (the spec comes from the same schema); guard
      // anyway so a wrong spec fails loudly instead of reading strings as NaN.
      if (!(values instanceof Float64Array))
        throw new Error(`feature "${name}" was read as text, expected numbers`);
      return { kind: 'numeric', name, type: 'numerical', values } as Column;
    }
    if (values instanceof Float64Array)
      throw new Error(`feature "${name}" was read as numbers, expected text`);
    return categoricalColumn(name, values);
  });
}

/** A frame of the named features (in the order given); features the rows lack are left out. */
export function featureFrame(
  rows: RowColumns,
  features: readonly { name: string; kind: FeatureKind }[],
  cache: EvaluationCache,
): Frame {
  const columns: Column[] = [];
  for (const f of features) {
    const column = featureColumn(rows, f.name, f.kind, cache);
    if (column !== undefined) columns.push(column);
  }
  return createFrame(columns);
}

/** The prediction as a column: numbers for regression, class labels (text) for classifiers. */
export function predictionColumn(rows: RowColumns, task: Task, name: string, cache: EvaluationCache): Column {
  return cache.memo(rows, `prediction:${task}`, () =>
    task === 'regression'
      ? ({ kind: 'numeric', name, type: 'numerical', values: rows.predictionNumber } as Column)
      : categoricalColumn(name, rows.predictionText),
  );
}

/** Strings as a core categorical column: their attached codes when the producer had them, else coded here. */
function categoricalColumn(name: string, values: readonly (string | null)[]): CategoricalColumn {
  const known = codesOf(values);
  if (known === undefined) return categoricalFromStrings(name, values);
  return { kind: 'categorical', name, type: 'categorical', codes: known.codes, dictionary: known.dictionary };
}

/** The binary score as a numeric column. */
export function scoreColumn(rows: RowColumns, name: string): Column {
  return { kind: 'numeric', name, type: 'numerical', values: rows.score };
}
