/**
 * A loaded reference file (a columnar {@link Frame}) as store rows and a model schema, given the column roles the
 * uploader named (DESIGN.md's ColumnMapping: target, prediction, score or probas, features; columns to ignore such
 * as ids and timestamps). Features default to every column without a role.
 *
 * Values keep their JSON kind so the reference and ingested predictions are read back the same way: numbers (and
 * date-times, as epoch ms) stay numbers, booleans stay booleans, categories become their text; missing is null.
 * Feature kinds: numbers and date-times are `numerical`; categories, text and booleans `categorical`.
 * Classes of a classifier: the probas columns' labels in the order given, else the distinct target and prediction
 * values sorted as scikit-learn's `np.unique` sorts labels (numerically when all are numbers); the positive class of
 * a binary model is `positive` when given, else the second class (scikit-learn's `pos_label` convention).
 */
import { type Column, closestNames, type Frame } from '@vigil/core';
import { httpError, type ProblemDetail } from '../app/httpErrors.js';
import type { FeatureKind, ModelSchema, ReferenceRow, Scalar, Task } from '../store/types.js';

export interface ReferenceRoles {
  target?: string;
  prediction?: string;
  score?: string;
  /** Class label and the column holding its probability. */
  probas?: { label: string; column: string }[];
  /** Feature columns; default: every column without a role and not ignored. */
  features?: string[];
  /** Columns that are neither features nor roles (ids, timestamps…). */
  ignore?: string[];
  positive?: string;
}

export interface ConvertedReference {
  rows: ReferenceRow[];
  schema: ModelSchema;
}

function valueAt(column: Column, i: number): Scalar {
  if (column.kind === 'categorical') {
    const code = column.codes[i];
    return code < 0 ? null : column.dictionary[code];
  }
  const v = column.values[i];
  if (Number.isNaN(v)) return null;
  return column.type === 'boolean' ? v !== 0 : v;
}

function featureKind(column: Column): FeatureKind {
  return column.kind === 'numeric' && column.type !== 'boolean' ? 'numerical' : 'categorical';
}

/** Sorts class labels as `np.unique` does: numerically when every label is a number, else as strings. */
export function sortClasses(labels: Iterable<string>): string[] {
  const list = [...new Set(labels)];
  const numeric = list.every((l) => l.trim() !== '' && Number.isFinite(Number(l)));
  return numeric ? list.sort((a, b) => Number(a) - Number(b)) : list.sort();
}

/** Converts `frame` (from `file`) into rows and a schema; a role naming no column is a 400 VALIDATION. */
export function frameToReference(frame: Frame, roles: ReferenceRoles, task: Task): ConvertedReference {
  const byName = new Map(frame.columns.map((c) => [c.name, c]));
  const names = frame.columns.map((c) => c.name);
  const details: ProblemDetail[] = [];
  const need = (field: string, name: string | undefined): Column | undefined => {
    if (name === undefined) return undefined;
    const column = byName.get(name);
    if (column === undefined) {
      const close = closestNames(name, names, 3);
      details.push({
        field,
        problem: `names no column of the file: "${name}"${close.length > 0 ? ` (closest: ${close.join(', ')})` : ''}`,
      });
    }
    return column;
  };
  const target = need('target', roles.target);
  const prediction = need('prediction', roles.prediction);
  const score = need('score', roles.score);
  const probas = (roles.probas ?? []).map((p) => ({ label: p.label, column: need('probas', p.column) }));
  const taken = new Set<string>(
    [
      roles.target,
      roles.prediction,
      roles.score,
      ...(roles.probas ?? []).map((p) => p.column),
      ...(roles.ignore ?? []),
    ].filter((n): n is string => n !== undefined),
  );
  for (const name of roles.ignore ?? []) need('ignore', name);
  const featureNames = roles.features ?? names.filter((n) => !taken.has(n));
  const features = featureNames.map((name) => ({ name, column: need('features', name) }));
  if (score !== undefined && score.kind !== 'numeric') {
    details.push({ field: 'score', problem: `must name a numeric column; "${score.name}" holds text` });
  }
  for (const p of probas) {
    if (p.column !== undefined && p.column.kind !== 'numeric') {
      details.push({ field: 'probas', problem: `must name numeric columns; "${p.column.name}" holds text` });
    }
  }
  if (featureNames.length === 0) {
    details.push({
      field: 'features',
      problem: 'must name at least one column; every column has another role',
    });
  }
  if (details.length > 0) {
    throw httpError('VALIDATION', `reference columns: ${details[0].field} ${details[0].problem}`, {
      details,
    });
  }

  const rows: ReferenceRow[] = new Array(frame.nRows);
  for (let i = 0; i < frame.nRows; i++) {
    const values: Record<string, Scalar> = {};
    for (const f of features) values[f.name] = valueAt(f.column as Column, i);
    const row: ReferenceRow = { features: values };
    if (target !== undefined) row.label = valueAt(target, i);
    if (prediction !== undefined) row.prediction = valueAt(prediction, i);
    if (score !== undefined) {
      const s = valueAt(score, i);
      if (typeof s === 'number') row.score = s;
    }
    if (probas.length > 0) {
      const p: Record<string, number> = {};
      for (const { label, column } of probas) {
        const v = valueAt(column as Column, i);
        if (typeof v === 'number') p[label] = v;
      }
      row.probas = p;
    }
    rows[i] = row;
  }

  const schema: ModelSchema = {
    features: features.map((f) => ({ name: f.name, kind: featureKind(f.column as Column) })),
  };
  if (task !== 'regression') {
    let classes: string[];
    if (probas.length > 0) classes = probas.map((p) => p.label);
    else {
      const seen = new Set<string>();
      for (const row of rows) {
        if (row.label !== null && row.label !== undefined) seen.add(String(row.label));
        if (row.prediction !== null && row.prediction !== undefined) seen.add(String(row.prediction));
      }
      classes = sortClasses(seen);
    }
    if (classes.length > 0) schema.classes = classes;
    if (task === 'binary') {
      if (roles.positive !== undefined) {
        if (classes.length > 0 && !classes.includes(roles.positive)) {
          const problem = `must be one of the classes (${classes.join(', ')}); got "${roles.positive}"`;
          throw httpError('VALIDATION', `positive ${problem}`, { details: [{ field: 'positive', problem }] });
        }
        schema.positive = roles.positive;
      } else if (classes.length === 2) schema.positive = classes[1];
    }
  }
  return { rows, schema };
}
