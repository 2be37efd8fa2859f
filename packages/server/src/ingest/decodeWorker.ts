/**
 * Ingest worker thread: decodes prediction bodies (decodePredictions.ts) and sends the columns back, their typed
 * arrays transferred. Started by decodePool.ts with the decoder's options as `workerData`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  type BodyKind,
  createPredictionDecoder,
  type DecodeOptions,
  transferList,
} from './decodePredictions.js';

export interface DecodeRequest {
  id: number;
  body: Uint8Array;
  kind: BodyKind;
  receivedAt: number;
}

const decode = createPredictionDecoder(workerData as DecodeOptions);
const text = new TextDecoder();

parentPort?.on('message', (request: DecodeRequest) => {
  const result = decode(text.decode(request.body), request.kind, request.receivedAt);
  parentPort?.postMessage({ id: request.id, result }, result.ok ? transferList(result.columns) : []);
});
