/**
 * Issue 4 budget: evaluating all default monitors on a 1M-prediction window ≤ 5 s. Reported, not asserted (timing
 * never fails a test); the test checks that every default monitor produced its points.
 */
import { describe, expect, it } from 'vitest';
import { defaultMonitors, referenceFacts } from '../../src/monitors/defaultMonitors.js';
import { evaluateMonitors } from '../../src/monitors/evaluateWindow.js';
import { createEvaluationCache, type EvaluationContext } from '../../src/monitors/evaluationContext.js';
import type { MetricPoint, Monitor, RowColumns } from '../../src/store/types.js';
import { BIG_SCHEMA, bigRows } from './bigWindow.js';

/** Evaluates the monitors one by one (as evaluateMonitors does), timing each. */
function timed(monitors: Monitor[], reference: RowColumns, window: RowColumns, context: EvaluationContext) {
  const points: MetricPoint[] = [];
  const each: string[] = [];
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (const m of monitors) {
    const t = performance.now();
    points.push(...evaluateMonitors([m], reference, window, { ...context, points }));
    each.push(`${m.name} ${(performance.now() - t).toFixed(0)} ms`);
  }
  const used = process.cpuUsage(cpu);
  // CPU time as well as wall time: on a busy machine the wall time measures the neighbours too.
  return {
    points,
    seconds: (performance.now() - start) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    each: each.join('; '),
  };
}

describe('evaluateMonitors(default monitors, 100k reference, 1M window)', () => {
  it('evaluates every default monitor (time reported)', () => {
    const reference = bigRows(100_000, 1);
    const window = bigRows(1_000_000, 2, { shift: 0.05, labelled: 0.6 });
    const monitors: Monitor[] = defaultMonitors(
      { name: 'big', task: 'binary' },
      BIG_SCHEMA,
      referenceFacts(reference, BIG_SCHEMA),
    ).map((m, i) => ({ ...m, id: i + 1, createdAt: 0, updatedAt: 0 }));
    const context: EvaluationContext = {
      model: { name: 'big', task: 'binary', schema: BIG_SCHEMA },
      windowStart: 0,
      windowEnd: 3_600_000,
      computedAt: 1,
      cache: createEvaluationCache(),
    };
    // First window: the reference's derived data (frames, bounds, metrics) is computed too.
    const first = timed(monitors, reference, window, context);
    // The scheduler keeps the reference (and the cache) across windows: a later window costs this much.
    const next = timed(monitors, reference, bigRows(1_000_000, 3, { labelled: 0.6 }), context);
    console.log(
      `default monitors on a 1M-prediction window (20 features, 100k reference): first window ${first.seconds.toFixed(2)} s (CPU ${first.cpuSeconds.toFixed(2)} s), next window ${next.seconds.toFixed(2)} s (CPU ${next.cpuSeconds.toFixed(2)} s; budget 5 s)\n  first: ${first.each}\n  next: ${next.each}`,
    );
    const { points } = first;
    for (const m of monitors)
      expect(
        points.some((p) => p.monitorId === m.id),
        m.name,
      ).toBe(true);
    expect(points.find((p) => p.metric === 'count')?.value).toBe(1_000_000);
    expect(points.find((p) => p.metric === 'labelCoverage')?.status).toBe('ok');
    expect(points.filter((p) => p.metric === 'driftScore')).toHaveLength(22);
  });
});
