export * from './text/formatNumber.js';
export * from './text/formatTable.js';
export * from './text/renderDriftText.js';
export * from './text/renderEvalText.js';
export * from './text/style.js';
