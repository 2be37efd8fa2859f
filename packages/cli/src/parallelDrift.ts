import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  type Column,
  type ColumnDriftOptions,
  type ColumnDriftResult,
  columnDrift,
  type DataDriftResult,
  type PValueCorrection,
  summarizeDrift,
  VigilError,
} from '@vigil/core';

export interface ParallelDriftOptions extends ColumnDriftOptions {
  driftShare?: number;
  correction?: PValueCorrection;
  /** Worker threads; default one per core. 1 computes in this thread. */
  workers?: number;
  onColumnDone?: (done: number) => void;
}

const workerFile = new URL('./driftWorker.js', import.meta.url);

/**
 * Column drift split over worker threads (the work splits by column: each column's sort and test is
 * independent). Columns go out one at a time to whichever worker is free, largest first, so one slow column does
 * not hold a queue behind it. Falls back to this thread when workers are not available (running from source).
 */
export async function parallelDrift(
  pairs: readonly (readonly [Column, Column])[],
  options: ParallelDriftOptions,
): Promise<DataDriftResult> {
  const { onColumnDone, workers: requested, ...driftOptions } = options;
  const nWorkers = Math.min(requested ?? availableParallelism(), pairs.length);
  const results: ColumnDriftResult[] = new Array(pairs.length);
  let done = 0;
  if (nWorkers <= 1 || !existsSync(workerFile)) {
    pairs.forEach(([reference, current], i) => {
      results[i] = columnDrift(reference, current, driftOptions);
      onColumnDone?.(++done);
    });
    return summarizeDrift(results, driftOptions);
  }
  const order = pairs.map((_, i) => i).sort((a, b) => size(pairs[b][0]) - size(pairs[a][0]));
  let next = 0;
  const pool = Array.from({ length: nWorkers }, () => new Worker(workerFile));
  try {
    await Promise.all(
      pool.map(async (worker) => {
        while (next < order.length) {
          const i = order[next++];
          results[i] = await runOnWorker(worker, pairs[i][0], pairs[i][1], driftOptions);
          onColumnDone?.(++done);
        }
      }),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return summarizeDrift(results, driftOptions);
}

function size(column: Column): number {
  return column.kind === 'numeric' ? column.values.length : column.codes.length;
}

function runOnWorker(worker: Worker, reference: Column, current: Column, options: ColumnDriftOptions) {
  return new Promise<ColumnDriftResult>((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    const onMessage = (message: {
      result?: ColumnDriftResult;
      error?: { name: string; message: string; code?: string; hint?: string; location?: object };
    }) => {
      cleanup();
      if (message.result) resolve(message.result);
      else reject(reviveError(message.error!));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    // Copies, not transfers: the caller's frames stay usable.
    worker.postMessage({ reference, current, options });
  });
}

function reviveError(error: { message: string; code?: string; hint?: string; location?: object }): Error {
  if (error.code === undefined) return new Error(error.message);
  return new VigilError(error.code as never, error.message, { hint: error.hint, location: error.location });
}
