import {
  binaryMetrics,
  type Column,
  checkProbabilities,
  clusteringMetrics,
  columnLength,
  confusionMatrix,
  ErrorCodes,
  type Evaluation,
  type EvaluationTask,
  evaluateMetricSet,
  type Frame,
  groupIndices,
  isVigilError,
  type MetricSet,
  multiclassMetrics,
  rankingMetrics,
  regressionMetrics,
  VigilError,
} from '@vigil/core';
import { loadFrame } from '@vigil/io';
import { renderEvalText } from '@vigil/report';
import { type Command, Option } from 'commander';
import { addDataOptions, type DataOptionValues, loaderOptions } from '../dataOptions.js';
import { distinctLabels, encodeLabels, labelName, numericValues } from '../encodeLabels.js';
import {
  checkBothClasses,
  checkClusterCount,
  checkEveryClass,
  checkNonNegative,
  checkRowSums,
} from '../evalChecks.js';
import { addModelOptions } from '../modelOptions.js';
import { createProgress, type Progress } from '../progress.js';
import { type ChartInputs, evaluationCurves, writeHtmlReport } from '../reportData.js';
import { requireColumn } from '../requireColumn.js';
import { type Terminal, useColor } from '../terminal.js';
import { openUnitInterval, positiveInteger, safeInteger } from './numberOptions.js';

export interface EvalOptions extends DataOptionValues {
  data: string;
  task: EvaluationTask;
  target?: string;
  prediction?: string;
  score?: string;
  probas?: string;
  positive?: string;
  threshold?: number;
  features?: string[];
  nFeatures?: number;
  query?: string;
  relevance?: string;
  k: number[];
  segment?: string;
  ci?: number;
  resamples: number;
  seed: number;
  format: 'text' | 'json';
  html?: string;
}

export function registerEvalCommand(
  program: Command,
  terminal: Terminal,
  setExit: (code: number) => void,
): void {
  const command = addModelOptions(
    program
      .command('eval')
      .description('evaluate predictions against ground truth')
      .requiredOption(
        '--data <file>',
        'predictions with ground truth (CSV, TSV, Parquet, JSON Lines, Arrow IPC)',
      ),
    { taskRequired: true },
  )
    .option('--segment <column>', 'also report metrics per value of this column')
    .addOption(
      new Option('--ci <level>', 'bootstrap confidence intervals at this level, e.g. 0.95').argParser(
        openUnitInterval('--ci'),
      ),
    )
    .addOption(
      new Option('--resamples <n>', 'bootstrap resamples')
        .argParser(positiveInteger('--resamples'))
        .default(1000),
    )
    .addOption(new Option('--seed <n>', 'bootstrap seed').argParser(safeInteger('--seed')).default(0))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--html <file>', 'also write a self-contained HTML report to this file');
  addDataOptions(command).action(async (options: EvalOptions) => {
    const progress = createProgress(terminal);
    let evaluation: Evaluation;
    const chartInputs: ChartInputs = {};
    try {
      progress.start('reading data', 100);
      const loaded = await loadFrame(options.data, {
        ...loaderOptions(options),
        onProgress: (f) => progress.update(f * 100),
      });
      progress.stop();
      evaluation = withFile(options.data, () =>
        evaluate(loaded.frame, loaded.file, options, progress, chartInputs),
      );
    } finally {
      // Also on errors: the bar hides the cursor, and the message must start on a clean line.
      progress.stop();
    }
    if (options.format === 'json') terminal.stdout(`${JSON.stringify(evalJson(evaluation), null, 2)}\n`);
    else terminal.stdout(`${renderEvalText(evaluation, { color: useColor(terminal) })}\n`);
    if (options.html !== undefined) {
      await writeHtmlReport(options.html, {
        title: `Evaluation: ${options.data}`,
        evaluation: { result: evaluation, curves: evaluationCurves(chartInputs) },
      });
    }
    setExit(0);
  });
}

/**
 * Errors from the metrics that the checks here did not anticipate get the file attached, so the message still
 * says which data it is about.
 */
