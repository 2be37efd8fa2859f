import { accuracyScore, columnDrift, numericFromNumbers } from '@vigil/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDefaultMonitors } from '../../src/monitors/defaultMonitors.js';
import { createScheduler } from '../../src/scheduler/scheduler.js';
import type { MetricPoint, Monitor, PredictionRow, ReferenceRow, Store } from '../../src/store/types.js';
import { normals, uniforms } from '../monitors/rows.js';
import { openTestStore } from './testStore.js';

const H = 3_600_000;
/** Window 0 starts a day after now, so the monitors (created now) watch every window of the test. */
const T0 = Math.floor(Date.now() / H) * H + 24 * H;
const GRACE = 5 * 60_000;

/** Reference rows: age ~ N(40, 10), region north/south, label = prediction 80 % of the time. */
function referenceRows(n: number): ReferenceRow[] {
  const age = normals(n, 1, 40, 10);
  const u = uniforms(n, 2);
  return Array.from({ length: n }, (_, i) => {
    const prediction = u[i] < 0.5 ? 'yes' : 'no';
    const label = (i % 5 === 0) !== (prediction === 'yes') ? 'yes' : 'no';
    return { features: { age: age[i], region: i % 2 ? 'north' : 'south' }, prediction, score: u[i], label };
  });
}

/** Predictions of window `w`: `n` rows spread over the hour, age shifted by `shift`. */
function windowRows(w: number, n: number, shift = 0, seed = 10 + w): PredictionRow[] {
  const age = normals(n, seed, 40 + shift, 10);
  const u = uniforms(n, seed + 100);
  return Array.from({ length: n }, (_, i) => ({
    id: `w${w}-${i}`,
    timestamp: T0 + w * H + Math.floor((i * H) / n),
    features: { age: age[i], region: i % 2 ? 'north' : 'south' },
    prediction: u[i] < 0.5 ? 'yes' : 'no',
    score: u[i],
    latencyMs: 20 + (i % 7),
  }));
}

