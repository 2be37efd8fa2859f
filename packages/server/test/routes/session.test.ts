import { afterEach, describe, expect, test } from 'vitest';
import { SESSION_TTL_MS } from '../../src/auth/sessions.js';
import { createModel, json, startTestApp, type TestApp } from '../app/appHarness.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** The `vigil_session=<token>` pair of a Set-Cookie header, and its attributes. */
function parseSetCookie(header: string | string[] | number | undefined): {
  token: string;
  attributes: string[];
} {
  const text = Array.isArray(header) ? header.join('\n') : String(header);
  const [pair, ...attributes] = text.split(/;\s*/);
  const [name, token] = pair.split('=');
  expect(name).toBe('vigil_session');
  return { token, attributes };
}

async function login(app: TestApp, role: 'admin' | 'read' | 'ingest') {
  return app.app.inject({ method: 'POST', url: '/api/v1/session', payload: { key: app.keys[role] } });
}

describe('session login', () => {
  test('POST /session(key) answers the key and sets an HttpOnly, SameSite=Strict, Path=/ cookie of 12 h without the key', async () => {
    t = await startTestApp();
    const response = await login(t, 'read');
    expect(response.statusCode).toBe(200);
    const keys = await t.store.listApiKeys();
    const read = keys.find((k) => k.role === 'read');
    expect(json(response)).toEqual({ key: { id: read?.id, name: 'read key', role: 'read' } });
    const { token, attributes } = parseSetCookie(response.headers['set-cookie']);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token).not.toContain(t.keys.read.slice(13));
    expect(attributes.sort()).toEqual(
      ['HttpOnly', `Max-Age=${SESSION_TTL_MS / 1000}`, 'Path=/', 'SameSite=Strict'].sort(),
    );
    expect(SESSION_TTL_MS / 1000).toBe(43200);
  });

  test('POST /session(wrong key) is 401 in the catalogue shape and sets no cookie', async () => {
    t = await startTestApp();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { key: `${t.keys.read.slice(0, -1)}x` },
    });
    expect(response.statusCode).toBe(401);
    expect(json(response)).toEqual({
      error: { code: 'UNAUTHORIZED', message: 'invalid or revoked API key' },
    });
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  test('POST /session(ingest key) is 403: the dashboard reads nothing an ingest key may read', async () => {
    t = await startTestApp();
    const response = await login(t, 'ingest');
    expect(response.statusCode).toBe(403);
    expect(json(response)).toEqual({
      error: {
        code: 'FORBIDDEN',
        message:
          'the dashboard needs a key with role "read" or "admin"; the key "ingest key" has role "ingest"',
      },
    });
  });

  test('the cookie authenticates GET routes like its key; GET /session names the key', async () => {
    t = await startTestApp();
    const { token } = parseSetCookie((await login(t, 'read')).headers['set-cookie']);
    const cookies = { vigil_session: token };
    const models = await t.app.inject({ method: 'GET', url: '/api/v1/models', cookies });
    expect(models.statusCode).toBe(200);
    expect(json(models)).toEqual({ models: [] });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/session', cookies });
    expect(json(me)).toEqual({ key: expect.objectContaining({ name: 'read key', role: 'read' }) });
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/session' });
    expect(none.statusCode).toBe(401);
  });

  test("a read key's session gets 403 on a PATCH, even with the CSRF header", async () => {
    t = await startTestApp();
    await createModel(t);
    const { token } = parseSetCookie((await login(t, 'read')).headers['set-cookie']);
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/models/churn',
      cookies: { vigil_session: token },
      headers: { 'x-vigil-csrf': '1' },
      payload: { description: 'x' },
    });
    expect(response.statusCode).toBe(403);
    expect(json(response)).toEqual({
      error: {
        code: 'FORBIDDEN',
        message: 'this route needs role "admin"; the key "read key" has role "read"',
      },
    });
  });

  test("an admin key's session may PATCH with X-Vigil-Csrf: 1 and gets 403 without it", async () => {
    t = await startTestApp();
    await createModel(t);
    const { token } = parseSetCookie((await login(t, 'admin')).headers['set-cookie']);
    const patch = (headers: Record<string, string>) =>
      t?.app.inject({
        method: 'PATCH',
        url: '/api/v1/models/churn',
        cookies: { vigil_session: token },
        headers,
        payload: { description: 'from the dashboard' },
      });
    const without = await patch({});
    expect(without?.statusCode).toBe(403);
    expect(json(without as never)).toEqual({
      error: {
        code: 'FORBIDDEN',
        message:
          'requests authenticated by the session cookie that change something must send the header "X-Vigil-Csrf: 1"',
      },
    });
    expect((await t.store.getModel('churn'))?.description).toBeUndefined();
    const withHeader = await patch({ 'x-vigil-csrf': '1' });
    expect(withHeader?.statusCode).toBe(200);
    expect((await t.store.getModel('churn'))?.description).toBe('from the dashboard');
  });

  test('DELETE /session ends the session and clears the cookie; the old cookie is then 401', async () => {
    t = await startTestApp();
    const { token } = parseSetCookie((await login(t, 'read')).headers['set-cookie']);
    const cookies = { vigil_session: token };
    const out = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', cookies });
    expect(out.statusCode).toBe(204);
    const cleared = parseSetCookie(out.headers['set-cookie']);
    expect(cleared.token).toBe('');
    expect(cleared.attributes).toEqual(
      expect.arrayContaining(['Max-Age=0', 'Path=/', 'HttpOnly', 'SameSite=Strict']),
    );
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/models', cookies });
    expect(after.statusCode).toBe(401);
    expect(json(after)).toEqual({
      error: { code: 'UNAUTHORIZED', message: 'session expired or ended: log in again' },
    });
  });

  test('revoking the key ends its sessions', async () => {
    t = await startTestApp();
    const { token } = parseSetCookie((await login(t, 'read')).headers['set-cookie']);
    const keys = await t.store.listApiKeys();
    const read = keys.find((k) => k.role === 'read');
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/keys/${read?.id}`,
      headers: t.as.admin,
    });
    expect(revoke.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/models',
      cookies: { vigil_session: token },
    });
    expect(after.statusCode).toBe(401);
    expect(t.app.vigil.sessions.size).toBe(0);
  });

  test('a session expires 12 h after login', async () => {
    let clock = 1_700_000_000_000;
    t = await startTestApp({ now: () => clock });
    const { token } = parseSetCookie((await login(t, 'read')).headers['set-cookie']);
    clock += SESSION_TTL_MS - 1;
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/session', cookies: { vigil_session: token } }))
        .statusCode,
    ).toBe(200);
    clock += 1;
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/session', cookies: { vigil_session: token } }))
        .statusCode,
    ).toBe(401);
  });
});
