import { createHmac } from 'node:crypto';
import { createRandom } from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { createDeliveryWorker, retryDelay } from '../../src/alerts/deliveryWorker.js';
import { evaluateAlerts } from '../../src/alerts/evaluateAlerts.js';
import type { Alert, Channel, Monitor, Store } from '../../src/store/types.js';
import { cleanupsAfterEach } from '../helpers/cleanups.js';
import { alertStore, H, point, T0 } from './alertFixtures.js';
import { startReceiver } from './receiver.js';

const cleanups = cleanupsAfterEach();

/** A store with a webhook channel to a receiver answering with `statuses[i]` to request i (then 200). */
async function setup(statuses: number[], headers: Record<string, string> = {}) {
  const { store, monitor } = await alertStore({ operator: 'gte', value: 0.1, severity: 'critical' });
  cleanups.push(() => store.close());
  const receiver = await startReceiver((i, _req, res) => {
    res.writeHead(statuses[i] ?? 200, statuses[i] ? headers : {});
    res.end(statuses[i] ? 'try later' : 'ok');
  });
  cleanups.push(receiver.close);
  const channel = await store.createChannel({
    name: 'hook',
    kind: 'webhook',
    url: `${receiver.url}/hook`,
    secret: 'k3y',
    enabled: true,
  });
  return { store, monitor, receiver, channel };
}

async function fire(store: Store, monitor: Monitor, i = 0): Promise<Alert> {
  const [alert] = await evaluateAlerts(store, [point(monitor, i, 0.5)], monitor, T0 + (i + 1) * H);
  return alert;
}

describe('retryDelay', () => {
  it('retryDelay(attempts, base, max, random) doubles per attempt with equal jitter in [d/2, d)', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 1000, 3_600_000, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 1000, 3_600_000, () => 0.5))).toEqual([
      750, 1500, 3000, 6000,
    ]);
    expect(retryDelay(3, 1000, 3_600_000, () => 0.999999)).toBe(4000);
  });

  it('retryDelay(many attempts) stays within maxDelayMs', () => {
    expect(retryDelay(40, 1000, 60_000, () => 0.5)).toBe(45_000);
    expect(retryDelay(40, 1000, 60_000, () => 0.999)).toBeLessThanOrEqual(60_000);
  });
});

