export type { Label, LabelEvent, PredictionEvent, Scalar } from './eventWire.js';
export { backoffDelay, parseRetryAfter } from './retryDelay.js';
export type { TimestampInput } from './toIsoTimestamp.js';
export { toIsoTimestamp } from './toIsoTimestamp.js';
export type { ClientStats, FetchFunction, VigilClientOptions } from './VigilClient.js';
export { VigilClient } from './VigilClient.js';
export type { BatchKind, ClientErrorCode, FailedBatch, ServerErrorBody } from './VigilClientError.js';
export { ClientErrorCodes, VigilClientError } from './VigilClientError.js';
