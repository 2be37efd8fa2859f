export * from './classificationMetrics.js';
export * from './clusteringMetrics.js';
export * from './evaluation.js';
export * from './metricSet.js';
export * from './rankingMetrics.js';
export * from './regressionMetrics.js';
