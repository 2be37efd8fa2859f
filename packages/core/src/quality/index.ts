// Barrel: one line per module, appended by whoever adds one.

export * from './columnProfile.js';
export * from './cramersV.js';
export * from './duplicatedRows.js';
export * from './iqrOutliers.js';
export * from './modifiedZScoreOutliers.js';
export type { OutlierMethod, OutlierOptions, OutlierResult } from './outlierResult.js';
export * from './profileFrame.js';
export * from './zScoreOutliers.js';
