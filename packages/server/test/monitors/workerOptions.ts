/**
 * Worker threads running the TypeScript sources, for the tests of the worker path: the .ts worker module, loaded
 * through the TypeScript hooks that child processes of the tests use (test/helpers/tsHooks.mjs). Each worker
 * transpiles the modules it loads, so it takes seconds to start: a test file shares one pool or scheduler.
 */
import { fileURLToPath } from 'node:url';

export const sourceWorker = {
  workerUrl: new URL('../../src/workers/evaluationWorker.ts', import.meta.url),
  execArgv: ['--import', fileURLToPath(new URL('../helpers/registerTs.mjs', import.meta.url))],
};