describe('createDeliveryWorker', () => {
  it('tick() retries a failing receiver with seeded exponential backoff until it answers 2xx', async () => {
    const { store, monitor, receiver } = await setup([500, 500]);
    const alert = await fire(store, monitor);
    let t = T0 + H;
    const seeded = createRandom(7);
    const worker = createDeliveryWorker({
      store,
      now: () => t,
      maxAttempts: 5,
      baseDelayMs: 1000,
      random: () => seeded.next(),
    });
    const expected = createRandom(7);
    const delay1 = retryDelay(1, 1000, 3_600_000, () => expected.next());
    const delay2 = retryDelay(2, 1000, 3_600_000, () => expected.next());
    expect(delay1).toBeGreaterThanOrEqual(500);
    expect(delay1).toBeLessThan(1000);
    expect(delay2).toBeGreaterThanOrEqual(1000);
    expect(delay2).toBeLessThan(2000);

    expect(await worker.tick()).toEqual({ delivered: 0, retried: 1, failed: 0 });
    let [delivery] = await store.listDeliveries({ alertId: alert.id });
    expect(delivery).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'HTTP 500 Internal Server Error: try later',
      nextAttemptAt: t + delay1,
    });

    // not due yet: nothing is sent
    expect(await worker.tick()).toEqual({ delivered: 0, retried: 0, failed: 0 });
    t = delivery.nextAttemptAt - 1;
    expect(await worker.tick()).toEqual({ delivered: 0, retried: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);

    t += 1;
    expect(await worker.tick()).toEqual({ delivered: 0, retried: 1, failed: 0 });
    [delivery] = await store.listDeliveries({ alertId: alert.id });
    expect(delivery).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: t + delay2 });

    t = delivery.nextAttemptAt;
    expect(await worker.tick()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    [delivery] = await store.listDeliveries({ alertId: alert.id });
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, deliveredAt: t });

    expect(receiver.received).toHaveLength(3);
    for (const got of receiver.received) {
      const hmac = createHmac('sha256', 'k3y').update(got.raw).digest('hex');
      expect(got.headers['x-vigil-signature']).toBe(`sha256=${hmac}`);
      expect(got.headers['x-vigil-delivery']).toBe(String(delivery.id));
    }
    expect(await worker.tick()).toEqual({ delivered: 0, retried: 0, failed: 0 });
  });

  it("tick() gives a delivery up as 'failed' with its last error after maxAttempts", async () => {
    const { store, monitor, receiver } = await setup([503, 503, 503, 503, 503]);
    const alert = await fire(store, monitor);
    let t = T0 + H;
    const worker = createDeliveryWorker({
      store,
      now: () => t,
      maxAttempts: 3,
      baseDelayMs: 10,
      random: () => 0,
    });
    const results = [];
    for (let i = 0; i < 3; i++) {
      results.push(await worker.tick());
      t += 1000;
    }
    expect(results).toEqual([
      { delivered: 0, retried: 1, failed: 0 },
      { delivered: 0, retried: 1, failed: 0 },
      { delivered: 0, retried: 0, failed: 1 },
    ]);
    const [delivery] = await store.listDeliveries({ alertId: alert.id });
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'HTTP 503 Service Unavailable: try later',
    });
    expect(await store.listDeliveries({ status: 'failed' })).toHaveLength(1);
    t += 3_600_000;
    expect(await worker.tick()).toEqual({ delivered: 0, retried: 0, failed: 0 });
    expect(receiver.received).toHaveLength(3);
  });

  it('tick() waits at least the Retry-After a receiver asks for', async () => {
    const { store, monitor } = await setup([429], { 'retry-after': '120' });
    const alert = await fire(store, monitor);
    const t = T0 + H;
    const worker = createDeliveryWorker({ store, now: () => t, baseDelayMs: 1000, random: () => 0 });
    await worker.tick();
    const [delivery] = await store.listDeliveries({ alertId: alert.id });
    expect(delivery.nextAttemptAt).toBe(t + 120_000);
    expect(delivery.lastError).toBe('HTTP 429 Too Many Requests: try later');
  });

  it('tick() holds a resolution back while its firing is still being retried', async () => {
    const { store, monitor, receiver } = await setup([500]);
    const alert = await fire(store, monitor, 0);
    await evaluateAlerts(store, [point(monitor, 1, 0)], monitor, T0 + 2 * H); // resolves: second delivery
    let t = T0 + 2 * H;
    const worker = createDeliveryWorker({ store, now: () => t, baseDelayMs: 1000, random: () => 0 });
    expect(await worker.tick()).toEqual({ delivered: 0, retried: 1, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    t += 500;
    expect(await worker.tick()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    t += 1;
    expect(await worker.tick()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(receiver.received.map((r) => (r.json as { event: string }).event)).toEqual([
      'firing',
      'firing',
      'resolved',
    ]);
    const deliveries = await store.listDeliveries({ alertId: alert.id });
    expect(deliveries.every((d) => d.status === 'delivered')).toBe(true);
  });

  it('tick() fails a delivery to a disabled channel at once', async () => {
    const { store, monitor } = await setup([]);
    const alert = await fire(store, monitor);
    const off: Channel = await store.createChannel({
      name: 'off',
      kind: 'slack',
      url: 'http://127.0.0.1:9',
      enabled: false,
    });
    const stuck = await store.createDelivery({
      alertId: alert.id,
      channelId: off.id,
      event: 'firing',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: T0,
    });
    const worker = createDeliveryWorker({ store, now: () => T0 + H, maxAttempts: 5 });
    expect(await worker.tick()).toEqual({ delivered: 1, retried: 0, failed: 1 });
    const [failed] = await store.listDeliveries({ status: 'failed' });
    expect(failed).toMatchObject({ id: stuck.id, attempts: 1, lastError: 'channel off is disabled' });
  });

  it('tick() reports a receiver that does not answer within timeoutMs', async () => {
    const { store, monitor } = await alertStore({ operator: 'gte', value: 0.1, severity: 'critical' });
    cleanups.push(() => store.close());
    const silent = await startReceiver(() => {
      /* never answers */
    });
    cleanups.push(silent.close);
    await store.createChannel({ name: 'slow', kind: 'alertmanager', url: silent.url, enabled: true });
    await fire(store, monitor);
    const worker = createDeliveryWorker({ store, now: () => T0 + H, timeoutMs: 150, random: () => 0 });
    expect(await worker.tick()).toEqual({ delivered: 0, retried: 1, failed: 0 });
    const [delivery] = await store.listDeliveries();
    expect(delivery.lastError).toBe('timed out after 150 ms');
  });

  it('start() delivers in the background until stop()', async () => {
    const { store, monitor, receiver } = await setup([]);
    await fire(store, monitor);
    const worker = createDeliveryWorker({ store, now: () => Date.now(), intervalMs: 20 });
    worker.start();
    const deadline = Date.now() + 5000;
    while (receiver.received.length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    expect(receiver.received).toHaveLength(1);
    expect((await store.listDeliveries())[0].status).toBe('delivered');
  });

  it('tick() re-sends firing alerts to Alertmanager every alertmanagerRefreshMs until they resolve', async () => {
    const { store, monitor } = await alertStore({ operator: 'gte', value: 0.1, severity: 'critical' });
    cleanups.push(() => store.close());
    const am = await startReceiver();
    cleanups.push(am.close);
    const hook = await startReceiver();
    cleanups.push(hook.close);
    await store.createChannel({ name: 'am', kind: 'alertmanager', url: am.url, enabled: true });
    await store.createChannel({ name: 'hook', kind: 'webhook', url: hook.url, enabled: true });
    await fire(store, monitor, 0);
    let t = T0 + H;
    const worker = createDeliveryWorker({ store, now: () => t, alertmanagerRefreshMs: 60_000 });
    expect(await worker.tick()).toEqual({ delivered: 2, retried: 0, failed: 0 });
    t += 59_999;
    expect(await worker.tick()).toEqual({ delivered: 0, retried: 0, failed: 0 });
    t += 1;
    expect(await worker.tick()).toEqual({ delivered: 0, retried: 0, failed: 0, refreshed: 1 });
    t += 60_000;
    expect(await worker.tick()).toEqual({ delivered: 0, retried: 0, failed: 0, refreshed: 1 });
    expect(am.received).toHaveLength(3);
    expect(hook.received).toHaveLength(1); // webhooks and Slack get events, not refreshes
    for (const got of am.received) {
      const [alert] = got.json as { endsAt?: string }[];
      expect(alert.endsAt).toBeUndefined();
    }

    await evaluateAlerts(store, [point(monitor, 1, 0)], monitor, t); // resolves
    expect(await worker.tick()).toEqual({ delivered: 2, retried: 0, failed: 0 });
    t += 120_000;
    expect(await worker.tick()).toEqual({ delivered: 0, retried: 0, failed: 0 });
    expect(am.received).toHaveLength(4);
    const [last] = am.received[3].json as { endsAt?: string }[];
    expect(last.endsAt).toBeDefined();
  });
});
