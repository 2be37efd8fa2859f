import { describe, expect, it } from 'vitest';
import { appDeliveryWorker } from '../../src/alerts/appDeliveryWorker.js';
import { evaluateAlerts } from '../../src/alerts/evaluateAlerts.js';
import { buildApp } from '../../src/app/buildApp.js';
import { cleanupsAfterEach } from '../helpers/cleanups.js';
import { alertStore, H, point, T0 } from './alertFixtures.js';
import { startReceiver } from './receiver.js';

const cleanups = cleanupsAfterEach();

describe('appDeliveryWorker', () => {
  it("appDeliveryWorker(app.vigil) is one worker per app, on the app's store and clock", async () => {
    const { store, monitor } = await alertStore({ operator: 'gte', value: 0.1, severity: 'info' });
    cleanups.push(() => store.close());
    const app = await buildApp({ store, now: () => T0 + H });
    cleanups.push(() => app.close());
    const receiver = await startReceiver();
    cleanups.push(receiver.close);
    await store.createChannel({ name: 'hook', kind: 'webhook', url: receiver.url, enabled: true });
    await evaluateAlerts(store, [point(monitor, 0, 0.5)], monitor, T0 + H);

    const worker = appDeliveryWorker(app.vigil, { publicUrl: 'http://vigil.test' });
    expect(appDeliveryWorker(app.vigil)).toBe(worker);
    expect(await worker.tick()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    const body = receiver.received[0].json as { sentAt: number; alert: { url: string } };
    expect(body.sentAt).toBe(T0 + H);
    expect(body.alert.url).toMatch(/^http:\/\/vigil\.test\/api\/v1\/alerts\/\d+$/);
  });
});
