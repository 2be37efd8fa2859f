export * from './drift/index.js';
export * from './errors.js';
export * from './evaluate/index.js';
export * from './frame/closestNames.js';
export * from './frame/frame.js';
export * from './metrics/index.js';
export * from './stats/index.js';
export * from './validation.js';
