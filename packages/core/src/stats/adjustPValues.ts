/**
 * Multiple-testing corrections of p-values: Bonferroni, Holm, Benjamini–Hochberg.
 */
import { checkArgument, checkNotEmpty, checkProbabilities } from '../validation.js';

/**
 * Adjusted p-values for a family of m tests, in the input order.
 *
 * Formulas, with p₍₁₎ ≤ … ≤ p₍ₘ₎ the sorted p-values, every result capped at 1:
 * - `'bonferroni'`: p̃ᵢ = m·pᵢ (controls the family-wise error rate);
 * - `'holm'` (step-down): p̃₍ᵢ₎ = max_{j ≤ i} (m − j + 1)·p₍ⱼ₎ (FWER, uniformly more powerful than Bonferroni);
 * - `'fdr_bh'` (step-up): p̃₍ᵢ₎ = min_{j ≥ i} p₍ⱼ₎ / (j/m) (false discovery rate, independent or positively
 *   dependent tests).
 * Reject hypothesis i at level α when p̃ᵢ ≤ α. Ties get equal adjusted values.
 *
 * @param pValues p-values in [0, 1].
 * @param method `'bonferroni'`, `'holm'` or `'fdr_bh'`.
 * @returns adjusted p-values, same order and length, each in [pᵢ, 1].
 * @throws EMPTY_INPUT when `pValues` is empty; INVALID_PROBABILITY on a value outside [0, 1] or NaN;
 *   INVALID_ARGUMENT on an unknown method.
 * Matches `statsmodels.stats.multitest.multipletests(p, method=...)[1]` (statsmodels 0.13.5).
 * @see C. E. Bonferroni (1936); S. Holm (1979), "A simple sequentially rejective multiple test procedure",
 *   Scand. J. Statist. 6(2) 65–70; Y. Benjamini, Y. Hochberg (1995), "Controlling the false discovery rate",
 *   J. R. Statist. Soc. B 57(1) 289–300.
 * @example
 * adjustPValues([0.01, 0.04, 0.03], 'holm'); // => Float64Array [0.03, 0.06, 0.06]
 */
export function adjustPValues(
  pValues: ArrayLike<number>,
  method: 'bonferroni' | 'holm' | 'fdr_bh',
): Float64Array {
  const fn = 'adjustPValues';
  checkArgument(
    fn,
    'method',
    method,
    method === 'bonferroni' || method === 'holm' || method === 'fdr_bh',
    "'bonferroni', 'holm' or 'fdr_bh'",
  );
  checkNotEmpty(fn, 'pValues', pValues);
  checkProbabilities(fn, 'pValues', pValues);
  const m = pValues.length;
  const out = new Float64Array(m);
  if (method === 'bonferroni') {
    for (let i = 0; i < m; i++) out[i] = Math.min(pValues[i] * m, 1);
    return out;
  }
  const order = Uint32Array.from({ length: m }, (_, i) => i).sort((a, b) => pValues[a] - pValues[b]);
  if (method === 'holm') {
    let running = 0;
    for (let r = 0; r < m; r++) {
      running = Math.max(running, pValues[order[r]] * (m - r));
      out[order[r]] = Math.min(running, 1);
    }
  } else {
    let running = Number.POSITIVE_INFINITY;
    for (let r = m - 1; r >= 0; r--) {
      // statsmodels divides by the ECDF factor (r + 1)/m rather than multiplying by m/(r + 1).
      running = Math.min(running, pValues[order[r]] / ((r + 1) / m));
      out[order[r]] = Math.min(running, 1);
    }
  }
  return out;
}
