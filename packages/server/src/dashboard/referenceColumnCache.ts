/**
 * The reference's column of one feature, read once per (reference, feature, kind) and kept for the feature page
 * (issue 5 §4: p95 < 100 ms): a reference never changes once stored (a new upload is a new id), so only the
 * window's column is read on later calls. Reading the reference was about half of a first histogram's time
 * (measured with scripts/bench/dashboardWorkload.mjs: ~17 ms of ~30 ms for a 20k-row reference). The read itself
 * is kept, so concurrent calls share it; a failed read is forgotten.
 */
import type { FeatureKind, Store } from '../store/types.js';

export type FeatureColumn = Float64Array | readonly (string | null)[];

/**
 * @param store the store.
 * @param capacity columns kept (oldest dropped first).
 * @returns `(referenceId, feature, kind) => column` (NaN / null for missing values, as readReference gives).
 * @example
 * const column = referenceColumnCache(store, 64);
 * await column(reference.id, 'age', 'numerical'); // => Float64Array of the reference's ages
 */
export function referenceColumnCache(
  store: Pick<Store, 'readReference'>,
  capacity: number,
): (referenceId: number, feature: string, kind: FeatureKind) => Promise<FeatureColumn> {
  const columns = new Map<string, Promise<FeatureColumn>>();
  return (referenceId, feature, kind) => {
    const key = JSON.stringify([referenceId, feature, kind]);
    const known = columns.get(key);
    if (known !== undefined) return known;
    const read = store
      .readReference(referenceId, { features: [{ name: feature, kind }] })
      .then(
        (rows): FeatureColumn => rows.features[feature] ?? (kind === 'numerical' ? new Float64Array(0) : []),
      );
    read.catch(() => columns.delete(key));
    if (columns.size >= capacity) columns.delete(columns.keys().next().value as string);
    columns.set(key, read);
    return read;
  };
}
