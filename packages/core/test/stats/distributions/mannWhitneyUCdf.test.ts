import { describe, expect, it } from 'vitest';
import { mannWhitneyUCdf } from '../../../src/stats/distributions/mannWhitneyUCdf.js';
import golden from '../../golden/stats_distances.json' with { type: 'json' };
import { expectClose } from '../../helpers/close.js';

/** Exact counts of U = k for sizes (m, n) in BigInt, by the recursion f(m, n, k) = f(m−1, n, k−n) + f(m, n−1, k). */
function exactCounts(m: number, n: number): bigint[] {
  // prev[j][k] = f(i − 1, j, k); built row by row over i.
  let prev: bigint[][] = Array.from({ length: n + 1 }, () => [1n]);
  for (let i = 1; i <= m; i++) {
    const cur: bigint[][] = [];
    cur.push([1n]); // f(i, 0, k) = [k = 0]
    for (let j = 1; j <= n; j++) {
      const size = i * j + 1;
      const row: bigint[] = new Array(size).fill(0n);
      for (let k = 0; k < size; k++) {
        const a = k - j >= 0 && k - j < prev[j].length ? prev[j][k - j] : 0n;
        const b = k < cur[j - 1].length ? cur[j - 1][k] : 0n;
        row[k] = a + b;
      }
      cur.push(row);
    }
    prev = cur;
  }
  return prev[n];
}

/** P(U ≤ k) as a double from exact BigInt counts (scaled so the division keeps 17+ digits). */
function exactCdf(counts: bigint[], k: number): number {
  let num = 0n;
  let total = 0n;
  for (let t = 0; t < counts.length; t++) {
    total += counts[t];
    if (t <= k) num += counts[t];
  }
  const scale = 10n ** 40n;
  return Number((num * scale) / total) / 1e40;
}

describe('mannWhitneyUCdf golden (scipy _MWU.cdf, scipy 1.10.1)', () => {
  for (const c of golden.mannWhitneyUCdf) {
    it(`mannWhitneyUCdf(k, ${c.n1}, ${c.n2}) matches scipy`, () => {
      c.k.forEach((k, i) => {
        expectClose(mannWhitneyUCdf(k, c.n1, c.n2), c.cdf[i], 1e-12);
      });
    });
  }
});

describe('mannWhitneyUCdf against exact integer counts', () => {
  for (const [m, n] of [
    [8, 120],
    [5, 37],
    [12, 12],
  ]) {
    it(`mannWhitneyUCdf(k, ${m}, ${n}) agrees with BigInt counts to 1e-13 over the lower half, tail included`, () => {
      const counts = exactCounts(m, n);
      for (let k = 0; k <= (m * n) / 2; k++) {
        expectClose(mannWhitneyUCdf(k, m, n), exactCdf(counts, k), 1e-13);
      }
    });
  }
  it('mannWhitneyUCdf(0, 8, 20000) is 1/C(20008, 8) (lower tail, no cancellation)', () => {
    let inv = 1;
    for (let i = 1; i <= 8; i++) inv *= i / (20000 + i);
    expectClose(mannWhitneyUCdf(0, 8, 20000), inv, 1e-14);
  });
});

describe('mannWhitneyUCdf behaviour', () => {
  it('mannWhitneyUCdf(3, 5, 4) is 7/126', () => {
    expectClose(mannWhitneyUCdf(3, 5, 4), 7 / 126, 1e-15);
  });
  it('mannWhitneyUCdf is symmetric in (n1, n2) and steps at integers', () => {
    expect(mannWhitneyUCdf(7, 3, 6)).toBe(mannWhitneyUCdf(7, 6, 3));
    expect(mannWhitneyUCdf(7.5, 3, 6)).toBe(mannWhitneyUCdf(7, 3, 6));
  });
  it('mannWhitneyUCdf is 0 below the support and 1 at its top', () => {
    expect(mannWhitneyUCdf(-1, 3, 4)).toBe(0);
    expect(mannWhitneyUCdf(12, 3, 4)).toBe(1);
  });
  it('mannWhitneyUCdf(k, 0, 3) throws INVALID_ARGUMENT', () => {
    expect(() => mannWhitneyUCdf(1, 0, 3)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
