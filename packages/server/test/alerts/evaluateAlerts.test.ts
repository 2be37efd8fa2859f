import { afterEach, describe, expect, it } from 'vitest';
import { compareValue, evaluateAlerts, pointVerdict } from '../../src/alerts/evaluateAlerts.js';
import type { Alert, AlertRule, MetricPoint, Monitor, Store } from '../../src/store/types.js';
import { alertStore, H, point, T0 } from './alertFixtures.js';

const stores: Store[] = [];
afterEach(async () => {
  while (stores.length > 0) await stores.pop()!.close();
});

async function setup(rule: AlertRule | undefined, monitor: Parameters<typeof alertStore>[1] = {}) {
  const opened = await alertStore(rule, monitor);
  stores.push(opened.store);
  await opened.store.createChannel({
    name: 'hook',
    kind: 'webhook',
    url: 'http://127.0.0.1:9/hook',
    enabled: true,
  });
  return opened;
}

/** Evaluates one window per call (as the scheduler does) at the window's end; returns 'fire'/'resolve' per call. */
async function run(
  store: Store,
  monitor: Monitor,
  values: (number | null | 'insufficient')[],
): Promise<string[][]> {
  const events: string[][] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const p =
      v === 'insufficient' ? point(monitor, i, 0.5, { status: 'insufficient' }) : point(monitor, i, v);
    const changed = await evaluateAlerts(store, [p], monitor, T0 + (i + 1) * H);
    events.push(changed.map((a) => (a.state === 'firing' ? 'fire' : 'resolve')));
  }
  return events;
}

const drift: AlertRule = { operator: 'gte', value: 0.1, severity: 'warning', fireAfter: 2, resolveAfter: 2 };

