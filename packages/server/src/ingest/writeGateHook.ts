/**
 * Admits write routes (`config.write`) through the {@link WriteGate} before their body is read (`preParsing`):
 * a full path answers 429 OVERLOADED with `Retry-After` and the body is never parsed. The ticket is released
 * when the route has stored its rows (the handler) and, as a safety net, when the response ends or the client
 * goes away.
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../app/httpErrors.js';
import type { WriteGate } from './writeGate.js';

export function registerWriteGate(app: FastifyInstance, gate: WriteGate, bodyBytes: number): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (request.routeOptions.config.write !== true) return payload;
    const declared = Number(request.headers['content-length']);
    // A body without Content-Length (chunked) may be as large as the limit: reserve that much.
    const bytes = Number.isFinite(declared) && declared >= 0 ? Math.min(declared, bodyBytes) : bodyBytes;
    const ticket = gate.tryAcquire(bytes);
    if (ticket === undefined) {
      const seconds = gate.retryAfterSeconds();
      throw new HttpError(
        'OVERLOADED',
        `the write path is full (${gate.stats().pendingRows} rows pending); retry after ${seconds} s`,
        { headers: { 'retry-after': String(seconds) }, details: { retryAfterSeconds: seconds } },
      );
    }
    request.writeTicket = ticket;
    return payload;
  });
  const release = async (request: { writeTicket?: { release(stored?: number): void } }) => {
    request.writeTicket?.release();
  };
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);
}
