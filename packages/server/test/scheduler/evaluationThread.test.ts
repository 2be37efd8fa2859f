import { afterEach, describe, expect, it } from 'vitest';
import { createDefaultMonitors } from '../../src/monitors/defaultMonitors.js';
import { DEFAULT_WORKER_MIN_ROWS, evaluationThread } from '../../src/scheduler/evaluationThread.js';
import { createScheduler, type Scheduler } from '../../src/scheduler/scheduler.js';
import type { MetricPoint, PredictionRow, ReferenceRow, Store } from '../../src/store/types.js';
import { categories, normals, uniforms } from '../monitors/rows.js';
import { sourceWorker } from '../monitors/workerOptions.js';
import { openTestStore } from './testStore.js';

const H = 3_600_000;
const T0 = Math.floor(Date.now() / H) * H + 24 * H;

describe('evaluationThread(windowRows, {workers, minRows})', () => {
  it('sends windows of at least minRows rows to the workers, when there are any', () => {
    expect(evaluationThread(DEFAULT_WORKER_MIN_ROWS, { workers: 2, minRows: DEFAULT_WORKER_MIN_ROWS })).toBe(
      'workers',
    );
    expect(
      evaluationThread(DEFAULT_WORKER_MIN_ROWS - 1, { workers: 2, minRows: DEFAULT_WORKER_MIN_ROWS }),
    ).toBe('main');
    expect(evaluationThread(1e9, { workers: 0, minRows: 0 })).toBe('main');
    expect(evaluationThread(0, { workers: 1, minRows: 0 })).toBe('workers');
  });

  it('is checked by createScheduler (workers an integer ≥ 0, minRows ≥ 0)', async () => {
    const store = await openTestStore();
    try {
      expect(() => createScheduler({ store, evaluation: { workers: 1.5 } })).toThrow(
        'createScheduler: options.evaluation.workers must be an integer ≥ 0; got 1.5',
      );
      expect(() => createScheduler({ store, evaluation: { minRows: -1 } })).toThrow(
        'createScheduler: options.evaluation.minRows must be a number ≥ 0; got -1',
      );
    } finally {
      await store.close();
    }
  });
});

/** Reference rows: age ~ N(40, 10), region of three, label = prediction 80 % of the time. */
function referenceRows(n: number): ReferenceRow[] {
  const age = normals(n, 1, 40, 10);
  const region = categories(n, 2, ['north', 'south', 'east'], [3, 2, 1]);
  const u = uniforms(n, 3);
  return Array.from({ length: n }, (_, i) => {
    const prediction = u[i] < 0.4 ? 'yes' : 'no';
    const label = i % 5 === 0 ? (prediction === 'yes' ? 'no' : 'yes') : prediction;
    return { features: { age: age[i], region: region[i] }, prediction, score: u[i], label };
  });
}

/** Predictions of window 0, age shifted, a region the reference never had, every other one labelled. */
function windowRows(n: number): { rows: PredictionRow[]; labels: { id: string; label: string }[] } {
  const age = normals(n, 10, 43, 10);
  const region = categories(n, 11, ['north', 'south', 'west'], [3, 2, 1]);
  const u = uniforms(n, 12);
  const rows = Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    timestamp: T0 + Math.floor((i * H) / n),
    features: { age: age[i], region: region[i] },
    prediction: u[i] < 0.4 ? 'yes' : 'no',
    score: u[i],
    latencyMs: 5 + 30 * u[(i * 7) % n],
  }));
  const labels = rows
    .filter((_, i) => i % 2 === 0)
    .map((r, i) => ({ id: r.id, label: i % 3 === 0 ? 'yes' : 'no' }));
  return { rows, labels };
}

async function storeWithWindow(n: number): Promise<Store> {
  const store = await openTestStore();
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
  await store.createReference({ model: 'credit', source: 'ref.csv', schema }, referenceRows(2000));
  const monitors = await createDefaultMonitors(store, 'credit');
  await store.createMonitor({
    model: 'credit',
    name: 'share of drifted features',
    kind: 'custom',
    config: { monitorId: monitors[0].id, feature: '', metric: 'driftShare' },
    rule: { operator: 'gte', value: 0.5, severity: 'critical' },
    enabled: true,
  });
  const { rows, labels } = windowRows(n);
  await store.insertPredictions('credit', rows, T0 + 60_000);
  await store.insertLabels('credit', labels, T0 + 2 * 60_000);
  return store;
}

async function allPoints(store: Store): Promise<MetricPoint[]> {
  const points: MetricPoint[] = [];
  for (const monitor of await store.listMonitors('credit'))
    points.push(...(await store.readSeries({ monitorId: monitor.id })));
  return points;
}

describe('createScheduler({evaluation: {workers, minRows}})', () => {
  const open: { store: Store; scheduler: Scheduler }[] = [];
  afterEach(async () => {
    for (const { store, scheduler } of open.splice(0)) {
      await scheduler.stop();
      await store.close();
    }
  });

  it('writes exactly the points and alerts of the in-thread evaluation when the window goes to worker threads', async () => {
    const now = () => T0 + 2 * H;
    const inThread = { store: await storeWithWindow(5000), scheduler: undefined as unknown as Scheduler };
    inThread.scheduler = createScheduler({ store: inThread.store, now, evaluation: { workers: 0 } });
    open.push(inThread);
    const inWorkers = { store: await storeWithWindow(5000), scheduler: undefined as unknown as Scheduler };
    inWorkers.scheduler = createScheduler({
      store: inWorkers.store,
      now,
      evaluation: { workers: 2, minRows: 1000, ...sourceWorker },
    });
    open.push(inWorkers);

    const a = await inThread.scheduler.tick();
    const b = await inWorkers.scheduler.tick();
    expect(a.windows.map((w) => [w.windowStart, w.kind, w.rows, w.thread])).toEqual([
      [T0, 'final', 5000, 'main'],
    ]);
    expect(b.windows.map((w) => [w.windowStart, w.kind, w.rows, w.thread])).toEqual([
      [T0, 'final', 5000, 'workers'],
    ]);
    expect(b.failed).toEqual([]);
    const expected = await allPoints(inThread.store);
    expect(expected.length).toBeGreaterThan(20);
    expect(await allPoints(inWorkers.store)).toEqual(expected);
    expect(b.alerts.map(({ id, ...alert }) => alert)).toEqual(a.alerts.map(({ id, ...alert }) => alert));
    // The custom monitor judged the drift share the workers computed.
    expect(
      expected.find((p) => p.metric === 'driftShare' && p.feature === '' && p.value !== null),
    ).toBeDefined();
  }, 180_000);

  it('evaluates windows below minRows in its own thread; ticks still work after stop()', async () => {
    const store = await storeWithWindow(300);
    const scheduler = createScheduler({
      store,
      now: () => T0 + 2 * H,
      evaluation: { workers: 2, minRows: 5000, ...sourceWorker },
    });
    open.push({ store, scheduler });
    const first = await scheduler.tick();
    expect(first.windows.map((w) => [w.rows, w.thread])).toEqual([[300, 'main']]);
    await scheduler.stop();
    await store.insertPredictions(
      'credit',
      [{ id: 'late', timestamp: T0 + 5, features: { age: 50, region: 'north' }, prediction: 'yes' }],
      T0 + 2 * H,
    );
    const again = await scheduler.tick();
    expect(again.windows.map((w) => [w.rows, w.thread])).toEqual([[301, 'main']]);
  }, 60_000);
});
