/**
 * The messages between the evaluation pool (evaluationPool.ts) and its workers (evaluationWorker.ts), and how an
 * error crosses back: a VigilError keeps its code, hint, location and details (structured clone would keep only
 * the message of an Error subclass).
 */
import { type ErrorCode, type ErrorLocation, isVigilError, VigilError } from '@vigil/core';
import type { EvaluationContext } from '../monitors/evaluationContext.js';
import type { PartResult } from '../monitors/monitorParts.js';
import type { Monitor } from '../store/types.js';
import type { PackedRows } from './columnTransfer.js';

/** Parts of monitors to compute on one window, with the columns they read. */
export interface PartsRequest {
  id: number;
  /** The context of the evaluation, without the cache (the worker has its own) and without points. */
  context: Omit<EvaluationContext, 'cache' | 'points'>;
  /** The monitors the parts belong to. */
  monitors: Monitor[];
  /** `monitor` indexes `monitors`; `part` is the part's index among the monitor's parts. */
  parts: { monitor: number; part: number }[];
  /**
   * The reference, by an id the pool gives each reference row set: the worker keeps it (and what monitors derive
   * from it) across requests, so only the columns it does not have yet are sent.
   */
  reference: { id: number } & PackedRows;
  window: PackedRows;
  /** References the worker may forget. */
  drop: number[];
}

export interface SerializedError {
  message: string;
  stack?: string;
  code?: string;
  hint?: string;
  location?: ErrorLocation;
  details?: Record<string, unknown>;
}

export type PartsReply = { id: number; results: PartResult[] } | { id: number; error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (isVigilError(error)) {
    return {
      message: error.message,
      stack: error.stack,
      code: error.code,
      hint: error.hint,
      location: { ...error.location },
      details: error.details,
    };
  }
  if (error instanceof Error) return { message: error.message, stack: error.stack };
  return { message: String(error) };
}

/** The error again, on the pool's side: a VigilError when it was one. */
export function reviveError(error: SerializedError): Error {
  const revived =
    error.code === undefined
      ? new Error(error.message)
      : new VigilError(error.code as ErrorCode, error.message, {
          hint: error.hint,
          location: error.location,
          details: error.details,
        });
  if (error.stack !== undefined) revived.stack = error.stack;
  return revived;
}
