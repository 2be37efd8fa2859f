import { readFile, writeFile } from 'node:fs/promises';
import {
  type Column,
  createFrame,
  driftColumns,
  ErrorCodes,
  type Frame,
  findCheck,
  findColumn,
  isVigilError,
  runSuite,
  type Suite,
  type SuiteData,
  type SuiteResult,
  suiteExitCode,
  VigilError,
} from '@vigil/core';
import { loadFrame } from '@vigil/io';
import { renderJUnit, renderSuiteText } from '@vigil/report';
import { type Command, Option } from 'commander';
import { addDataOptions, type DataOptionValues, loaderOptions } from '../dataOptions.js';
import { harmonizeColumnTypes } from '../harmonizeColumnTypes.js';
import { memoizeEvaluations, modelReportSection, type SideEvaluations } from '../modelEvaluations.js';
import { parallelDrift } from '../parallelDrift.js';
import { createProgress } from '../progress.js';
import { writeHtmlReport } from '../reportData.js';
import { requireColumn } from '../requireColumn.js';
import { parseSuiteFile, type SuiteDataSpec } from '../suiteFile.js';
import { type Terminal, useColor } from '../terminal.js';
import { type EvalOptions, evaluate } from './eval.js';
import { readSchema } from './schema.js';

interface CheckOptions extends DataOptionValues {
  format: 'text' | 'json';
  junit?: string;
  html?: string;
}

/** `vigil check SUITE.yaml`: exit 0 all pass (warnings allowed), 1 a check failed, 2 the suite could not run. */
export function registerCheckCommand(
  program: Command,
  terminal: Terminal,
  setExit: (code: number) => void,
): void {
  const command = program
    .command('check')
    .description('run a suite of checks (YAML) on data; exit 1 when a check fails')
    .argument('<suite>', 'suite file (YAML): data, presets and checks')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--junit <file>', 'also write the results as JUnit XML (for CI test reports)')
    .option('--html <file>', 'also write a self-contained HTML report to this file');
  addDataOptions(command).action(async (file: string, options: CheckOptions) => {
    const started = performance.now();
    const startedAt = new Date().toISOString();
    const text = await readSuite(file);
    const { suite, data: spec } = parseSuiteFile(text, file);
    const progress = createProgress(terminal);
    let result: SuiteResult;
    let evaluations: SideEvaluations | undefined;
    try {
      progress.start('reading data', 100);
      const loaded = await loadData(spec, options, suite);
      evaluations = loaded.evaluations;
      progress.stop();
      result = runSuite(suite, loaded.data);
    } finally {
      progress.stop();
    }
    result.metadata = {
      ...result.metadata,
      suite: file,
      startedAt,
      current: spec.current,
      ...(spec.reference ? { reference: spec.reference } : {}),
      durationMs: Math.round(performance.now() - started),
    };
    if (options.format === 'json') terminal.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else terminal.stdout(`${renderSuiteText(result, { color: useColor(terminal) })}\n`);
    if (options.junit !== undefined) await writeFile(options.junit, renderJUnit(result), 'utf8');
    if (options.html !== undefined) {
      // With a task, the model section too: the evaluations the metric checks computed, or computed now.
      const model = evaluations
        ? modelReportSection(evaluations, spec.reference !== undefined, (side, message) =>
            terminal.stderr(`check: the HTML report has no ${side} model evaluation: ${message}\n`),
          )
        : {};
      await writeHtmlReport(options.html, { title: `Checks: ${result.name}`, checks: result, ...model });
    }
    setExit(suiteExitCode(result));
  });
}

async function readSuite(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new VigilError(
      ErrorCodes.FILE_NOT_FOUND,
      `check: the suite must be a readable file; got ${JSON.stringify(file)} (${(error as Error).message})`,
      { location: { file } },
    );
  }
}

/**
 * Loads the files the suite names, checks the role columns and wires the metric and drift computations; with a
 * task, also returns the (lazy, computed once) evaluations behind the metrics, for the HTML report.
 */
