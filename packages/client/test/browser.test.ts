/**
 * The client in real Chromium (Debian's /usr/bin/chromium driven by playwright-core): the compiled modules load
 * as plain ES modules (no Node built-ins, no bundler), batches go out through the page's own `fetch`, and
 * leaving the page (`pagehide`) still delivers what was buffered, through `fetch` keepalive. Page, modules and
 * API share the receiver's origin, as they do behind `vigil serve`.
 */
import { existsSync, rmSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver, until } from './helpers/receiver.js';
import { transpileClient } from './helpers/transpileClient.js';

const CHROMIUM = '/usr/bin/chromium';
const PAGE = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>client</title>
<script type="module">
  import { VigilClient } from '/client/index.js';
  window.VigilClient = VigilClient;
  document.title = 'ready';
</script>`;

interface PageWindow {
  VigilClient: typeof import('../src/index.js').VigilClient;
  client: import('../src/index.js').VigilClient;
}

describe('VigilClient in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let files: Map<string, string>;
  let receiver: Receiver | undefined;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: the browser tests need Debian's Chromium (apt-get install chromium)`,
      );
    }
    ({ dir, files } = transpileClient());
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  async function openPage() {
    const server = await startReceiver();
    receiver = server;
    server.files.set('/', ['text/html', PAGE]);
    server.files.set('/bye', [
      'text/html',
      '<!doctype html><link rel="icon" href="data:,"><title>bye</title>',
    ]);
    for (const [name, text] of files) server.files.set(`/client/${name}`, ['text/javascript', text]);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.title()).toBe('ready');
    return { server, page, errors };
  }

  it('new VigilClient() in a page batches through fetch and flush() delivers', async () => {
    const { server, page, errors } = await openPage();
    const stats = await page.evaluate(async (url) => {
      const w = globalThis as unknown as PageWindow;
      const client = new w.VigilClient({ url, apiKey: 'browser-key', model: 'web', batchSize: 2 });
      for (let i = 0; i < 3; i++) {
        client.logPrediction({
          id: `b${i}`,
          timestamp: new Date(Date.UTC(2024, 0, 1)),
          features: { x: i },
          prediction: 'y',
        });
      }
      await client.flush();
      return client.stats();
    }, server.url);
    expect(stats).toEqual({ queued: 0, sent: 3, failed: 0, requests: 2, retries: 0 });
    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => (r.body as unknown[]).length)).toEqual([2, 1]);
    expect(posts[0].headers.authorization).toBe('Bearer browser-key');
    expect(server.items('/api/v1/models/web/predictions')[0]).toEqual({
      id: 'b0',
      timestamp: '2024-01-01T00:00:00.000Z',
      features: { x: 0 },
      prediction: 'y',
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaving the page (pagehide) sends the buffered events with keepalive', async () => {
    const { server, page, errors } = await openPage();
    await page.evaluate((url) => {
      const w = globalThis as unknown as PageWindow;
      // A long interval: only pagehide can send these.
      w.client = new w.VigilClient({ url, apiKey: 'browser-key', model: 'web', flushIntervalMs: 600_000 });
      for (let i = 0; i < 3; i++) w.client.logPrediction({ id: `h${i}`, features: { x: i }, prediction: 1 });
      w.client.logLabel({ id: 'h0', label: 0 });
    }, server.url);
    await new Promise((r) => setTimeout(r, 200));
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    await page.goto(`${server.url}/bye`);
    await until(
      () => server.requests.filter((r) => r.method === 'POST').length === 2,
      10_000,
      'the keepalive POSTs',
    );
    expect(server.items('/api/v1/models/web/predictions').map((e) => e.id)).toEqual(['h0', 'h1', 'h2']);
    expect(server.items('/api/v1/models/web/labels')).toEqual([{ id: 'h0', label: 0 }]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
