import { describe, expect, it } from 'vitest';
import { IdIndex } from '../../src/store/duckdb/idIndex.js';

describe('IdIndex', () => {
  it('IdIndex.has(id) is false before add(id) and true after, for 200k ids across many growths', () => {
    const index = new IdIndex();
    const ids = Array.from({ length: 200_000 }, (_, i) => `id-${i}`);
    for (const id of ids.slice(0, 100_000)) index.add(id);
    expect(index.size).toBe(100_000);
    expect(ids.slice(0, 100_000).every((id) => index.has(id))).toBe(true);
    // 64 bits of hash: a false "maybe stored" among 100k new ids has probability ~1e-9.
    expect(ids.slice(100_000).some((id) => index.has(id))).toBe(false);
  });

  it('IdIndex.add(an id twice) counts it once', () => {
    const index = new IdIndex(1);
    index.add('a');
    index.add('a');
    expect(index.size).toBe(1);
  });

  it('IdIndex tells apart the empty id, ids that differ in one character, and non-ASCII ids', () => {
    const index = new IdIndex();
    for (const id of ['', 'ab', 'ba', 'é', 'e\u0301', '😀']) index.add(id);
    for (const id of ['', 'ab', 'ba', 'é', 'e\u0301', '😀']) expect(index.has(id)).toBe(true);
    for (const id of ['a', 'b', 'abc', 'e', '😁', ' ']) expect(index.has(id)).toBe(false);
  });
});
