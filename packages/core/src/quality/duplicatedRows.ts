/**
 * Duplicated rows of a columnar frame, found by hashing rows column by column.
 */
import type { Column, Frame } from '../frame/frame.js';
import { sortFloat64 } from '../sort/sortFloat64.js';
import { checkArgument } from '../validation.js';

/** What {@link duplicatedRows} returns. */
export interface DuplicatedRowsResult {
  /** Rows equal to an earlier row in every column. */
  count: number;
  /** 0-based indices of the first duplicated rows, ascending (at most `maxRows`). */
  rows: number[];
}

/**
 * Rows that repeat an earlier row in every column (the first occurrence is not counted).
 *
 * Rule: two rows are equal when every column holds equal values; missing equals missing (NaN = NaN, code −1 =
 * −1) and −0 equals +0, as pandas compares them. Algorithm: a 32-bit hash per row, built column by column over
 * the typed arrays (no per-row objects); keys hash·2^b + row (b = bits of the row index, so a key is an exact
 * double below 2^53) are radix-sorted, and rows whose hashes agree are compared column by column, so hash
 * collisions never count as duplicates. O(n·k) time.
 *
 * @param frame the data.
 * @param options `maxRows`: how many duplicated row indices to list (default 10).
 * @returns the count and the first duplicated rows.
 * @throws INVALID_ARGUMENT when `maxRows` is not an integer ≥ 0.
 * A frame without rows or without columns has no duplicates (count 0).
 * Matches `pandas.DataFrame.duplicated(keep='first').sum()` (pandas 1.5).
 * @example
 * duplicatedRows(createFrame([numericFromNumbers('x', [1, 2, 1, NaN, NaN])])); // => { count: 2, rows: [2, 4] }
 */
export function duplicatedRows(frame: Frame, options: { maxRows?: number } = {}): DuplicatedRowsResult {
  const maxRows = options.maxRows ?? 10;
  checkArgument(
    'duplicatedRows',
    'maxRows',
    maxRows,
    Number.isInteger(maxRows) && maxRows >= 0,
    'an integer ≥ 0',
  );
  const n = frame.nRows;
  const columns = frame.columns;
  if (n < 2 || columns.length === 0) return { count: 0, rows: [] };
  const hash = new Uint32Array(n).fill(0x811c9dc5);
  const bits = new Uint32Array(new Float64Array(1).buffer);
  const scratch = new Float64Array(bits.buffer);
  for (const column of columns) {
    if (column.kind === 'numeric') {
      const values = column.values;
      for (let i = 0; i < n; i++) {
        const v = values[i];
        // One bit pattern per equality class: every NaN alike, −0 as +0.
        scratch[0] = Number.isNaN(v) ? Number.NaN : v === 0 ? 0 : v;
        hash[i] = mix(mix(hash[i], bits[0]), bits[1]);
      }
    } else {
      const codes = column.codes;
      for (let i = 0; i < n; i++) hash[i] = mix(hash[i], codes[i]);
    }
  }
  let indexBits = 1;
  while (2 ** indexBits < n) indexBits++;
  const hashBits = Math.min(32, 53 - indexBits);
  const scale = 2 ** indexBits;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (hash[i] >>> (32 - hashBits)) * scale + i;
  sortFloat64(keys);
  const duplicate = new Uint8Array(n);
  let count = 0;
  const representatives: number[] = [];
  for (let start = 0; start < n; ) {
    const group = Math.floor(keys[start] / scale);
    let end = start + 1;
    while (end < n && Math.floor(keys[end] / scale) === group) end++;
    if (end - start > 1) {
      // Rows of the group in ascending order: the first of each distinct row is kept, later equal ones counted.
      representatives.length = 0;
      for (let k = start; k < end; k++) {
        const row = keys[k] - group * scale;
        if (representatives.some((r) => rowsEqual(columns, r, row))) {
          duplicate[row] = 1;
          count++;
        } else {
          representatives.push(row);
        }
      }
    }
    start = end;
  }
  const rows: number[] = [];
  for (let i = 0; i < n && rows.length < maxRows; i++) if (duplicate[i]) rows.push(i);
  return { count, rows };
}

/** A 32-bit mixing step (multiply-xorshift, as in MurmurHash3's finaliser; Appleby 2011). */
function mix(h: number, x: number): number {
  let k = Math.imul(x, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let m = h ^ k;
  m = (m << 13) | (m >>> 19);
  return (Math.imul(m, 5) + 0xe6546b64) >>> 0;
}

function rowsEqual(columns: readonly Column[], a: number, b: number): boolean {
  for (const column of columns) {
    if (column.kind === 'numeric') {
      const x = column.values[a];
      const y = column.values[b];
      if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false;
    } else if (column.codes[a] !== column.codes[b]) {
      return false;
    }
  }
  return true;
}
