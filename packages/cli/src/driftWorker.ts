// Worker thread for parallelDrift: computes one column's drift per message.
import { parentPort } from 'node:worker_threads';
import { columnDrift, isVigilError } from '@vigil/core';

parentPort!.on('message', ({ reference, current, options }) => {
  try {
    parentPort!.postMessage({ result: columnDrift(reference, current, options) });
  } catch (error) {
    parentPort!.postMessage({
      error: isVigilError(error)
        ? { message: error.message, code: error.code, hint: error.hint, location: error.location }
        : { message: error instanceof Error ? error.message : String(error) },
    });
  }
});
