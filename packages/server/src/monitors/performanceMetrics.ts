/**
 * The performance metrics of labelled predictions, computed by @vigil/core's metric sets (`binaryMetrics`,
 * `multiclassMetrics`, `regressionMetrics`: the same keys and definitions as `vigil eval`).
 *
 * Rows: those with a label (text for classifiers, a number for regression) and a prediction (binary: a label, or
 * a score read as `score >= 0.5` when no row has a label prediction, as `vigil eval` does without
 * `--prediction`). Label metrics and score metrics are computed apart, so a window whose labels hold one class
 * (ROC AUC undefined) still gets its accuracy.
 */
import { binaryMetrics, gather, isVigilError, multiclassMetrics, regressionMetrics } from '@vigil/core';
import type { ModelSchema, RowColumns, Task } from '../store/types.js';

export interface PerformanceResult {
  /** Rows of the window/reference. */
  n: number;
  /** Rows with a label and what the metrics read (a predicted label, a score): the rows they are computed on. */
  labelled: number;
  metrics: Record<string, number>;
  /** Why a metric has no value, by metric key (or '*' for all). */
  unavailable: Record<string, string>;
}

/** Positive-class names recognised when the schema names none (as `vigil eval` without `--positive`). */
const POSITIVE_NAMES = ['1', 'true', 'True', 'TRUE', 'yes'];

/**
 * @param part `labels` (metrics of predicted labels) or `scores` (of the score / class probabilities).
 */
export function performanceMetrics(
  rows: RowColumns,
  task: Task,
  schema: ModelSchema | undefined,
  part: 'labels' | 'scores',
): PerformanceResult {
  switch (task) {
    case 'binary':
      return binary(rows, schema, part);
    case 'multiclass':
      return multiclass(rows, schema, part);
    case 'regression':
      return regression(rows, schema, part);
  }
}

function result(rows: RowColumns, labelled: number): PerformanceResult {
  return { n: rows.n, labelled, metrics: {}, unavailable: {} };
}

/** Runs a core metric set; a VigilError (one class, a probability outside [0, 1]) becomes the reason. */
function compute(out: PerformanceResult, run: () => Record<string, number>): PerformanceResult {
  if (out.labelled === 0) {
    out.unavailable['*'] = 'no labelled prediction';
    return out;
  }
  try {
    Object.assign(out.metrics, run());
  } catch (error) {
    if (!isVigilError(error)) throw error;
    out.unavailable['*'] = error.message;
  }
  return out;
}

function binary(
  rows: RowColumns,
  schema: ModelSchema | undefined,
  part: 'labels' | 'scores',
): PerformanceResult {
  const { n, labelText, predictionText, score } = rows;
  let anyPrediction = false;
  for (let i = 0; i < n && !anyPrediction; i++) anyPrediction = predictionText[i] !== null;
  // Label metrics read the predicted label, or the score at 0.5 when no row has one; score metrics the score.
  const byScore = part === 'scores' || !anyPrediction;
  const index = indicesWhere(
    n,
    (i) => labelText[i] !== null && (byScore ? !Number.isNaN(score[i]) : predictionText[i] !== null),
  );
  const out = result(rows, index.length);
  const positive = schema?.positive ?? guessPositive(labelText, predictionText, index);
  if (index.length > 0 && positive === undefined) {
    out.unavailable['*'] =
      'the model schema names no positive class and the labels are not 0/1 or false/true';
    return out;
  }
  const yTrue = new Float64Array(index.length);
  for (let k = 0; k < index.length; k++) yTrue[k] = labelText[index[k]] === positive ? 1 : 0;
  if (part === 'scores') {
    const yScore = gather(score, index);
    return compute(out, () => binaryMetrics(yTrue, undefined, yScore).compute());
  }
  const yPred = new Float64Array(index.length);
  for (let k = 0; k < index.length; k++) {
    const i = index[k];
    yPred[k] = anyPrediction ? (predictionText[i] === positive ? 1 : 0) : score[i] >= 0.5 ? 1 : 0;
  }
  return compute(out, () => binaryMetrics(yTrue, yPred).compute());
}

function multiclass(
  rows: RowColumns,
  schema: ModelSchema | undefined,
  part: 'labels' | 'scores',
): PerformanceResult {
  const { n, labelText, predictionText } = rows;
  if (part === 'scores') {
    // Probability metrics need one probability column per class, in the schema's class order.
    const classes = schema?.classes;
    if (classes === undefined || classes.length < 2 || classes.some((c) => rows.probas[c] === undefined)) {
      const out = result(rows, 0);
      out.unavailable['*'] = 'probability metrics need the classes in the model schema and their probas';
      return out;
    }
    const columns = classes.map((c) => rows.probas[c]);
    const index = indicesWhere(n, (i) => labelText[i] !== null && columns.every((p) => !Number.isNaN(p[i])));
    const out = result(rows, index.length);
    const codes = encode(labelText, index, classes);
    if (codes === undefined) {
      out.unavailable['*'] = 'a label is not one of the model schema classes';
      return out;
    }
    const proba = columns.map((p) => gather(p, index));
    return compute(out, () => multiclassMetrics(codes, classes.length, undefined, proba).compute());
  }
  const index = indicesWhere(n, (i) => labelText[i] !== null && predictionText[i] !== null);
  const out = result(rows, index.length);
  // Classes of the labels and predictions present, as `vigil eval` without --probas.
  const seen = new Set<string>();
  for (const i of index) {
    seen.add(labelText[i] as string);
    seen.add(predictionText[i] as string);
  }
  const classes = [...seen].sort();
  const yTrue = encode(labelText, index, classes) as Float64Array;
  const yPred = encode(predictionText, index, classes) as Float64Array;
  return compute(out, () => multiclassMetrics(yTrue, classes.length, yPred).compute());
}

function regression(
  rows: RowColumns,
  schema: ModelSchema | undefined,
  part: 'labels' | 'scores',
): PerformanceResult {
  const { n, labelNumber, predictionNumber } = rows;
  const index = indicesWhere(
    n,
    (i) => Number.isFinite(labelNumber[i]) && Number.isFinite(predictionNumber[i]),
  );
  const out = result(rows, index.length);
  if (part === 'scores') {
    out.unavailable['*'] = 'regression has no score metrics';
    return out;
  }
  const nFeatures = schema?.features.length ?? 0;
  return compute(out, () =>
    regressionMetrics(gather(labelNumber, index), gather(predictionNumber, index), { nFeatures }).compute(),
  );
}

function indicesWhere(n: number, keep: (i: number) => boolean): Uint32Array {
  const out = new Uint32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) if (keep(i)) out[m++] = i;
  return out.subarray(0, m);
}

function guessPositive(
  labels: readonly (string | null)[],
  predictions: readonly (string | null)[],
  index: Uint32Array,
): string | undefined {
  const seen = new Set<string>();
  for (const i of index) {
    if (labels[i] !== null) seen.add(labels[i] as string);
    if (predictions[i] !== null) seen.add(predictions[i] as string);
  }
  return POSITIVE_NAMES.find((name) => seen.has(name));
}

/** Class codes of the rows at `index`; undefined when a value is not among `classes`. */
function encode(
  values: readonly (string | null)[],
  index: Uint32Array,
  classes: readonly string[],
): Float64Array | undefined {
  const code = new Map(classes.map((c, k) => [c, k]));
  const out = new Float64Array(index.length);
  for (let k = 0; k < index.length; k++) {
    const c = code.get(values[index[k]] as string);
    if (c === undefined) return undefined;
    out[k] = c;
  }
  return out;
}
