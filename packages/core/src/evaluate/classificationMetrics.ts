import { ErrorCodes, isVigilError } from '../errors.js';
import { accuracyScore } from '../metrics/classification/accuracyScore.js';
import { averagePrecisionScore } from '../metrics/classification/averagePrecisionScore.js';
import { balancedAccuracyScore } from '../metrics/classification/balancedAccuracyScore.js';
import { brierScoreLoss } from '../metrics/classification/brierScoreLoss.js';
import { cohenKappaScore } from '../metrics/classification/cohenKappaScore.js';
import { logLoss, logLossMulticlass } from '../metrics/classification/logLoss.js';
import { matthewsCorrcoef } from '../metrics/classification/matthewsCorrcoef.js';
import { f1Score, precisionScore, recallScore } from '../metrics/classification/precisionRecallFscore.js';
import { rocAucOvr, rocAucScore } from '../metrics/classification/rocAucScore.js';
import { specificityScore } from '../metrics/classification/specificityScore.js';
import { gather } from '../stats/gather.js';
import type { MetricSet } from './metricSet.js';

/**
 * Resamples are gathered into Float64Array; giving the metrics Float64Array for the full data too keeps their
 * loops monomorphic (mixing Int32Array and Float64Array inputs made every resample about 3× slower).
 */
function asFloat64(values: ArrayLike<number>): Float64Array {
  return values instanceof Float64Array ? values : Float64Array.from(values);
}

/**
 * A metric that needs both classes (ROC AUC, PR AUC) is undefined on a segment or bootstrap resample that
 * happens to hold one class: there it is NaN (left out of intervals), while on the whole data the error stands,
 * so the user hears about it.
 */
function undefinedAsNaN(strict: boolean, metric: () => number): number {
  if (strict) return metric();
  try {
    return metric();
  } catch (error) {
    if (isVigilError(error) && error.code === ErrorCodes.ONE_CLASS) return Number.NaN;
    throw error;
  }
}

/**
 * `vigil eval --task binary`. Label metrics (accuracy, balancedAccuracy, precision, recall, f1, specificity, mcc,
 * cohenKappa) need `yPred`; score metrics (rocAuc, prAuc, logLoss, brier) need `yScore`. Codes: 1 is the positive
 * class.
 */
export function binaryMetrics(
  yTrue: ArrayLike<number>,
  yPred?: ArrayLike<number>,
  yScore?: ArrayLike<number>,
): MetricSet {
  const all = {
    yTrue: asFloat64(yTrue),
    yPred: yPred && asFloat64(yPred),
    yScore: yScore && asFloat64(yScore),
  };
  return {
    n: yTrue.length,
    compute(indices) {
      const strict = indices === undefined;
      const pick = (c: ArrayLike<number> | undefined) => (c === undefined || strict ? c : gather(c, indices));
      const t = pick(all.yTrue)!;
      const p = pick(all.yPred);
      const s = pick(all.yScore);
      const out: Record<string, number> = {};
      if (p) {
        out.accuracy = accuracyScore(t, p);
        out.balancedAccuracy = balancedAccuracyScore(t, p);
        out.precision = precisionScore(t, p, { average: 'binary' });
        out.recall = recallScore(t, p, { average: 'binary' });
        out.f1 = f1Score(t, p, { average: 'binary' });
        out.specificity = specificityScore(t, p);
        out.mcc = matthewsCorrcoef(t, p);
        out.cohenKappa = cohenKappaScore(t, p);
      }
      if (s) {
        out.rocAuc = undefinedAsNaN(strict, () => rocAucScore(t, s));
        out.prAuc = undefinedAsNaN(strict, () => averagePrecisionScore(t, s));
        out.logLoss = logLoss(t, s);
        out.brier = brierScoreLoss(t, s);
      }
      return out;
    },
  };
}

/**
 * `vigil eval --task multiclass` over class codes 0 … nClasses − 1. Label metrics need `yPred`; rocAucOvrMacro,
 * rocAucOvrWeighted and logLoss need `yProba` (one probability column per class code).
 */
export function multiclassMetrics(
  yTrue: ArrayLike<number>,
  nClasses: number,
  yPred?: ArrayLike<number>,
  yProba?: readonly ArrayLike<number>[],
): MetricSet {
  const labels = Array.from({ length: nClasses }, (_, i) => i);
  yTrue = asFloat64(yTrue);
  yPred = yPred && asFloat64(yPred);
  yProba = yProba?.map(asFloat64);
  return {
    n: yTrue.length,
    compute(indices) {
      const strict = indices === undefined;
      const pick = (c: ArrayLike<number>) => (strict ? c : gather(c, indices));
      const t = pick(yTrue);
      const out: Record<string, number> = {};
      if (yPred) {
        const p = pick(yPred);
        out.accuracy = accuracyScore(t, p);
        out.balancedAccuracy = balancedAccuracyScore(t, p);
        for (const average of ['macro', 'micro', 'weighted'] as const) {
          const suffix = average[0].toUpperCase() + average.slice(1);
          out[`precision${suffix}`] = precisionScore(t, p, { average, labels });
          out[`recall${suffix}`] = recallScore(t, p, { average, labels });
          out[`f1${suffix}`] = f1Score(t, p, { average, labels });
        }
        out.cohenKappa = cohenKappaScore(t, p);
        out.mcc = matthewsCorrcoef(t, p);
      }
      if (yProba) {
        const proba = yProba.map(pick);
        out.rocAucOvrMacro = undefinedAsNaN(strict, () => rocAucOvr(t, proba, { average: 'macro' }));
        out.rocAucOvrWeighted = undefinedAsNaN(strict, () => rocAucOvr(t, proba, { average: 'weighted' }));
        out.logLoss = logLossMulticlass(t, proba);
      }
      return out;
    },
  };
}
