import { readFile } from 'node:fs/promises';
import {
  ErrorCodes,
  findColumn,
  inferSchema,
  parseSchema,
  type Schema,
  VigilError,
  validateFrame,
} from '@vigil/core';
import { loadFrame } from '@vigil/io';
import { renderSchemaText } from '@vigil/report';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { addDataOptions, type DataOptionValues, loaderOptions } from '../dataOptions.js';
import { type Terminal, useColor } from '../terminal.js';

/** Exit code of `vigil schema validate` when the data breaks the schema (as `vigil check` when a check fails). */
export const EXIT_VIOLATIONS = 1;

interface InferOptions extends DataOptionValues {
  data: string;
  maxCategories: number;
}

interface ValidateOptions extends DataOptionValues {
  schema: string;
  data: string;
  format: 'text' | 'json';
}

/** `vigil schema infer` (schema JSON to stdout) and `vigil schema validate` (violations; exit 1 when any). */
export function registerSchemaCommand(
  program: Command,
  terminal: Terminal,
  setExit: (code: number) => void,
): void {
  const schema = program
    .command('schema')
    .description('infer a data schema from a file, or validate a file against one');
  const infer = schema
    .command('infer')
    .description(
      'write the schema of a data file (types, nullability, ranges, categories, uniqueness) as JSON',
    )
    .requiredOption('--data <file>', 'data (CSV, TSV, Parquet, JSON Lines, Arrow IPC; .gz CSV)')
    .addOption(
      new Option('--max-categories <n>', 'list allowed values of categorical columns with at most n values')
        .argParser(nonNegativeInteger('--max-categories'))
        .default(50),
    );
  addDataOptions(infer).action(async (options: InferOptions) => {
    const { frame } = await loadFrame(options.data, loaderOptions(options));
    const result = inferSchema(frame, { maxCategories: options.maxCategories });
    terminal.stdout(`${JSON.stringify(result, null, 2)}\n`);
    setExit(0);
  });
  const validate = schema
    .command('validate')
    .description('check a data file against a schema; exit 1 when a rule is broken')
    .requiredOption('--schema <file>', 'schema JSON (from `vigil schema infer`, edited by hand)')
    .requiredOption('--data <file>', 'data to check')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'));
  addDataOptions(validate).action(async (options: ValidateOptions) => {
    const parsed = await readSchema(options.schema);
    const frame = await loadForSchema(options, parsed);
    const result = validateFrame(frame, parsed);
    if (options.format === 'json') terminal.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else terminal.stdout(`${renderSchemaText(result, { color: useColor(terminal) })}\n`);
    setExit(result.valid ? 0 : EXIT_VIOLATIONS);
  });
}

export async function readSchema(file: string): Promise<Schema> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new VigilError(
      code === 'ENOENT' ? ErrorCodes.FILE_NOT_FOUND : ErrorCodes.UNREADABLE_FILE,
      `schema validate: --schema must be a readable file; got ${JSON.stringify(file)} (${(error as Error).message})`,
      { location: { file }, hint: 'write one with `vigil schema infer --data reference.csv > schema.json`' },
    );
  }
  return parseSchema(text, file);
}

/**
 * Loads the data. A column the schema calls categorical or text but whose values all look like numbers (codes,
 * zip codes) is read again as categories, so the schema's allowed values and patterns apply to its text.
 */
async function loadForSchema(options: ValidateOptions, schema: Schema) {
  const load = loaderOptions(options);
  const { frame } = await loadFrame(options.data, load);
  const declared = new Set([
    ...(load.numerical ?? []),
    ...(load.categorical ?? []),
    ...(load.text ?? []),
    ...(load.datetime ?? []),
    ...(load.boolean ?? []),
  ]);
  const asStrings = schema.columns
    .filter((c) => (c.type === 'categorical' || c.type === 'text') && !declared.has(c.name))
    .filter((c) => findColumn(frame, c.name)?.kind === 'numeric')
    .map((c) => c.name);
  if (asStrings.length === 0) return frame;
  const again = await loadFrame(options.data, {
    ...load,
    categorical: [...(load.categorical ?? []), ...asStrings],
  });
  return again.frame;
}

function nonNegativeInteger(flag: string) {
  return (value: string): number => {
    const x = Number(value);
    if (!(Number.isInteger(x) && x >= 0 && value.trim() !== '')) {
      throw new InvalidArgumentError(`${flag} must be an integer >= 0; got "${value}".`);
    }
    return x;
  };
}
