/**
 * Alerts: list and read (read role), acknowledge (admin, audited), and each alert's deliveries to its channels with
 * their attempts and last error, so a failing Slack or Alertmanager is visible in the API (issue 4 §1).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { httpError } from '../app/httpErrors.js';
import { requireModel } from '../app/requireModel.js';
import { errorResponses } from '../app/schemas.js';
import type { Alert, Store } from '../store/types.js';

export const Severity = Type.Union([Type.Literal('critical'), Type.Literal('warning'), Type.Literal('info')]);
export const AlertState = Type.Union([Type.Literal('firing'), Type.Literal('resolved')]);

export const AlertType = Type.Object({
  id: Type.Integer(),
  model: Type.String(),
  monitorId: Type.Integer(),
  feature: Type.String({ description: "the feature the value is about; '' when not per feature" }),
  metric: Type.String(),
  severity: Severity,
  state: AlertState,
  value: Type.Union([Type.Number(), Type.Null()], { description: 'the value that fired (or resolved) it' }),
  threshold: Type.Number(),
  message: Type.String({ description: 'what happened, in plain words' }),
  windowStart: Type.Number({ description: 'start of the window that fired it, ms since the Unix epoch' }),
  firedAt: Type.Number(),
  resolvedAt: Type.Optional(Type.Number()),
  acknowledgedAt: Type.Optional(Type.Number()),
  acknowledgedBy: Type.Optional(Type.String({ description: 'name of the API key that acknowledged it' })),
  lastNotifiedAt: Type.Optional(Type.Number()),
});

export const DeliveryType = Type.Object({
  id: Type.Integer(),
  alertId: Type.Integer(),
  channelId: Type.Integer(),
  channelName: Type.Optional(Type.String({ description: 'absent when the channel was deleted' })),
  channelKind: Type.Optional(Type.String()),
  event: Type.Union([Type.Literal('firing'), Type.Literal('resolved')]),
  status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')], {
    description: "'failed' after the last attempt failed; lastError says why",
  }),
  attempts: Type.Integer(),
  lastError: Type.Optional(Type.String()),
  nextAttemptAt: Type.Number(),
  createdAt: Type.Number(),
  deliveredAt: Type.Optional(Type.Number()),
});

const AlertParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** The alert with this id, or 404 RESOURCE_NOT_FOUND. */
async function requireAlert(store: Store, id: number): Promise<Alert> {
  const alert = await store.getAlert(id);
  if (alert === undefined) {
    throw httpError('RESOURCE_NOT_FOUND', `alert ${id} does not exist`, { details: { alert: id } });
  }
  return alert;
}

export const alertRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store } = app.vigil;

  app.get(
    '/alerts',
    {
      config: { role: 'read' },
      schema: {
        tags: ['alerts'],
        summary: 'list alerts, newest first',
        querystring: Type.Object(
          {
            model: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
            state: Type.Optional(AlertState),
            severity: Type.Optional(Severity),
            limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ alerts: Type.Array(AlertType) }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { model, state, severity, limit } = request.query;
      if (model !== undefined) await requireModel(store, model);
      return { alerts: await store.listAlerts({ model, state, severity, limit }) };
    },
  );

  app.get(
    '/alerts/:id',
    {
      config: { role: 'read' },
      schema: {
        tags: ['alerts'],
        summary: 'one alert',
        params: AlertParams,
        response: { 200: AlertType, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => requireAlert(store, request.params.id),
  );

  app.post(
    '/alerts/:id/acknowledge',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['alerts'],
        summary: 'acknowledge an alert (idempotent: a second call keeps the first acknowledgement)',
        params: AlertParams,
        response: { 200: AlertType, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const alert = await requireAlert(store, request.params.id);
      if (alert.acknowledgedAt !== undefined && alert.acknowledgedAt !== null) return alert;
      const acknowledged = await store.updateAlert(alert.id, {
        acknowledgedAt: app.vigil.now(),
        acknowledgedBy: request.apiKey?.name ?? 'unknown',
      });
      await app.vigil.audit(request, 'alert.acknowledge', `alert:${alert.id}`, { model: alert.model });
      return acknowledged;
    },
  );

  app.get(
    '/alerts/:id/deliveries',
    {
      config: { role: 'read' },
      schema: {
        tags: ['alerts'],
        summary: "the alert's notifications to each channel: status, attempts and last error",
        params: AlertParams,
        response: {
          200: Type.Object({ deliveries: Type.Array(DeliveryType) }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const alert = await requireAlert(store, request.params.id);
      const channels = new Map((await store.listChannels()).map((c) => [c.id, c]));
      const deliveries = await store.listDeliveries({ alertId: alert.id });
      return {
        deliveries: deliveries
          .sort((a, b) => a.id - b.id)
          .map((delivery) => {
            const channel = channels.get(delivery.channelId);
            return channel ? { ...delivery, channelName: channel.name, channelKind: channel.kind } : delivery;
          }),
      };
    },
  );
};