describe('createScheduler({store, now, intervalMs, graceMs})', () => {
  let store: Store;
  let clock: { t: number };
  let monitors: Monitor[];
  const series = async (name: string, metric: string, feature = '') => {
    const monitor = monitors.find((m) => m.name === name)!;
    return store.readSeries({ monitorId: monitor.id, feature, metric });
  };

  beforeEach(async () => {
    store = await openTestStore();
    clock = { t: T0 };
    await store.createModel({
      name: 'credit',
      task: 'binary',
      windowMs: H,
      schema: {
        features: [
          { name: 'age', kind: 'numerical' },
          { name: 'region', kind: 'categorical' },
        ],
        positive: 'yes',
      },
    });
    const schema = (await store.getModel('credit'))!.schema!;
    await store.createReference({ model: 'credit', source: 'ref.csv', schema }, referenceRows(400));
    monitors = await createDefaultMonitors(store, 'credit');
  });
  afterEach(async () => {
    await store.close();
  });

  it('evaluates a window once it is closed and its grace period passed, then marks it evaluated', async () => {
    const scheduler = createScheduler({ store, now: () => clock.t, intervalMs: 60_000, graceMs: GRACE });
    await store.insertPredictions('credit', windowRows(0, 300, 8), T0 + 10 * 60_000);
    clock.t = T0 + H + GRACE - 1;
    expect((await scheduler.tick()).windows).toEqual([]);
    clock.t = T0 + H + GRACE;
    const result = await scheduler.tick();
    expect(result.windows).toEqual([
      expect.objectContaining({
        model: 'credit',
        windowStart: T0,
        windowEnd: T0 + H,
        rows: 300,
        kind: 'final',
      }),
    ]);
    expect(result.failed).toEqual([]);
    expect(await store.dirtyWindows()).toEqual([]);
    // The drift point is the core's number on the rows the store gave back.
    const rows = await store.readRows(
      'credit',
      { from: T0, to: T0 + H },
      { features: [{ name: 'age', kind: 'numerical' }] },
    );
    const ref = await store.readReference((await store.latestReference('credit'))!.id, {
      features: [{ name: 'age', kind: 'numerical' }],
    });
    const expected = columnDrift(
      numericFromNumbers('age', ref.features.age as Float64Array),
      numericFromNumbers('age', rows.features.age as Float64Array),
    );
    const [score] = await series('feature drift', 'driftScore', 'age');
    expect(score).toMatchObject({ windowStart: T0, value: expected.pValue, status: 'breach' });
    const [volume] = await series('volume', 'count');
    expect(volume).toMatchObject({ value: 300, status: 'ok' });
    const [coverage] = await series('performance: accuracy', 'labelCoverage');
    expect(coverage).toMatchObject({ value: 0, status: 'insufficient' });
    // A second tick has nothing to do.
    expect((await scheduler.tick()).windows).toEqual([]);
  });

  it('re-evaluates a window when its labels arrive late, and judges performance once covered', async () => {
    const scheduler = createScheduler({ store, now: () => clock.t, graceMs: GRACE });
    const rows = windowRows(0, 200);
    await store.insertPredictions('credit', rows, T0 + 60_000);
    clock.t = T0 + H + GRACE;
    await scheduler.tick();
    const [before] = await series('performance: accuracy', 'accuracy');
    expect(before).toMatchObject({ value: null, status: 'insufficient' });

    // Two hours later, labels of 150 of the 200 predictions: the window is dirty again.
    clock.t += 2 * H;
    const labels = rows.slice(0, 150).map((r, i) => ({ id: r.id, label: i % 4 === 0 ? 'yes' : 'no' }));
    expect(await store.insertLabels('credit', labels, clock.t)).toEqual({ stored: 150, matched: 150 });
    clock.t += 1000;
    expect((await store.dirtyWindows()).map((w) => w.windowStart)).toEqual([T0]);
    const result = await scheduler.tick();
    expect(result.windows.map((w) => [w.windowStart, w.kind])).toEqual([[T0, 'final']]);
    const [coverage] = await series('performance: accuracy', 'labelCoverage');
    expect(coverage).toMatchObject({ value: 0.75, status: 'ok' });
    const [accuracy] = await series('performance: accuracy', 'accuracy');
    const yTrue = labels.map((l) => (l.label === 'yes' ? 1 : 0));
    const yPred = rows.slice(0, 150).map((r) => (r.prediction === 'yes' ? 1 : 0));
    expect(accuracy.value).toBe(accuracyScore(yTrue, yPred));
    expect(accuracy.status).not.toBe('insufficient');
    expect(accuracy.details).toMatchObject({ labelled: 150, threshold: expect.any(Number) });
    // Upserted, not appended: one point per window.
    expect(await series('performance: accuracy', 'accuracy')).toHaveLength(1);
  });

  it('keeps a rolling view of the open window at most once per interval, without alerts or marking', async () => {
    const seen: string[] = [];
    const scheduler = createScheduler({
      store,
      now: () => clock.t,
      intervalMs: 10 * 60_000,
      graceMs: GRACE,
      evaluateAlerts: async (_s, _p, monitor) => {
        seen.push(monitor.name);
        return [];
      },
    });
    await store.insertPredictions('credit', windowRows(0, 100).slice(0, 50), T0 + 60_000);
    clock.t = T0 + 20 * 60_000;
    expect((await scheduler.tick()).windows.map((w) => w.kind)).toEqual(['rolling']);
    const [partial] = await series('volume', 'count');
    expect(partial).toMatchObject({ value: 50, details: expect.objectContaining({ partial: true }) });
    // New data 5 minutes later: not yet (interval 10 min); 10 minutes later: yes.
    await store.insertPredictions('credit', windowRows(0, 100).slice(50), clock.t + 1);
    clock.t += 5 * 60_000;
    expect((await scheduler.tick()).windows).toEqual([]);
    clock.t += 5 * 60_000;
    expect((await scheduler.tick()).windows.map((w) => [w.kind, w.rows])).toEqual([['rolling', 100]]);
    expect(seen).toEqual([]);
    expect((await store.dirtyWindows()).length).toBe(1);
    clock.t = T0 + H + GRACE;
    const final = await scheduler.tick();
    expect(final.windows.map((w) => [w.kind, w.rows])).toEqual([['final', 100]]);
    expect(seen.length).toBeGreaterThan(0);
    const [done] = await series('volume', 'count');
    expect(done.details?.partial).toBeUndefined();
  });

  it('evaluates the volume of a closed window without data, so no traffic alerts', async () => {
    const scheduler = createScheduler({ store, now: () => clock.t, graceMs: GRACE });
    await store.insertPredictions('credit', windowRows(0, 50), T0 + 60_000);
    clock.t = T0 + 2 * H + GRACE; // window 0 due (data), window 1 closed without data
    const result = await scheduler.tick();
    expect(result.windows.map((w) => [w.windowStart, w.kind, w.rows])).toEqual([
      [T0, 'final', 50],
      [T0 + H, 'empty', 0],
    ]);
    const points = await series('volume', 'count');
    expect(points.map((p: MetricPoint) => [p.windowStart, p.value, p.status])).toEqual([
      [T0, 50, 'ok'],
      [T0 + H, 0, 'breach'],
    ]);
    expect(result.alerts).toEqual([
      expect.objectContaining({ metric: 'count', state: 'firing', windowStart: T0 + H }),
    ]);
    // Not twice.
    expect((await scheduler.tick()).windows).toEqual([]);
  });

  it('fires drift alerts through evaluateAlerts after two drifted windows (the default rule)', async () => {
    const scheduler = createScheduler({ store, now: () => clock.t, graceMs: GRACE });
    await store.insertPredictions(
      'credit',
      [...windowRows(0, 300, 15), ...windowRows(1, 300, 15)],
      T0 + 60_000,
    );
    clock.t = T0 + 2 * H + GRACE;
    const result = await scheduler.tick();
    const drift = result.alerts.filter((a) => a.metric === 'driftScore');
    expect(drift).toEqual([
      expect.objectContaining({ feature: 'age', state: 'firing', windowStart: T0 + H }),
    ]);
    expect(await store.listAlerts({ model: 'credit', state: 'firing' })).toEqual(
      expect.arrayContaining([expect.objectContaining({ metric: 'driftScore', feature: 'age' })]),
    );
  });

  it('with force, evaluates the open window as final; a failing window is reported and left dirty', async () => {
    const scheduler = createScheduler({
      store,
      now: () => clock.t,
      graceMs: GRACE,
      onError: () => undefined,
    });
    await store.insertPredictions('credit', windowRows(0, 20), T0 + 60_000);
    clock.t = T0 + 30 * 60_000;
    const forced = await scheduler.tick({ force: true, model: 'credit' });
    expect(forced.windows.map((w) => w.kind)).toEqual(['final']);
    expect(await store.dirtyWindows()).toEqual([]);

    await store.insertPredictions('credit', windowRows(1, 20), T0 + H + 60_000);
    clock.t = T0 + 2 * H + GRACE;
    const broken = Object.create(store) as Store;
    broken.readRows = async () => {
      throw new Error('disk on fire');
    };
    const failing = createScheduler({
      store: broken,
      now: () => clock.t,
      graceMs: GRACE,
      onError: () => undefined,
    });
    const result = await failing.tick();
    expect(result.failed).toEqual([{ model: 'credit', windowStart: T0 + H, message: 'disk on fire' }]);
    expect((await store.dirtyWindows()).map((w) => w.windowStart)).toEqual([T0 + H]);
  });

  it('start() ticks on its interval and stop() waits for the tick in progress', async () => {
    let ticks = 0;
    const counting = Object.create(store) as Store;
    counting.dirtyWindows = async (limit) => {
      ticks++;
      return store.dirtyWindows(limit);
    };
    const scheduler = createScheduler({ store: counting, intervalMs: 20, graceMs: GRACE });
    scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, 150));
    await scheduler.stop();
    const after = ticks;
    expect(after).toBeGreaterThan(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(ticks).toBe(after);
  });
});
