import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app/buildApp.js';
import { generateApiKey, keyPrefix } from '../../src/auth/apiKeys.js';
import { ROUTE_ROLES } from '../../src/auth/authHook.js';
import type { Role, Store } from '../../src/store/types.js';
import { createModel, json, openTestStore, startTestApp, type TestApp } from './appHarness.js';

let t: TestApp | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const MISSING = {
  error: {
    code: 'UNAUTHORIZED',
    message: 'missing API key: send "Authorization: Bearer <key>" or "X-Api-Key: <key>"',
  },
};
const INVALID = { error: { code: 'UNAUTHORIZED', message: 'invalid or revoked API key' } };

/** A concrete URL for a route pattern. */
function concrete(url: string): string {
  return url
    .replace(':model', 'churn')
    .replace(/:id\b/, '1')
    .replace(/:[A-Za-z]+/g, 'x');
}

describe('API keys', () => {
  test('generateApiKey() makes vgl_<8>_<43> keys whose prefix is stored and whose SHA-256 is the hash', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).toMatch(/^vgl_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(a.key).not.toBe(b.key);
    expect(a.prefix).toBe(a.key.slice(0, 12));
    expect(a.hash).toBe(createHash('sha256').update(a.key).digest('hex'));
    expect(keyPrefix(a.key)).toBe(a.prefix);
    expect(keyPrefix('vgl_short_x')).toBeUndefined();
    expect(keyPrefix(`${a.key}x`)).toBeUndefined();
  });

  test('the store holds the key hash, never the key', async () => {
    t = await startTestApp();
    const prefix = keyPrefix(t.keys.read) as string;
    const [stored] = await t.store.findApiKeysByPrefix(prefix);
    expect(stored.hash).toBe(createHash('sha256').update(t.keys.read).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(t.keys.read.slice(13));
  });
});

describe('roles on every route', () => {
  test('every route declares a role; read routes are GETs; ingest routes are the prediction and label writes', async () => {
    t = await startTestApp();
    const routes = t.app.vigil.routes.filter((r) => r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) expect(ROUTE_ROLES).toContain(route.role);
    for (const route of routes.filter((r) => r.role === 'read')) expect(route.method).toBe('GET');
    expect(routes.filter((r) => r.role === 'ingest').map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/v1/models/:model/predictions',
      'POST /api/v1/models/:model/labels',
    ]);
    expect(routes.filter((r) => r.role === 'public').map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['GET /healthz', 'GET /readyz', 'GET /api/v1/openapi.json']),
    );
  });

  test('every keyed route answers 401 without a key, 403 to a role it does not allow, and lets allowed roles in', async () => {
    t = await startTestApp();
    await createModel(t);
    const routes = t.app.vigil.routes.filter((r) => r.method !== 'HEAD');
    const roles: Role[] = ['read', 'ingest', 'admin'];
    for (const route of routes) {
      const url = concrete(route.url);
      const method = route.method as 'GET';
      const anonymous = await t.app.inject({ method, url });
      if (route.role === 'public') {
        expect([401, 403], `${route.method} ${route.url}`).not.toContain(anonymous.statusCode);
        continue;
      }
      expect(anonymous.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(json(anonymous)).toEqual(MISSING);
      expect(anonymous.headers['www-authenticate']).toBe('Bearer');
      for (const role of roles) {
        const response = await t.app.inject({ method, url, headers: t.as[role] });
        const allowed = role === 'admin' || role === route.role;
        if (allowed) {
          expect([401, 403], `${role} on ${route.method} ${route.url}`).not.toContain(response.statusCode);
        } else {
          expect(response.statusCode, `${role} on ${route.method} ${route.url}`).toBe(403);
          const needs = route.role === 'admin' ? '"admin"' : `"${route.role}" or "admin"`;
          expect(json(response)).toEqual({
            error: {
              code: 'FORBIDDEN',
              message: `this route needs role ${needs}; the key "${role} key" has role "${role}"`,
            },
          });
        }
      }
    }
  });

  test('HEAD requests of GET routes are guarded too', async () => {
    t = await startTestApp();
    const response = await t.app.inject({ method: 'HEAD', url: '/api/v1/models' });
    expect(response.statusCode).toBe(401);
  });

  test('a route without config.role makes buildApp fail', async () => {
    const store = await openTestStore();
    cleanups.push(() => store.close());
    await expect(
      buildApp({
        store,
        plugins: [
          {
            name: 'forgotten',
            prefix: '/api/v1',
            plugin: async (app) => {
              app.get('/open', async () => ({ open: true }));
            },
          },
        ],
      }),
    ).rejects.toThrow(
      'route GET /api/v1/open must declare config.role (one of public, read, ingest, admin); got undefined',
    );
  });
});

