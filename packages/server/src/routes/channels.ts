/**
 * Notification channels (admin only, audited): where alerts are delivered — a generic webhook (JSON signed with
 * `X-Vigil-Signature`), a Slack incoming webhook, or an Alertmanager (v2 API). A channel's secret is write-only:
 * responses say whether one is set (`hasSecret`), never what it is. Reading channels needs admin too, because a
 * Slack webhook URL is itself a credential.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { httpError } from '../app/httpErrors.js';
import { errorResponses, ModelName } from '../app/schemas.js';
import type { Channel, Store } from '../store/types.js';

export const ChannelKind = Type.Union([
  Type.Literal('webhook'),
  Type.Literal('slack'),
  Type.Literal('alertmanager'),
]);

export const ChannelType = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: ChannelKind,
  url: Type.String({
    description: 'webhook/Slack: the URL posted to; alertmanager: the base URL (…/api/v2/alerts is appended)',
  }),
  hasSecret: Type.Boolean({
    description: 'whether webhook bodies are signed; the secret itself is never returned',
  }),
  models: Type.Optional(
    Type.Array(Type.String(), { description: 'only alerts of these models (all when absent)' }),
  ),
  enabled: Type.Boolean(),
  createdAt: Type.Number(),
});

const ChannelParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** A channel as the API shows it: everything but the secret. */
export function publicChannel(channel: Channel): {
  id: number;
  name: string;
  kind: Channel['kind'];
  url: string;
  hasSecret: boolean;
  models?: string[];
  enabled: boolean;
  createdAt: number;
} {
  const { secret, models, ...rest } = channel;
  return {
    ...rest,
    hasSecret: typeof secret === 'string' && secret !== '',
    ...(models !== undefined && models !== null ? { models } : {}),
  };
}

async function requireChannel(store: Store, id: number): Promise<Channel> {
  const channel = (await store.listChannels()).find((c) => c.id === id);
  if (channel === undefined) {
    throw httpError('RESOURCE_NOT_FOUND', `channel ${id} does not exist`, { details: { channel: id } });
  }
  return channel;
}

/** The URL must parse and be http(s); a problem detail otherwise. */
function checkUrl(url: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    const problem = `must be an absolute http or https URL; got "${url}"`;
    throw httpError('VALIDATION', `body.url ${problem}`, { details: [{ field: 'url', problem }] });
  }
}

export const channelRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store } = app.vigil;

  app.post(
    '/channels',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['channels'],
        summary: 'add a notification channel',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 128 }),
            kind: ChannelKind,
            url: Type.String({ minLength: 1, maxLength: 2048 }),
            secret: Type.Optional(
              Type.String({
                minLength: 16,
                maxLength: 512,
                description:
                  'webhook only: HMAC-SHA256 key of the X-Vigil-Signature header (at least 16 characters)',
              }),
            ),
            models: Type.Optional(Type.Array(ModelName, { minItems: 1, maxItems: 1000, uniqueItems: true })),
            enabled: Type.Optional(Type.Boolean({ default: true })),
          },
          { additionalProperties: false },
        ),
        response: { 201: ChannelType, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { name, kind, url, secret, models, enabled } = request.body;
      checkUrl(url);
      if (secret !== undefined && kind !== 'webhook') {
        const problem = `is only used by webhook channels (a ${kind} channel sends no signature)`;
        throw httpError('VALIDATION', `body.secret ${problem}`, { details: [{ field: 'secret', problem }] });
      }
      if ((await store.listChannels()).some((c) => c.name === name)) {
        throw httpError('CONFLICT', `channel "${name}" exists already`, { details: { channel: name } });
      }
      const channel = await store.createChannel({
        name,
        kind,
        url,
        enabled: enabled ?? true,
        ...(secret !== undefined ? { secret } : {}),
        ...(models !== undefined ? { models } : {}),
      });
      // The URL may itself be a credential (Slack): the audit keeps its host only.
      await app.vigil.audit(request, 'channel.create', `channel:${channel.id}`, {
        name,
        kind,
        host: new URL(url).host,
      });
      return reply.code(201).send(publicChannel(channel));
    },
  );

  app.get(
    '/channels',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['channels'],
        summary: 'list the notification channels (secrets are never returned)',
        response: { 200: Type.Object({ channels: Type.Array(ChannelType) }), ...errorResponses(401, 403) },
      },
    },
    async () => ({ channels: (await store.listChannels()).map(publicChannel) }),
  );

  app.get(
    '/channels/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['channels'],
        summary: 'one notification channel',
        params: ChannelParams,
        response: { 200: ChannelType, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => publicChannel(await requireChannel(store, request.params.id)),
  );

  app.delete(
    '/channels/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['channels'],
        summary: 'delete a notification channel (its pending deliveries then fail)',
        params: ChannelParams,
        response: { 204: Type.Null({ description: 'deleted' }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const channel = await requireChannel(store, request.params.id);
      await store.deleteChannel(channel.id);
      await app.vigil.audit(request, 'channel.delete', `channel:${channel.id}`, { name: channel.name });
      return reply.code(204).send(null);
    },
  );
};