describe('evaluateAlerts hysteresis', () => {
  it('evaluateAlerts(series, fireAfter 2, resolveAfter 2) fires on the 2nd breach and resolves on the 2nd good window', async () => {
    const { store, monitor } = await setup(drift);
    const events = await run(store, monitor, [0.05, 0.31, 0.35, 0.2, 0.05, 0.2, 0.04, 0.03, 0.02]);
    expect(events).toEqual([[], [], ['fire'], [], [], [], [], ['resolve'], []]);

    const alerts = await store.listAlerts({ model: 'credit' });
    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(alert).toMatchObject({
      monitorId: monitor.id,
      feature: 'AGEP',
      metric: 'drift',
      severity: 'warning',
      state: 'resolved',
      threshold: 0.1,
      windowStart: T0 + 2 * H,
      firedAt: T0 + 3 * H,
      resolvedAt: T0 + 8 * H,
      value: 0.03,
      message: 'resolved: drift of AGEP 0.03 < 0.1 for 2 windows',
    });
    const deliveries = await store.listDeliveries({ alertId: alert.id });
    expect(deliveries.map((d) => d.event).sort()).toEqual(['firing', 'resolved']);
    expect(deliveries.every((d) => d.status === 'pending' && d.attempts === 0)).toBe(true);
    expect(deliveries.find((d) => d.event === 'firing')!.nextAttemptAt).toBe(T0 + 3 * H);
    expect(deliveries.find((d) => d.event === 'resolved')!.nextAttemptAt).toBe(T0 + 8 * H);
  });

  it('evaluateAlerts(breach) says what fired in plain words', async () => {
    const { store, monitor } = await setup(drift);
    await run(store, monitor, [0.31, 0.31]);
    const [alert] = await store.listAlerts({ model: 'credit', state: 'firing' });
    expect(alert.message).toBe('drift of AGEP 0.31 ≥ 0.1 for 2 windows');
    expect(alert.value).toBe(0.31);
  });

  it('evaluateAlerts(defaults) fires and resolves after one window each', async () => {
    const { store, monitor } = await setup({ operator: 'gt', value: 0.1, severity: 'critical' });
    expect(await run(store, monitor, [0.2, 0.05, 0.1, 0.11])).toEqual([['fire'], ['resolve'], [], ['fire']]);
    expect(await store.listAlerts({ model: 'credit' })).toHaveLength(2);
  });

  it("evaluateAlerts(status 'insufficient') neither fires, resolves, nor breaks a run", async () => {
    const { store, monitor } = await setup(drift);
    expect(
      await run(store, monitor, [0.3, 'insufficient', 0.3, 'insufficient', 0.01, 'insufficient', 0.01]),
    ).toEqual([[], [], ['fire'], [], [], [], ['resolve']]);
  });

  it('evaluateAlerts(drift test verdict) fires on the status and states the relation that holds', async () => {
    const { store, monitor } = await setup({ operator: 'gte', value: 0.5, severity: 'warning' });
    const pValue = (i: number, value: number, status: MetricPoint['status']) =>
      point(monitor, i, value, { metric: 'driftScore', status, details: { test: 'ks', threshold: 0.05 } });
    const [fired] = await evaluateAlerts(store, [pValue(0, 0.003, 'breach')], monitor, T0 + H);
    expect(fired.message).toBe('drift of AGEP (driftScore) 0.003 < 0.05 for 1 window');
    expect(fired.threshold).toBe(0.05);
    const [resolved] = await evaluateAlerts(store, [pValue(1, 0.4, 'ok')], monitor, T0 + 2 * H);
    expect(resolved.message).toBe('resolved: drift of AGEP (driftScore) 0.4 > 0.05 for 1 window');
  });

  it('evaluateAlerts(null value) counts no window', async () => {
    const { store, monitor } = await setup({ ...drift, fireAfter: 1 });
    expect(await run(store, monitor, [null, null])).toEqual([[], []]);
    expect(await store.getRuleState(monitor.id, 'AGEP', 'drift')).toBeUndefined();
  });

  it('evaluateAlerts(several windows in one call, any order) takes them in window order', async () => {
    const { store, monitor } = await setup(drift);
    const points = [point(monitor, 2, 0.01), point(monitor, 0, 0.5), point(monitor, 1, 0.5)];
    const changed = await evaluateAlerts(store, points, monitor, T0 + 3 * H);
    // windows 0 and 1 fire; window 2 alone (1 good window) does not resolve
    expect(changed.map((a) => a.state)).toEqual(['firing']);
    expect(changed[0].windowStart).toBe(T0 + H);
    expect(await store.getRuleState(monitor.id, 'AGEP', 'drift')).toMatchObject({
      consecutiveBreaches: 0,
      consecutiveOk: 1,
      openAlertId: changed[0].id,
      lastWindowStart: T0 + 2 * H,
    });
  });

  it('evaluateAlerts(per feature and metric) keeps one rule state and alert per key', async () => {
    const { store, monitor } = await setup({ ...drift, fireAfter: 1 });
    const points: MetricPoint[] = [
      point(monitor, 0, 0.5),
      point(monitor, 0, 0.5, { feature: 'SCHL' }),
      point(monitor, 0, 0.01, { feature: 'WKHP' }),
      point(monitor, 0, 0.5, { metric: 'psi' }),
      point({ ...monitor, id: monitor.id + 100 }, 0, 0.9), // another monitor's point: ignored
    ];
    const changed = await evaluateAlerts(store, points, monitor, T0 + H);
    expect(changed.map((a) => `${a.feature}/${a.metric}`).sort()).toEqual([
      'AGEP/drift',
      'AGEP/psi',
      'SCHL/drift',
    ]);
    expect(changed.find((a) => a.metric === 'psi')!.message).toBe(
      'drift of AGEP (psi) 0.5 ≥ 0.1 for 1 window',
    );
  });

  it('evaluateAlerts(config.alertMetric) judges only that metric', async () => {
    const { store, monitor } = await setup(
      { operator: 'lt', value: 0.8, severity: 'critical' },
      { kind: 'performance', name: 'accuracy', config: { alertMetric: 'accuracy' } },
    );
    const points = [
      point(monitor, 0, 0.7, { feature: '', metric: 'accuracy' }),
      point(monitor, 0, 0.1, { feature: '', metric: 'labelCoverage' }),
    ];
    const changed = await evaluateAlerts(store, points, monitor, T0 + H);
    expect(changed.map((a) => a.metric)).toEqual(['accuracy']);
    expect(changed[0].message).toBe('performance: accuracy 0.7 < 0.8 for 1 window');
  });

  it('evaluateAlerts(no rule | disabled monitor) changes nothing', async () => {
    const { store, monitor } = await setup(undefined);
    expect(await evaluateAlerts(store, [point(monitor, 0, 9)], monitor, T0 + H)).toEqual([]);
    expect(await store.getRuleState(monitor.id, 'AGEP', 'drift')).toBeUndefined();
    const disabled = { ...monitor, enabled: false, rule: { ...drift, fireAfter: 1 } };
    expect(await evaluateAlerts(store, [point(monitor, 0, 9)], disabled, T0 + H)).toEqual([]);
    expect(await store.listAlerts()).toEqual([]);
  });
});