export function withFile<T>(file: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isVigilError(error) && error.location.file === undefined) {
      throw new VigilError(error.code, error.message, {
        hint: error.hint ?? hintFor(error.code),
        location: { file, ...error.location },
        details: error.details,
        cause: error,
      });
    }
    throw error;
  }
}

function hintFor(code: string): string | undefined {
  if (code === ErrorCodes.ONE_CLASS) return 'evaluate on data that holds every class';
  if (code === ErrorCodes.INVALID_PROBABILITY)
    return 'pass probabilities in [0, 1] (apply a sigmoid / softmax to raw scores)';
  return undefined;
}

function need(value: string | undefined, flag: string, task: string): string {
  if (value === undefined) {
    throw new VigilError(ErrorCodes.INVALID_ARGUMENT, `eval: ${flag} is required for --task ${task}`, {
      hint: `add ${flag} <column>`,
    });
  }
  return value;
}

export function evaluate(
  frame: Frame,
  file: string,
  options: EvalOptions,
  progress: Progress,
  chartInputs: ChartInputs = {},
): Evaluation {
  const column = (name: string, flag: string) => requireColumn(frame, name, file, flag);
  const notes: string[] = [];
  let set: MetricSet;
  let matrix: Evaluation['confusionMatrix'];
  if (options.task === 'ranking' && options.segment !== undefined) {
    throw new VigilError(ErrorCodes.INVALID_ARGUMENT, 'eval: --segment is not available for --task ranking', {
      hint: 'segments split rows, and ranking metrics are per query: evaluate each segment file separately',
    });
  }
  // Checked first, so a misspelt segment column fails before any metric is computed.
  const segmentColumn = options.segment === undefined ? undefined : column(options.segment, '--segment');
  switch (options.task) {
    case 'binary': {
      const target = column(need(options.target, '--target', 'binary'), '--target');
      if (options.prediction === undefined && options.score === undefined) {
        throw new VigilError(
          ErrorCodes.INVALID_ARGUMENT,
          'eval: --prediction or --score is required for --task binary',
          {
            hint: 'add --prediction <label column>, --score <probability column>, or both',
          },
        );
      }
      const prediction =
        options.prediction === undefined ? undefined : column(options.prediction, '--prediction');
      const classes = binaryClasses(target, prediction, file);
      const positive = positiveClass(classes, options.positive, target.name, file);
      const negative = classes.find((c) => c !== positive) ?? `not ${positive}`;
      const ordered = [negative, positive];
      const yTrue = encodeLabels(target, ordered, file, 'target').codes;
      const yScore =
        options.score === undefined
          ? undefined
          : probabilities(column(options.score, '--score'), file, 'score');
      if (yScore) checkBothClasses(yTrue, ordered, target, file);
      let yPred: Int32Array | undefined;
      if (yScore && (options.threshold !== undefined || !prediction)) {
        const threshold = options.threshold ?? 0.5;
        yPred = new Int32Array(yScore.length);
        for (let i = 0; i < yScore.length; i++) yPred[i] = yScore[i] >= threshold ? 1 : 0;
        notes.push(
          `labels are score >= ${threshold}${prediction ? ` (--threshold given, so --prediction ${prediction.name} is not used)` : ''}`,
        );
      } else if (prediction) {
        yPred = encodeLabels(prediction, ordered, file, 'prediction').codes;
      }
      set = binaryMetrics(yTrue, yPred, yScore);
      if (yScore) chartInputs.binary = { yTrue, yScore };
      if (yPred)
        matrix = { labels: ordered, matrix: confusionMatrix(yTrue, yPred, { labels: [0, 1] }).matrix };
      notes.push(`positive class: ${JSON.stringify(positive)}`);
      break;
    }
    case 'multiclass': {
      const target = column(need(options.target, '--target', 'multiclass'), '--target');
      const prefix = options.probas;
      // The role columns never count as probability columns, even when their names start with the prefix.
      const roles = new Set([options.target, options.prediction, options.segment]);
      const probaColumns =
        prefix === undefined
          ? []
          : frame.columns.filter((c) => c.name.startsWith(prefix) && !roles.has(c.name));
      if (prefix !== undefined && probaColumns.length < 2) {
        throw new VigilError(
          ErrorCodes.UNKNOWN_COLUMN,
          `--probas: columns starting with "${prefix}" must be one per class, at least 2; got ${probaColumns.length === 0 ? 'none' : `only "${probaColumns[0].name}"`}`,
          {
            location: { file },
            hint: `name one probability column per class <prefix><class>; columns are: ${frame.columns.map((c) => c.name).join(', ')}`,
          },
        );
      }
      if (options.prediction === undefined && prefix === undefined) {
        throw new VigilError(
          ErrorCodes.INVALID_ARGUMENT,
          'eval: --prediction or --probas is required for --task multiclass',
          {
            hint: 'add --prediction <label column>, --probas <column prefix>, or both',
          },
        );
      }
      const prediction =
        options.prediction === undefined ? undefined : column(options.prediction, '--prediction');
      const classes =
        prefix !== undefined
          ? probaColumns.map((c) => c.name.slice(prefix.length))
          : union(distinctLabels(target), distinctLabels(prediction!));
      const labelsOf = (c: Column, role: string) => {
        try {
          return encodeLabels(c, classes, file, role).codes;
        } catch (error) {
          // A label without a probability column: say which column is missing.
          if (prefix === undefined || !isVigilError(error) || error.code !== ErrorCodes.INVALID_ARGUMENT)
            throw error;
          const label = String(error.details?.value);
          throw new VigilError(error.code, error.message, {
            location: error.location,
            hint: `every class needs its probability column: add "${prefix}${label}", or check --probas`,
          });
        }
      };
      const yTrue = labelsOf(target, 'target');
      let yProba: Float64Array[] | undefined;
      if (prefix !== undefined) {
        yProba = probaColumns.map((c) => probabilities(c, file, 'probability'));
        checkRowSums(
          yProba,
          probaColumns.map((c) => c.name),
          file,
        );
        checkEveryClass(yTrue, classes, target, file, prefix);
      }
      let yPred = prediction ? labelsOf(prediction, 'prediction') : undefined;
      if (!yPred && yProba) {
        yPred = argmax(yProba);
        notes.push('labels are the class of highest probability');
      }
      set = multiclassMetrics(yTrue, classes.length, yPred, yProba);
      if (yPred) {
        matrix = {
          labels: classes,
          matrix: confusionMatrix(yTrue, yPred, { labels: classes.map((_, i) => i) }).matrix,
        };
      }
      break;
    }
    case 'regression': {
      const target = column(need(options.target, '--target', 'regression'), '--target');
      const prediction = column(need(options.prediction, '--prediction', 'regression'), '--prediction');
      let nFeatures = options.nFeatures;
      if (nFeatures === undefined) {
        const roles = new Set([target.name, prediction.name, options.segment]);
        nFeatures = frame.columns.filter((c) => !roles.has(c.name)).length;
        notes.push(`adjustedR2 assumes ${nFeatures} features (the other columns); set --n-features`);
      }
      const actual = numericValues(target, file, 'target');
      const predicted = numericValues(prediction, file, 'prediction');
      set = regressionMetrics(actual, predicted, { nFeatures });
      chartInputs.regression = { actual, predicted };
      break;
    }
    case 'clustering': {
      const prediction = column(need(options.prediction, '--prediction', 'clustering'), '--prediction');
      const featureNames =
        options.features ??
        frame.columns
          .filter(
            (c) =>
              c.kind === 'numeric' &&
              c.type === 'numerical' &&
              c.name !== prediction.name &&
              c.name !== options.segment,
          )
          .map((c) => c.name);
      if (featureNames.length === 0) {
        throw new VigilError(
          ErrorCodes.EMPTY_INPUT,
          'eval: --task clustering needs at least one numerical feature column; got none',
          { location: { file }, hint: 'name the feature columns with --features a,b,c' },
        );
      }
      const features = featureNames.map((name) => numericValues(column(name, '--features'), file, 'feature'));
      if (!options.features)
        notes.push(
          `features: ${featureNames.join(', ')} (every numerical column but the cluster id and segment; set --features)`,
        );
      const clusters = encodeLabels(prediction, distinctLabels(prediction), file, 'cluster id');
      checkClusterCount(clusters.classes.length, clusters.codes.length, prediction, file);
      set = clusteringMetrics(features, clusters.codes);
      break;
    }
    case 'ranking': {
      const query = column(need(options.query, '--query', 'ranking'), '--query');
      const relevanceName = options.relevance ?? options.target;
      const relevanceColumn = column(
        need(relevanceName, '--relevance (or --target)', 'ranking'),
        options.relevance === undefined ? '--target' : '--relevance',
      );
      const relevance = numericValues(relevanceColumn, file, 'relevance');
      checkNonNegative(relevance, relevanceColumn, file, 'relevance');
      const scores = numericValues(
        column(need(options.score ?? options.prediction, '--score', 'ranking'), '--score'),
        file,
        'score',
      );
      const queries = encodeLabels(query, distinctLabels(query), file, 'query');
      set = rankingMetrics(queries.codes, queries.classes.length, relevance, scores, options.k);
      break;
    }
  }
  let segments: Map<string, Uint32Array> | undefined;
  if (segmentColumn) {
    const { groups, missing } = segmentRows(segmentColumn);
    segments = groups;
    if (missing > 0)
      notes.push(
        `${missing} row${missing === 1 ? '' : 's'} with no value in segment column "${segmentColumn.name}" ${missing === 1 ? 'is' : 'are'} in no segment`,
      );
  }
  // A bootstrap on large data takes a while (every metric on every resample): show its progress.
  if (options.ci !== undefined) progress.start('bootstrap resamples', options.resamples);
  const evaluation = evaluateMetricSet(options.task, set, {
    ci: options.ci,
    resamples: options.resamples,
    seed: options.seed,
    segments,
    onProgress: (done) => progress.update(done),
  });
  if (matrix) evaluation.confusionMatrix = matrix;
  if (notes.length > 0) evaluation.notes = notes;
  return evaluation;
}

