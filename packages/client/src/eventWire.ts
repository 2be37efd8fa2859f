/**
 * Validation and wire form of logged events. The checks mirror the server's item schema
 * (packages/server/src/ingest/predictionSchemas.ts) where that is cheap: the server rejects a whole batch for one
 * bad item, so an event it would refuse is refused here, at the call that made it, instead of taking its
 * batch-mates down with it later.
 */
import { type TimestampInput, toIsoTimestamp } from './toIsoTimestamp.js';
import { invalidArgument } from './VigilClientError.js';

/** A feature value; `null` (and `NaN`/`±Infinity`, which JSON sends as `null`) means missing. */
export type Scalar = number | string | boolean | null;

/** A prediction or a label: a class name, a number or a boolean (never missing). */
export type Label = number | string | boolean;

/** One prediction, as `POST /api/v1/models/{model}/predictions` takes it. */
export interface PredictionEvent {
  /** Your id for the prediction (1–256 characters); labels join it by id. The server ignores duplicate ids. */
  id: string;
  /** Event time; the time of the `logPrediction` call when omitted. Sent as an ISO 8601 string. */
  timestamp?: TimestampInput;
  /** Model version (≤ 128 characters); without one the server uses the model's active version. */
  version?: string;
  /** Feature values by name; `null`, `undefined` and `NaN` mean missing. */
  features: Record<string, Scalar | undefined>;
  prediction: Label;
  /** Probability of the positive class, in [0, 1] (binary models). */
  score?: number;
  /** Probability per class, each in [0, 1] (classifiers). */
  probas?: Record<string, number>;
  /** Time the model took, ≥ 0. */
  latencyMs?: number;
  /** String labels to slice by (≤ 1024 characters each). */
  tags?: Record<string, string>;
}

/** A ground-truth label for an earlier (or later) prediction with the same id. */
export interface LabelEvent {
  id: string;
  label: Label;
}

const MAX_ID = 256;
const MAX_VERSION = 128;
const MAX_TAG = 1024;

/**
 * Checks a prediction and returns the object sent for it: the documented fields only, in a fixed order, the
 * timestamp as an ISO string (now when omitted).
 *
 * @throws VigilClientError `INVALID_ARGUMENT` naming the first field that breaks the schema.
 * @example
 * predictionWire('log', { id: 'a', timestamp: 0, features: { x: 1 }, prediction: 1 });
 * // => { id: 'a', timestamp: '1970-01-01T00:00:00.000Z', features: { x: 1 }, prediction: 1 }
 */
export function predictionWire(where: string, event: PredictionEvent): Record<string, unknown> {
  if (!isRecord(event))
    throw invalidArgument(where, 'event', 'an object {id, features, prediction, …}', event);
  checkId(where, event.id);
  const wire: Record<string, unknown> = {
    id: event.id,
    timestamp: toIsoTimestamp(event.timestamp ?? Date.now(), where, 'event.timestamp'),
  };
  if (event.version !== undefined) {
    if (typeof event.version !== 'string' || event.version === '' || event.version.length > MAX_VERSION) {
      throw invalidArgument(
        where,
        'event.version',
        `a string of 1 to ${MAX_VERSION} characters`,
        event.version,
      );
    }
    wire.version = event.version;
  }
  if (!isRecord(event.features)) {
    throw invalidArgument(where, 'event.features', 'an object of feature values', event.features);
  }
  for (const name in event.features) {
    const value = event.features[name];
    if (value !== undefined && !isScalar(value)) {
      throw invalidArgument(where, `event.features.${name}`, 'a number, string, boolean or null', value);
    }
  }
  wire.features = event.features;
  if (!isLabel(event.prediction)) {
    throw invalidArgument(
      where,
      'event.prediction',
      'a finite number, a string or a boolean',
      event.prediction,
    );
  }
  wire.prediction = event.prediction;
  if (event.score !== undefined) {
    if (!isProbability(event.score)) {
      throw invalidArgument(where, 'event.score', 'a probability in [0, 1]', event.score);
    }
    wire.score = event.score;
  }
  if (event.probas !== undefined) {
    if (!isRecord(event.probas)) {
      throw invalidArgument(where, 'event.probas', 'an object of class → probability', event.probas);
    }
    for (const name in event.probas) {
      if (!isProbability(event.probas[name])) {
        throw invalidArgument(where, `event.probas.${name}`, 'a probability in [0, 1]', event.probas[name]);
      }
    }
    wire.probas = event.probas;
  }
  if (event.latencyMs !== undefined) {
    if (typeof event.latencyMs !== 'number' || !Number.isFinite(event.latencyMs) || event.latencyMs < 0) {
      throw invalidArgument(where, 'event.latencyMs', 'a finite number ≥ 0', event.latencyMs);
    }
    wire.latencyMs = event.latencyMs;
  }
  if (event.tags !== undefined) {
    if (!isRecord(event.tags)) throw invalidArgument(where, 'event.tags', 'an object of strings', event.tags);
    for (const name in event.tags) {
      const tag = event.tags[name];
      if (typeof tag !== 'string' || tag.length > MAX_TAG) {
        throw invalidArgument(where, `event.tags.${name}`, `a string of at most ${MAX_TAG} characters`, tag);
      }
    }
    wire.tags = event.tags;
  }
  return wire;
}

/**
 * Checks a label and returns the object sent for it.
 *
 * @throws VigilClientError `INVALID_ARGUMENT` for a bad id or a missing label.
 * @example
 * labelWire('log', { id: 'a', label: 'churn' }); // => { id: 'a', label: 'churn' }
 */
export function labelWire(where: string, event: LabelEvent): Record<string, unknown> {
  if (!isRecord(event)) throw invalidArgument(where, 'event', 'an object {id, label}', event);
  checkId(where, event.id);
  if (!isLabel(event.label)) {
    throw invalidArgument(where, 'event.label', 'a finite number, a string or a boolean', event.label);
  }
  return { id: event.id, label: event.label };
}

function checkId(where: string, id: unknown): void {
  if (typeof id !== 'string' || id === '' || id.length > MAX_ID) {
    throw invalidArgument(where, 'event.id', `a string of 1 to ${MAX_ID} characters`, id);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function isScalar(value: unknown): value is Scalar {
  return (
    value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean'
  );
}

function isLabel(value: unknown): value is Label {
  return (
    (typeof value === 'number' && Number.isFinite(value)) ||
    typeof value === 'string' ||
    typeof value === 'boolean'
  );
}

function isProbability(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= 1;
}
