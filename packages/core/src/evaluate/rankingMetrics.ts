import { hitRateAtK } from '../metrics/ranking/hitRateAtK.js';
import { mapAtK } from '../metrics/ranking/mapAtK.js';
import { mrr } from '../metrics/ranking/mrr.js';
import { ndcgAtK } from '../metrics/ranking/ndcgAtK.js';
import { precisionAtK } from '../metrics/ranking/precisionAtK.js';
import { recallAtK } from '../metrics/ranking/recallAtK.js';
import { groupIndices } from '../stats/groupIndices.js';
import type { MetricSet } from './metricSet.js';

/**
 * `vigil eval --task ranking`: for each k, ndcgAt<k>, precisionAt<k>, recallAt<k>, mapAt<k>, hitRateAt<k>; and mrr.
 * The resampling unit is the query (a bootstrap draws whole queries, renumbered so a query drawn twice counts
 * twice), since rows of one query are not independent.
 */
export function rankingMetrics(
  queryCodes: Int32Array,
  nQueries: number,
  relevance: ArrayLike<number>,
  scores: ArrayLike<number>,
  ks: readonly number[],
): MetricSet {
  const groups = groupIndices(queryCodes, nQueries).filter((g) => g.length > 0);
  const compute = (q: ArrayLike<number>, r: ArrayLike<number>, s: ArrayLike<number>) => {
    const out: Record<string, number> = {};
    for (const k of ks) {
      out[`ndcgAt${k}`] = ndcgAtK(q, r, s, { k });
      out[`precisionAt${k}`] = precisionAtK(q, r, s, { k });
      out[`recallAt${k}`] = recallAtK(q, r, s, { k });
      out[`mapAt${k}`] = mapAtK(q, r, s, { k });
      out[`hitRateAt${k}`] = hitRateAtK(q, r, s, { k });
    }
    out.mrr = mrr(q, r, s);
    return out;
  };
  return {
    n: groups.length,
    compute(indices) {
      if (indices === undefined) return compute(queryCodes, relevance, scores);
      let size = 0;
      for (const g of indices) size += groups[g].length;
      const q = new Int32Array(size);
      const r = new Float64Array(size);
      const s = new Float64Array(size);
      let at = 0;
      indices.forEach((g, draw) => {
        for (const row of groups[g]) {
          q[at] = draw;
          r[at] = relevance[row];
          s[at] = scores[row];
          at++;
        }
      });
      return compute(q, r, s);
    },
  };
}
