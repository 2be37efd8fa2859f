import { type Command, InvalidArgumentError, Option } from 'commander';

/** Splits `a,b , c` into names; empty entries dropped. */
export function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Parser for a comma-separated list of names that must not be empty (`--columns`, `--features`). */
export function nonEmptyList(flag: string) {
  return (value: string): string[] => {
    const names = list(value);
    if (names.length === 0)
      throw new InvalidArgumentError(`${flag} must name at least one column; got "${value}".`);
    return names;
  };
}

/** The options every command that reads data files shares: type overrides and missing-value tokens. */
export function addDataOptions(command: Command): Command {
  return command
    .addOption(new Option('--numerical <columns>', 'treat these columns as numbers').argParser(list))
    .addOption(new Option('--categorical <columns>', 'treat these columns as categories').argParser(list))
    .addOption(new Option('--text <columns>', 'treat these columns as free text').argParser(list))
    .addOption(new Option('--datetime <columns>', 'treat these columns as dates and times').argParser(list))
    .addOption(new Option('--boolean <columns>', 'treat these columns as true/false').argParser(list))
    .addOption(
      new Option(
        '--missing <tokens>',
        'values read as missing, comma-separated (default: "", NA, NaN, null, ?)',
      ).argParser((v) => v.split(',')),
    )
    .addOption(new Option('--delimiter <char>', 'CSV field delimiter (default: detected)'));
}

export interface DataOptionValues {
  numerical?: string[];
  categorical?: string[];
  text?: string[];
  datetime?: string[];
  boolean?: string[];
  missing?: string[];
  delimiter?: string;
}

/** The subset of parsed options that the loader takes. */
export function loaderOptions(values: DataOptionValues) {
  const { numerical, categorical, text, datetime, boolean, missing, delimiter } = values;
  return { numerical, categorical, text, datetime, boolean, missing, delimiter };
}
