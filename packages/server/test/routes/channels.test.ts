import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../helpers/cleanups.js';
import { alertApp, bearer } from './alertRoutesFixture.js';

const cleanups = cleanupsAfterEach();

async function setup() {
  const ctx = await alertApp();
  cleanups.push(ctx.close);
  return ctx;
}

const SECRET = 'whsec_0123456789abcdef';
const hook = { name: 'pager', kind: 'webhook', url: 'https://hooks.example.com/vigil', secret: SECRET };

describe('/api/v1/channels', () => {
  it('POST /channels creates a channel and never returns its secret', async () => {
    const { app, keys, store } = await setup();
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/channels',
      headers: bearer(keys.admin),
      payload: hook,
    });
    expect(created.statusCode).toBe(201);
    expect(created.body).not.toContain(SECRET);
    const body = created.json() as Record<string, unknown>;
    expect(body).toEqual({
      id: body.id,
      name: 'pager',
      kind: 'webhook',
      url: 'https://hooks.example.com/vigil',
      hasSecret: true,
      enabled: true,
      createdAt: body.createdAt,
    });
    // stored with its secret, for signing
    expect((await store.listChannels())[0].secret).toBe(SECRET);

    const list = await app.inject({ method: 'GET', url: '/api/v1/channels', headers: bearer(keys.admin) });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(SECRET);
    expect((list.json() as { channels: unknown[] }).channels).toEqual([body]);
    const one = await app.inject({
      method: 'GET',
      url: `/api/v1/channels/${body.id}`,
      headers: bearer(keys.admin),
    });
    expect(one.json()).toEqual(body);
    expect(one.body).not.toContain(SECRET);

    const audit = (await store.listAudit()).find((e) => e.action === 'channel.create')!;
    expect(audit.details).toEqual({ name: 'pager', kind: 'webhook', host: 'hooks.example.com' });
  });

  it('POST /channels (slack, models filter, disabled) keeps them', async () => {
    const { app, keys } = await setup();
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/channels',
      headers: bearer(keys.admin),
      payload: {
        name: 'team',
        kind: 'slack',
        url: 'https://hooks.slack.com/services/T/B/X',
        models: ['credit'],
        enabled: false,
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      kind: 'slack',
      models: ['credit'],
      enabled: false,
      hasSecret: false,
    });
  });

  it('DELETE /channels/:id deletes it, then answers 404', async () => {
    const { app, keys } = await setup();
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/channels',
      headers: bearer(keys.admin),
      payload: hook,
    });
    const { id } = created.json() as { id: number };
    const deleted = await app.inject({
      method: 'DELETE',
      url: `/api/v1/channels/${id}`,
      headers: bearer(keys.admin),
    });
    expect(deleted.statusCode).toBe(204);
    const again = await app.inject({
      method: 'DELETE',
      url: `/api/v1/channels/${id}`,
      headers: bearer(keys.admin),
    });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toEqual({
      error: {
        code: 'RESOURCE_NOT_FOUND',
        message: `channel ${id} does not exist`,
        details: { channel: id },
      },
    });
  });

  it('channel routes with a read or ingest key answer 403', async () => {
    const { app, keys } = await setup();
    for (const key of [keys.read, keys.ingest]) {
      const list = await app.inject({ method: 'GET', url: '/api/v1/channels', headers: bearer(key) });
      expect(list.statusCode).toBe(403);
      const create = await app.inject({
        method: 'POST',
        url: '/api/v1/channels',
        headers: bearer(key),
        payload: hook,
      });
      expect(create.statusCode).toBe(403);
    }
  });

  it.each([
    [
      { ...hook, url: 'ftp://example.com/x' },
      'VALIDATION',
      'body.url must be an absolute http or https URL; got "ftp://example.com/x"',
    ],
    [
      { ...hook, url: 'not a url' },
      'VALIDATION',
      'body.url must be an absolute http or https URL; got "not a url"',
    ],
    [
      { ...hook, kind: 'slack' },
      'VALIDATION',
      'body.secret is only used by webhook channels (a slack channel sends no signature)',
    ],
    [{ ...hook, kind: 'pagerduty' }, 'VALIDATION', undefined],
    [{ ...hook, secret: 'short' }, 'VALIDATION', undefined],
    [{ ...hook, extra: 1 }, 'VALIDATION', undefined],
  ])('POST /channels(%j) answers 400 %s', async (payload, code, message) => {
    const { app, keys } = await setup();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/channels',
      headers: bearer(keys.admin),
      payload,
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json() as { error: { code: string; message: string } };
    expect(error.code).toBe(code);
    if (message !== undefined) expect(error.message).toBe(message);
  });

  it('POST /channels with a taken name answers 409 CONFLICT', async () => {
    const { app, keys } = await setup();
    await app.inject({ method: 'POST', url: '/api/v1/channels', headers: bearer(keys.admin), payload: hook });
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/channels',
      headers: bearer(keys.admin),
      payload: hook,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      error: { code: 'CONFLICT', message: 'channel "pager" exists already', details: { channel: 'pager' } },
    });
  });
});
