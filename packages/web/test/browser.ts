/**
 * What the dashboard's Chromium tests share: Debian's Chromium driven by playwright-core (no browser download),
 * the built dashboard (rebuilt when a source is newer, as a checkout without `npm ci` may be), a page that records
 * console errors and failed requests, logging in through the form, and how much of a chart canvas is drawn.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';

export const CHROMIUM = '/usr/bin/chromium';
export const webRoot = fileURLToPath(new URL('../', import.meta.url));
export const dist = join(webRoot, 'dist');
export const artifacts = fileURLToPath(new URL('../../../test-artifacts/', import.meta.url));

/** Whether `file` is missing or older than a file under `sources`. */
function builtBefore(file: string, sources: string[]): boolean {
  if (!existsSync(file)) return true;
  const built = statSync(file).mtimeMs;
  const newer = (path: string): boolean =>
    statSync(path).isDirectory()
      ? readdirSync(path).some((name) => newer(join(path, name)))
      : statSync(path).mtimeMs > built;
  return sources.some(newer);
}

/** Builds the dashboard when a checkout has not (`npm ci` does) or a source changed; makes the artifacts folder. */
export async function ensureDashboardBuilt(): Promise<void> {
  if (builtBefore(join(dist, 'index.html'), [join(webRoot, 'src'), join(webRoot, 'index.html')])) {
    await build({ configFile: join(webRoot, 'vite.config.ts'), logLevel: 'warn' });
  }
  mkdirSync(artifacts, { recursive: true });
}

/** Debian's Chromium, headless, or an error saying what to install. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the dashboard tests need Debian's Chromium (apt-get install chromium)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * A page in a fresh browser profile (added to `contexts`, for closing) that records console errors, page errors,
 * answers of 400 and above, and requests that never got an answer — not those the page cancelled itself by
 * navigating away (ERR_ABORTED).
 */
export async function openPage(
  browser: Browser,
  contexts: BrowserContext[],
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) {
      r.text().then(
        (body) => errors.push(`${r.status()} ${r.request().method()} ${r.url()} ${body}`),
        () => errors.push(`${r.status()} ${r.request().method()} ${r.url()}`),
      );
    }
  });
  page.on('requestfailed', (r) => {
    const reason = r.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') errors.push(`failed ${r.method()} ${r.url()}: ${reason}`);
  });
  return { context, page, errors };
}

/** Logs in at `url` with `key` through the form, by keyboard, and waits for the models overview. */
export async function logIn(page: Page, url: string, key: string): Promise<void> {
  await page.goto(url);
  const input = page.getByLabel('API key');
  await input.focus();
  await page.keyboard.type(key);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Models', level: 1 }).waitFor();
}

/** Non-blank pixels of each chart canvas under `selector` (0 when the canvas is empty or missing). */
export async function chartInk(page: Page, selector: string): Promise<number[]> {
  // A string, evaluated in the page: the test is type-checked for Node, without the DOM library.
  return (await page.evaluate(`[...document.querySelectorAll(${JSON.stringify(`${selector} canvas`)})].map((c) => {
    if (c.width === 0 || c.height === 0) return 0;
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) ink++;
    return ink;
  })`)) as number[];
}
