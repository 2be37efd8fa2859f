/**
 * Decodes prediction bodies on worker threads (issue 4 §6: ingestion on 2 cores). Parsing, validating and
 * columnising a 500-row body costs the main thread more than storing it; on a worker it overlaps the store's writes
 * and the next requests' I/O. Bodies below `inThreadBytes` are decoded in-thread: posting them costs more than
 * decoding them. Workers start on first use; one that dies is replaced and its pending bodies fail with a 500-class
 * error (nothing was stored for them).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerFile } from '../workerFile.js';
import {
  type BodyKind,
  createPredictionDecoder,
  type DecodeOptions,
  type DecodeResult,
} from './decodePredictions.js';
import type { DecodeRequest } from './decodeWorker.js';

export interface DecodePoolOptions extends DecodeOptions {
  /** Worker threads (default: cores − 1, at least 1); 0 decodes everything in-thread. */
  workers?: number;
  /** Bodies smaller than this are decoded in-thread (default 16 KiB). */
  inThreadBytes?: number;
}

export interface DecodePool {
  decode(body: Buffer, kind: BodyKind, receivedAt: number): Promise<DecodeResult>;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (result: DecodeResult) => void; reject: (error: Error) => void }>;
}

export function createDecodePool(options: DecodePoolOptions): DecodePool {
  const size = options.workers ?? Math.max(1, availableParallelism() - 1);
  const inThreadBytes = options.inThreadBytes ?? 16 * 1024;
  const decoderOptions: DecodeOptions = { maxBatch: options.maxBatch, pseudonymize: options.pseudonymize };
  const local = createPredictionDecoder(decoderOptions);
  const slots: (Slot | undefined)[] = new Array(size).fill(undefined);
  let nextId = 0;
  let closed = false;

  function start(k: number): Slot {
    const worker = new Worker(workerFile('./decodeWorker.js', import.meta.url), {
      workerData: decoderOptions,
    });
    // An idle pool must not keep the process alive.
    worker.unref();
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', ({ id, result }: { id: number; result: DecodeResult }) => {
      const waiting = slot.pending.get(id);
      slot.pending.delete(id);
      if (slot.pending.size === 0) worker.unref();
      waiting?.resolve(result);
    });
    const fail = (error: Error) => {
      if (slots[k] === slot) slots[k] = undefined;
      for (const waiting of slot.pending.values()) waiting.reject(error);
      slot.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`ingest decode worker exited with code ${code}`)));
    slots[k] = slot;
    return slot;
  }

  /** The slot with the fewest bodies pending (started when needed). */
  function pick(): Slot {
    let best: Slot | undefined;
    for (let k = 0; k < size; k++) {
      const slot = slots[k] ?? start(k);
      if (best === undefined || slot.pending.size < best.pending.size) best = slot;
      if (slot.pending.size === 0) break;
    }
    return best as Slot;
  }

  return {
    async decode(body, kind, receivedAt) {
      if (closed) throw new Error('ingest decode pool is closed');
      if (size === 0 || body.byteLength < inThreadBytes)
        return local(body.toString('utf8'), kind, receivedAt);
      const slot = pick();
      const id = nextId++;
      // A copy the worker owns (the request's Buffer may share a pooled ArrayBuffer); transferred, not cloned.
      const copy = new Uint8Array(body);
      const request: DecodeRequest = { id, body: copy, kind, receivedAt };
      return new Promise<DecodeResult>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.ref();
        slot.worker.postMessage(request, [copy.buffer]);
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((slot) => (slot === undefined ? undefined : slot.worker.terminate())));
    },
  };
}