describe('evaluateAlerts re-evaluated windows', () => {
  it('evaluateAlerts(same window twice) counts it once', async () => {
    const { store, monitor } = await setup(drift);
    expect(await evaluateAlerts(store, [point(monitor, 0, 0.5)], monitor, T0 + H)).toEqual([]);
    expect(await evaluateAlerts(store, [point(monitor, 0, 0.6)], monitor, T0 + H + 60_000)).toEqual([]);
    expect(await evaluateAlerts(store, [point(monitor, 0, 0.7)], monitor, T0 + H + 120_000)).toEqual([]);
    expect(await store.getRuleState(monitor.id, 'AGEP', 'drift')).toMatchObject({ consecutiveBreaches: 1 });
    const changed = await evaluateAlerts(store, [point(monitor, 1, 0.5)], monitor, T0 + 2 * H);
    expect(changed.map((a) => a.state)).toEqual(['firing']);
  });

  it('evaluateAlerts(re-evaluated window flips to good) replaces its verdict', async () => {
    const { store, monitor } = await setup(drift);
    await evaluateAlerts(store, [point(monitor, 0, 0.5)], monitor, T0 + H);
    await evaluateAlerts(store, [point(monitor, 0, 0.05)], monitor, T0 + H + 1); // late labels: window 0 is fine
    expect(await store.getRuleState(monitor.id, 'AGEP', 'drift')).toMatchObject({
      consecutiveBreaches: 0,
      consecutiveOk: 1,
    });
    expect(await evaluateAlerts(store, [point(monitor, 1, 0.5)], monitor, T0 + 2 * H)).toEqual([]);
    expect((await evaluateAlerts(store, [point(monitor, 2, 0.5)], monitor, T0 + 3 * H)).length).toBe(1);
  });

  it('evaluateAlerts(re-evaluated window flips to breach) can fire', async () => {
    const { store, monitor } = await setup({ ...drift, fireAfter: 1, resolveAfter: 1 });
    expect(await evaluateAlerts(store, [point(monitor, 0, 0.05)], monitor, T0 + H)).toEqual([]);
    const changed = await evaluateAlerts(store, [point(monitor, 0, 0.4)], monitor, T0 + H + 1);
    expect(changed.map((a) => a.state)).toEqual(['firing']);
    // and flipping back resolves it
    const back = await evaluateAlerts(store, [point(monitor, 0, 0.05)], monitor, T0 + H + 2);
    expect(back.map((a) => a.state)).toEqual(['resolved']);
  });

  it('evaluateAlerts(window older than the last counted one) changes nothing', async () => {
    const { store, monitor } = await setup(drift);
    await run(store, monitor, [0.01, 0.01, 0.5]);
    const before = await store.getRuleState(monitor.id, 'AGEP', 'drift');
    expect(await evaluateAlerts(store, [point(monitor, 1, 0.5)], monitor, T0 + 4 * H)).toEqual([]);
    expect(await store.getRuleState(monitor.id, 'AGEP', 'drift')).toEqual(before);
  });

  it('evaluateAlerts(firing window re-evaluated while breaching) fires no second alert', async () => {
    const { store, monitor } = await setup({ ...drift, fireAfter: 1 });
    await evaluateAlerts(store, [point(monitor, 0, 0.5)], monitor, T0 + H);
    expect(await evaluateAlerts(store, [point(monitor, 0, 0.6)], monitor, T0 + H + 1)).toEqual([]);
    expect(await store.listAlerts()).toHaveLength(1);
    expect(await store.listDeliveries()).toHaveLength(1);
  });
});

