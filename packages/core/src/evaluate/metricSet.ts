/**
 * A task's metrics as one function of the rows they are computed on. The same function serves the whole data
 * (no indices), a segment (its row indices) and every bootstrap resample, so intervals and segments always
 * report exactly the metrics of the headline numbers.
 */
import { gather } from '../stats/gather.js';

export interface MetricSet {
  /** Number of resampling units (rows; queries for ranking). */
  readonly n: number;
  /** The metrics on the units given by `indices` (all units when omitted), keyed as in the CLI's JSON. */
  compute(indices?: Uint32Array): Record<string, number>;
}

/** Gathers every column at `indices` (or returns the columns as they are) before calling `compute`. */
export function metricSetOverRows<T extends readonly ArrayLike<number>[]>(
  n: number,
  columns: T,
  compute: (...columns: { [K in keyof T]: ArrayLike<number> }) => Record<string, number>,
): MetricSet {
  return {
    n,
    compute(indices) {
      const picked = indices === undefined ? columns : columns.map((c) => gather(c, indices));
      return compute(...(picked as { [K in keyof T]: ArrayLike<number> }));
    },
  };
}
