import { type Column, ErrorCodes, VigilError } from '@vigil/core';

/**
 * Reference and current files are read separately, so one column can come out numerical in one and categorical
 * in the other (a stray "n/a" in a column of numbers). If every category of the categorical side reads as a number,
 * that side is converted; otherwise the error names the file, column, first offending row and value.
 */
export function harmonizeColumnTypes(
  pairs: readonly (readonly [Column, Column])[],
  referenceFile: string,
  currentFile: string,
): [Column, Column][] {
  return pairs.map(([reference, current]) => {
    if (reference.kind === current.kind) return [reference, current];
    if (reference.kind === 'categorical') return [asNumeric(reference, referenceFile, currentFile), current];
    return [
      reference,
      asNumeric(current as Extract<Column, { kind: 'categorical' }>, currentFile, referenceFile),
    ];
  });
}

function asNumeric(
  column: Extract<Column, { kind: 'categorical' }>,
  file: string,
  otherFile: string,
): Column {
  const parsed = column.dictionary.map((v) => (v.trim() === '' ? Number.NaN : Number(v)));
  const bad = parsed.findIndex((x, code) => Number.isNaN(x) && column.dictionary[code].trim() !== '');
  if (bad >= 0) {
    const row = column.codes.indexOf(bad) + 1;
    throw new VigilError(
      ErrorCodes.TYPE_MISMATCH,
      `drift: column "${column.name}" is numerical in ${otherFile} but row ${row} of ${file} has ${JSON.stringify(column.dictionary[bad])}`,
      {
        location: { file, column: column.name, row },
        hint: `fix the value, add it to the missing tokens (--missing), or compare the column as categories with --categorical ${column.name}`,
      },
    );
  }
  const values = new Float64Array(column.codes.length);
  for (let i = 0; i < values.length; i++)
    values[i] = column.codes[i] < 0 ? Number.NaN : parsed[column.codes[i]];
  return { kind: 'numeric', name: column.name, type: 'numerical', values };
}
