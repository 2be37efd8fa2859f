import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DemoStatus } from '../../src/demo/demoStatus.js';
import { mostDriftingDemoFeature } from '../../src/demo/mostDriftingDemoFeature.js';
import { serveDemo } from '../../src/demo/serveDemo.js';
import { cleanupsAfterEach } from '../helpers/cleanups.js';

const cleanups = cleanupsAfterEach();

async function waitFor(
  read: () => Promise<DemoStatus>,
  done: (s: DemoStatus) => boolean,
  timeoutMs: number,
): Promise<DemoStatus> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const status = await read();
    if (done(status) || Date.now() > until) return status;
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('serveDemo', () => {
  it('serveDemo({windowMs 5 s, a year in 60 s, labels 1–2.5 s late}) evaluates windows, shows drift on the most drifting feature, performance with label coverage, and fires an alert', async () => {
    const expecting = mostDriftingDemoFeature();
    const dir = await mkdtemp(join(tmpdir(), 'vigil-demo-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    let output = '';
    const started = Date.now();
    const running = await serveDemo({
      port: 0,
      store: `duckdb:${join(dir, 'demo.duckdb')}`,
      handleSignals: false,
      print: (text) => {
        output += text;
      },
      windowMs: 5000,
      yearMs: 60_000,
      labelDelayMs: [1000, 2500],
      progressMs: 2000,
      scheduler: { intervalMs: 1000, graceMs: 1000 },
    });
    let closed = false;
    cleanups.push(async () => {
      if (!closed) await running.close();
    });
    const { server, demo } = running;
    const expectedFeature = await expecting;

    const status = await waitFor(
      demo.status,
      (s) =>
        s.windowsEvaluated >= 2 &&
        s.alertsFired >= 1 &&
        s.accuracy !== undefined &&
        s.drifted.includes(expectedFeature),
      50_000,
    );
    const elapsed = Date.now() - started;
    expect(status.windowsEvaluated).toBeGreaterThanOrEqual(2);
    expect(status.drifted).toContain(expectedFeature);
    expect(status.alertsFired).toBeGreaterThanOrEqual(1);
    expect(status.accuracy).toBeDefined();
    expect(elapsed).toBeLessThan(60_000);

    // The drift of that feature is a test's verdict in a final (not rolling) window of the categorical monitor.
    const monitors = await server.store.listMonitors(demo.model);
    const driftMonitor = monitors.find((m) => m.name === 'feature drift');
    expect(driftMonitor?.config).toMatchObject({ test: 'chisquare', correction: 'holm' });
    const driftPoints = await server.store.readSeries({
      monitorId: driftMonitor!.id,
      feature: expectedFeature,
      metric: 'driftScore',
    });
    const drifted = driftPoints.filter((p) => p.status === 'breach' && p.details?.partial !== true);
    expect(drifted.length).toBeGreaterThan(0);
    expect(drifted[0].value).toBeLessThan(0.05);
    expect(drifted[0].details).toMatchObject({ test: 'chisquare', drift: true });

    // Performance: label coverage reported per window; accuracy judged where labels cover at least half.
    const accuracyMonitor = monitors.find((m) => m.name === 'performance: accuracy')!;
    const performance = (await server.store.readSeries({ monitorId: accuracyMonitor.id })).filter(
      (p) => p.details?.partial !== true,
    );
    const coverage = performance.filter((p) => p.metric === 'labelCoverage');
    expect(coverage.some((p) => (p.value ?? 0) >= 0.5)).toBe(true);
    const judged = performance.filter((p) => p.metric === 'accuracy' && p.status !== 'insufficient');
    expect(judged.length).toBeGreaterThan(0);
    for (const p of judged) {
      expect(p.value).toBeGreaterThan(0.5);
      expect(p.value).toBeLessThanOrEqual(1);
    }

    // An alert on that feature's drift, from the monitor the demo tuned.
    const alerts = await server.store.listAlerts({ model: demo.model });
    expect(alerts.some((a) => a.feature === expectedFeature && a.monitorId === driftMonitor!.id)).toBe(true);

    // The console: URL, key, the explanation and progress lines (the next one, every 2 s, names the alert).
    const until = Date.now() + 5000;
    while (!/alert \(/.test(output) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    expect(output).toContain(server.url);
    expect(output).toContain(demo.apiKey);
    expect(output).toContain('What is happening');
    expect(output).toContain('windows  last window');
    expect(output).toMatch(/alert \((warning|critical)\): /);

    // Stops cleanly: the replay stops logging, the server drains and closes its store.
    const sent = demo.replay().predictions;
    await running.close();
    closed = true;
    await running.closed;
    await new Promise((r) => setTimeout(r, 300));
    expect(demo.replay().predictions).toBe(sent);
    expect(await server.store.ping()).toBe(false);
  }, 90_000);
});
