import {
  binaryMetrics,
  type Column,
  checkProbabilities,
  clusteringMetrics,
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
import { addDataOptions, type DataOptionValues, list, loaderOptions } from '../dataOptions.js';
import { distinctLabels, encodeLabels, numericValues } from '../encodeLabels.js';
import { createProgress } from '../progress.js';
import { requireColumn } from '../requireColumn.js';
import { type Terminal, useColor } from '../terminal.js';
import { finitePositive, openUnitInterval } from './numberOptions.js';

interface EvalOptions extends DataOptionValues {
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
}

export function registerEvalCommand(
  program: Command,
  terminal: Terminal,
  setExit: (code: number) => void,
): void {
  const command = program
    .command('eval')
    .description('evaluate predictions against ground truth')
    .requiredOption(
      '--data <file>',
      'predictions with ground truth (CSV, TSV, Parquet, JSON Lines, Arrow IPC)',
    )
    .addOption(
      new Option('--task <task>', 'what the model does')
        .choices(['binary', 'multiclass', 'regression', 'clustering', 'ranking'])
        .makeOptionMandatory(),
    )
    .option('--target <column>', 'ground truth (ranking: graded relevance, unless --relevance)')
    .option('--prediction <column>', 'predicted label / value (clustering: cluster id)')
    .option('--score <column>', 'binary: probability of the positive class; ranking: the model score')
    .option('--probas <prefix>', 'multiclass: one probability column per class, named <prefix><class>')
    .option('--positive <label>', 'binary: the positive class (default: 1 or true)')
    .addOption(
      new Option(
        '--threshold <t>',
        'binary: predict positive when score >= t (default 0.5, used when no --prediction)',
      ).argParser(openUnitInterval('--threshold')),
    )
    .addOption(
      new Option(
        '--features <columns>',
        'clustering: feature columns (default: every numerical column)',
      ).argParser(list),
    )
    .addOption(
      new Option(
        '--n-features <n>',
        'regression: number of model features, for adjusted R² (default: the other columns)',
      ).argParser(finitePositive('--n-features')),
    )
    .option('--query <column>', 'ranking: query (group) id')
    .option('--relevance <column>', 'ranking: graded relevance (default: --target)')
    .addOption(
      new Option('--k <list>', 'ranking: cut-offs, comma-separated')
        .argParser((v) => list(v).map(finitePositive('--k')))
        .default([5, 10]),
    )
    .option('--segment <column>', 'also report metrics per value of this column')
    .addOption(
      new Option('--ci <level>', 'bootstrap confidence intervals at this level, e.g. 0.95').argParser(
        openUnitInterval('--ci'),
      ),
    )
    .addOption(
      new Option('--resamples <n>', 'bootstrap resamples')
        .argParser(finitePositive('--resamples'))
        .default(1000),
    )
    .addOption(new Option('--seed <n>', 'bootstrap seed').argParser(Number).default(0))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'));
  addDataOptions(command).action(async (options: EvalOptions) => {
    const progress = createProgress(terminal);
    progress.start('reading data', 100);
    const loaded = await loadFrame(options.data, {
      ...loaderOptions(options),
      onProgress: (f) => progress.update(f * 100),
    });
    progress.stop();
    const evaluation = withLocation(options.data, options.target, () =>
      evaluate(loaded.frame, loaded.file, options),
    );
    if (options.format === 'json') terminal.stdout(`${JSON.stringify(evalJson(evaluation), null, 2)}\n`);
    else terminal.stdout(`${renderEvalText(evaluation, { color: useColor(terminal) })}\n`);
    setExit(0);
  });
}

/** Metric errors (one class for AUC, probabilities out of range) get the file and target column attached. */
function withLocation<T>(file: string, column: string | undefined, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isVigilError(error) && error.location.file === undefined) {
      throw new VigilError(error.code, error.message, {
        hint: error.hint ?? hintFor(error.code),
        location: { file, column, ...error.location },
        details: error.details,
        cause: error,
      });
    }
    throw error;
  }
}

