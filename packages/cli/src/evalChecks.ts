/**
 * Input checks of `vigil eval` that the metrics would also catch, made here so the message names what the user
 * sees — the file, the column, the class label and the 1-based data row — instead of class codes and 0-based
 * indices.
 */
import { type Column, ErrorCodes, ROW_SUM_TOLERANCE, VigilError } from '@vigil/core';

/** Number of rows of each class code. */
function classCounts(codes: Int32Array, nClasses: number): Uint32Array {
  const counts = new Uint32Array(nClasses);
  for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
  return counts;
}

/** ROC AUC and PR AUC need both classes in the target (binary, with --score). */
export function checkBothClasses(
  codes: Int32Array,
  classes: readonly string[],
  target: Column,
  file: string,
): void {
  const counts = classCounts(codes, classes.length);
  const present = classes.filter((_, c) => counts[c] > 0);
  if (present.length >= 2) return;
  throw new VigilError(
    ErrorCodes.ONE_CLASS,
    `eval: target column "${target.name}" must hold both classes for rocAuc and prAuc (--score); got only ${JSON.stringify(present[0])} in ${codes.length} rows`,
    {
      location: { file, column: target.name },
      hint: 'evaluate on data that holds both classes, or leave out --score (the label metrics need only --prediction)',
    },
  );
}

/** One-vs-rest ROC AUC needs every class that has a probability column to occur in the target. */
export function checkEveryClass(
  codes: Int32Array,
  classes: readonly string[],
  target: Column,
  file: string,
  probaPrefix: string,
): void {
  const counts = classCounts(codes, classes.length);
  const absent = classes.filter((_, c) => counts[c] === 0);
  if (absent.length === 0) return;
  throw new VigilError(
    ErrorCodes.ONE_CLASS,
    `eval: target column "${target.name}" must hold every class that has a probability column, for rocAucOvr; got no row of ${absent.map((c) => JSON.stringify(c)).join(', ')}`,
    {
      location: { file, column: target.name },
      hint: `evaluate on data where every class occurs, or drop the column${absent.length > 1 ? 's' : ''} ${absent.map((c) => `"${probaPrefix}${c}"`).join(', ')}`,
    },
  );
}

/** Multiclass probabilities: each row of the K columns must sum to 1 (within the metrics' tolerance). */
export function checkRowSums(columns: readonly Float64Array[], names: readonly string[], file: string): void {
  const n = columns[0].length;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (const column of columns) sum += column[i];
    if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
      throw new VigilError(
        ErrorCodes.INVALID_PROBABILITY,
        `eval: probability columns ${names.map((c) => `"${c}"`).join(', ')} must sum to 1 in every row; got ${Number(sum.toPrecision(12))} at row ${i + 1}`,
        {
          location: { file, column: names.join(', '), row: i + 1 },
          hint: 'pass the model’s class probabilities, one column per class (apply a softmax to raw scores); a class without its column makes rows sum to less than 1',
        },
      );
    }
  }
}

/** Ranking relevance grades are ≥ 0 (0 = not relevant). */
export function checkNonNegative(values: Float64Array, column: Column, file: string, role: string): void {
  for (let i = 0; i < values.length; i++) {
    if (values[i] < 0) {
      throw new VigilError(
        ErrorCodes.INVALID_ARGUMENT,
        `eval: ${role} column "${column.name}" must hold numbers >= 0; got ${values[i]} at row ${i + 1}`,
        {
          location: { file, column: column.name, row: i + 1 },
          hint: 'relevance grades are 0 (not relevant) or more (more relevant)',
        },
      );
    }
  }
}

/** Clustering scores need 2 ≤ clusters ≤ n − 1 (scikit-learn's rule). */
export function checkClusterCount(nClusters: number, n: number, column: Column, file: string): void {
  if (nClusters >= 2 && nClusters <= n - 1) return;
  throw new VigilError(
    nClusters < 2 ? ErrorCodes.ONE_CLASS : ErrorCodes.INVALID_ARGUMENT,
    `eval: cluster id column "${column.name}" must hold between 2 and n - 1 = ${n - 1} clusters; got ${nClusters}`,
    {
      location: { file, column: column.name },
      hint:
        nClusters < 2
          ? 'silhouette, Davies–Bouldin and Calinski–Harabasz compare clusters: evaluate a clustering with at least 2'
          : 'every row is its own cluster: check that --prediction names the cluster id column',
    },
  );
}
