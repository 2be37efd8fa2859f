import { describe, expect, test } from 'vitest';
import { createWriteGate } from '../../src/ingest/writeGate.js';

describe('createWriteGate', () => {
  test('tryAcquire() admits while pending rows and bytes are under the bounds, then refuses', () => {
    const gate = createWriteGate({ maxPendingRows: 100, maxPendingBytes: 1000 });
    // Nothing parsed yet: no bytes-per-row estimate, so only the bytes count at admission.
    const a = gate.tryAcquire(400);
    const b = gate.tryAcquire(400);
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    a?.setRows(60);
    b?.setRows(50);
    expect(gate.stats()).toEqual({ inflight: 2, pendingRows: 110, pendingBytes: 800, refused: 0 });
    // Rows are over the bound.
    expect(gate.tryAcquire(10)).toBeUndefined();
    b?.release(50);
    // Rows are under again, bytes would go over.
    expect(gate.tryAcquire(700)).toBeUndefined();
    const c = gate.tryAcquire(200);
    expect(c).toBeDefined();
    c?.setRows(0);
    expect(gate.stats()).toEqual({ inflight: 2, pendingRows: 60, pendingBytes: 600, refused: 2 });
  });

  test('tryAcquire() estimates the rows of an unread body from the bytes per row parsed so far', () => {
    const gate = createWriteGate({ maxPendingRows: 100, maxPendingBytes: 1e9 });
    const a = gate.tryAcquire(1000);
    a?.setRows(10); // 100 bytes per row
    // 6000 bytes ≈ 60 rows: 10 + 60 ≤ 100, admitted and counted before its body is read.
    const b = gate.tryAcquire(6000);
    expect(b).toBeDefined();
    expect(gate.stats().pendingRows).toBe(70);
    // 4000 bytes ≈ 40 rows: 70 + 40 > 100, refused although no row of it was read.
    expect(gate.tryAcquire(4000)).toBeUndefined();
    b?.setRows(20); // the body held fewer rows than estimated: corrected
    expect(gate.stats().pendingRows).toBe(30);
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

  test('retryAfterSeconds() measures the drain over seconds, not per request (a group commit ends many at once)', () => {
    let now = 0;
    const gate = createWriteGate({ maxPendingRows: 1_000_000, maxPendingBytes: 1e12, now: () => now });
    now = 10_000;
    // Four requests of 500 rows released in the same millisecond, after 5 s of work: 400 rows/s.
    const tickets = [0, 1, 2, 3].map(() => gate.tryAcquire(0));
    for (const ticket of tickets) ticket?.setRows(500);
    const waiting = gate.tryAcquire(0);
    waiting?.setRows(2000);
    for (const ticket of tickets) ticket?.release(500);
    expect(gate.retryAfterSeconds()).toBe(5);
    // Stored rows older than the window no longer count: no recent drain, the minimum wait.
    now = 20_000;
    expect(gate.retryAfterSeconds()).toBe(1);
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
