// Classification metrics barrel (internal helpers classCounts and binaryClfCurve stay private).

export * from './accuracyScore.js';
export * from './averagePrecisionScore.js';
export * from './balancedAccuracyScore.js';
export * from './brierScoreLoss.js';
export * from './calibrationCurve.js';
export * from './cohenKappaScore.js';
export * from './confusionMatrix.js';
export * from './logLoss.js';
export * from './matthewsCorrcoef.js';
export * from './precisionRecallCurve.js';
export * from './precisionRecallFscore.js';
export * from './rocAucScore.js';
export * from './rocCurve.js';
export * from './specificityScore.js';
