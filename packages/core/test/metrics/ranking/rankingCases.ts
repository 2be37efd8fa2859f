/**
 * Shared checks for the ranking metrics: golden values (scikit-learn for NDCG, the Python reference
 * implementation for the others) and the input errors every metric throws.
 */
import { describe, expect, it } from 'vitest';
import type { RankingOptions } from '../../../src/metrics/ranking/rankingOptions.js';
import golden from '../../golden/metrics_regression_clustering_ranking.json' with { type: 'json' };
import { expectClose } from '../../helpers/close.js';

export type RankingMetric = (
  queryIds: ArrayLike<number>,
  relevance: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: RankingOptions,
) => number;

export const rankingCases = golden.ranking.map((c) => ({
  name: c.name,
  queryIds: Float64Array.from(c.queryIds),
  relevance: Float64Array.from(c.relevance),
  scores: Float64Array.from(c.scores),
  ndcg: c.ndcg,
  ndcg2d: c.ndcg2d,
  other: c.other,
}));

/** Options for a golden entry: k null means "no cut-off" (omitted). */
export function optionsOf(entry: { k: number | null; noRelevant: string }): RankingOptions {
  const options: RankingOptions = { noRelevant: entry.noRelevant as 'zero' | 'skip' };
  if (entry.k !== null) options.k = entry.k;
  return options;
}

/** Golden comparison against the Python reference implementation (rtol 1e-9) for one non-NDCG metric. */
export function describeRankingGolden(name: string, metric: RankingMetric): void {
  describe(`${name} golden (Python reference implementation)`, () => {
    for (const c of rankingCases) {
      const entries = c.other.filter((e) => e.metric === name);
      it(`${name}(${c.name}) matches for every k and policy (${entries.length} values)`, () => {
        expect(entries.length).toBeGreaterThan(0);
        for (const e of entries)
          expectClose(metric(c.queryIds, c.relevance, c.scores, optionsOf(e)), e.value ?? Number.NaN);
      });
    }
  });
}

/** The input errors shared by every ranking metric. */
export function describeRankingErrors(name: string, metric: RankingMetric): void {
  const q = [1, 1, 2];
  const r = [1, 0, 1];
  const s = [0.3, 0.2, 0.1];
  describe(`${name} input errors`, () => {
    it(`${name}([], [], []) throws EMPTY_INPUT`, () => {
      expect(() => metric([], [], [], { k: 1 })).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    });
    it(`${name}(lengths differ) throws LENGTH_MISMATCH`, () => {
      expect(() => metric(q, r, [0.1, 0.2], { k: 1 })).toThrow(
        expect.objectContaining({ code: 'LENGTH_MISMATCH' }),
      );
      expect(() => metric(q, [1], s, { k: 1 })).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH' }));
    });
    it(`${name}(NaN in any column) throws NON_FINITE`, () => {
      for (const [a, b, c] of [
        [[1, Number.NaN, 2], r, s],
        [q, [1, Number.NaN, 0], s],
        [q, r, [0.1, 0.2, Number.NaN]],
      ]) {
        expect(() => metric(a, b, c, { k: 1 })).toThrow(expect.objectContaining({ code: 'NON_FINITE' }));
      }
    });
    it(`${name}(negative relevance) throws INVALID_ARGUMENT`, () => {
      expect(() => metric(q, [1, -1, 0], s, { k: 1 })).toThrow(
        `${name}: relevance must be non-negative; got -1 at index 1`,
      );
    });
    it(`${name}(k = 0, k = 1.5, unknown policy) throws INVALID_ARGUMENT`, () => {
      for (const options of [{ k: 0 }, { k: 1.5 }, { k: 1, noRelevant: 'ignore' }]) {
        expect(() => metric(q, r, s, options as RankingOptions)).toThrow(
          expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
        );
      }
    });
  });
}
