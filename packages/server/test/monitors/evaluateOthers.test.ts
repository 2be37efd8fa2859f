import { quantile } from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { evaluateCustom } from '../../src/monitors/evaluateCustom.js';
import { evaluateLatency } from '../../src/monitors/evaluateLatency.js';
import { evaluateVolume } from '../../src/monitors/evaluateVolume.js';
import { evaluateMonitors, evaluateWindow } from '../../src/monitors/evaluateWindow.js';
import type { ModelSchema } from '../../src/store/types.js';
import { contextOf, monitorOf, normals, rowsOf } from './rows.js';

const schema: ModelSchema = { features: [{ name: 'x', kind: 'numerical' }] };

describe('evaluateVolume(monitor, reference, window, context)', () => {
  it('counts the window predictions and judges the count', () => {
    const rule = { operator: 'lt', value: 1, severity: 'warning' } as const;
    const monitor = monitorOf('volume', { alertMetric: 'count' }, rule);
    const [point] = evaluateVolume(monitor, rowsOf({ n: 0 }), rowsOf({ n: 5 }), contextOf('binary', schema));
    expect(point).toMatchObject({
      feature: '',
      metric: 'count',
      value: 5,
      status: 'ok',
      windowStart: 3_600_000,
      windowEnd: 7_200_000,
    });
    const [empty] = evaluateVolume(monitor, rowsOf({ n: 0 }), rowsOf({ n: 0 }), contextOf('binary', schema));
    expect(empty).toMatchObject({ value: 0, status: 'breach' });
  });
});

describe('evaluateLatency(monitor, reference, window, context)', () => {
  const latency = Array.from(normals(1001, 1, 120, 30));
  latency[3] = Number.NaN;

  it('reports p50, p95 and p99 as numpy-style linear quantiles of the finite latencies (core quantile)', () => {
    const rule = { operator: 'gt', value: 150, severity: 'warning' } as const;
    const monitor = monitorOf('latency', { alertMetric: 'p99' }, rule);
    const points = evaluateLatency(
      monitor,
      rowsOf({ n: 0 }),
      rowsOf({ latencyMs: latency }),
      contextOf('binary', schema),
    );
    const finite = latency.filter((v) => Number.isFinite(v));
    expect(points.map((p) => p.metric)).toEqual(['p50', 'p95', 'p99']);
    expect(points.map((p) => p.value)).toEqual([0.5, 0.95, 0.99].map((q) => quantile(finite, q)));
    // Only p99 is judged (alertMetric); it is above 150 ms.
    expect(points.map((p) => p.status)).toEqual(['ok', 'ok', 'breach']);
    expect(points[0].details).toMatchObject({ count: 1000 });
  });

  it('takes the percentiles asked for and is insufficient without latencies', () => {
    const monitor = monitorOf('latency', { quantiles: ['p90', 'p99.9'] });
    const points = evaluateLatency(
      monitor,
      rowsOf({ n: 0 }),
      rowsOf({ latencyMs: latency }),
      contextOf('binary', schema),
    );
    const finite = latency.filter((v) => Number.isFinite(v));
    expect(points.map((p) => p.value)).toEqual([quantile(finite, 0.9), quantile(finite, 0.999)]);
    const none = evaluateLatency(
      monitor,
      rowsOf({ n: 0 }),
      rowsOf({ latencyMs: [null, null] }),
      contextOf('binary', schema),
    );
    expect(none.map((p) => p.status)).toEqual(['insufficient', 'insufficient']);
    const one = evaluateLatency(
      monitor,
      rowsOf({ n: 0 }),
      rowsOf({ latencyMs: [42] }),
      contextOf('binary', schema),
    );
    expect(one.map((p) => p.value)).toEqual([42, 42]);
  });
});

describe('evaluateCustom(monitor, reference, window, context)', () => {
  it('judges the point of the named series on the same window', () => {
    const context = contextOf('binary', schema);
    const volume = monitorOf('volume', {}, undefined, 7);
    const source = evaluateVolume(volume, rowsOf({ n: 0 }), rowsOf({ n: 40 }), context);
    const rule = { operator: 'gt', value: 30, severity: 'info' } as const;
    const custom = monitorOf('custom', { monitorId: 7, metric: 'count' }, rule, 8);
    const [point] = evaluateCustom(custom, rowsOf({ n: 0 }), rowsOf({ n: 0 }), {
      ...context,
      points: source,
    });
    expect(point).toMatchObject({ monitorId: 8, feature: '', metric: 'count', value: 40, status: 'breach' });
    const [missing] = evaluateCustom(custom, rowsOf({ n: 0 }), rowsOf({ n: 0 }), context);
    expect(missing).toMatchObject({ value: null, status: 'insufficient' });
    expect(missing.details?.reason).toMatch(/no point on this window/);
    const other = source.map((p) => ({ ...p, windowStart: 0 }));
    expect(
      evaluateCustom(custom, rowsOf({ n: 0 }), rowsOf({ n: 0 }), { ...context, points: other })[0].status,
    ).toBe('insufficient');
  });
});

describe('evaluateMonitors(monitors, reference, window, context)', () => {
  it('evaluates custom monitors after the monitors they read, whatever the order given', () => {
    const rule = { operator: 'gte', value: 3, severity: 'info' } as const;
    const custom = monitorOf('custom', { monitorId: 2, metric: 'count' }, rule, 1);
    const volume = monitorOf('volume', {}, undefined, 2);
    const points = evaluateMonitors(
      [custom, volume],
      rowsOf({ n: 0 }),
      rowsOf({ n: 3 }),
      contextOf('binary', schema),
    );
    expect(points.map((p) => [p.monitorId, p.value, p.status])).toEqual([
      [2, 3, 'ok'],
      [1, 3, 'breach'],
    ]);
  });

  it('dispatches by kind (evaluateWindow)', () => {
    const monitor = monitorOf('latency', {});
    expect(
      evaluateWindow(
        monitor,
        rowsOf({ n: 0 }),
        rowsOf({ latencyMs: [1, 2, 3] }),
        contextOf('binary', schema),
      )[0].value,
    ).toBe(quantile([1, 2, 3], 0.5));
  });
});
