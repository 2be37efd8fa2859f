import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { IMMUTABLE, NOT_BUILT_HTML, REVALIDATE } from '../../src/routes/web.js';
import { json, startTestApp, type TestApp } from '../app/appHarness.js';

let t: TestApp | undefined;
const folders: string[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

const INDEX = '<!doctype html><title>Vigil</title><div id="root"></div>';
const SCRIPT = 'console.log("dashboard");';

async function builtDashboard(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'vigil-web-'));
  folders.push(root);
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), INDEX);
  await writeFile(join(root, 'assets', 'index-3f2a1b9c.js'), SCRIPT);
  await writeFile(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return root;
}

describe('dashboard static files', () => {
  test('GET / answers index.html, public and revalidated', async () => {
    t = await startTestApp({ webRoot: await builtDashboard() });
    const response = await t.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(INDEX);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe(REVALIDATE);
  });

  test('GET of a hashed asset answers it, cached for a year as immutable', async () => {
    t = await startTestApp({ webRoot: await builtDashboard() });
    const response = await t.app.inject({ method: 'GET', url: '/assets/index-3f2a1b9c.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(SCRIPT);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe(IMMUTABLE);
    const icon = await t.app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.headers['cache-control']).toBe(REVALIDATE);
  });

  test('GET of a dashboard route answers index.html (SPA); a missing file with an extension is 404', async () => {
    t = await startTestApp({ webRoot: await builtDashboard() });
    const page = await t.app.inject({ method: 'GET', url: '/models/churn/features/age?window=3' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toBe(INDEX);
    const missing = await t.app.inject({ method: 'GET', url: '/assets/gone-123.js' });
    expect(missing.statusCode).toBe(404);
    expect(json(missing)).toEqual({
      error: { code: 'NOT_FOUND', message: 'no route GET /assets/gone-123.js' },
    });
  });

  test('unknown /api and /metrics paths keep their JSON 404; a path escaping the folder is 404', async () => {
    t = await startTestApp({ webRoot: await builtDashboard() });
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/nothing' });
    expect(api.statusCode).toBe(404);
    expect(json(api)).toEqual({ error: { code: 'NOT_FOUND', message: 'no route GET /api/v1/nothing' } });
    const outside = await t.app.inject({ method: 'GET', url: '/..%2f..%2fetc%2fpasswd' });
    expect(outside.statusCode).toBe(404);
    expect(outside.body).not.toContain('root:');
  });

  test('without a built dashboard, / answers the "dashboard not built" page', async () => {
    const root = await mkdtemp(join(tmpdir(), 'vigil-web-empty-'));
    folders.push(root);
    t = await startTestApp({ webRoot: join(root, 'missing') });
    const response = await t.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(NOT_BUILT_HTML);
    expect(response.body).toContain('dashboard was not built: run <code>npm run build</code>');
  });
});
