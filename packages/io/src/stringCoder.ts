/**
 * Dictionary-codes DuckDB VARCHAR vectors without turning every value into a JavaScript string.
 *
 * A VARCHAR vector is an array of 16-byte `duckdb_string_t` (DuckDB C API, duckdb.h): a uint32 length, then either
 * the bytes themselves when the length is at most 12 ("inlined"), or a 4-byte prefix and a pointer to the bytes.
 * Inlined values — most category labels — are looked up by their length and bytes in an open-addressing hash
 * table, and decoded to a string only the first time they are seen. Longer values are decoded (one native call
 * to follow the pointer) and looked up in a Map. Bytes past the length are masked out, so the key does not depend
 * on what DuckDB leaves in the unused part of an inlined value.
 */
import duckdb from '@duckdb/node-bindings';

const INLINE_MAX = 12;
const decoder = new TextDecoder();

/** Mask keeping the first `n` bytes (0–4) of a little-endian 32-bit word. */
function byteMask(n: number): number {
  return n >= 4 ? -1 : n <= 0 ? 0 : (1 << (8 * n)) - 1;
}

/** Codes strings in order of first appearance; `dictionary[code]` is the string. */
export class StringCoder {
  readonly dictionary: string[] = [];
  private capacity = 1024;
  /** 4 words per slot: length and the three masked data words. */
  private keys = new Int32Array(this.capacity * 4);
  /** Code per slot, -1 when the slot is empty. */
  private slots = new Int32Array(this.capacity).fill(-1);
  private inlined = 0;
  private readonly long = new Map<string, number>();

  /**
   * Codes rows [0, rows) of a VARCHAR vector's data (`rows × 16` bytes) into `out` from `offset`; rows whose
   * validity bit is clear get -1. `valid` is the validity mask (bit i of byte i>>3), or null when all are valid.
   */
  codeVector(
    data: Uint8Array,
    valid: Uint8Array | null,
    rows: number,
    out: Int32Array,
    offset: number,
  ): void {
    const aligned = data.byteOffset % 4 === 0 ? data : data.slice(0, rows * 16);
    const words = new Int32Array(aligned.buffer, aligned.byteOffset, rows * 4);
    for (let i = 0; i < rows; i++) {
      if (valid !== null && (valid[i >>> 3] & (1 << (i & 7))) === 0) {
        out[offset + i] = -1;
        continue;
      }
      const length = words[4 * i];
      out[offset + i] =
        length <= INLINE_MAX ? this.codeInlined(words, i, aligned, length) : this.codeLong(data, i, length);
    }
  }

  private codeInlined(words: Int32Array, i: number, data: Uint8Array, length: number): number {
    const a = words[4 * i + 1] & byteMask(length);
    const b = words[4 * i + 2] & byteMask(length - 4);
    const c = words[4 * i + 3] & byteMask(length - 8);
    const mask = this.capacity - 1;
    let h = hash(length, a, b, c) & mask;
    for (;;) {
      const code = this.slots[h];
      if (code < 0) break;
      const k = 4 * h;
      if (
        this.keys[k] === length &&
        this.keys[k + 1] === a &&
        this.keys[k + 2] === b &&
        this.keys[k + 3] === c
      ) {
        return code;
      }
      h = (h + 1) & mask;
    }
    const text = decoder.decode(data.subarray(16 * i + 4, 16 * i + 4 + length));
    // The same text can never arrive by the other path: it is inlined exactly when its UTF-8 length is ≤ 12.
    const code = this.dictionary.length;
    this.dictionary.push(text);
    this.insert(h, length, a, b, c, code);
    if (++this.inlined * 2 > this.capacity) this.grow();
    return code;
  }

  private codeLong(data: Uint8Array, i: number, length: number): number {
    const bytes = duckdb.get_data_from_pointer(
      data.buffer as ArrayBuffer,
      data.byteOffset + 16 * i + 8,
      length,
    );
    const text = decoder.decode(bytes);
    let code = this.long.get(text);
    if (code === undefined) {
      code = this.dictionary.length;
      this.dictionary.push(text);
      this.long.set(text, code);
    }
    return code;
  }

  private insert(slot: number, length: number, a: number, b: number, c: number, code: number): void {
    const k = 4 * slot;
    this.keys[k] = length;
    this.keys[k + 1] = a;
    this.keys[k + 2] = b;
    this.keys[k + 3] = c;
    this.slots[slot] = code;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldSlots = this.slots;
    this.capacity *= 2;
    this.keys = new Int32Array(this.capacity * 4);
    this.slots = new Int32Array(this.capacity).fill(-1);
    const mask = this.capacity - 1;
    for (let s = 0; s < oldSlots.length; s++) {
      const code = oldSlots[s];
      if (code < 0) continue;
      const k = 4 * s;
      let h = hash(oldKeys[k], oldKeys[k + 1], oldKeys[k + 2], oldKeys[k + 3]) & mask;
      while (this.slots[h] >= 0) h = (h + 1) & mask;
      this.insert(h, oldKeys[k], oldKeys[k + 1], oldKeys[k + 2], oldKeys[k + 3], code);
    }
  }
}

/** 32-bit mix of four words (multiply–xorshift, as in MurmurHash3's finaliser). */
function hash(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ b ^ (h >>> 15), 0xc2b2ae35);
  h = Math.imul(h ^ c ^ (h >>> 13), 0x27d4eb2f);
  h = Math.imul(h ^ d ^ (h >>> 16), 0x165667b1);
  return (h ^ (h >>> 15)) >>> 0;
}
