/**
 * Turns a reference/current column pair into what every drift test reads, computed once per column (DESIGN.md
 * principle 3): numbers sorted ascending without missing values; categories as counts over one shared key list.
 */
import { ErrorCodes, VigilError } from '../errors.js';
import type { Column } from '../frame/frame.js';
import { sortFloat64 } from '../sort/sortFloat64.js';

export interface PreparedNumerical {
  readonly kind: 'numerical';
  /** Ascending, missing values (NaN) and ±Infinity dropped. */
  readonly reference: Float64Array;
  readonly current: Float64Array;
  /** Distinct values in reference and current together. */
  readonly nUnique: number;
}

export interface PreparedCategorical {
  readonly kind: 'categorical';
  /** Category names; reference categories first, then those seen only in the current data. */
  readonly keys: readonly string[];
  readonly referenceCounts: Float64Array;
  readonly currentCounts: Float64Array;
  /** Categories present in the current data but never in the reference. */
  readonly unseenCategories: readonly string[];
  readonly nUnique: number;
}

export type PreparedColumn = PreparedNumerical | PreparedCategorical;

/**
 * Sorted copy of the finite entries of `values`: NaN (missing) and ±Infinity are dropped, as Evidently 0.4 does
 * before every drift test (`get_one_column_drift` turns ±inf into NaN, then calls `dropna()`).
 */
export function sortedFinite(values: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) n++;
  const out = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out[j++] = values[i];
  return sortFloat64(out);
}

/** Number of distinct values across two ascending arrays (one merge pass). */
export function countUniqueSorted(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let count = 0;
  let last = Number.NaN;
  while (i < a.length || j < b.length) {
    const v = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (v !== last) {
      count++;
      last = v;
    }
  }
  return count;
}

/**
 * Prepares one column for drift tests. Both columns must be of the same kind: a numerical reference and a
 * categorical current (or the reverse) is a type mismatch the user resolves by declaring the type.
 */
export function prepareDriftColumn(reference: Column, current: Column): PreparedColumn {
  if (reference.kind !== current.kind) {
    throw new VigilError(
      ErrorCodes.SCHEMA_MISMATCH,
      `prepareDriftColumn: column "${reference.name}" must have the same type in reference and current; got ${reference.type} and ${current.type}`,
      {
        location: { column: reference.name },
        hint: `declare its type for both files, e.g. --categorical ${reference.name} or --numerical ${reference.name}`,
      },
    );
  }
  if (reference.kind === 'numeric' && current.kind === 'numeric') {
    const ref = sortedFinite(reference.values);
    const cur = sortedFinite(current.values);
    return { kind: 'numerical', reference: ref, current: cur, nUnique: countUniqueSorted(ref, cur) };
  }
  if (reference.kind === 'categorical' && current.kind === 'categorical') {
    return prepareCategorical(reference.codes, reference.dictionary, current.codes, current.dictionary);
  }
  throw new Error('unreachable');
}

function prepareCategorical(
  refCodes: Int32Array,
  refDictionary: readonly string[],
  curCodes: Int32Array,
  curDictionary: readonly string[],
): PreparedCategorical {
  // The two files were read separately, so their dictionaries differ: map current codes onto reference keys.
  const keys = refDictionary.slice();
  const keyIndex = new Map<string, number>(keys.map((k, i) => [k, i]));
  const curToKey = new Int32Array(curDictionary.length);
  const unseen: string[] = [];
  curDictionary.forEach((name, code) => {
    let k = keyIndex.get(name);
    if (k === undefined) {
      k = keys.length;
      keys.push(name);
      keyIndex.set(name, k);
      unseen.push(name);
    }
    curToKey[code] = k;
  });
  const referenceCounts = new Float64Array(keys.length);
  const currentCounts = new Float64Array(keys.length);
  for (let i = 0; i < refCodes.length; i++) if (refCodes[i] >= 0) referenceCounts[refCodes[i]]++;
  for (let i = 0; i < curCodes.length; i++) if (curCodes[i] >= 0) currentCounts[curToKey[curCodes[i]]]++;
  // Categories only in a dictionary (every row of them missing after filtering) do not count as values.
  const present: number[] = [];
  for (let k = 0; k < keys.length; k++) if (referenceCounts[k] > 0 || currentCounts[k] > 0) present.push(k);
  if (present.length === keys.length) {
    return {
      kind: 'categorical',
      keys,
      referenceCounts,
      currentCounts,
      unseenCategories: unseen,
      nUnique: keys.length,
    };
  }
  return {
    kind: 'categorical',
    keys: present.map((k) => keys[k]),
    referenceCounts: Float64Array.from(present, (k) => referenceCounts[k]),
    currentCounts: Float64Array.from(present, (k) => currentCounts[k]),
    unseenCategories: unseen.filter((name) => currentCounts[keyIndex.get(name)!] > 0),
    nUnique: present.length,
  };
}
