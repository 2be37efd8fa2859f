import { type FrameProfile, type OutlierMethod, profileFrame } from '@vigil/core';
import { loadFrame } from '@vigil/io';
import { renderProfileText } from '@vigil/report';
import { type Command, Option } from 'commander';
import { addDataOptions, type DataOptionValues, loaderOptions, nonEmptyList } from '../dataOptions.js';
import { createProgress } from '../progress.js';
import { requireColumn } from '../requireColumn.js';
import { type Terminal, useColor } from '../terminal.js';
import { nonNegativeInteger, positiveInteger, unitInterval } from './numberOptions.js';

interface ProfileOptions extends DataOptionValues {
  data: string;
  target?: string;
  columns?: string[];
  top: number;
  bins: number;
  corrThreshold: number;
  outliers: OutlierMethod;
  format: 'text' | 'json';
}

export function registerProfileCommand(
  program: Command,
  terminal: Terminal,
  setExit: (code: number) => void,
): void {
  const command = program
    .command('profile')
    .description('profile a data set: column statistics, missing values, duplicates, correlations, outliers')
    .requiredOption('--data <file>', 'data (CSV, TSV, Parquet, JSON Lines, Arrow IPC; .gz CSV)')
    .option('--target <column>', 'target column: report columns that leak it (|correlation| >= 0.95)')
    .addOption(
      new Option('--columns <names>', 'profile only these columns (comma-separated)').argParser(
        nonEmptyList('--columns'),
      ),
    )
    .addOption(
      new Option('--top <n>', 'most frequent values listed per column')
        .argParser(nonNegativeInteger('--top'))
        .default(10),
    )
    .addOption(
      new Option('--bins <n>', 'histogram bins per numerical column')
        .argParser(positiveInteger('--bins'))
        .default(10),
    )
    .addOption(
      new Option('--corr-threshold <x>', 'report pairs with |correlation| (or Cramér V) >= x')
        .argParser(unitInterval('--corr-threshold'))
        .default(0.9),
    )
    .addOption(
      new Option(
        '--outliers <method>',
        'outlier detector: z-score (|z| > 3), Tukey IQR fences (k = 1.5), MAD (|M| > 3.5)',
      )
        .choices(['zscore', 'iqr', 'mad'])
        .default('iqr'),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'));
  addDataOptions(command).action(async (options: ProfileOptions) => {
    const progress = createProgress(terminal);
    let loaded: Awaited<ReturnType<typeof loadFrame>>;
    try {
      progress.start(`reading ${options.data}`, 100);
      loaded = await loadFrame(options.data, {
        ...loaderOptions(options),
        onProgress: (fraction) => progress.update(fraction * 100),
      });
    } finally {
      progress.stop();
    }
    const { frame, file } = loaded;
    // CLI-level checks first, so the message names the file and the flag.
    if (options.target !== undefined) requireColumn(frame, options.target, file, '--target');
    for (const name of options.columns ?? []) requireColumn(frame, name, file, '--columns');
    const result = profileFrame(frame, {
      columns: options.columns,
      target: options.target,
      top: options.top,
      bins: options.bins,
      corrThreshold: options.corrThreshold,
      outliers: options.outliers,
    });
    if (options.format === 'json') terminal.stdout(`${JSON.stringify(profileJson(result, file), null, 2)}\n`);
    else terminal.stdout(`${renderProfileText(result, { color: useColor(terminal) })}\n`);
    setExit(0);
  });
}

/**
 * The JSON of `vigil profile --format json` (README "vigil profile"): the {@link FrameProfile} with the file name
 * first. JSON has no NaN or Infinity: undefined statistics (NaN) are written as null.
 */
export function profileJson(result: FrameProfile, file: string): unknown {
  return JSON.parse(
    JSON.stringify({ file, ...result }, (_key, value) =>
      typeof value === 'number' && !Number.isFinite(value) ? null : value,
    ),
  );
}
