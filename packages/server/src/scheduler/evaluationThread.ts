/**
 * Where the scheduler evaluates a window's monitors: in worker threads (src/workers/evaluationPool.ts) or in the
 * scheduler's own thread — the server's main thread, which also serves ingestion.
 *
 * Workers keep the main thread free and use every core (a 1M-row window of 20 features is seconds of CPU), but
 * each evaluation ships the window's columns to them and waits for their answers, and the first one waits for
 * them to start (module loading: 0.3 s on a busy 2-core machine). A small window costs less than that here:
 * 50 000 rows of 20 features evaluate in ~0.1 s on one core, and the scheduler yields to the event loop between
 * the parts of the work (a drift column, a quality feature), so requests wait a few ms at most. From `minRows`
 * rows on, the window goes to the workers.
 */
import { ErrorCodes, VigilError } from '@vigil/core';

/** Window rows from which the scheduler evaluates in worker threads (when it has any). */
export const DEFAULT_WORKER_MIN_ROWS = 50_000;

export interface EvaluationThreadOptions {
  /** Worker threads; 0 evaluates every window in the scheduler's thread. */
  workers: number;
  /** Window rows from which the workers evaluate. */
  minRows: number;
}

/** 'workers' when there are workers and the window has at least `minRows` rows, else 'main'. */
export function evaluationThread(windowRows: number, options: EvaluationThreadOptions): 'main' | 'workers' {
  return options.workers > 0 && windowRows >= options.minRows ? 'workers' : 'main';
}

/** Checks the scheduler's evaluation options (an integer count of workers ≥ 0, a row count ≥ 0). */
export function checkEvaluationThreadOptions(options: EvaluationThreadOptions): void {
  if (!Number.isInteger(options.workers) || options.workers < 0) {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `createScheduler: options.evaluation.workers must be an integer ≥ 0; got ${options.workers}`,
    );
  }
  if (!(options.minRows >= 0)) {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `createScheduler: options.evaluation.minRows must be a number ≥ 0; got ${options.minRows}`,
    );
  }
}
