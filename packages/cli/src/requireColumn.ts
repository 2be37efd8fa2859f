import {
  type Column,
  closestNames,
  columnNames,
  ErrorCodes,
  type Frame,
  findColumn,
  VigilError,
} from '@vigil/core';

/** The column `name` of `frame`, or an UNKNOWN_COLUMN error that names the file and suggests the closest names. */
export function requireColumn(frame: Frame, name: string, file: string, flag: string): Column {
  const column = findColumn(frame, name);
  if (column) return column;
  const names = columnNames(frame);
  const near = closestNames(name, names);
  throw new VigilError(
    ErrorCodes.UNKNOWN_COLUMN,
    `${flag} must name a column of the data; got ${JSON.stringify(name)}`,
    {
      location: { file, column: name },
      hint:
        near.length > 0
          ? `did you mean ${near.map((n) => `"${n}"`).join(', ')}?`
          : `columns are: ${names.join(', ')}`,
    },
  );
}
