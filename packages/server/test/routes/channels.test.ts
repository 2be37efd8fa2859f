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

  it('PATCH /channels/:id changes the fields given, rotates the secret and never returns it', async () => {
    const { app, keys, store } = await setup();
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/channels',
      headers: bearer(keys.admin),
      payload: { ...hook, models: ['credit'] },
    });
    const before = created.json() as Record<string, unknown>;
    const rotated = 'whsec_rotated_fedcba9876543210';
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/channels/${before.id}`,
      headers: bearer(keys.admin),
      payload: { name: 'pager-v2', url: 'https://hooks2.example.com/v2', secret: rotated, enabled: false },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.body).not.toContain(rotated);
    expect(patched.json()).toEqual({
      ...before,
      name: 'pager-v2',
      url: 'https://hooks2.example.com/v2',
      hasSecret: true,
      enabled: false,
    });
    const stored = (await store.listChannels())[0];
    expect(stored.secret).toBe(rotated);
    expect(stored.models).toEqual(['credit']);
    const one = await app.inject({
      method: 'GET',
      url: `/api/v1/channels/${before.id}`,
      headers: bearer(keys.admin),
    });
    expect(one.json()).toEqual(patched.json());

    const audit = (await store.listAudit()).find((e) => e.action === 'channel.update')!;
    expect(audit.target).toBe(`channel:${before.id}`);
    expect(audit.details).toEqual({
      name: 'pager-v2',
      fields: ['name', 'url', 'secret', 'enabled'],
      host: 'hooks2.example.com',
    });
    expect(JSON.stringify(await store.listAudit())).not.toContain(rotated);
  });

  it('PATCH /channels/:id with secret and models null turns a webhook into an unsigned Slack channel of every model', async () => {
    const { app, keys, store } = await setup();
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/channels',
      headers: bearer(keys.admin),
      payload: { ...hook, models: ['credit'] },
    });
    const before = created.json() as Record<string, unknown>;
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/channels/${before.id}`,
      headers: bearer(keys.admin),
      payload: { kind: 'slack', url: 'https://hooks.slack.com/services/T/B/X', secret: null, models: null },
    });
    expect(patched.statusCode).toBe(200);
    const { models: _models, ...rest } = before;
    expect(patched.json()).toEqual({
      ...rest,
      kind: 'slack',
      url: 'https://hooks.slack.com/services/T/B/X',
      hasSecret: false,
    });
    const stored = (await store.listChannels())[0];
    expect(stored.secret).toBeUndefined();
    expect(stored.models).toBeUndefined();
    // Keeping its own name is no conflict.
    const same = await app.inject({
      method: 'PATCH',
      url: `/api/v1/channels/${before.id}`,
      headers: bearer(keys.admin),
      payload: { name: 'pager' },
    });
    expect(same.statusCode).toBe(200);
  });

  it('PATCH /channels/:id of an unknown channel answers 404', async () => {
    const { app, keys } = await setup();
    const response = await app.inject({
      method: 'PATCH',
      url: '/api/v1/channels/4242',
      headers: bearer(keys.admin),
      payload: { enabled: false },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: {
        code: 'RESOURCE_NOT_FOUND',
        message: 'channel 4242 does not exist',
        details: { channel: 4242 },
      },
    });
  });

  it.each([
    [
      { url: 'ftp://example.com/x' },
      {
        code: 'VALIDATION',
        message: 'body.url must be an absolute http or https URL; got "ftp://example.com/x"',
        details: [
          { field: 'url', problem: 'must be an absolute http or https URL; got "ftp://example.com/x"' },
        ],
      },
    ],
    [
      { kind: 'slack', secret: SECRET },
      {
        code: 'VALIDATION',
        message: 'body.secret is only used by webhook channels (a slack channel sends no signature)',
        details: [
          {
            field: 'secret',
            problem: 'is only used by webhook channels (a slack channel sends no signature)',
          },
        ],
      },
    ],
    [
      { kind: 'alertmanager' },
      {
        code: 'VALIDATION',
        message:
          'body.kind must be "webhook" while the channel has a secret (send "secret": null to remove it); got "alertmanager"',
        details: [
          {
            field: 'kind',
            problem:
              'must be "webhook" while the channel has a secret (send "secret": null to remove it); got "alertmanager"',
          },
        ],
      },
    ],
  ])('PATCH /channels/:id(%j) of a signed webhook answers 400 VALIDATION', async (payload, error) => {
    const { app, keys, store } = await setup();
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/channels',
      headers: bearer(keys.admin),
      payload: hook,
    });
    const { id } = created.json() as { id: number };
    const before = await store.listChannels();
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/v1/channels/${id}`,
      headers: bearer(keys.admin),
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error });
    expect(await store.listChannels()).toEqual(before);
    expect((await store.listAudit()).map((e) => e.action)).not.toContain('channel.update');
  });

  it('PATCH /channels/:id with a secret on a Slack channel answers 400', async () => {
    const { app, keys } = await setup();
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/channels',
      headers: bearer(keys.admin),
      payload: { name: 'team', kind: 'slack', url: 'https://hooks.slack.com/services/T/B/X' },
    });
    const { id } = created.json() as { id: number };
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/v1/channels/${id}`,
      headers: bearer(keys.admin),
      payload: { secret: SECRET },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'VALIDATION',
        message: 'body.secret is only used by webhook channels (a slack channel sends no signature)',
        details: [
          {
            field: 'secret',
            problem: 'is only used by webhook channels (a slack channel sends no signature)',
          },
        ],
      },
    });
  });

  // The union-with-null wording ("must be must not have …") comes from validatorCompiler's union folding.
  it.each([
    [{}, '', 'must not have fewer than 1 properties'],
    [{ secret: 'short' }, 'secret', 'must be must not have fewer than 16 characters or null'],
    [{ extra: 1 }, 'extra', 'is not allowed'],
    [{ kind: 'pagerduty' }, 'kind', 'must be "webhook", "slack" or "alertmanager"'],
    [{ models: [] }, 'models', 'must be must not have fewer than 1 items or null'],
  ])('PATCH /channels/:id(%j) answers 400 VALIDATION naming the field', async (payload, field, problem) => {
    const { app, keys } = await setup();
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/channels',
      headers: bearer(keys.admin),
      payload: hook,
    });
    const { id } = created.json() as { id: number };
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/v1/channels/${id}`,
      headers: bearer(keys.admin),
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'VALIDATION',
        message: `${field === '' ? 'body' : `body.${field}`} ${problem}`,
        details: [{ field, problem }],
      },
    });
  });

  it('PATCH /channels/:id to a name another channel has answers 409 CONFLICT', async () => {
    const { app, keys, store } = await setup();
    await app.inject({ method: 'POST', url: '/api/v1/channels', headers: bearer(keys.admin), payload: hook });
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/channels',
      headers: bearer(keys.admin),
      payload: { ...hook, name: 'second' },
    });
    const { id } = created.json() as { id: number };
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/v1/channels/${id}`,
      headers: bearer(keys.admin),
      payload: { name: 'pager' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      error: { code: 'CONFLICT', message: 'channel "pager" exists already', details: { channel: 'pager' } },
    });
    expect((await store.listChannels()).map((c) => c.name)).toEqual(['pager', 'second']);
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
      const patch = await app.inject({
        method: 'PATCH',
        url: '/api/v1/channels/1',
        headers: bearer(key),
        payload: { enabled: false },
      });
      expect(patch.statusCode).toBe(403);
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
