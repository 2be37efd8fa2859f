import { adjustedR2Score } from '../metrics/regression/adjustedR2Score.js';
import { explainedVarianceScore } from '../metrics/regression/explainedVarianceScore.js';
import { maxError } from '../metrics/regression/maxError.js';
import { meanAbsoluteError } from '../metrics/regression/meanAbsoluteError.js';
import { meanAbsolutePercentageError } from '../metrics/regression/meanAbsolutePercentageError.js';
import { meanSquaredError } from '../metrics/regression/meanSquaredError.js';
import { medianAbsoluteError } from '../metrics/regression/medianAbsoluteError.js';
import { r2Score } from '../metrics/regression/r2Score.js';
import { rootMeanSquaredError } from '../metrics/regression/rootMeanSquaredError.js';
import { type MetricSet, metricSetOverRows } from './metricSet.js';

/**
 * Every regression metric of `vigil eval --task regression`: mse, rmse, mae, mape, r2, adjustedR2 (needs the
 * number of features the model used), explainedVariance, medianAe, maxError.
 */
export function regressionMetrics(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: { nFeatures: number },
): MetricSet {
  return metricSetOverRows(yTrue.length, [yTrue, yPred] as const, (t, p) => ({
    mse: meanSquaredError(t, p),
    rmse: rootMeanSquaredError(t, p),
    mae: meanAbsoluteError(t, p),
    mape: meanAbsolutePercentageError(t, p),
    r2: r2Score(t, p),
    adjustedR2: adjustedR2Score(t, p, { nFeatures: options.nFeatures }),
    explainedVariance: explainedVarianceScore(t, p),
    medianAe: medianAbsoluteError(t, p),
    maxError: maxError(t, p),
  }));
}
