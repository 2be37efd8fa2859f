/**
 * For each dictionary index, the index of the first entry with the same string: a dictionary that repeats a
 * string (frames built by hand may) still counts it as one value.
 */
export function canonicalCodes(dictionary: readonly string[]): Int32Array {
  const first = new Map<string, number>();
  const out = new Int32Array(dictionary.length);
  for (let k = 0; k < dictionary.length; k++) {
    const f = first.get(dictionary[k]);
    if (f === undefined) first.set(dictionary[k], k);
    out[k] = f ?? k;
  }
  return out;
}