function union(a: string[], b: string[]): string[] {
  return [...a, ...b.filter((x) => !a.includes(x))];
}

/**
 * The (at most two) classes of a binary task: the target's, plus the prediction's when the target holds only one.
 * A prediction label foreign to a two-class target is reported at its row.
 */
function binaryClasses(target: Column, prediction: Column | undefined, file: string): string[] {
  const targetClasses = distinctLabels(target);
  if (targetClasses.length > 2) throw tooManyClasses(targetClasses, target.name, file);
  if (!prediction) return targetClasses;
  const classes = union(targetClasses, distinctLabels(prediction));
  if (classes.length <= 2) return classes;
  if (targetClasses.length === 2) encodeLabels(prediction, targetClasses, file, 'prediction');
  throw tooManyClasses(classes, prediction.name, file);
}

function tooManyClasses(classes: string[], column: string, file: string): VigilError {
  return new VigilError(
    ErrorCodes.INVALID_ARGUMENT,
    `eval: --task binary needs at most 2 classes; got ${classes.length}: ${classes
      .slice(0, 10)
      .map((c) => JSON.stringify(c))
      .join(', ')}${classes.length > 10 ? ', …' : ''}`,
    { location: { file, column }, hint: 'use --task multiclass' },
  );
}

/** The positive class: --positive, else 1 or true when the labels are 0/1 or false/true. */
function positiveClass(
  classes: string[],
  requested: string | undefined,
  target: string,
  file: string,
): string {
  if (requested !== undefined) {
    if (!classes.includes(requested) && classes.length === 2) {
      throw new VigilError(
        ErrorCodes.INVALID_ARGUMENT,
        `eval: --positive must be one of the classes ${classes.map((c) => JSON.stringify(c)).join(', ')}; got ${JSON.stringify(requested)}`,
        {
          location: { file, column: target },
          hint: 'class names are case-sensitive; numbers are written as in the file without trailing zeros (1, not 1.0)',
        },
      );
    }
    return requested;
  }
  for (const candidate of ['1', 'true', 'True', 'TRUE', 'yes'])
    if (classes.includes(candidate)) return candidate;
  throw new VigilError(
    ErrorCodes.INVALID_ARGUMENT,
    `eval: --positive is required when the classes are not 0/1 or false/true; got ${classes.map((c) => JSON.stringify(c)).join(', ')}`,
    {
      location: { file, column: target },
      hint: `add --positive ${JSON.stringify(classes[classes.length - 1])} (or the other class)`,
    },
  );
}

