export * from './checkRegistry.js';
export * from './checkResult.js';
export * from './conditions.js';
export * from './presets.js';
export * from './qualitySummary.js';
export * from './runSuite.js';
export * from './suiteContext.js';
