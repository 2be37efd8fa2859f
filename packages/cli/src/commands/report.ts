import { ErrorCodes, type Evaluation, type FrameProfile, profileFrame, VigilError } from '@vigil/core';
import { loadFrame } from '@vigil/io';
import type { EvaluationCurves, HtmlReportInput } from '@vigil/report';
import { type Command, Option } from 'commander';
import { compareFrames, type LoadedFrame } from '../compareFrames.js';
import { addDataOptions, type DataOptionValues, loaderOptions, nonEmptyList } from '../dataOptions.js';
import { addModelOptions, type ModelOptionValues } from '../modelOptions.js';
import { createProgress, type Progress } from '../progress.js';
import { type ChartInputs, driftHistograms, evaluationCurves, writeHtmlReport } from '../reportData.js';
import { requireColumn } from '../requireColumn.js';
import type { Terminal } from '../terminal.js';
import { type EvalOptions, evaluate, withFile } from './eval.js';
import { positiveInteger } from './numberOptions.js';

interface ReportOptions extends DataOptionValues, ModelOptionValues {
  current: string;
  reference?: string;
  columns?: string[];
  html: string;
  title?: string;
  workers?: number;
}

/** Model options that only mean something with `--task`. */
const modelFlags = [
  ['target', '--target'],
  ['prediction', '--prediction'],
  ['score', '--score'],
  ['probas', '--probas'],
  ['positive', '--positive'],
  ['threshold', '--threshold'],
  ['features', '--features'],
  ['nFeatures', '--n-features'],
  ['query', '--query'],
  ['relevance', '--relevance'],
] as const;

/**
 * `vigil report`: one self-contained HTML file with a plain-words summary, model quality (current, compared with
 * the reference when given), data drift (reference given: the computation of `vigil drift`) and data quality (the
 * profile of the current data). Exit 0 when written, 2 on bad input.
 */
export function registerReportCommand(
  program: Command,
  terminal: Terminal,
  setExit: (code: number) => void,
): void {
  const command = addModelOptions(
    program
      .command('report')
      .description('write one HTML report: model quality, drift against a reference, data quality')
      .requiredOption('--current <file>', 'current data (CSV, TSV, Parquet, JSON Lines, Arrow IPC; .gz CSV)')
      .option('--reference <file>', 'reference data, same columns: adds drift and a model comparison')
      .addOption(
        new Option(
          '--columns <names>',
          'drift and data quality of these columns only (comma-separated)',
        ).argParser(nonEmptyList('--columns')),
      ),
    { taskRequired: false },
  )
    .requiredOption('--html <file>', 'write the report to this file')
    .option('--title <text>', 'title of the report (default: the file names)')
    .addOption(
      new Option('--workers <n>', 'drift worker threads (default: one per core)').argParser(
        positiveInteger('--workers'),
      ),
    );
  addDataOptions(command).action(async (options: ReportOptions) => {
    requireTaskForModelOptions(options);
    const progress = createProgress(terminal);
    let input: Omit<HtmlReportInput, 'generatedAt' | 'versions'>;
    try {
      input = await buildReport(options, progress);
    } finally {
      // Also on errors: the bar hides the cursor, and the message must start on a clean line.
      progress.stop();
    }
    await writeReport(options.html, input);
    const sections = [
      input.evaluation ? 'model quality' : '',
      input.drift ? 'data drift' : '',
      input.quality ? 'data quality' : '',
    ].filter((s) => s !== '');
    terminal.stdout(`Report written to ${options.html} (summary, ${sections.join(', ')}).\n`);
    setExit(0);
  });
}

/** A model option without `--task` would be silently ignored: say so instead. */
function requireTaskForModelOptions(options: ReportOptions): void {
  if (options.task !== undefined) return;
  const given = modelFlags.filter(([key]) => options[key] !== undefined).map(([, flag]) => flag);
  if (given.length === 0) return;
  throw new VigilError(
    ErrorCodes.INVALID_ARGUMENT,
    `report: --task is required with ${given.join(', ')}; got no --task`,
    {
      hint: 'add --task binary, multiclass, regression, clustering or ranking to include the model section',
    },
  );
}