function probabilities(column: Column, file: string, role: string): Float64Array {
  const values = numericValues(column, file, role);
  try {
    checkProbabilities('eval', `${role} column "${column.name}"`, values);
  } catch (error) {
    if (isVigilError(error) && typeof error.details?.index === 'number') {
      const row = error.details.index + 1;
      throw new VigilError(
        error.code,
        `eval: ${role} column "${column.name}" must hold probabilities in [0, 1]; got ${values[row - 1]} at row ${row}`,
        {
          location: { file, column: column.name, row },
          hint: hintFor(error.code),
        },
      );
    }
    throw error;
  }
  return values;
}

function argmax(columns: Float64Array[]): Int32Array {
  const out = new Int32Array(columns[0].length);
  for (let i = 0; i < out.length; i++) {
    let best = 0;
    for (let k = 1; k < columns.length; k++) if (columns[k][i] > columns[best][i]) best = k;
    out[i] = best;
  }
  return out;
}

/** Row indices per segment value (natural order of the values), and how many rows have no value. */
function segmentRows(column: Column): { groups: Map<string, Uint32Array>; missing: number } {
  const names = distinctLabels(column);
  const index = new Map(names.map((n, i) => [n, i]));
  const codes = new Int32Array(columnLength(column));
  let missing = 0;
  if (column.kind === 'categorical') {
    const map = column.dictionary.map((d) => index.get(d) ?? -1);
    for (let i = 0; i < codes.length; i++) codes[i] = column.codes[i] < 0 ? -1 : map[column.codes[i]];
  } else {
    for (let i = 0; i < codes.length; i++)
      codes[i] = Number.isNaN(column.values[i]) ? -1 : index.get(labelName(column.values[i]))!;
  }
  for (let i = 0; i < codes.length; i++) if (codes[i] < 0) missing++;
  const groups = groupIndices(codes, names.length);
  return { groups: new Map(names.map((n, i) => [n, groups[i]])), missing };
}

/** The stable JSON contract of `vigil eval --format json` (README). NaN (undefined metrics) is written as null. */
export function evalJson(evaluation: Evaluation) {
  const clean = (metrics: Record<string, number>) =>
    Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, Number.isFinite(v) ? v : null]));
  return {
    task: evaluation.task,
    n: evaluation.n,
    metrics: clean(evaluation.metrics),
    ...(evaluation.confusionMatrix ? { confusionMatrix: evaluation.confusionMatrix } : {}),
    ...(evaluation.intervals
      ? {
          intervals: Object.fromEntries(
            Object.entries(evaluation.intervals).map(([k, [lo, hi]]) => [
              k,
              [Number.isFinite(lo) ? lo : null, Number.isFinite(hi) ? hi : null],
            ]),
          ),
          confidence: evaluation.confidence,
          resamples: evaluation.resamples,
        }
      : {}),
    ...(evaluation.segments
      ? {
          segments: Object.fromEntries(
            Object.entries(evaluation.segments).map(([k, s]) => [k, { n: s.n, metrics: clean(s.metrics) }]),
          ),
        }
      : {}),
    ...(evaluation.notes ? { notes: evaluation.notes } : {}),
  };
}
