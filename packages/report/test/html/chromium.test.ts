/**
 * The HTML report in real Chromium (Debian's /usr/bin/chromium, driven by playwright-core, which downloads no
 * browser): it loads offline with no console error and no request but the file itself, its charts are visible,
 * and a screenshot goes to test-artifacts/report.png.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/index.js';
import { referenceEvaluationFixture, reportFixture } from './reportFixture.js';

const CHROMIUM = '/usr/bin/chromium';
const artifacts = fileURLToPath(new URL('../../../../test-artifacts/', import.meta.url));

describe('renderHtmlReport in Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: the HTML report tests need Debian's Chromium. Install it with: apt-get install chromium`,
      );
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    dir = mkdtempSync(join(tmpdir(), 'vigil-report-'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens `html` from a file and records console errors, page errors and every request. */
  async function open(name: string, html: string, viewport = { width: 1280, height: 900 }) {
    const file = join(dir, name);
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    const started = performance.now();
    await page.goto(url, { waitUntil: 'load' });
    const loadMs = performance.now() - started;
    return { page, url, errors, requests, loadMs };
  }

  it('renderHtmlReport(drift + eval) loads with no console error and no network request, charts visible', async () => {
    const input = { ...reportFixture(25), referenceEvaluation: referenceEvaluationFixture() };
    const { page, url, errors, requests } = await open('report.html', renderHtmlReport(input));
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.locator('script').count()).toBe(0);

    const summary = page.locator('section.summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await summary.innerText()).toMatch(/\d+ of 25 columns drifted/);
    expect(await summary.innerText()).toMatch(/Checks\s+1 of 6 checks failed, 1 errored, 1 warned/);
    expect(await summary.innerText()).toMatch(/accuracy 0\.\d+, 0\.\d+ below the reference/);
    const metricHeads = await page.locator('table.metrics thead th').allInnerTexts();
    expect(metricHeads.map((h) => h.toLowerCase())).toEqual(['metric', 'value', 'reference', 'difference']);

    // The checks table, right below the summary, failed first, with its badges laid out (not collapsed).
    const checks = page.locator('section#checks');
    await expect.poll(() => checks.isVisible()).toBe(true);
    const statuses = await checks.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.className));
    expect(statuses).toEqual(['fail', 'error', 'warn', 'pass', 'pass', 'pass']);
    const badge = await checks.locator('.badge.bad').first().boundingBox();
    expect(badge?.width).toBeGreaterThan(10);
    const summaryBox = await summary.boundingBox();
    const checksBox = await checks.boundingBox();
    expect(checksBox!.y).toBeGreaterThanOrEqual(summaryBox!.y + summaryBox!.height);
    expect(checksBox!.y).toBeLessThan(900); // on the first screen at 1280 × 900
    expect(await page.locator('section#data-quality tbody tr').count()).toBe(26);

    // Confusion matrix, ROC, PR and calibration (the figures of the quality section) and the drift histograms.
    const boxes = await page.locator('svg.chart').evaluateAll((svgs) =>
      svgs.map((s) => {
        const r = s.getBoundingClientRect();
        const visible = s.closest('details:not([open])') === null;
        return { width: r.width, height: r.height, visible, shapes: s.querySelectorAll('path').length };
      }),
    );
    expect(boxes.length).toBe(4 + 25);
    const quality = boxes.slice(0, 4);
    for (const b of quality) {
      expect(b.width).toBeGreaterThan(100);
      expect(b.height).toBeGreaterThan(100);
      expect(b.shapes).toBeGreaterThan(3);
    }
    // 25 histograms are more than the 10 shown open: folded, and a click (native <details>, no script) opens one.
    expect(boxes.slice(4).every((b) => !b.visible)).toBe(true);
    const first = page.locator('details.hist').first();
    await first.locator('summary').click();
    const box = await first.locator('svg.chart').boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    expect(box?.height).toBeGreaterThan(100);
    // Chart text keeps its whole font list (a quote inside ECharts' quoted style attribute would cut it short).
    const font = await page
      .locator('svg.chart text')
      .first()
      .evaluate((t) => (t as unknown as { style: { fontFamily: string } }).style.fontFamily);
    expect(font).toContain('sans-serif');

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'report.png'), fullPage: true });
    expect(existsSync(join(artifacts, 'report.png'))).toBe(true);
    await page.close();
  }, 60_000);

  it('renderHtmlReport(1000 columns) renders in Chromium within 10 s', async () => {
    const html = renderHtmlReport(reportFixture(1000, 200));
    const { page, url, errors, requests, loadMs } = await open('report-1000.html', html);
    // Layout of the whole page, not only the load event: ask for the document height.
    const started = performance.now();
    const height = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document
          .documentElement.scrollHeight,
    );
    const layoutMs = performance.now() - started;
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(height).toBeGreaterThan(1000);
    expect(await page.locator('table.drift tbody tr').count()).toBe(1000);
    // A sanity bound, not a benchmark (the machine is shared).
    expect(loadMs + layoutMs).toBeLessThan(10_000);
    console.log(
      `1000-column report: ${Buffer.byteLength(html)} bytes, load ${loadMs.toFixed(0)} ms + layout ${layoutMs.toFixed(0)} ms`,
    );
    await page.close();
  }, 60_000);
});
