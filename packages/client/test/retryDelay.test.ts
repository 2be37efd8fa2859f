import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../src/index.js';

describe('backoffDelay', () => {
  it('backoffDelay(k, 200, 30000) doubles with k and stays in [d/2, d)', () => {
    const low = [0, 1, 2, 3, 4].map((k) => backoffDelay(k, 200, 30_000, () => 0));
    const high = [0, 1, 2, 3, 4].map((k) => backoffDelay(k, 200, 30_000, () => 0.999999));
    expect(low).toEqual([100, 200, 400, 800, 1600]);
    high.forEach((h, k) => {
      expect(h).toBeLessThan(200 * 2 ** k);
      expect(h).toBeGreaterThan(200 * 2 ** k * 0.99);
    });
    expect(backoffDelay(3, 200, 30_000, () => 0.5)).toBe(1200);
  });

  it('backoffDelay(k) is capped at maxDelayMs however large k is', () => {
    expect(backoffDelay(50, 200, 30_000, () => 0)).toBe(15_000);
    expect(backoffDelay(1000, 200, 30_000, () => 0.999)).toBeLessThan(30_000);
  });

  it('backoffDelay() with Math.random spreads retries of clients that failed together', () => {
    const waits = Array.from({ length: 200 }, () => backoffDelay(2, 200, 30_000));
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(400);
    expect(Math.max(...waits)).toBeLessThan(800);
    expect(new Set(waits).size).toBeGreaterThan(150);
  });

  it('backoffDelay(k, 0) is 0 (no wait asked for)', () => {
    expect(backoffDelay(3, 0, 30_000)).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  it('parseRetryAfter(delay-seconds) is that many ms', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(' 0 ')).toBe(0);
    expect(parseRetryAfter('120')).toBe(120_000);
  });

  it('parseRetryAfter(HTTP-date) is the time until then, 0 when past', () => {
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:05 GMT', 1000)).toBe(4000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:05 GMT', 9000)).toBe(0);
    const now = Date.UTC(2015, 9, 21, 7, 28, 0);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', now)).toBe(30_000);
  });

  it('parseRetryAfter(absent or unreadable) is undefined, so backoff applies', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('1.5')).toBeUndefined();
    expect(parseRetryAfter('-3')).toBeUndefined();
  });
});
