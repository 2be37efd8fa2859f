export * from './checkResult.js';
