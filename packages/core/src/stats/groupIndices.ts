/**
 * Row indices per segment, so that any metric can be computed per segment of a categorical column.
 */
import { ErrorCodes, VigilError } from '../errors.js';
import { checkArgument } from '../validation.js';

/** Options of {@link groupIndices}. */
export interface GroupIndicesOptions {
  /**
   * What to do with rows whose code is −1 (missing). `false` (default): leave them out of every group.
   * `true`: collect them in one extra group, at index `dictionarySize` of the result.
   */
  includeMissing?: boolean;
}

/**
 * The row indices of each segment of a categorical column (Int32Array codes into a dictionary, −1 = missing).
 *
 * Result `[c]` holds, in ascending order, the 0-based rows whose code is `c`, for c = 0 … dictionarySize − 1
 * (an empty Uint32Array for a code no row has). Rows with code −1 are left out by default — a metric "per segment"
 * is then computed over known segments only — or, with `includeMissing: true`, gathered in an extra last group at
 * index `dictionarySize`. Two passes (count, then fill): O(n) time, no per-row objects.
 *
 * Use with {@link gather}: `groupIndices(codes, dict.length).map((rows) => metric(gather(y, rows), gather(p, rows)))`.
 *
 * @param codes segment codes, each in [−1, dictionarySize).
 * @param dictionarySize number of segment values (length of the column's dictionary), a non-negative integer.
 * @param options `includeMissing` (false).
 * @returns an array of `dictionarySize` (or `dictionarySize + 1` with `includeMissing`) Uint32Arrays.
 * @throws INVALID_ARGUMENT when dictionarySize is not a non-negative integer or a code is outside
 *   [−1, dictionarySize).
 * @example
 * groupIndices(Int32Array.of(1, 0, -1, 1), 2); // => [Uint32Array [1], Uint32Array [0, 3]]
 * groupIndices(Int32Array.of(1, 0, -1, 1), 2, { includeMissing: true }); // => [[1], [0, 3], [2]]
 */
export function groupIndices(
  codes: Int32Array,
  dictionarySize: number,
  options: GroupIndicesOptions = {},
): Uint32Array[] {
  const fn = 'groupIndices';
  checkArgument(
    fn,
    'dictionarySize',
    dictionarySize,
    Number.isInteger(dictionarySize) && dictionarySize >= 0,
    'a non-negative integer',
  );
  const includeMissing = options.includeMissing ?? false;
  const nGroups = dictionarySize + (includeMissing ? 1 : 0);
  const counts = new Uint32Array(nGroups);
  const n = codes.length;
  for (let i = 0; i < n; i++) {
    const code = codes[i];
    if (code >= 0 && code < dictionarySize) counts[code]++;
    else if (code === -1) {
      if (includeMissing) counts[dictionarySize]++;
    } else {
      throw new VigilError(
        ErrorCodes.INVALID_ARGUMENT,
        `${fn}: codes must be in [-1, ${dictionarySize}); got ${code} at index ${i}`,
        { details: { index: i, value: code } },
      );
    }
  }
  const groups: Uint32Array[] = new Array(nGroups);
  for (let g = 0; g < nGroups; g++) groups[g] = new Uint32Array(counts[g]);
  const fill = new Uint32Array(nGroups);
  for (let i = 0; i < n; i++) {
    const code = codes[i];
    const g = code === -1 ? dictionarySize : code;
    if (g < nGroups) groups[g][fill[g]++] = i;
  }
  return groups;
}
