/**
 * Gathering values by index: the glue between resampling (bootstrap, subsampling, segments) and any metric.
 */
import { ErrorCodes, VigilError } from '../errors.js';

/**
 * The values at the given indices, in index order: `out[i] = values[indices[i]]`.
 *
 * Used with {@link bootstrapInterval} and {@link groupIndices}: a statistic receives row indices and gathers the
 * columns it needs, so any metric can be resampled or computed per segment.
 *
 * @param values the column to read from.
 * @param indices 0-based row indices (repeats allowed), each in [0, values.length).
 * @param out optional buffer of length ≥ `indices.length` to reuse across calls (hot loops); a new
 *   Float64Array of length `indices.length` when omitted. When given, the first `indices.length` entries are
 *   written and a subarray view of exactly that length is returned.
 * @returns the gathered values.
 * @throws INVALID_ARGUMENT when an index is out of range or `out` is too short.
 * @example
 * gather([10, 20, 30], Uint32Array.of(2, 0, 2)); // => Float64Array [30, 10, 30]
 */
export function gather(
  values: ArrayLike<number>,
  indices: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  const m = indices.length;
  if (out !== undefined && out.length < m) {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `gather: out must have at least ${m} elements (indices.length); got ${out.length}`,
    );
  }
  const result = out === undefined ? new Float64Array(m) : out.length === m ? out : out.subarray(0, m);
  const n = values.length;
  for (let i = 0; i < m; i++) {
    const index = indices[i];
    // Typed-array reads out of range give undefined (→ NaN) silently; check instead of returning garbage.
    if (!(index >= 0 && index < n && Number.isInteger(index))) {
      throw new VigilError(
        ErrorCodes.INVALID_ARGUMENT,
        `gather: indices must be integers in [0, ${n}); got ${index} at index ${i}`,
        { details: { index: i, value: index } },
      );
    }
    result[i] = values[index];
  }
  return result;
}
