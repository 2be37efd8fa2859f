export * from './inferSchema.js';
export * from './parseIsoDateTime.js';
export * from './parseSchema.js';
export * from './types.js';
export * from './validateFrame.js';
