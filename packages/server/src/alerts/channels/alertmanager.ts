import type { Channel } from '../../store/types.js';
import { alertUrl, monitorName, type Notification, type SendOptions } from './notification.js';
import { postJson } from './postJson.js';

/** One alert as Alertmanager's v2 API (`POST /api/v2/alerts`, the `postableAlert` schema) takes it. */
export interface AlertmanagerAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  generatorURL: string;
}

/**
 * Builds the Alertmanager v2 body of one alert: `[{labels, annotations, startsAt, endsAt?, generatorURL}]`.
 *
 * Labels identify the alert (Alertmanager deduplicates by them): alertname (the monitor's name), model, monitor (its
 * id), feature (omitted when the value is not per feature: an empty label value means "no label" to Alertmanager),
 * metric and severity. Alertmanager is state-based, so the alert's current state is sent whatever the event: a
 * resolved alert carries `endsAt` (its resolution time), which is what resolves it there; a late firing delivery of
 * an alert that has since resolved thus cannot reopen it.
 */
export function buildAlertmanagerPayload(notification: Notification): AlertmanagerAlert[] {
  const { alert } = notification;
  const labels: Record<string, string> = {
    alertname: monitorName(notification),
    model: alert.model,
    monitor: String(alert.monitorId),
    ...(alert.feature ? { feature: alert.feature } : {}),
    metric: alert.metric,
    severity: alert.severity,
  };
  const resolvedAt = alert.state === 'resolved' ? alert.resolvedAt : undefined;
  return [
    {
      labels,
      annotations: {
        summary: `${alert.model}: ${alert.message}`,
        description:
          `Monitor "${monitorName(notification)}" of model ${alert.model}` +
          `${alert.feature ? `, feature ${alert.feature}` : ''}: ${alert.metric} = ${alert.value ?? 'n/a'} ` +
          `against threshold ${alert.threshold}, window starting ${new Date(alert.windowStart).toISOString()}.`,
      },
      startsAt: new Date(alert.firedAt).toISOString(),
      ...(resolvedAt !== undefined ? { endsAt: new Date(resolvedAt).toISOString() } : {}),
      generatorURL: alertUrl(notification),
    },
  ];
}

/** `{url}/api/v2/alerts`, unless the channel's URL already names that endpoint. */
export function alertmanagerEndpoint(url: string): string {
  const base = url.replace(/\/+$/, '');
  return base.endsWith('/api/v2/alerts') ? base : `${base}/api/v2/alerts`;
}

/**
 * POSTs the alert to Alertmanager's v2 API at the channel's URL (the Alertmanager base URL).
 *
 * @throws DeliveryError when Alertmanager does not answer 2xx in time (it answers 400 to an invalid alert).
 */
export async function sendAlertmanager(
  channel: Channel,
  notification: Notification,
  options: SendOptions = {},
): Promise<void> {
  const body = JSON.stringify(buildAlertmanagerPayload(notification));
  await postJson(alertmanagerEndpoint(channel.url), body, {}, options);
}
