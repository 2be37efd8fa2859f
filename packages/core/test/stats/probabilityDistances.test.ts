// Golden tests shared by the five distances between discrete distributions (one JSON case list serves all).
import { describe, expect, it } from 'vitest';
import { hellingerDistance } from '../../src/stats/hellingerDistance.js';
import { jensenShannonDistance } from '../../src/stats/jensenShannonDistance.js';
import { klDivergence } from '../../src/stats/klDivergence.js';
import { populationStabilityIndex } from '../../src/stats/populationStabilityIndex.js';
import { totalVariationDistance } from '../../src/stats/totalVariationDistance.js';
import golden from '../golden/stats_distances.json' with { type: 'json' };
import { expectClose } from '../helpers/close.js';
import { num } from '../helpers/goldenNumber.js';

describe('probability-vector distances golden (scipy 1.10.1 jensenshannon / entropy; numpy formulas)', () => {
  for (const c of golden.probabilityVectors) {
    it(`jensenShannonDistance(${c.name}) matches scipy.spatial.distance.jensenshannon`, () => {
      expectClose(jensenShannonDistance(c.p, c.q), num(c.jensenShannon), 1e-9, 1e-15);
      expectClose(jensenShannonDistance(c.p, c.q, { base: 2 }), num(c.jensenShannonBase2), 1e-9, 1e-15);
    });
    it(`klDivergence(${c.name}) matches scipy.stats.entropy(p, q)`, () => {
      expectClose(klDivergence(c.p, c.q), num(c.kl), 1e-9, 1e-15);
    });
    it(`populationStabilityIndex(${c.name}) matches Σ(p − q)·ln(p/q)`, () => {
      expectClose(populationStabilityIndex(c.p, c.q), num(c.psi), 1e-9, 1e-15);
    });
    it(`hellingerDistance(${c.name}) matches √(½Σ(√p − √q)²)`, () => {
      expectClose(hellingerDistance(c.p, c.q), num(c.hellinger), 1e-9, 1e-15);
    });
    it(`totalVariationDistance(${c.name}) matches ½Σ|p − q|`, () => {
      expectClose(totalVariationDistance(c.p, c.q), num(c.totalVariation), 1e-9, 1e-15);
    });
  }
});

describe('probability-vector distances behaviour', () => {
  it('jensenShannonDistance of disjoint supports is √ln 2 in nats and 1 in bits', () => {
    expectClose(jensenShannonDistance([1, 0], [0, 1]), Math.sqrt(Math.LN2), 1e-15);
    expect(jensenShannonDistance([1, 0], [0, 1], { base: 2 })).toBe(1);
  });
  it('jensenShannonDistance normalises counts', () => {
    expectClose(
      jensenShannonDistance([2, 6], [10, 10]),
      jensenShannonDistance([0.25, 0.75], [0.5, 0.5]),
      1e-15,
    );
  });
  it('jensenShannonDistance with base 1 throws INVALID_ARGUMENT', () => {
    expect(() => jensenShannonDistance([1], [1], { base: 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
  it('klDivergence is +∞ when q misses part of the support of p, finite the other way', () => {
    expect(klDivergence([0.5, 0.5], [1, 0])).toBe(Number.POSITIVE_INFINITY);
    expectClose(klDivergence([1, 0], [0.5, 0.5]), Math.LN2, 1e-15);
  });
  it('populationStabilityIndex is the symmetrised KL divergence', () => {
    const p = [0.2, 0.5, 0.3];
    const q = [0.3, 0.3, 0.4];
    expectClose(populationStabilityIndex(p, q), klDivergence(p, q) + klDivergence(q, p), 1e-14);
  });
  it('populationStabilityIndex with a bin empty on one side only is +∞, empty on both sides is ignored', () => {
    expect(populationStabilityIndex([0.5, 0.5, 0], [0.4, 0.6, 0])).toBeCloseTo(0.0405, 3);
    expect(populationStabilityIndex([0.5, 0.5], [1, 0])).toBe(Number.POSITIVE_INFINITY);
  });
  it('hellingerDistance equals √(1 − Σ√(pq)) on probability vectors', () => {
    const p = [0.1, 0.6, 0.3];
    const q = [0.3, 0.3, 0.4];
    let bc = 0;
    for (let i = 0; i < 3; i++) bc += Math.sqrt(p[i] * q[i]);
    expectClose(hellingerDistance(p, q), Math.sqrt(1 - bc), 1e-14);
  });
  it('totalVariationDistance of disjoint supports is 1 and of equal vectors 0', () => {
    expect(totalVariationDistance([1, 0], [0, 1])).toBe(1);
    expect(totalVariationDistance([0.3, 0.7], [0.3, 0.7])).toBe(0);
  });
  const all = [
    ['jensenShannonDistance', (p: number[], q: number[]) => jensenShannonDistance(p, q)],
    ['klDivergence', klDivergence],
    ['populationStabilityIndex', populationStabilityIndex],
    ['hellingerDistance', hellingerDistance],
    ['totalVariationDistance', totalVariationDistance],
  ] as const;
  for (const [name, f] of all) {
    it(`${name}(p, q) of different lengths throws LENGTH_MISMATCH`, () => {
      expect(() => f([0.5, 0.5], [1])).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH' }));
    });
    it(`${name}(empty, empty) throws EMPTY_INPUT`, () => {
      expect(() => f([], [])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    });
    it(`${name} with a negative entry throws INVALID_PROBABILITY`, () => {
      expect(() => f([1.5, -0.5], [0.5, 0.5])).toThrow(
        expect.objectContaining({ code: 'INVALID_PROBABILITY' }),
      );
    });
    it(`${name} with NaN throws NON_FINITE`, () => {
      expect(() => f([Number.NaN, 1], [0.5, 0.5])).toThrow(expect.objectContaining({ code: 'NON_FINITE' }));
    });
    it(`${name}(p, p) is 0`, () => {
      expect(f([0.2, 0.8], [0.2, 0.8])).toBe(0);
    });
  }
  it('jensenShannonDistance and klDivergence of an all-zero vector throw INVALID_PROBABILITY', () => {
    expect(() => jensenShannonDistance([0, 0], [1, 0])).toThrow(
      expect.objectContaining({ code: 'INVALID_PROBABILITY' }),
    );
    expect(() => klDivergence([1, 0], [0, 0])).toThrow(
      expect.objectContaining({ code: 'INVALID_PROBABILITY' }),
    );
  });
});
