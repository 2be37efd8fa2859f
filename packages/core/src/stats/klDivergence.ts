/**
 * Kullback–Leibler divergence between two discrete distributions.
 */
import { checkWeightPair, positiveSum } from './checkWeightPair.js';

/**
 * Kullback–Leibler divergence (relative entropy) of p from q, in nats.
 *
 * Formula: with p and q normalised to sum 1, KL(p‖q) = Σ pᵢ·ln(pᵢ/qᵢ); terms with pᵢ = 0 count 0, and a term
 * with pᵢ > 0 = qᵢ makes the divergence +∞. Not symmetric.
 *
 * Best value 0 (p = q); unbounded above (+∞ when q misses part of p's support).
 *
 * @param p distribution of interest: non-negative weights (probabilities or counts), normalised here.
 * @param q reference distribution, same length.
 * @returns KL(p‖q) ≥ 0, or +∞.
 * @throws EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE; INVALID_PROBABILITY on a negative weight or a zero sum.
 * Matches `scipy.stats.entropy(p, q)` (natural log, scipy 1.10.1).
 * @see S. Kullback, R. A. Leibler (1951), "On information and sufficiency", Ann. Math. Statist. 22(1) 79–86.
 * @example
 * klDivergence([0.5, 0.5], [0.9, 0.1]); // => 0.5108256237659907
 */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const fn = 'klDivergence';
  checkWeightPair(fn, p, q);
  const sp = positiveSum(fn, 'p', p);
  const sq = positiveSum(fn, 'q', q);
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] / sp;
    if (pi === 0) continue;
    const qi = q[i] / sq;
    sum += qi > 0 ? pi * Math.log(pi / qi) : Number.POSITIVE_INFINITY;
  }
  return sum;
}