describe('authentication', () => {
  test('a key is accepted as Bearer token or X-Api-Key header', async () => {
    t = await startTestApp();
    const bearer = await t.app.inject({ method: 'GET', url: '/api/v1/models', headers: t.as.read });
    expect(json(bearer)).toEqual({ models: [] });
    const header = await t.app.inject({
      method: 'GET',
      url: '/api/v1/models',
      headers: { 'x-api-key': t.keys.read },
    });
    expect(header.statusCode).toBe(200);
  });

  test('a malformed key, an unknown key and a wrong secret with a known prefix are all 401', async () => {
    t = await startTestApp();
    const wrongSecret = `${t.keys.admin.slice(0, 13)}${'A'.repeat(43)}`;
    for (const key of ['nope', generateApiKey().key, wrongSecret, `${t.keys.admin}x`]) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/models',
        headers: { authorization: `Bearer ${key}` },
      });
      expect(response.statusCode, key).toBe(401);
      expect(json(response)).toEqual(INVALID);
    }
  });

  test('a revoked key is refused from then on, and the last admin key cannot be revoked', async () => {
    t = await startTestApp();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/keys',
      headers: t.as.admin,
      payload: { name: 'scorer', role: 'ingest' },
    });
    expect(created.statusCode).toBe(201);
    const body = json(created) as { id: number; key: string; prefix: string; role: string; name: string };
    expect(body).toMatchObject({ name: 'scorer', role: 'ingest', prefix: body.key.slice(0, 12) });
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/x/labels',
      headers: { 'x-api-key': body.key },
      payload: [{ id: 'a', label: 1 }],
    });
    expect(ok.statusCode).toBe(404);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/keys/${body.id}`,
      headers: t.as.admin,
    });
    expect(revoked.statusCode).toBe(204);
    const refused = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-api-key': body.key },
    });
    expect(refused.statusCode).toBe(200);
    const after = await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/x/labels',
      headers: { 'x-api-key': body.key },
      payload: [{ id: 'a', label: 1 }],
    });
    expect(json(after)).toEqual(INVALID);

    const list = json(await t.app.inject({ method: 'GET', url: '/api/v1/keys', headers: t.as.admin })) as {
      keys: Record<string, unknown>[];
    };
    expect(list.keys.map((k) => k.name)).toEqual(['admin key', 'ingest key', 'read key', 'scorer']);
    expect(list.keys.every((k) => !('hash' in k) && !('key' in k))).toBe(true);
    expect(list.keys[3].revokedAt).toEqual(expect.any(Number));

    const adminId = list.keys[0].id as number;
    const last = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/keys/${adminId}`,
      headers: t.as.admin,
    });
    expect(json(last)).toEqual({
      error: {
        code: 'CONFLICT',
        message: `API key ${adminId} is the last active admin key; create another admin key first`,
      },
    });
    const missing = await t.app.inject({ method: 'DELETE', url: '/api/v1/keys/999', headers: t.as.admin });
    expect(json(missing)).toEqual({
      error: { code: 'RESOURCE_NOT_FOUND', message: 'API key 999 does not exist', details: { id: 999 } },
    });
  });

  test('a key use is recorded as lastUsedAt', async () => {
    t = await startTestApp({ now: () => 1_800_000_000_000 });
    await t.app.inject({ method: 'GET', url: '/api/v1/models', headers: t.as.read });
    const keys = await t.store.listApiKeys();
    expect(keys.find((k) => k.role === 'read')?.lastUsedAt).toBe(1_800_000_000_000);
    expect(keys.find((k) => k.role === 'ingest')?.lastUsedAt).toBeUndefined();
  });
});

describe('first start', () => {
  async function tempDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'vigil-auth-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }

  test('buildApp on a store without keys creates an admin key, saves it with mode 0600, and only once', async () => {
    const dir = await tempDir();
    const file = join(dir, 'data', 'admin.key');
    const store: Store = await openTestStore();
    cleanups.push(() => store.close());
    const app = await buildApp({ store, adminKeyFile: file });
    cleanups.push(() => app.close());
    const bootstrap = app.vigil.bootstrap;
    expect(bootstrap?.file).toBe(file);
    expect(bootstrap?.key).toMatch(/^vgl_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(await readFile(file, 'utf8')).toBe(`${bootstrap?.key}\n`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const keys = await app.inject({
      method: 'GET',
      url: '/api/v1/keys',
      headers: { authorization: `Bearer ${bootstrap?.key}` },
    });
    expect((json(keys) as { keys: { role: string }[] }).keys).toEqual([
      expect.objectContaining({ role: 'admin', name: 'admin (created at first start)' }),
    ]);
    expect((await store.listAudit()).map((e) => e.action)).toEqual(['key.bootstrap']);

    const again = await buildApp({ store, adminKeyFile: file });
    cleanups.push(() => again.close());
    expect(again.vigil.bootstrap).toBeUndefined();
    expect(await readFile(file, 'utf8')).toBe(`${bootstrap?.key}\n`);
  });

  test('without an admin key file nothing is created and every keyed route stays closed', async () => {
    const store = await openTestStore();
    cleanups.push(() => store.close());
    const app = await buildApp({ store });
    cleanups.push(() => app.close());
    expect(app.vigil.bootstrap).toBeUndefined();
    expect(await store.listApiKeys()).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/models' })).statusCode).toBe(401);
  });
});

describe('audit log', () => {
  test('admin actions are written to the audit log with the key that did them', async () => {
    t = await startTestApp({ now: () => 1_800_000_000_000 });
    await createModel(t);
    await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/models/churn',
      headers: t.as.admin,
      payload: { description: 'churn model' },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/keys',
      headers: t.as.admin,
      payload: { name: 'ci', role: 'read' },
    });
    await t.app.inject({ method: 'DELETE', url: '/api/v1/models/churn', headers: t.as.admin });
    const adminId = (await t.store.listApiKeys()).find((k) => k.role === 'admin')?.id;
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit?limit=10',
      headers: t.as.admin,
    });
    const entries = (json(response) as { entries: Record<string, unknown>[] }).entries;
    expect(entries.map((e) => [e.action, e.target])).toEqual([
      ['model.delete', 'model:churn'],
      ['key.create', 'key:4'],
      ['model.update', 'model:churn'],
      ['model.create', 'model:churn'],
    ]);
    expect(entries.every((e) => e.keyId === adminId && e.at === 1_800_000_000_000)).toBe(true);
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: t.as.read });
    expect(read.statusCode).toBe(403);
  });
});
