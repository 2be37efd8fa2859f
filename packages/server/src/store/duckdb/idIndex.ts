/**
 * A set of prediction ids kept as 64-bit hashes (two 32-bit halves) in an open-addressing table: 8 bytes per slot,
 * at most 70 % full, so ~12 bytes per id (10M ids ≈ 130 MB), against ~60 bytes for a JS Set of short strings.
 *
 * It answers "certainly new" or "maybe stored": two different ids share both hashes with probability ~2^-64 per
 * pair, and a caller treats "maybe" as "ask the database", so a collision costs time, never a wrong answer.
 */

const EMPTY = 0;
const MAX_LOAD = 0.7;

/** FNV-1a over UTF-16 code units (offset basis and prime of FNV-1a 32; Fowler, Noll & Vo). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A second, independent 32-bit hash: MurmurHash3's body and finaliser over UTF-16 code units (Appleby). */
function murmur(text: string): number {
  let h = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    let k = Math.imul(text.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= text.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class IdIndex {
  /** Slot i holds hashes[2i] (the probe hash) and hashes[2i + 1] (the check hash); 0 and 0 = empty. */
  private hashes: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 1024) {
    let slots = 1024;
    while (slots * MAX_LOAD < expected) slots *= 2;
    this.hashes = new Uint32Array(2 * slots);
    this.mask = slots - 1;
  }

  get size(): number {
    return this.count;
  }

  /** True when `id` may have been added (certainly, unless two ids share 64 bits of hash). */
  has(id: string): boolean {
    const probe = fnv1a(id);
    const check = murmur(id) || 1;
    for (let slot = probe & this.mask; ; slot = (slot + 1) & this.mask) {
      const p = this.hashes[2 * slot];
      const c = this.hashes[2 * slot + 1];
      if (p === EMPTY && c === EMPTY) return false;
      if (p === probe && c === check) return true;
    }
  }

  add(id: string): void {
    if (this.count + 1 > (this.mask + 1) * MAX_LOAD) this.grow();
    this.insert(fnv1a(id), murmur(id) || 1);
  }

  private insert(probe: number, check: number): void {
    for (let slot = probe & this.mask; ; slot = (slot + 1) & this.mask) {
      const p = this.hashes[2 * slot];
      const c = this.hashes[2 * slot + 1];
      if (p === probe && c === check) return;
      if (p === EMPTY && c === EMPTY) {
        this.hashes[2 * slot] = probe;
        this.hashes[2 * slot + 1] = check;
        this.count++;
        return;
      }
    }
  }

  private grow(): void {
    const old = this.hashes;
    this.hashes = new Uint32Array(2 * old.length);
    this.mask = old.length - 1;
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] !== EMPTY || old[i + 1] !== EMPTY) this.insert(old[i], old[i + 1]);
    }
  }
}
