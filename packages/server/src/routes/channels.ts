/**
 * Notification channels (admin only, audited): where alerts are delivered — a generic webhook (JSON signed with
 * `X-Vigil-Signature`), a Slack incoming webhook, or an Alertmanager (v2 API). A channel's secret is write-only:
 * responses say whether one is set (`hasSecret`), never what it is, and the audit log keeps neither the secret nor
 * the URL (only its host). Reading channels needs admin too, because a Slack webhook URL is itself a credential.
 * An update (PATCH) is checked as a creation is, on the channel it makes: an http(s) URL, a secret only on a
 * webhook, a name no other channel has.
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

/** Only webhooks sign their bodies: a secret on another kind is a mistake worth a 400. */
function checkSecretKind(kind: Channel['kind']): void {
  if (kind === 'webhook') return;
  const problem = `is only used by webhook channels (a ${kind} channel sends no signature)`;
  throw httpError('VALIDATION', `body.secret ${problem}`, { details: [{ field: 'secret', problem }] });
}

async function checkNameFree(store: Store, name: string, id?: number): Promise<void> {
  if ((await store.listChannels()).some((c) => c.name === name && c.id !== id)) {
    throw httpError('CONFLICT', `channel "${name}" exists already`, { details: { channel: name } });
  }
}

const ChannelName = Type.String({ minLength: 1, maxLength: 128 });
const ChannelUrl = Type.String({ minLength: 1, maxLength: 2048 });
const ChannelSecret = Type.String({
  minLength: 16,
  maxLength: 512,
  description: 'webhook only: HMAC-SHA256 key of the X-Vigil-Signature header (at least 16 characters)',
});
const ChannelModels = Type.Array(ModelName, { minItems: 1, maxItems: 1000, uniqueItems: true });

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
            name: ChannelName,
            kind: ChannelKind,
            url: ChannelUrl,
            secret: Type.Optional(ChannelSecret),
            models: Type.Optional(ChannelModels),
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
      if (secret !== undefined) checkSecretKind(kind);
      await checkNameFree(store, name);
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

  app.patch(
    '/channels/:id',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['channels'],
        summary:
          'update a notification channel (fields absent are kept; "secret": null stops signing, "models": null sends alerts of every model)',
        params: ChannelParams,
        body: Type.Object(
          {
            name: Type.Optional(ChannelName),
            kind: Type.Optional(ChannelKind),
            url: Type.Optional(ChannelUrl),
            secret: Type.Optional(Type.Union([ChannelSecret, Type.Null()])),
            models: Type.Optional(Type.Union([ChannelModels, Type.Null()])),
            enabled: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: ChannelType, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const channel = await requireChannel(store, request.params.id);
      const patch = request.body;
      const kind = patch.kind ?? channel.kind;
      if (patch.url !== undefined) checkUrl(patch.url);
      if (typeof patch.secret === 'string') checkSecretKind(kind);
      else if (patch.secret === undefined && kind !== 'webhook' && channel.secret) {
        // The kept secret would sit unused on a channel that cannot sign: say so rather than drop it silently.
        const problem = `must be "webhook" while the channel has a secret (send "secret": null to remove it); got "${kind}"`;
        throw httpError('VALIDATION', `body.kind ${problem}`, { details: [{ field: 'kind', problem }] });
      }
      if (patch.name !== undefined) await checkNameFree(store, patch.name, channel.id);
      const updated = await store.updateChannel(channel.id, patch);
      await app.vigil.audit(request, 'channel.update', `channel:${channel.id}`, {
        name: updated.name,
        fields: Object.keys(patch),
        ...(patch.url !== undefined ? { host: new URL(patch.url).host } : {}),
      });
      return publicChannel(updated);
    },
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
