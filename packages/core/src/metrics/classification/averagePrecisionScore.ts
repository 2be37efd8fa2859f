import { checkBinaryScoreTargets, checkBothClasses } from '../checkTargets.js';
import { scoresByClass } from './binaryClfCurve.js';

/**
 * Average precision (AP): the step-wise area under the precision–recall curve,
 * AP = Σ_t (R_t − R_{t−1}) · P_t over distinct score thresholds t in decreasing order (R_0 = 0), i.e. the mean
 * of the precision at the rank of each positive, with tied scores forming one step. No interpolation (unlike
 * the trapezoidal PR AUC, which is optimistic). Reported as `prAuc` in Vigil's JSON.
 *
 * Best 1; a random score gives about the positive rate P/n; the worst ranking (every positive below every
 * negative) gives (1/P) Σ_{j=1..P} j / (N + j) > 0.
 *
 * @param yTrue - binary codes, 1 = positive.
 * @param yScore - scores of class 1 (probabilities or any finite decision values), same length.
 * @returns AP in (0, 1].
 * @throws VigilError ONE_CLASS when yTrue has no positive sample (recall is 0/0; scikit-learn 1.2.1 warns and
 *   returns 0, which reads as a real score, so Vigil refuses instead); EMPTY_INPUT, LENGTH_MISMATCH, NON_FINITE
 *   (with index), INVALID_ARGUMENT (code other than 0/1). All-positive yTrue is defined and gives 1.
 *
 * Undefined when yTrue has no positive sample: throws ONE_CLASS (see above).
 *
 * Matches `sklearn.metrics.average_precision_score` for binary targets (scikit-learn 1.2.1; no sample weights).
 * Reference: Manning, C.D., Raghavan, P., Schütze, H. (2008). Introduction to Information Retrieval, §8.4;
 * Davis, J., Goadrich, M. (2006). ICML 2006, 233–240.
 *
 * @example
 * averagePrecisionScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // => 0.8333333333333333
 */
export function averagePrecisionScore(yTrue: ArrayLike<number>, yScore: ArrayLike<number>): number {
  const fn = 'averagePrecisionScore';
  const nPos = checkBinaryScoreTargets(fn, yTrue, yScore);
  checkBothClasses(fn, nPos, yTrue.length, 'average precision', false);
  const { pos, neg } = scoresByClass(yTrue, yScore, nPos);
  // Only thresholds at a positive's score raise recall, so walk the distinct positive scores downwards; at each,
  // fp counts the negatives scoring at least as high (ties included, as at a shared threshold).
  let sum = 0;
  let compensation = 0; // Neumaier-compensated sum, so 10⁷ steps lose no accuracy (numpy sums pairwise)
  let tp = 0;
  let fp = 0;
  let j = neg.length - 1;
  for (let i = nPos - 1; i >= 0; ) {
    const t = pos[i];
    const tpPrev = tp;
    while (i >= 0 && pos[i] === t) {
      tp++;
      i--;
    }
    while (j >= 0 && neg[j] >= t) {
      fp++;
      j--;
    }
    const term = ((tp - tpPrev) / nPos) * (tp / (tp + fp));
    const s = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - s + term : term - s + sum;
    sum = s;
  }
  return sum + compensation;
}
