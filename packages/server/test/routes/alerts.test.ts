import { describe, expect, it } from 'vitest';
import { createDeliveryWorker } from '../../src/alerts/deliveryWorker.js';
import { evaluateAlerts } from '../../src/alerts/evaluateAlerts.js';
import { H, point, T0 } from '../alerts/alertFixtures.js';
import { startReceiver } from '../alerts/receiver.js';
import { cleanupsAfterEach } from '../helpers/cleanups.js';
import { alertApp, bearer } from './alertRoutesFixture.js';

const cleanups = cleanupsAfterEach();

async function setup() {
  const ctx = await alertApp();
  cleanups.push(ctx.close);
  const { store, monitor } = ctx;
  // window 0 fires and window 1 resolves AGEP; SCHL fires on window 1 and stays firing
  await evaluateAlerts(store, [point(monitor, 0, 0.5)], monitor, T0 + H);
  await evaluateAlerts(
    store,
    [point(monitor, 1, 0.01), point(monitor, 1, 0.7, { feature: 'SCHL' })],
    monitor,
    T0 + 2 * H,
  );
  return ctx;
}

describe('GET /api/v1/alerts', () => {
  it('GET /alerts lists alerts newest first, filtered by model, state and severity', async () => {
    const { app, keys } = await setup();
    const all = await app.inject({ method: 'GET', url: '/api/v1/alerts', headers: bearer(keys.read) });
    expect(all.statusCode).toBe(200);
    const { alerts } = all.json() as { alerts: { feature: string; state: string; message: string }[] };
    expect(alerts.map((a) => `${a.feature}:${a.state}`)).toEqual(['SCHL:firing', 'AGEP:resolved']);
    expect(alerts[0].message).toBe('drift of SCHL 0.7 ≥ 0.1 for 1 window');

    const firing = await app.inject({
      method: 'GET',
      url: '/api/v1/alerts?model=credit&state=firing&severity=critical',
      headers: bearer(keys.read),
    });
    expect((firing.json() as { alerts: unknown[] }).alerts).toHaveLength(1);
    const info = await app.inject({
      method: 'GET',
      url: '/api/v1/alerts?severity=info',
      headers: bearer(keys.read),
    });
    expect(info.json()).toEqual({ alerts: [] });
    const one = await app.inject({
      method: 'GET',
      url: '/api/v1/alerts?limit=1',
      headers: bearer(keys.admin),
    });
    expect((one.json() as { alerts: unknown[] }).alerts).toHaveLength(1);
  });

  it('GET /alerts?model=unknown answers 404 MODEL_NOT_FOUND', async () => {
    const { app, keys } = await setup();
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/alerts?model=nope',
      headers: bearer(keys.read),
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'MODEL_NOT_FOUND', message: 'model "nope" does not exist', details: { model: 'nope' } },
    });
  });

  it('GET /alerts?state=open answers 400 VALIDATION', async () => {
    const { app, keys } = await setup();
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/alerts?state=open',
      headers: bearer(keys.read),
    });
    expect(response.statusCode).toBe(400);
    expect((response.json() as { error: { code: string } }).error.code).toBe('VALIDATION');
  });

  it('GET /alerts without a key answers 401', async () => {
    const { app } = await setup();
    const response = await app.inject({ method: 'GET', url: '/api/v1/alerts' });
    expect(response.statusCode).toBe(401);
    expect((response.json() as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
  });

  it('GET /alerts/:id answers the alert, or 404 RESOURCE_NOT_FOUND', async () => {
    const { app, keys, store } = await setup();
    const [alert] = await store.listAlerts({ state: 'firing' });
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/alerts/${alert.id}`,
      headers: bearer(keys.read),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: alert.id, feature: 'SCHL', state: 'firing', threshold: 0.1 });
    const missing = await app.inject({
      method: 'GET',
      url: '/api/v1/alerts/999',
      headers: bearer(keys.read),
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      error: { code: 'RESOURCE_NOT_FOUND', message: 'alert 999 does not exist', details: { alert: 999 } },
    });
  });
});

describe('POST /api/v1/alerts/:id/acknowledge', () => {
  it('POST /alerts/:id/acknowledge with a read or ingest key answers 403 and changes nothing', async () => {
    const { app, keys, store } = await setup();
    const [alert] = await store.listAlerts({ state: 'firing' });
    for (const key of [keys.read, keys.ingest]) {
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/alerts/${alert.id}/acknowledge`,
        headers: bearer(key),
      });
      expect(response.statusCode).toBe(403);
      expect((response.json() as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    }
    expect((await store.getAlert(alert.id))!.acknowledgedAt ?? undefined).toBeUndefined();
  });

  it('POST /alerts/:id/acknowledge with an admin key records who and when, once, in the audit log', async () => {
    const { app, keys, store, clock } = await setup();
    const [alert] = await store.listAlerts({ state: 'firing' });
    const first = await app.inject({
      method: 'POST',
      url: `/api/v1/alerts/${alert.id}/acknowledge`,
      headers: bearer(keys.admin),
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      id: alert.id,
      acknowledgedAt: clock.t,
      acknowledgedBy: 'ops',
      state: 'firing',
    });
    const at = clock.t;
    clock.t += 60_000;
    const second = await app.inject({
      method: 'POST',
      url: `/api/v1/alerts/${alert.id}/acknowledge`,
      headers: bearer(keys.admin),
    });
    expect(second.json()).toMatchObject({ acknowledgedAt: at, acknowledgedBy: 'ops' });
    const audit = (await store.listAudit()).filter((e) => e.action === 'alert.acknowledge');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target: `alert:${alert.id}`, at });
  });

  it('POST /alerts/999/acknowledge answers 404', async () => {
    const { app, keys } = await setup();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/alerts/999/acknowledge',
      headers: bearer(keys.admin),
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('GET /api/v1/alerts/:id/deliveries', () => {
  it("GET /alerts/:id/deliveries shows a delivery 'failed' after maxAttempts with its last error", async () => {
    const ctx = await alertApp();
    cleanups.push(ctx.close);
    const { app, store, monitor, keys } = ctx;
    const receiver = await startReceiver((_i, _req, res) => {
      res.statusCode = 502;
      res.end('upstream gone');
    });
    cleanups.push(receiver.close);
    const ok = await startReceiver();
    cleanups.push(ok.close);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/channels',
      headers: bearer(keys.admin),
      payload: {
        name: 'broken hook',
        kind: 'webhook',
        url: `${receiver.url}/hook`,
        secret: 'a-secret-of-16-chars',
      },
    });
    expect(created.statusCode).toBe(201);
    await app.inject({
      method: 'POST',
      url: '/api/v1/channels',
      headers: bearer(keys.admin),
      payload: { name: 'slack', kind: 'slack', url: `${ok.url}/services/x` },
    });
    const [alert] = await evaluateAlerts(store, [point(monitor, 0, 0.5)], monitor, T0 + H);

    let t = T0 + H;
    const worker = createDeliveryWorker({
      store,
      now: () => t,
      maxAttempts: 3,
      baseDelayMs: 100,
      random: () => 0,
    });
    for (let i = 0; i < 3; i++) {
      await worker.tick();
      t += 10_000;
    }
    expect(receiver.received).toHaveLength(3);

    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/alerts/${alert.id}/deliveries`,
      headers: bearer(keys.read),
    });
    expect(response.statusCode).toBe(200);
    const { deliveries } = response.json() as { deliveries: Record<string, unknown>[] };
    expect(deliveries).toHaveLength(2);
    expect(deliveries[0]).toMatchObject({
      alertId: alert.id,
      channelName: 'broken hook',
      channelKind: 'webhook',
      event: 'firing',
      status: 'failed',
      attempts: 3,
      lastError: 'HTTP 502 Bad Gateway: upstream gone',
    });
    expect(deliveries[1]).toMatchObject({
      channelName: 'slack',
      status: 'delivered',
      attempts: 1,
      deliveredAt: T0 + H,
    });
  });

  it('GET /alerts/999/deliveries answers 404', async () => {
    const { app, keys } = await setup();
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/alerts/999/deliveries',
      headers: bearer(keys.read),
    });
    expect(response.statusCode).toBe(404);
  });
});
