// Barrel: one line per module, appended by whoever adds one.

export * from './checkTargets.js';
export * from './classification/index.js';
export * from './clustering/calinskiHarabaszScore.js';
export * from './clustering/daviesBouldinScore.js';
export * from './clustering/silhouetteScore.js';
export * from './ranking/hitRateAtK.js';
export * from './ranking/mapAtK.js';
export * from './ranking/mrr.js';
export * from './ranking/ndcgAtK.js';
export * from './ranking/precisionAtK.js';
export * from './ranking/rankingOptions.js';
export * from './ranking/recallAtK.js';
export * from './regression/adjustedR2Score.js';
export * from './regression/explainedVarianceScore.js';
export * from './regression/maxError.js';
export * from './regression/meanAbsoluteError.js';
export * from './regression/meanAbsolutePercentageError.js';
export * from './regression/meanSquaredError.js';
export * from './regression/medianAbsoluteError.js';
export * from './regression/r2Score.js';
export * from './regression/rootMeanSquaredError.js';
