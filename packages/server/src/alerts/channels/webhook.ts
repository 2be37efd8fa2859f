import { createHmac } from 'node:crypto';
import type { Channel } from '../../store/types.js';
import { alertUrl, monitorName, type Notification, type SendOptions } from './notification.js';
import { postJson } from './postJson.js';

/** The JSON body of a generic webhook (schema version 1; new fields may be added, none removed). */
export interface WebhookPayload {
  version: 1;
  event: 'firing' | 'resolved';
  deliveryId: number;
  /** Time of this attempt, ms since the epoch (also in the X-Vigil-Timestamp header). */
  sentAt: number;
  alert: {
    id: number;
    model: string;
    monitorId: number;
    monitor: string;
    feature: string;
    metric: string;
    severity: string;
    state: string;
    value: number | null;
    threshold: number;
    message: string;
    windowStart: number;
    firedAt: number;
    resolvedAt?: number;
    acknowledgedAt?: number;
    url: string;
  };
}

/** Builds the generic webhook body for one alert event. */
export function buildWebhookPayload(notification: Notification): WebhookPayload {
  const { alert } = notification;
  return {
    version: 1,
    event: notification.event,
    deliveryId: notification.deliveryId,
    sentAt: notification.sentAt,
    alert: {
      id: alert.id,
      model: alert.model,
      monitorId: alert.monitorId,
      monitor: monitorName(notification),
      feature: alert.feature,
      metric: alert.metric,
      severity: alert.severity,
      state: alert.state,
      // JSON has no NaN: a non-finite value travels as null.
      value: alert.value !== null && Number.isFinite(alert.value) ? alert.value : null,
      threshold: alert.threshold,
      message: alert.message,
      windowStart: alert.windowStart,
      firedAt: alert.firedAt,
      ...(alert.resolvedAt !== undefined ? { resolvedAt: alert.resolvedAt } : {}),
      ...(alert.acknowledgedAt !== undefined ? { acknowledgedAt: alert.acknowledgedAt } : {}),
      url: alertUrl(notification),
    },
  };
}

/**
 * The signature header value of a webhook body: `sha256=` + hex HMAC-SHA256 of the raw body bytes keyed by the
 * channel's secret. Receivers recompute it over the body exactly as received and compare in constant time.
 *
 * @example signWebhookBody('s3cret', '{}') // => 'sha256=…' (64 hex digits)
 */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * POSTs the webhook body to the channel's URL with headers `X-Vigil-Event`, `X-Vigil-Delivery`,
 * `X-Vigil-Timestamp` (ms since the epoch, equal to the body's `sentAt`) and, when the channel has a secret,
 * `X-Vigil-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>`.
 *
 * @throws DeliveryError when the receiver does not answer 2xx in time.
 */
export async function sendWebhook(
  channel: Channel,
  notification: Notification,
  options: SendOptions = {},
): Promise<void> {
  const body = JSON.stringify(buildWebhookPayload(notification));
  const headers: Record<string, string> = {
    'x-vigil-event': notification.event,
    'x-vigil-delivery': String(notification.deliveryId),
    'x-vigil-timestamp': String(notification.sentAt),
  };
  if (channel.secret) headers['x-vigil-signature'] = signWebhookBody(channel.secret, body);
  await postJson(channel.url, body, headers, options);
}