function hintFor(code: string): string | undefined {
  if (code === ErrorCodes.ONE_CLASS) return 'evaluate on data that holds both classes, or leave out --score';
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

function evaluate(frame: Frame, file: string, options: EvalOptions): Evaluation {
  const column = (name: string, flag: string) => requireColumn(frame, name, file, flag);
  const notes: string[] = [];
  let set: MetricSet;
  let matrix: Evaluation['confusionMatrix'];
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
      const classes = union(distinctLabels(target), prediction ? distinctLabels(prediction) : []);
      const positive = positiveClass(classes, options.positive, target.name, file);
      const negative = classes.find((c) => c !== positive) ?? `not ${positive}`;
      const ordered = [negative, positive];
      const yTrue = encodeBinary(target, ordered, file, 'target', positive);
      const yScore =
        options.score === undefined
          ? undefined
          : probabilities(column(options.score, '--score'), file, 'score');
      let yPred: Int32Array | undefined;
      if (yScore && (options.threshold !== undefined || !prediction)) {
        const threshold = options.threshold ?? 0.5;
        yPred = new Int32Array(yScore.length);
        for (let i = 0; i < yScore.length; i++) yPred[i] = yScore[i] >= threshold ? 1 : 0;
        notes.push(
          `labels are score >= ${threshold}${prediction ? ` (--threshold given, so --prediction ${prediction.name} is not used)` : ''}`,
        );
      } else if (prediction) {
        yPred = encodeBinary(prediction, ordered, file, 'prediction', positive);
      }
      set = binaryMetrics(yTrue, yPred, yScore);
      if (yPred)
        matrix = { labels: ordered, matrix: confusionMatrix(yTrue, yPred, { labels: [0, 1] }).matrix };
      notes.push(`positive class: ${JSON.stringify(positive)}`);
      break;
    }
    case 'multiclass': {
      const target = column(need(options.target, '--target', 'multiclass'), '--target');
      const probaColumns =
        options.probas === undefined ? [] : frame.columns.filter((c) => c.name.startsWith(options.probas!));
      if (options.probas !== undefined && probaColumns.length === 0) {
        throw new VigilError(
          ErrorCodes.UNKNOWN_COLUMN,
          `--probas: no column starts with "${options.probas}"`,
          {
            location: { file },
            hint: `name one probability column per class <prefix><class>; columns are: ${frame.columns.map((c) => c.name).join(', ')}`,
          },
        );
      }
      if (options.prediction === undefined && probaColumns.length === 0) {
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
      const probaClasses = probaColumns.map((c) => c.name.slice(options.probas!.length));
      const classes =
        probaColumns.length > 0 ? probaClasses : union(distinctLabels(target), distinctLabels(prediction!));
      const yTrue = encodeLabels(target, classes, file, 'target').codes;
      const yProba =
        probaColumns.length > 0 ? probaColumns.map((c) => probabilities(c, file, 'probability')) : undefined;
      let yPred = prediction ? encodeLabels(prediction, classes, file, 'prediction').codes : undefined;
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
      set = regressionMetrics(
        numericValues(target, file, 'target'),
        numericValues(prediction, file, 'prediction'),
        { nFeatures },
      );
      break;
    }
    case 'clustering': {
      const prediction = column(need(options.prediction, '--prediction', 'clustering'), '--prediction');
      const features = (
        options.features ??
        frame.columns.filter((c) => c.kind === 'numeric' && c.name !== prediction.name).map((c) => c.name)
      ).map((name) => numericValues(column(name, '--features'), file, 'feature'));
      if (!options.features)
        notes.push('features: every numerical column except the cluster id (set --features)');
      set = clusteringMetrics(
        features,
        encodeLabels(prediction, distinctLabels(prediction), file, 'cluster id').codes,
      );
      break;
    }
    case 'ranking': {
      const query = column(need(options.query, '--query', 'ranking'), '--query');
      const relevanceName = options.relevance ?? options.target;
      const relevance = numericValues(
        column(need(relevanceName, '--relevance (or --target)', 'ranking'), '--relevance'),
        file,
        'relevance',
      );
      const scores = numericValues(
        column(need(options.score ?? options.prediction, '--score', 'ranking'), '--score'),
        file,
        'score',
      );
      const queries = encodeLabels(query, distinctLabels(query), file, 'query');
      set = rankingMetrics(queries.codes, queries.classes.length, relevance, scores, options.k);
      if (options.segment !== undefined) {
        throw new VigilError(
          ErrorCodes.INVALID_ARGUMENT,
          'eval: --segment is not available for --task ranking',
          {
            hint: 'segments split rows, and ranking metrics are per query: evaluate each segment file separately',
          },
        );
      }
      break;
    }
  }
  const segments =
    options.segment === undefined ? undefined : segmentRows(column(options.segment, '--segment'));
  const evaluation = evaluateMetricSet(options.task, set, {
    ci: options.ci,
    resamples: options.resamples,
    seed: options.seed,
    segments,
  });
  if (matrix) evaluation.confusionMatrix = matrix;
  if (notes.length > 0) evaluation.notes = notes;
  return evaluation;
}

function union(a: string[], b: string[]): string[] {
  return [...a, ...b.filter((x) => !a.includes(x))];
}

/** The positive class: --positive, else 1 or true when the labels are 0/1 or false/true. */
function positiveClass(
  classes: string[],
  requested: string | undefined,
  target: string,
  file: string,
): string {
  if (classes.length > 2) {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `eval: --task binary needs at most 2 classes; got ${classes.length}: ${classes
        .slice(0, 10)
        .map((c) => JSON.stringify(c))
        .join(', ')}`,
      {
        location: { file, column: target },
        hint: 'use --task multiclass',
      },
    );
  }
  if (requested !== undefined) {
    if (!classes.includes(requested) && classes.length === 2) {
      throw new VigilError(
        ErrorCodes.INVALID_ARGUMENT,
        `eval: --positive must be one of the classes ${classes.map((c) => JSON.stringify(c)).join(', ')}; got ${JSON.stringify(requested)}`,
        {
          location: { file, column: target },
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

function encodeBinary(
  column: Column,
  ordered: string[],
  file: string,
  role: string,
  positive: string,
): Int32Array {
  return encodeLabels(column, ordered.includes(positive) ? ordered : [...ordered, positive], file, role)
    .codes;
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

function segmentRows(column: Column): Map<string, Uint32Array> {
  const names = distinctLabels(column);
  const encoded = column.kind === 'categorical' ? column : undefined;
  const codes = encoded
    ? new Int32Array(encoded.codes.length)
    : new Int32Array(column.kind === 'numeric' ? column.values.length : 0);
  const index = new Map(names.map((n, i) => [n, i]));
  if (encoded) {
    const map = encoded.dictionary.map((d) => index.get(d) ?? -1);
    for (let i = 0; i < codes.length; i++) codes[i] = encoded.codes[i] < 0 ? -1 : map[encoded.codes[i]];
  } else if (column.kind === 'numeric') {
    for (let i = 0; i < codes.length; i++)
      codes[i] = Number.isNaN(column.values[i]) ? -1 : index.get(String(column.values[i]))!;
  }
  const groups = groupIndices(codes, names.length);
  return new Map(names.map((n, i) => [n, groups[i]]));
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