async function loadData(
  spec: SuiteDataSpec,
  options: CheckOptions,
  suite: Suite,
): Promise<{ data: SuiteData; evaluations?: SideEvaluations }> {
  const load = loaderOptions(options);
  const [current, reference] = await Promise.all([
    loadFrame(spec.current, load),
    spec.reference === undefined ? undefined : loadFrame(spec.reference, load),
  ]);
  const at = (key: string) => ({ file: suite.file, line: spec.lines[key] });
  let currentFrame = current.frame;
  let referenceFrame = reference?.frame;
  if (referenceFrame) {
    // Files read separately may type a column differently (a stray "n/a"): compare like with like.
    const shared = referenceFrame.columns
      .map((c) => c.name)
      .filter((name) => findColumn(currentFrame, name) !== undefined);
    const pairs = harmonizeColumnTypes(
      shared.map((name) => [findColumn(referenceFrame!, name)!, findColumn(currentFrame, name)!] as const),
      reference!.file,
      current.file,
    );
    referenceFrame = replaceColumns(
      referenceFrame,
      pairs.map((p) => p[0]),
    );
    currentFrame = replaceColumns(
      currentFrame,
      pairs.map((p) => p[1]),
    );
  }
  const frames = [
    [currentFrame, current.file],
    ...(referenceFrame ? [[referenceFrame, reference!.file] as const] : []),
  ] as const;
  for (const key of ['target', 'prediction', 'score', 'query', 'relevance'] as const) {
    const name = spec[key];
    if (name === undefined) continue;
    for (const [frame, file] of frames)
      located(at(key), () => requireColumn(frame, name, file, `data.${key}`));
  }
  for (const name of spec.columns ?? []) {
    for (const [frame, file] of frames)
      located(at('columns'), () => requireColumn(frame, name, file, 'data.columns'));
  }
  const data: SuiteData = {
    current: currentFrame,
    reference: referenceFrame,
    columns: spec.columns,
    ...(spec.drift === undefined ? {} : { driftOptions: spec.drift }),
  };
  if (spec.schema !== undefined) {
    const schemaFile = spec.schema;
    data.schema = await readSchema(schemaFile).catch((error: unknown) =>
      located(at('schema'), () => {
        throw error;
      }),
    );
  }
  let evaluations: SideEvaluations | undefined;
  if (spec.task !== undefined) {
    const task = spec.task;
    const evalOptions: EvalOptions = {
      data: spec.current,
      task,
      target: spec.target,
      prediction: spec.prediction,
      score: spec.score,
      probas: spec.probas,
      positive: spec.positive,
      threshold: spec.threshold,
      query: spec.query,
      relevance: spec.relevance,
      k: spec.k ?? [5, 10],
      nFeatures: spec.nFeatures,
      resamples: 1000,
      seed: 0,
      format: 'json',
    };
    const silent = { start() {}, update() {}, stop() {} };
    evaluations = memoizeEvaluations((side, chartInputs) => {
      const [frame, file] =
        side === 'current' ? [currentFrame, current.file] : [referenceFrame!, reference!.file];
      return evaluate(frame, file, { ...evalOptions, data: file }, silent, chartInputs);
    });
    const evaluationOf = evaluations;
    data.metrics = (side) => evaluationOf(side).evaluation.metrics;
  }
  if (referenceFrame && needsDrift(suite)) {
    // Drift of every drift column at once, in worker threads (as `vigil drift`); checks on other columns compute
    // theirs on demand in the suite.
    const names = driftColumns(referenceFrame, currentFrame, spec.columns);
    const pairs = names.map(
      (name) => [findColumn(referenceFrame!, name)!, findColumn(currentFrame, name)!] as const,
    );
    // Errors of the options (one threshold for p-value tests and distances under `auto`) point at `data.drift`.
    data.drift = await parallelDrift(pairs, spec.drift ?? {}).catch((error: unknown) => {
      if (spec.drift === undefined) throw error;
      return located(at('drift'), () => {
        throw error;
      });
    });
  }
  return { data, evaluations };
}

function needsDrift(suite: Suite): boolean {
  if ((suite.presets ?? []).some((p) => p.name === 'data-drift')) return true;
  return suite.checks.some((c) => findCheck(c.check)?.needs === 'reference+current');
}

function replaceColumns(frame: Frame, columns: Column[]): Frame {
  const byName = new Map(columns.map((c) => [c.name, c]));
  return createFrame(frame.columns.map((c) => byName.get(c.name) ?? c));
}

/** Errors about a `data:` entry get the suite file and line. */
function located<T>(where: { file?: string; line?: number }, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isVigilError(error) && error.location.line === undefined) {
      const dataFile = error.location.file;
      const inFile = dataFile !== undefined && dataFile !== where.file ? ` (in ${dataFile})` : '';
      throw new VigilError(error.code, `${error.message}${inFile}`, {
        hint: error.hint,
        location: { ...error.location, ...where, file: where.file ?? dataFile },
        details: error.details,
        cause: error,
      });
    }
    throw error;
  }
}
