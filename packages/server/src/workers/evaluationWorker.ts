/**
 * Worker thread of the evaluation pool (evaluationPool.ts): computes monitor parts (monitors/monitorParts.ts) on
 * the columns it is sent, one request at a time.
 *
 * It keeps the references it was sent (a few, the pool says which to drop) and one evaluation cache, so what
 * monitors derive from a reference (its frames, bounds, metrics) is computed once per worker, not per window —
 * as the scheduler's own cache does in its thread.
 */
import { parentPort } from 'node:worker_threads';
import { createEvaluationCache } from '../monitors/evaluationContext.js';
import { type PartResult, runMonitorPart } from '../monitors/monitorParts.js';
import type { RowColumns } from '../store/types.js';
import { unpackRows } from './columnTransfer.js';
import { type PartsReply, type PartsRequest, serializeError } from './evaluationProtocol.js';

const port = parentPort;
if (port === null) throw new Error('evaluationWorker: must run in a worker thread; got the main thread');

const references = new Map<number, RowColumns>();
const cache = createEvaluationCache();

port.on('message', (request: PartsRequest) => {
  let reply: PartsReply;
  try {
    for (const id of request.drop) references.delete(id);
    const reference = unpackRows(request.reference, references.get(request.reference.id));
    references.set(request.reference.id, reference);
    const window = unpackRows(request.window);
    const context = { ...request.context, cache };
    const results: PartResult[] = request.parts.map(({ monitor, part }) =>
      runMonitorPart(request.monitors[monitor], part, reference, window, context),
    );
    reply = { id: request.id, results };
  } catch (error) {
    // The reference may now hold only some of the columns the pool thinks were sent: forget it.
    references.delete(request.reference.id);
    reply = { id: request.id, error: serializeError(error) };
  }
  port.postMessage(reply);
});
