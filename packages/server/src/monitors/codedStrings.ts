/**
 * Dictionary codes known for a string column of `RowColumns` (categorical features, predictions, labels),
 * kept beside the strings rather than in them so the store contract stays `(string | null)[]`.
 *
 * Why: monitors turn string columns into @vigil/core categorical columns (`categoricalFromStrings`: a Map lookup
 * per value, ~30 ms per million), and worker threads cannot receive a million strings cheaply (structured clone
 * of a string array costs hundreds of ms on the sending thread) but take an Int32Array for free. A producer that
 * already has the codes (the DuckDB store reads VARCHAR vectors dictionary-coded; a worker rebuilding strings from
 * codes) attaches them, and {@link featureColumn} uses them instead of coding the strings again.
 *
 * The invariant an attacher guarantees: `codes[i] === -1` exactly where `values[i] === null`, else
 * `dictionary[codes[i]] === values[i]`, the dictionary in order of first appearance — i.e. exactly what
 * `categoricalFromStrings(name, values)` would build, so the numbers do not depend on who coded the column.
 * Keyed weakly by the array: the codes go when the strings do. Nobody may mutate an array with codes attached.
 */
/** The codes of a string column, as `categoricalFromStrings` builds them. */
export interface StringCodes {
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

/** A string column of RowColumns (null = missing). */
type Strings = readonly (string | null)[];

const known = new WeakMap<Strings, StringCodes>();

/** Records the codes of `values` (see the module comment for what they must be). */
export function attachCodes(values: Strings, codes: StringCodes): void {
  known.set(values, codes);
}

/** The codes attached to `values`, if any. */
export function codesOf(values: Strings): StringCodes | undefined {
  return known.get(values);
}

/** Forgets the codes of `values` (their buffer was handed to another thread). */
export function detachCodes(values: Strings): void {
  known.delete(values);
}

/**
 * Renumbers `codes` (in place) so the dictionary is in order of first appearance, as `categoricalFromStrings`
 * orders it; returns that dictionary. For codes assigned in another order (rows read in table order, then
 * moved; labels read in join order).
 */
export function firstAppearance(codes: Int32Array, dictionary: readonly string[]): string[] {
  const remap = new Int32Array(dictionary.length).fill(-1);
  const ordered: string[] = [];
  let identity = true;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c < 0) continue;
    let r = remap[c];
    if (r < 0) {
      r = ordered.length;
      remap[c] = r;
      ordered.push(dictionary[c]);
      if (r !== c) identity = false;
    }
    if (!identity) codes[i] = r;
  }
  return ordered;
}
