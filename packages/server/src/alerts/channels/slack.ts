import type { Channel } from '../../store/types.js';
import { alertUrl, monitorName, type Notification, type SendOptions } from './notification.js';
import { postJson } from './postJson.js';

/** A Slack incoming-webhook message: `text` is the fallback (notifications, screen readers), `blocks` the layout. */
export interface SlackPayload {
  text: string;
  blocks: (
    | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
    | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] }
  )[];
}

/** Slack's mrkdwn needs only &, < and > escaped (https://api.slack.com/reference/surfaces/formatting#escaping). */
function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Builds the Slack-compatible incoming-webhook payload of one alert event. */
export function buildSlackPayload(notification: Notification): SlackPayload {
  const { alert, event } = notification;
  const head =
    event === 'firing'
      ? `[${alert.severity.toUpperCase()}] ${alert.model}: ${alert.message}`
      : `[RESOLVED] ${alert.model}: ${alert.message}`;
  const icon =
    event === 'firing'
      ? alert.severity === 'info'
        ? ':information_source:'
        : ':rotating_light:'
      : ':white_check_mark:';
  const facts = [
    `model *${escapeMrkdwn(alert.model)}*`,
    `monitor *${escapeMrkdwn(monitorName(notification))}*`,
    ...(alert.feature ? [`feature *${escapeMrkdwn(alert.feature)}*`] : []),
    `severity *${alert.severity}*`,
    `fired ${new Date(alert.firedAt).toISOString()}`,
    ...(alert.resolvedAt !== undefined ? [`resolved ${new Date(alert.resolvedAt).toISOString()}`] : []),
    `<${alertUrl(notification)}|alert ${alert.id}>`,
  ];
  return {
    text: head,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `${icon} ${escapeMrkdwn(head)}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: facts.join(' · ') }] },
    ],
  };
}

/**
 * POSTs the Slack payload to the channel's incoming-webhook URL.
 *
 * @throws DeliveryError when the receiver does not answer 2xx in time.
 */
export async function sendSlack(
  channel: Channel,
  notification: Notification,
  options: SendOptions = {},
): Promise<void> {
  await postJson(channel.url, JSON.stringify(buildSlackPayload(notification)), {}, options);
}
