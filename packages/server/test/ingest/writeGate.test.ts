import { describe, expect, test } from 'vitest';
import { createWriteGate } from '../../src/ingest/writeGate.js';

describe('createWriteGate', () => {
  test('tryAcquire() admits while pending rows and bytes are under the bounds, then refuses', () => {
    const gate = createWriteGate({ maxPendingRows: 100, maxPendingBytes: 1000 });
    const a = gate.tryAcquire(400);
    expect(a).toBeDefined();
    a?.setRows(60);
    const b = gate.tryAcquire(400);
    b?.setRows(50);
    expect(gate.stats()).toEqual({ inflight: 2, pendingRows: 110, pendingBytes: 800, refused: 0 });
    // Rows are over the bound.
    expect(gate.tryAcquire(10)).toBeUndefined();
    b?.release(50);
    // Rows are under again, bytes would go over.
    expect(gate.tryAcquire(700)).toBeUndefined();
    const c = gate.tryAcquire(600);
    expect(c).toBeDefined();
    expect(gate.stats()).toEqual({ inflight: 2, pendingRows: 60, pendingBytes: 1000, refused: 2 });
  });

  test('tryAcquire() always admits a request alone on the path, however large', () => {
    const gate = createWriteGate({ maxPendingRows: 1, maxPendingBytes: 1 });
    const ticket = gate.tryAcquire(10_000);
    expect(ticket).toBeDefined();
    ticket?.setRows(5000);
    expect(gate.tryAcquire(0)).toBeUndefined();
  });

  test('release() is idempotent and setRows() after release is ignored', () => {
    const gate = createWriteGate({ maxPendingRows: 10, maxPendingBytes: 10 });
    const ticket = gate.tryAcquire(5);
    ticket?.setRows(3);
    ticket?.release();
    ticket?.release();
    ticket?.setRows(9);
    expect(gate.stats()).toEqual({ inflight: 0, pendingRows: 0, pendingBytes: 0, refused: 0 });
  });

  test('retryAfterSeconds() is the pending rows over the drain rate, from 1 to 60 s', () => {
    let now = 0;
    const gate = createWriteGate({ maxPendingRows: 1_000_000, maxPendingBytes: 1e12, now: () => now });
    expect(gate.retryAfterSeconds()).toBe(1);
    const first = gate.tryAcquire(0);
    first?.setRows(1000);
    now = 1000;
    first?.release(1000); // 1000 rows/s
    const pending = gate.tryAcquire(0);
    pending?.setRows(5000);
    expect(gate.retryAfterSeconds()).toBe(5);
    pending?.setRows(500_000);
    expect(gate.retryAfterSeconds()).toBe(60);
  });

  test('idle() resolves once every admitted write is released', async () => {
    const gate = createWriteGate({ maxPendingRows: 10, maxPendingBytes: 10 });
    await gate.idle();
    const a = gate.tryAcquire(1);
    const b = gate.tryAcquire(1);
    let idle = false;
    const waiting = gate.idle().then(() => {
      idle = true;
    });
    a?.release();
    await Promise.resolve();
    expect(idle).toBe(false);
    b?.release();
    await waiting;
    expect(idle).toBe(true);
  });
});
