export * from './chooseDriftTest.js';
export * from './columnDrift.js';
export * from './dataDrift.js';
export * from './driftTests.js';
export * from './prepareDriftColumn.js';
