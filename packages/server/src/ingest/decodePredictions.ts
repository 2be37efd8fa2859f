/**
 * A predictions request body → the batch the store appends (`PredictionColumns`), or the 400 to answer: parse (JSON
 * array or NDJSON), validate against the same TypeBox schema the route publishes, apply the cross-field rules and
 * pseudonymization (normalizePredictions.ts), then turn the rows into columns. Pure and synchronous, so it runs in
 * an ingest worker (decodeWorker.ts) — parsing and checking a 500-row body costs several ms, the largest share of
 * a request on the main thread — or in-thread for small bodies.
 */
import type { ProblemDetail, RequestValidationError } from '../app/httpErrors.js';
import { validatorCompiler } from '../app/validatorCompiler.js';
import { createPseudonymizer, type PseudonymizeOptions } from '../pseudonymize.js';
import { predictionColumns } from '../store/predictionColumns.js';
import type { PredictionColumns } from '../store/types.js';
import { parseNdjson } from './ndjsonParser.js';
import { normalizePredictions } from './normalizePredictions.js';
import { batchOf, PredictionItem } from './predictionSchemas.js';

export type BodyKind = 'json' | 'ndjson';

export interface DecodeOptions {
  maxBatch: number;
  pseudonymize?: PseudonymizeOptions;
}

/** A client error as plain data (it crosses threads): the route throws it as an HttpError. */
export interface DecodeError {
  code: 'VALIDATION' | 'BAD_REQUEST';
  message: string;
  details?: ProblemDetail[];
}

export type DecodeResult =
  | { ok: true; columns: PredictionColumns; duplicates: number }
  | { ok: false; error: DecodeError };

export type PredictionDecoder = (body: string, kind: BodyKind, receivedAt: number) => DecodeResult;

/** Plain data of an error the validation steps throw; anything else is a bug and is rethrown. */
function decodeError(error: unknown): DecodeError {
  const e = error as { code?: unknown; message: string; details?: unknown };
  if (e !== null && typeof e === 'object' && (e.code === 'VALIDATION' || e.code === 'BAD_REQUEST')) {
    const out: DecodeError = { code: e.code, message: e.message };
    if (Array.isArray(e.details)) out.details = e.details as ProblemDetail[];
    return out;
  }
  throw error;
}

export function createPredictionDecoder(options: DecodeOptions): PredictionDecoder {
  const validate = validatorCompiler({
    schema: batchOf(PredictionItem, options.maxBatch),
    httpPart: 'body',
    method: 'POST',
    url: '',
  }) as (input: unknown) => { value?: unknown; error?: RequestValidationError };
  const pseudonymize = createPseudonymizer(options.pseudonymize);
  return (body, kind, receivedAt) => {
    try {
      let items: unknown;
      if (kind === 'ndjson') items = parseNdjson(body, options.maxBatch);
      else {
        if (body.trim() === '') {
          return {
            ok: false,
            error: { code: 'BAD_REQUEST', message: 'body must be a JSON array; got an empty body' },
          };
        }
        try {
          items = JSON.parse(body);
        } catch (error) {
          return {
            ok: false,
            error: { code: 'BAD_REQUEST', message: `body is not valid JSON: ${(error as Error).message}` },
          };
        }
      }
      const checked = validate(items);
      if (checked.error !== undefined) return { ok: false, error: decodeError(checked.error) };
      // The model's active version is filled in by the route (it may change between requests).
      const { rows, duplicates } = normalizePredictions(
        items as PredictionItem[],
        undefined,
        receivedAt,
        pseudonymize,
      );
      return { ok: true, columns: predictionColumns(rows), duplicates };
    } catch (error) {
      return { ok: false, error: decodeError(error) };
    }
  };
}

/** The buffers of `columns`' typed arrays, to transfer rather than copy between threads. */
export function transferList(columns: PredictionColumns): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [
    columns.timestamps.buffer as ArrayBuffer,
    columns.scores.buffer as ArrayBuffer,
    columns.latencies.buffer as ArrayBuffer,
  ];
  for (const feature of columns.features) {
    if (feature.kind === 'n') buffers.push(feature.values.buffer as ArrayBuffer);
  }
  for (const { values } of columns.probas) buffers.push(values.buffer as ArrayBuffer);
  return buffers;
}
