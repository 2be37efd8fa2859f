import { type ColumnType, ErrorCodes, VigilError } from '@vigil/core';
import { unknownColumn } from './ioErrors.js';
import type { LoadOptions } from './types.js';

/** The override options, in the order their conflicts are reported. */
export const OVERRIDE_OPTIONS = ['numerical', 'categorical', 'text', 'datetime', 'boolean'] as const;

/** Which columns to load and which types the user declared. */
export interface ColumnSelection {
  /** Column names to load, in output order. */
  selected: string[];
  /** Declared type per column (only for selected columns). */
  declared: Map<string, ColumnType>;
}

/**
 * Checks `columns` and the type overrides against the file's column names and returns the selection.
 * Overrides of columns that exist but are not selected are ignored (a schema may declare more than one load uses).
 *
 * @throws VigilError UNKNOWN_COLUMN naming the option, the unknown name and the closest existing names;
 *   INVALID_ARGUMENT when a name is repeated in `columns` or declared with two types.
 */
export function resolveColumns(
  file: string,
  available: readonly string[],
  options: LoadOptions,
): ColumnSelection {
  const exists = new Set(available);
  let selected = [...available];
  if (options.columns !== undefined) {
    const seen = new Set<string>();
    for (const name of options.columns) {
      if (!exists.has(name)) throw unknownColumn(file, 'columns', name, available);
      if (seen.has(name)) {
        throw new VigilError(
          ErrorCodes.INVALID_ARGUMENT,
          `loadFrame: columns must not repeat a name; got ${JSON.stringify(name)} twice`,
          { location: { file, column: name } },
        );
      }
      seen.add(name);
    }
    if (options.columns.length === 0) {
      throw new VigilError(
        ErrorCodes.INVALID_ARGUMENT,
        'loadFrame: columns must name at least one column; got []',
        {
          location: { file },
          hint: 'Leave columns out to load every column.',
        },
      );
    }
    selected = [...options.columns];
  }
  const wanted = new Set(selected);
  const declared = new Map<string, ColumnType>();
  const declaredBy = new Map<string, string>();
  for (const option of OVERRIDE_OPTIONS) {
    for (const name of options[option] ?? []) {
      if (!exists.has(name)) throw unknownColumn(file, option, name, available);
      const previous = declaredBy.get(name);
      if (previous !== undefined && previous !== option) {
        throw new VigilError(
          ErrorCodes.INVALID_ARGUMENT,
          `loadFrame: a column must be declared with one type; got ${JSON.stringify(name)} in both ${previous} ` +
            `and ${option}`,
          {
            location: { file, column: name },
            hint: `Keep ${JSON.stringify(name)} in one of --${previous}, --${option}.`,
          },
        );
      }
      declaredBy.set(name, option);
      if (wanted.has(name)) declared.set(name, option);
    }
  }
  return { selected, declared };
}