describe('evaluateAlerts deduplication', () => {
  it('evaluateAlerts(breach while firing) keeps one open alert and one notification', async () => {
    const { store, monitor } = await setup({ ...drift, fireAfter: 1 });
    expect(await run(store, monitor, [0.5, 0.6, 0.7, 0.8])).toEqual([['fire'], [], [], []]);
    expect(await store.listAlerts({ state: 'firing' })).toHaveLength(1);
    expect(await store.listDeliveries()).toHaveLength(1);
  });

  it('evaluateAlerts(rule state lost) adopts the firing alert instead of opening another', async () => {
    const { store, monitor } = await setup({ ...drift, fireAfter: 1, resolveAfter: 1 });
    await run(store, monitor, [0.5]);
    const [firing] = await store.listAlerts({ state: 'firing' });
    await store.putRuleState({
      monitorId: monitor.id,
      feature: 'AGEP',
      metric: 'drift',
      consecutiveBreaches: 0,
      consecutiveOk: 0,
    });
    expect(await evaluateAlerts(store, [point(monitor, 1, 0.5)], monitor, T0 + 2 * H)).toEqual([]);
    expect(await store.listAlerts()).toHaveLength(1);
    expect(await store.listDeliveries()).toHaveLength(1);
    expect(await store.getRuleState(monitor.id, 'AGEP', 'drift')).toMatchObject({ openAlertId: firing.id });
    // and it resolves through the adopted state
    expect((await evaluateAlerts(store, [point(monitor, 2, 0)], monitor, T0 + 3 * H))[0]).toMatchObject({
      id: firing.id,
      state: 'resolved',
    });
  });
});

describe('evaluateAlerts cooldown', () => {
  const flapping: AlertRule = { operator: 'gte', value: 0.1, severity: 'critical', cooldownMs: 3 * H };

  it('evaluateAlerts(re-fire within cooldownMs) opens the alert without notifying, then notifies once the cooldown passed', async () => {
    const { store, monitor } = await setup(flapping);
    // w0 fires (notified at 1H), w1 resolves (notified at 2H), w2 fires again at 3H: within 3H of 2H, held back
    expect(await run(store, monitor, [0.5, 0.01, 0.5, 0.5, 0.5])).toEqual([
      ['fire'],
      ['resolve'],
      ['fire'],
      [],
      [],
    ]);
    const alerts = (await store.listAlerts()).sort((a, b) => a.id - b.id);
    expect(alerts.map((a) => a.state)).toEqual(['resolved', 'firing']);
    const [first, second] = alerts;
    expect(first.lastNotifiedAt).toBe(T0 + 2 * H);
    // w3 at 4H: 2H since the last notification, still held; w4 at 5H: 3H passed, notified now
    expect(second.lastNotifiedAt).toBe(T0 + 5 * H);
    const events = async (a: Alert) => (await store.listDeliveries({ alertId: a.id })).map((d) => d.event);
    expect((await events(first)).sort()).toEqual(['firing', 'resolved']);
    expect(await events(second)).toEqual(['firing']);
    expect(second.message).toBe('drift of AGEP 0.5 ≥ 0.1 for 3 windows');
  });

  it('evaluateAlerts(held-back alert resolves) notifies neither its firing nor its resolution', async () => {
    const { store, monitor } = await setup(flapping);
    expect(await run(store, monitor, [0.5, 0.01, 0.5, 0.01])).toEqual([
      ['fire'],
      ['resolve'],
      ['fire'],
      ['resolve'],
    ]);
    const second = (await store.listAlerts()).sort((a, b) => a.id - b.id)[1];
    expect(second.lastNotifiedAt).toBeUndefined();
    expect(await store.listDeliveries({ alertId: second.id })).toEqual([]);
    expect(await store.listDeliveries()).toHaveLength(2);
  });

  it('evaluateAlerts(re-fire after cooldownMs) notifies at once', async () => {
    const { store, monitor } = await setup({ ...flapping, cooldownMs: H });
    await run(store, monitor, [0.5, 0.01, 0.01, 0.5]);
    const alerts = (await store.listAlerts()).sort((a, b) => a.id - b.id);
    expect(alerts[1].lastNotifiedAt).toBe(T0 + 4 * H);
    expect(await store.listDeliveries({ alertId: alerts[1].id })).toHaveLength(1);
  });
});

