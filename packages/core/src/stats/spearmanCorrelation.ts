/**
 * Spearman's rank correlation coefficient.
 */
import { checkFinite, checkNotEmpty, checkSameLength } from '../validation.js';
import { pearsonUnchecked } from './pearsonCorrelation.js';
import { rankdata } from './rankdata.js';

/**
 * Spearman's ρ: Pearson's correlation of the ranks, ties given their average rank.
 *
 * Formula: ρ = r(rank(x), rank(y)) with {@link rankdata}'s average ranks (not the 1 − 6Σd²/(n(n²−1)) shortcut,
 * which is wrong with ties). Best/worst: 1 (perfectly monotone increasing), −1 (decreasing), 0 (no monotone
 * relation).
 *
 * @param x finite numbers.
 * @param y finite numbers, paired with `x`.
 * @returns ρ in [−1, 1].
 * @throws EMPTY_INPUT when the samples are empty; LENGTH_MISMATCH when their lengths differ; NON_FINITE on NaN
 *   or ±Infinity.
 * Undefined (NaN) when n < 2 or either sample is constant.
 * Matches `scipy.stats.spearmanr(x, y).statistic` (scipy 1.10.1) and `pandas.Series.corr(method='spearman')`.
 * @see C. Spearman (1904), "The proof and measurement of association between two things", Am. J. Psychol. 15(1).
 * @example
 * spearmanCorrelation([1, 2, 2, 4], [1, 3, 2, 4]); // => 0.9486832980505138
 */
export function spearmanCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const fn = 'spearmanCorrelation';
  checkNotEmpty(fn, 'x', x);
  checkSameLength(fn, 'x', x, 'y', y);
  checkFinite(fn, 'x', x);
  checkFinite(fn, 'y', y);
  return pearsonUnchecked(rankdata(x), rankdata(y));
}
