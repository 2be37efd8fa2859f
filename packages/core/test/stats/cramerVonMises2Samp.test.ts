import { describe, expect, it } from 'vitest';
import { cramerVonMises2Samp, cramerVonMises2SampSorted } from '../../src/stats/cramerVonMises2Samp.js';
import { sortSample } from '../../src/stats/sortSample.js';
import golden from '../golden/stats_distances.json' with { type: 'json' };
import { expectClose } from '../helpers/close.js';

// The asymptotic p-value is 1 − V(T*), V summed to the same term as scipy: the values agree to rounding, i.e.
// ~1e-15 absolute, which for p below ~1e-6 exceeds 1e-9 relative; hence atol = 1e-14 on p-values.
const P_ATOL = 1e-14;

describe('cramerVonMises2Samp golden (scipy.stats.cramervonmises_2samp, scipy 1.10.1)', () => {
  for (const c of golden.pairs) {
    const cvm = c.cramerVonMises;
    if (!cvm) continue;
    it(`cramerVonMises2Samp(${c.name}, auto → ${cvm.auto.method}) matches scipy`, () => {
      const r = cramerVonMises2Samp(c.x, c.y);
      expect(r.method).toBe(cvm.auto.method);
      expectClose(r.statistic, cvm.auto.statistic, 1e-9, 1e-15);
      // exact p-values are ratios of integer counts: no truncation, so relative 1e-12 holds.
      expectClose(r.pValue, cvm.auto.pValue, r.method === 'exact' ? 1e-12 : 1e-9, P_ATOL);
    });
    it(`cramerVonMises2Samp(${c.name}, asymptotic) matches scipy`, () => {
      const r = cramerVonMises2Samp(c.x, c.y, { method: 'asymptotic' });
      expectClose(r.statistic, cvm.asymptotic.statistic, 1e-9, 1e-15);
      expectClose(r.pValue, cvm.asymptotic.pValue, 1e-9, P_ATOL);
    });
    it(`cramerVonMises2SampSorted(${c.name}) equals the unsorted variant`, () => {
      expect(cramerVonMises2SampSorted(sortSample(c.x), sortSample(c.y))).toEqual(
        cramerVonMises2Samp(c.x, c.y),
      );
    });
  }
});

describe('cramerVonMises2Samp behaviour', () => {
  it('cramerVonMises2Samp(large tied samples) statistic equals the exact rational T from sorted midranks', () => {
    const x = Array.from({ length: 30000 }, (_, i) => (i * 7919) % 50);
    const y = Array.from({ length: 20000 }, (_, j) => (j * 104729) % 53);
    // Independent midranks: sort the pooled sample with labels, then average positions over tie groups.
    const pooled = [...x.map((v) => [v, 0]), ...y.map((v) => [v, 1])].sort((a, b) => a[0] - b[0]);
    const twiceRank = new Array<number>(pooled.length);
    for (let s = 0; s < pooled.length; ) {
      let e = s;
      while (e < pooled.length && pooled[e][0] === pooled[s][0]) e++;
      for (let t = s; t < e; t++) twiceRank[t] = s + 1 + e; // 2 × midrank of positions s+1..e
      s = e;
    }
    let sx = 0n;
    let sy = 0n;
    let ix = 0;
    let iy = 0;
    pooled.forEach(([, label], t) => {
      if (label === 0) sx += BigInt((twiceRank[t] - 2 * ++ix) ** 2);
      else sy += BigInt((twiceRank[t] - 2 * ++iy) ** 2);
    });
    const mn = BigInt(x.length * y.length);
    const u4 = BigInt(x.length) * sx + BigInt(y.length) * sy;
    const exact = Number(6n * u4 - 4n * mn * (4n * mn - 1n)) / Number(24n * mn * BigInt(x.length + y.length));
    expectClose(cramerVonMises2Samp(x, y).statistic, exact, 1e-15);
  });
  it('cramerVonMises2Samp([1, 2, 3], [4, 5, 6]) is exact with p = 2/20 (two of 20 splits are as extreme)', () => {
    const r = cramerVonMises2Samp([1, 2, 3], [4, 5, 6]);
    expect(r.method).toBe('exact');
    expectClose(r.pValue, 0.1, 1e-15);
  });
  it('cramerVonMises2Samp(x, x) has p = 1', () => {
    const x = [0.5, 1.5, -0.2, 3.3, 2.1];
    expect(cramerVonMises2Samp(x, x).pValue).toBe(1);
    expect(cramerVonMises2Samp(x, x, { method: 'asymptotic' }).pValue).toBe(1);
  });
  it("cramerVonMises2Samp(x, y, 'exact') beyond C(N, m) = 2^53 throws INVALID_ARGUMENT", () => {
    const x = Array.from({ length: 40 }, (_, i) => i);
    const y = Array.from({ length: 40 }, (_, i) => i + 0.5);
    expect(() => cramerVonMises2Samp(x, y, { method: 'exact' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
  it('cramerVonMises2Samp with a single-value sample throws INVALID_ARGUMENT', () => {
    expect(() => cramerVonMises2Samp([1], [2, 3])).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
  it('cramerVonMises2Samp(empty, y) throws EMPTY_INPUT', () => {
    expect(() => cramerVonMises2Samp([], [2, 3])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
  });
  it('cramerVonMises2Samp with NaN throws NON_FINITE', () => {
    expect(() => cramerVonMises2Samp([1, Number.NaN], [2, 3])).toThrow(
      expect.objectContaining({ code: 'NON_FINITE' }),
    );
  });
  it('cramerVonMises2Samp with an unknown method throws INVALID_ARGUMENT', () => {
    // @ts-expect-error testing a value outside the type
    expect(() => cramerVonMises2Samp([1, 2], [3, 4], { method: 'permutation' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