describe('evaluateAlerts channels', () => {
  it('evaluateAlerts(fire) enqueues one delivery per enabled channel of the model', async () => {
    const { store, monitor } = await setup({ ...drift, fireAfter: 1 });
    const slack = await store.createChannel({
      name: 's',
      kind: 'slack',
      url: 'http://127.0.0.1:9/s',
      enabled: true,
    });
    await store.createChannel({ name: 'off', kind: 'webhook', url: 'http://127.0.0.1:9/o', enabled: false });
    await store.createChannel({
      name: 'x',
      kind: 'webhook',
      url: 'http://127.0.0.1:9/x',
      models: ['other'],
      enabled: true,
    });
    const am = await store.createChannel({
      name: 'am',
      kind: 'alertmanager',
      url: 'http://127.0.0.1:9',
      models: ['credit', 'other'],
      enabled: true,
    });
    const [alert] = await evaluateAlerts(store, [point(monitor, 0, 0.5)], monitor, T0 + H);
    const hook = (await store.listChannels()).find((c) => c.name === 'hook')!;
    const deliveries = await store.listDeliveries({ alertId: alert.id });
    expect(deliveries.map((d) => d.channelId).sort((a, b) => a - b)).toEqual([hook.id, slack.id, am.id]);
  });
});

describe('pointVerdict', () => {
  const rule: AlertRule = { operator: 'lt', value: 0.8, severity: 'critical' };
  const base: MetricPoint = {
    model: 'm',
    monitorId: 1,
    windowStart: 0,
    windowEnd: H,
    feature: '',
    metric: 'accuracy',
    value: 0.7,
    status: 'breach',
    computedAt: H,
  };

  it("pointVerdict(point) follows the point's status, judged once by the window evaluation", () => {
    expect(pointVerdict(base, rule)).toEqual({ breach: true, threshold: 0.8 });
    expect(pointVerdict({ ...base, status: 'ok' }, rule)).toEqual({ breach: false, threshold: 0.8 });
  });

  it('pointVerdict(details.threshold) reports the threshold the evaluation used', () => {
    expect(pointVerdict({ ...base, details: { threshold: 0.05, reference: 0.9 } }, rule)).toEqual({
      breach: true,
      threshold: 0.05,
    });
  });

  it('pointVerdict(relativeToReference) reports rule.value × details.reference', () => {
    const relative: AlertRule = { ...rule, value: 0.9, relativeToReference: true };
    expect(pointVerdict({ ...base, details: { reference: 0.8 } }, relative)!.threshold).toBeCloseTo(0.72, 15);
    expect(pointVerdict({ ...base, details: { reference: null } }, relative)!.threshold).toBe(0.9);
  });

  it("pointVerdict('insufficient' | null | NaN) is undefined", () => {
    expect(pointVerdict({ ...base, status: 'insufficient' }, rule)).toBeUndefined();
    expect(pointVerdict({ ...base, value: null }, rule)).toBeUndefined();
    expect(pointVerdict({ ...base, value: Number.NaN }, rule)).toBeUndefined();
  });

  it.each([
    ['gt', 0.7, 0.7, false],
    ['gte', 0.7, 0.7, true],
    ['lt', 0.7, 0.7, false],
    ['lte', 0.7, 0.7, true],
    ['gt', 0.7, 0.69, true],
    ['lt', 0.7, 0.71, true],
  ] as const)('compareValue(%s: %d vs %d) is %s', (operator, value, threshold, holds) => {
    expect(compareValue(value, operator, threshold)).toBe(holds);
  });
});
