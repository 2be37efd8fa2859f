export * from './errors.js';
export * from './validation.js';
export * from './frame/frame.js';
export * from './stats/index.js';
export * from './metrics/index.js';
