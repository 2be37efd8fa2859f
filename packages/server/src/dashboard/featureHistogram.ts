/**
 * Reference vs window histogram of one feature (issue 5 §2 "Feature page: reference vs window histogram
 * overlay"), binned as the drift tests bin it: numerical values with @vigil/core's `binnedProportions`
 * (Evidently's rule: Sturges edges over both samples pooled, or one bin per value when the reference has at most
 * 20 distinct values), categories one bar each. Shares are of the present values of each side (missing values are
 * the quality monitor's business), so both sides sum to 1 and overlay directly.
 */
import { binnedProportions } from '@vigil/core';
import type { FeatureKind } from '../store/types.js';

/** Bars of a categorical histogram; rarer categories are pooled into {@link OTHER}. */
export const MAX_CATEGORIES = 30;
export const OTHER = '(other)';

export interface FeatureHistogram {
  /** Bin edges (numerical, continuous): bins.length − 1 bars. */
  bins?: number[];
  /** One label per bar (categorical, or numerical with few distinct values). */
  categories?: string[];
  reference: number[];
  window: number[];
}

function finite(values: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out.push(values[i]);
  return Float64Array.from(out);
}

function numerical(reference: ArrayLike<number>, window: ArrayLike<number>): FeatureHistogram {
  let ref = finite(reference);
  let cur = finite(window);
  if (ref.length === 0 && cur.length === 0) return { bins: [], reference: [], window: [] };
  // One empty side: bin the other against itself, and give the empty side zero shares.
  const emptyRef = ref.length === 0;
  const emptyCur = cur.length === 0;
  if (emptyRef) ref = cur;
  if (emptyCur) cur = ref;
  const binned = binnedProportions(ref, cur, { kind: 'numerical', fillZeros: false });
  const zero = (shares: Float64Array) => Array.from(shares, () => 0);
  const out: FeatureHistogram = {
    reference: emptyRef ? zero(binned.reference) : Array.from(binned.reference),
    window: emptyCur ? zero(binned.current) : Array.from(binned.current),
  };
  if (binned.edges !== undefined) out.bins = Array.from(binned.edges);
  else out.categories = (binned.keys ?? []).map(String);
  return out;
}

function categorical(
  reference: readonly (string | null)[],
  window: readonly (string | null)[],
): FeatureHistogram {
  const tally = (values: readonly (string | null)[]) => {
    const counts = new Map<string, number>();
    let present = 0;
    for (const v of values) {
      if (v === null) continue;
      counts.set(v, (counts.get(v) ?? 0) + 1);
      present++;
    }
    return { counts, present };
  };
  const ref = tally(reference);
  const cur = tally(window);
  const share = (side: typeof ref, label: string) =>
    side.present === 0 ? 0 : (side.counts.get(label) ?? 0) / side.present;
  const labels = [...new Set([...ref.counts.keys(), ...cur.counts.keys()])].sort(
    (a, b) => share(ref, b) - share(ref, a) || share(cur, b) - share(cur, a) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const shown = labels.length > MAX_CATEGORIES ? labels.slice(0, MAX_CATEGORIES - 1) : labels;
  const bars = (side: typeof ref) => {
    const shares = shown.map((label) => share(side, label));
    if (shown.length < labels.length) {
      let rest = 0;
      for (const label of labels.slice(shown.length)) rest += share(side, label);
      shares.push(rest);
    }
    return shares;
  };
  return {
    categories: shown.length < labels.length ? [...shown, OTHER] : shown,
    reference: bars(ref),
    window: bars(cur),
  };
}

/**
 * @param kind the feature's kind in the model schema.
 * @param reference the reference's values (Float64Array with NaN missing, or strings with null missing).
 * @param window the window's values, same kind.
 * @example
 * featureHistogram('categorical', ['a', 'a', 'b'], ['b']); // => { categories: ['a', 'b'], reference: [2/3, 1/3], window: [0, 1] }
 */
export function featureHistogram(
  kind: FeatureKind,
  reference: Float64Array | readonly (string | null)[],
  window: Float64Array | readonly (string | null)[],
): FeatureHistogram {
  return kind === 'numerical'
    ? numerical(reference as Float64Array, window as Float64Array)
    : categorical(reference as (string | null)[], window as (string | null)[]);
}
