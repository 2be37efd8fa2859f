/**
 * The dashboard in real Chromium (Debian's /usr/bin/chromium driven by playwright-core, which downloads no
 * browser) against a real server (startServer on a temporary DuckDB) seeded through its API with the employment
 * example: log in, see the model, open it, charts drawn with data, open a feature, create a monitor and see it
 * evaluated, acknowledge an alert, a read-only key sees no edit control, phone width without sideways scrolling;
 * no console error anywhere. Screenshots go to test-artifacts/dashboard-*.png.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@vigil/server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  chartInk,
  ensureDashboardBuilt,
  launchChromium,
  logIn as logInAt,
  openPage,
} from './browser.js';
import { call, MODEL, type Seeded, seedEmployment } from './seedEmployment.js';

interface Alert {
  id: number;
  acknowledgedAt?: number;
}

describe('dashboard in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  let dir: string;
  let adminKey: string;
  let seeded: Seeded;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // `npm ci` builds the dashboard (prepare); rebuilt here when a checkout has not, or when a source changed.
    await ensureDashboardBuilt();
    dir = mkdtempSync(join(tmpdir(), 'vigil-web-'));
    server = await startServer({
      port: 0,
      store: `duckdb:${join(dir, 'vigil.duckdb')}`,
      adminKeyFile: join(dir, 'admin.key'),
      logLevel: 'warn',
      handleSignals: false,
      print: () => undefined,
    });
    if (server.adminKey === undefined) throw new Error('startServer: a fresh store must print an admin key');
    adminKey = server.adminKey.key;
    seeded = await seedEmployment(server.url, adminKey);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const open = (viewport?: { width: number; height: number }) => openPage(browser, contexts, viewport);

  const logIn = (page: Page, key: string) => logInAt(page, server.url, key);

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(artifacts, `dashboard-${name}.png`), fullPage: true });

  it('dashboard(admin) logs in, shows the model, its charts, a feature, a new monitor evaluated, an acknowledged alert', async () => {
    const { page, errors } = await open();
    await logIn(page, adminKey);

    // Overview: the model card with its health, sparkline and summary.
    const card = page.locator(`[data-testid="model-card"][data-model="${MODEL}"]`);
    await card.waitFor();
    expect(await card.getByTestId('health').textContent()).toMatch(/Healthy|Warning|Critical|No data/);
    const sparkline = card.locator('svg.sparkline');
    expect(await sparkline.getAttribute('aria-label')).toMatch(/to 400 predictions per window, latest 400$/);
    await shot(page, 'overview');

    // Model page: every chart is drawn, with data, and has its text alternative.
    await card.getByRole('link', { name: MODEL }).click();
    await page.getByRole('heading', { name: MODEL, level: 1 }).waitFor();
    const charts = ['performance', 'predictions', 'drift', 'quality', 'latency', 'volume'];
    for (const name of charts) {
      const chart = page.getByTestId(`chart-${name}`);
      await chart.locator('canvas').first().waitFor();
      expect(await chart.locator('[role="img"]').getAttribute('aria-label')).not.toBe('');
    }
    await page.waitForTimeout(600); // the charts' 300 ms entry animation
    for (const name of charts) {
      const ink = await chartInk(page, `[data-testid="chart-${name}"]`);
      expect(ink.length, `chart ${name} has a canvas`).toBeGreaterThan(0);
      expect(Math.max(...ink), `chart ${name} is drawn`).toBeGreaterThan(500);
    }
    // The volume table (the chart's text alternative) lists the seeded windows with their 400 predictions.
    const counts = await page
      .getByTestId('chart-volume')
      .locator('tbody tr td:nth-child(2)')
      .allTextContents();
    expect(counts.filter((c) => c === '400')).toHaveLength(seeded.windows.length);
    await shot(page, 'model');

    // Feature page, from the drift table's link (the keyboard path to what a heatmap cell opens).
    const drift = page.getByTestId('chart-drift');
    await drift.getByText('Data as a table').click();
    const featureLink = drift.locator('tbody a').first();
    const feature = (await featureLink.textContent()) ?? '';
    await featureLink.click();
    await page.getByRole('heading', { name: feature, level: 1 }).waitFor();
    await page.getByTestId('chart-histogram').locator('canvas').first().waitFor();
    await page.getByTestId('chart-drift-score').locator('canvas').first().waitFor();
    expect(await page.getByTestId('feature-test').textContent()).not.toBe('');
    await page.waitForTimeout(600);
    expect(Math.max(...(await chartInk(page, '[data-testid="chart-histogram"]')))).toBeGreaterThan(500);
    await shot(page, 'feature');

    // Monitors: create one whose rule fires on every window, then see it evaluated.
    await page.getByRole('link', { name: MODEL }).click();
    await page.getByRole('link', { name: 'Monitors and thresholds' }).click();
    await page.getByRole('heading', { name: `Monitors of ${MODEL}` }).waitFor();
    await page.getByRole('button', { name: 'New monitor' }).click();
    await page.getByLabel('Name').fill('volume floor');
    await page.getByLabel('Kind').selectOption('volume');
    await page.getByLabel('Alert when the value is').selectOption('lt');
    await page.getByLabel('Threshold', { exact: true }).fill('1000000');
    await page.getByLabel('Severity').selectOption('critical');
    await page.getByRole('button', { name: 'Create monitor' }).click();
    const row = page.locator('tr[data-monitor="volume floor"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('critical when count < 1000000');
    await expect.poll(() => row.getByTestId('last-evaluated').textContent()).toContain('not yet');
    await seeded.addToNewest(50);
    await page.getByRole('button', { name: 'Evaluate now' }).click();
    await expect
      .poll(() => page.getByTestId('evaluation-result').textContent())
      .toMatch(/Evaluated 1 window/);
    await expect
      .poll(() => row.getByTestId('last-evaluated').textContent(), { timeout: 10_000 })
      .toContain('value');
    await shot(page, 'monitors');

    // Alerts: the new monitor fired; acknowledge it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click();
    await page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
    await page.getByLabel('Severity').selectOption('critical');
    // The alert of the new monitor (its threshold, 1000000, is in its message).
    const firstRow = page.locator('tr[data-alert-id]').filter({ hasText: '1000000' }).first();
    await firstRow.waitFor();
    const alertId = Number(await firstRow.getAttribute('data-alert-id'));
    const ack = firstRow.getByRole('button', { name: /^Acknowledge alert/ });
    const alertRow = page.locator(`tr[data-alert-id="${alertId}"]`);
    await ack.click();
    await expect.poll(() => alertRow.textContent()).toContain('by admin');
    const stored = await call<Alert>(server.url, adminKey, `/alerts/${alertId}`);
    expect(stored.acknowledgedAt).toBeGreaterThan(0);
    await shot(page, 'alerts');

    expect(errors).toEqual([]);
  }, 120_000);

  it('dashboard(read key) shows the data with no edit control', async () => {
    const created = await call<{ key: string }>(server.url, adminKey, '/keys', {
      method: 'POST',
      body: JSON.stringify({ name: 'viewer', role: 'read' }),
    });
    const { page, errors } = await open();
    await logIn(page, created.key);
    await page.locator('[data-testid="model-card"]').first().waitFor();
    await page.goto(`${server.url}/models/${MODEL}/monitors`);
    await page.getByTestId('monitors-table').waitFor();
    expect(await page.getByRole('button', { name: 'New monitor' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Edit monitor/ }).count()).toBe(0);
    await page.goto(`${server.url}/alerts`);
    await page.getByTestId('alerts-table').waitFor();
    expect(await page.getByRole('button', { name: /^Acknowledge/ }).count()).toBe(0);
    await page.goto(`${server.url}/models/${MODEL}/references`);
    await page.getByTestId('references-table').waitFor();
    expect(await page.getByRole('button', { name: 'Upload' }).count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);

  it('dashboard(phone width) fits 390 px without sideways scrolling', async () => {
    const { page, errors } = await open({ width: 390, height: 844 });
    await logIn(page, adminKey);
    await page.locator('[data-testid="model-card"]').first().waitFor();
    const overflow = async () =>
      (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot(page, 'phone-overview');
    await page.goto(`${server.url}/models/${MODEL}`);
    await page.getByTestId('chart-drift').locator('canvas').first().waitFor();
    await page.waitForTimeout(600);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot(page, 'phone-model');
    expect(errors).toEqual([]);
  }, 60_000);

  it('dashboard(overview) first load on localhost, reported', async () => {
    const { page, context } = await open();
    await logIn(page, adminKey);
    // A new page in the signed-in profile: cold JS/CSS cache is not what is measured (assets are immutable).
    const fresh = await context.newPage();
    const started = performance.now();
    await fresh.goto(server.url);
    await fresh.locator('[data-testid="model-card"]').first().waitFor();
    const ms = performance.now() - started;
    const timing = (await fresh.evaluate(`(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const api = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/api/v1/overview'));
      return {
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        overviewStart: api ? api.startTime : NaN,
        overviewMs: api ? api.responseEnd - api.startTime : NaN,
      };
    })()`)) as { domContentLoaded: number; load: number; overviewStart: number; overviewMs: number };
    console.log(
      `overview first load: ${ms.toFixed(0)} ms to the first model card (DOMContentLoaded ${timing.domContentLoaded.toFixed(0)} ms, ` +
        `load ${timing.load.toFixed(0)} ms; GET /api/v1/overview sent at ${timing.overviewStart.toFixed(0)} ms, ` +
        `answered in ${timing.overviewMs.toFixed(0)} ms; ${seeded.predictions} predictions stored)`,
    );
    expect(ms).toBeGreaterThan(0);
  }, 60_000);
});
