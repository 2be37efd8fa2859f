import {
  type DataDriftResult,
  type DriftTestName,
  driftColumns,
  driftTestNames,
  findColumn,
} from '@vigil/core';
import { loadFrame } from '@vigil/io';
import { renderDriftText } from '@vigil/report';
import { type Command, Option } from 'commander';
import { addDataOptions, type DataOptionValues, list, loaderOptions } from '../dataOptions.js';
import { harmonizeColumnTypes } from '../harmonizeColumnTypes.js';
import { parallelDrift } from '../parallelDrift.js';
import { createProgress } from '../progress.js';
import { type Terminal, useColor } from '../terminal.js';
import { finitePositive, unitInterval } from './numberOptions.js';

interface DriftOptions extends DataOptionValues {
  reference: string;
  current: string;
  columns?: string[];
  test: DriftTestName | 'auto';
  threshold?: number;
  driftShare: number;
  correction: 'none' | 'bonferroni' | 'holm' | 'fdr_bh';
  format: 'text' | 'json';
  workers?: number;
}

export function registerDriftCommand(
  program: Command,
  terminal: Terminal,
  setExit: (code: number) => void,
): void {
  const command = program
    .command('drift')
    .description('compare a current data set with a reference, column by column')
    .requiredOption(
      '--reference <file>',
      'reference data (CSV, TSV, Parquet, JSON Lines, Arrow IPC; .gz CSV)',
    )
    .requiredOption('--current <file>', 'current data, same columns')
    .addOption(
      new Option('--columns <names>', 'compare only these columns (comma-separated)').argParser(list),
    )
    .addOption(
      new Option('--test <name>', 'drift test for every column')
        .choices(['auto', ...driftTestNames])
        .default('auto'),
    )
    .addOption(
      new Option(
        '--threshold <x>',
        "verdict threshold (p-value tests: drift when p < x; distances: when >= x); default: the test's own",
      ).argParser(finitePositive('--threshold')),
    )
    .addOption(
      new Option('--drift-share <s>', 'share of drifted columns that means dataset drift')
        .argParser(unitInterval('--drift-share'))
        .default(0.5),
    )
    .addOption(
      new Option('--correction <method>', 'multiple-testing correction of p-values')
        .choices(['none', 'bonferroni', 'holm', 'fdr_bh'])
        .default('none'),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(
      new Option('--workers <n>', 'worker threads (default: one per core)').argParser(
        finitePositive('--workers'),
      ),
    );
  addDataOptions(command).action(async (options: DriftOptions) => {
    const progress = createProgress(terminal);
    const load = loaderOptions(options);
    progress.start('reading reference', 100);
    const reference = await loadFrame(options.reference, {
      ...load,
      onProgress: (f) => progress.update(f * 100),
    });
    progress.start('reading current', 100);
    const current = await loadFrame(options.current, {
      ...load,
      onProgress: (f) => progress.update(f * 100),
    });
    progress.stop();
    const names = driftColumns(reference.frame, current.frame, options.columns);
    const pairs = harmonizeColumnTypes(
      names.map((name) => [findColumn(reference.frame, name)!, findColumn(current.frame, name)!] as const),
      reference.file,
      current.file,
    );
    progress.start('testing columns', pairs.length);
    const result: DataDriftResult = await parallelDrift(pairs, {
      test: options.test,
      threshold: options.threshold,
      driftShare: options.driftShare,
      correction: options.correction,
      workers: options.workers,
      onColumnDone: (done) => progress.update(done),
    });
    progress.stop();
    if (options.format === 'json') terminal.stdout(`${JSON.stringify(driftJson(result), null, 2)}\n`);
    else terminal.stdout(`${renderDriftText(result, { color: useColor(terminal) })}\n`);
    setExit(0);
  });
}

/**
 * The stable JSON contract of `vigil drift --format json` (README "JSON output"). Non-finite statistics
 * (chi-square with a category unseen in the reference) are written as null, since JSON has no Infinity.
 */
export function driftJson(result: DataDriftResult) {
  return {
    columns: result.columns.map((c) => ({
      column: c.column,
      type: c.type,
      test: c.test,
      statistic: Number.isFinite(c.statistic) ? c.statistic : null,
      pValue: c.pValue,
      ...(c.pValueAdjusted === undefined ? {} : { pValueAdjusted: c.pValueAdjusted }),
      threshold: c.threshold,
      drift: c.drift,
      referenceSize: c.referenceSize,
      currentSize: c.currentSize,
      ...(c.unseenCategories && c.unseenCategories.length > 0
        ? { unseenCategories: c.unseenCategories }
        : {}),
      ...(c.note ? { note: c.note } : {}),
    })),
    driftedColumns: result.driftedColumns,
    driftShare: result.driftShare,
    datasetDrift: result.datasetDrift,
    driftShareThreshold: result.driftShareThreshold,
    correction: result.correction,
  };
}