/** Loads the files and computes every section. */
async function buildReport(
  options: ReportOptions,
  progress: Progress,
): Promise<Omit<HtmlReportInput, 'generatedAt' | 'versions'>> {
  const [current, reference] = await loadFiles(options, progress);
  // Misspelt columns fail before any computation, naming the file.
  for (const name of options.columns ?? []) {
    requireColumn(current.frame, name, current.file, '--columns');
    if (reference) requireColumn(reference.frame, name, reference.file, '--columns');
  }
  const model = options.task === undefined ? undefined : evaluateModel(options, current, reference, progress);
  let drift: HtmlReportInput['drift'];
  if (reference) {
    const { result, pairs } = await compareFrames(
      reference,
      current,
      { columns: options.columns, workers: options.workers, command: 'report' },
      progress,
    );
    drift = { result, histograms: driftHistograms(pairs, result) };
  }
  const quality: FrameProfile = profileFrame(current.frame, { columns: options.columns });
  const title =
    options.title ??
    (reference ? `Report: ${options.current} vs ${options.reference}` : `Report: ${options.current}`);
  return {
    title,
    ...(model
      ? {
          evaluation: { result: model.current, curves: model.curves },
          ...(model.reference ? { referenceEvaluation: model.reference } : {}),
        }
      : {}),
    ...(drift ? { drift } : {}),
    quality,
  };
}

/** Both files at once (DuckDB parses one while JavaScript fills the other's columns). */
async function loadFiles(
  options: ReportOptions,
  progress: Progress,
): Promise<[LoadedFrame, LoadedFrame | undefined]> {
  const load = loaderOptions(options);
  const files = options.reference === undefined ? 1 : 2;
  progress.start(files === 2 ? 'reading both files' : 'reading data', 100);
  const done = [0, 0];
  const report = (side: 0 | 1) => (fraction: number) => {
    done[side] = fraction;
    progress.update(((done[0] + done[1]) / files) * 100);
  };
  const [current, reference] = await Promise.all([
    loadFrame(options.current, { ...load, onProgress: report(0) }),
    options.reference === undefined
      ? undefined
      : loadFrame(options.reference, { ...load, onProgress: report(1) }),
  ]);
  progress.stop();
  return [current, reference];
}

/** `vigil eval` on the current data (with the charts' inputs) and, when given, on the reference. */
function evaluateModel(
  options: ReportOptions,
  current: LoadedFrame,
  reference: LoadedFrame | undefined,
  progress: Progress,
): { current: Evaluation; reference?: Evaluation; curves?: EvaluationCurves } {
  const evalOptions = (file: string): EvalOptions => ({
    ...options,
    task: options.task!,
    data: file,
    resamples: 1000,
    seed: 0,
    format: 'json',
    html: undefined,
  });
  const chartInputs: ChartInputs = {};
  const result = withFile(current.file, () =>
    evaluate(current.frame, current.file, evalOptions(current.file), progress, chartInputs),
  );
  const referenceResult = reference
    ? withFile(reference.file, () =>
        evaluate(reference.frame, reference.file, evalOptions(reference.file), progress),
      )
    : undefined;
  return { current: result, reference: referenceResult, curves: evaluationCurves(chartInputs) };
}

/** Writes the report; a path that cannot be written is the user's to fix (exit 2), not a crash. */
async function writeReport(file: string, input: Omit<HtmlReportInput, 'generatedAt' | 'versions'>) {
  try {
    await writeHtmlReport(file, input);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `report: --html must be a file that can be written; got ${JSON.stringify(file)} (${reason})`,
      { location: { file }, hint: 'check that the directory exists and is writable', cause: error },
    );
  }
}
