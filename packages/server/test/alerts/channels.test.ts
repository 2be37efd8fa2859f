import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  alertmanagerEndpoint,
  buildAlertmanagerPayload,
  sendAlertmanager,
} from '../../src/alerts/channels/alertmanager.js';
import type { Notification } from '../../src/alerts/channels/notification.js';
import { DeliveryError } from '../../src/alerts/channels/postJson.js';
import { buildSlackPayload, sendSlack } from '../../src/alerts/channels/slack.js';
import { sendWebhook, signWebhookBody } from '../../src/alerts/channels/webhook.js';
import type { Alert, Channel, Monitor } from '../../src/store/types.js';
import { startReceiver } from './receiver.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

async function receiver(...args: Parameters<typeof startReceiver>) {
  const r = await startReceiver(...args);
  closers.push(r.close);
  return r;
}

const FIRED = Date.UTC(2024, 0, 1, 3);
const alert: Alert = {
  id: 7,
  model: 'credit',
  monitorId: 3,
  feature: 'AGEP',
  metric: 'drift',
  severity: 'critical',
  state: 'firing',
  value: 0.31,
  threshold: 0.1,
  message: 'drift of AGEP 0.31 ≥ 0.1 for 2 windows',
  windowStart: Date.UTC(2024, 0, 1, 1),
  firedAt: FIRED,
  lastNotifiedAt: FIRED,
};
const monitor: Monitor = {
  id: 3,
  model: 'credit',
  name: 'feature drift',
  kind: 'drift',
  config: {},
  enabled: true,
  createdAt: 0,
  updatedAt: 0,
};
const notification: Notification = {
  alert,
  event: 'firing',
  monitor,
  deliveryId: 11,
  sentAt: FIRED + 5_000,
  publicUrl: 'http://vigil.example:4010/',
};
function channel(kind: Channel['kind'], url: string, secret?: string): Channel {
  return { id: 1, name: kind, kind, url, enabled: true, createdAt: 0, ...(secret ? { secret } : {}) };
}

describe('sendWebhook', () => {
  it('sendWebhook(channel with secret) posts JSON signed with HMAC-SHA256 of the raw body', async () => {
    const r = await receiver();
    const secret = 'whsec_5e3f1d';
    await sendWebhook(channel('webhook', `${r.url}/hooks/vigil`, secret), notification);
    expect(r.received).toHaveLength(1);
    const [got] = r.received;
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/hooks/vigil');
    expect(got.headers['content-type']).toBe('application/json');

    // verified independently of the sender: recompute the HMAC over the bytes as received
    const signature = String(got.headers['x-vigil-signature']);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    const expected = createHmac('sha256', secret).update(got.raw).digest();
    expect(timingSafeEqual(Buffer.from(signature.slice('sha256='.length), 'hex'), expected)).toBe(true);
    const forged = createHmac('sha256', 'wrong secret').update(got.raw).digest();
    expect(timingSafeEqual(Buffer.from(signature.slice(7), 'hex'), forged)).toBe(false);

    expect(got.headers['x-vigil-timestamp']).toBe(String(FIRED + 5_000));
    expect(got.headers['x-vigil-event']).toBe('firing');
    expect(got.headers['x-vigil-delivery']).toBe('11');
    expect(got.json).toEqual({
      version: 1,
      event: 'firing',
      deliveryId: 11,
      sentAt: FIRED + 5_000,
      alert: {
        id: 7,
        model: 'credit',
        monitorId: 3,
        monitor: 'feature drift',
        feature: 'AGEP',
        metric: 'drift',
        severity: 'critical',
        state: 'firing',
        value: 0.31,
        threshold: 0.1,
        message: 'drift of AGEP 0.31 ≥ 0.1 for 2 windows',
        windowStart: alert.windowStart,
        firedAt: FIRED,
        url: 'http://vigil.example:4010/api/v1/alerts/7',
      },
    });
  });

  it('sendWebhook(channel without secret) sends no signature', async () => {
    const r = await receiver();
    await sendWebhook(channel('webhook', r.url), { ...notification, event: 'resolved' });
    expect(r.received[0].headers['x-vigil-signature']).toBeUndefined();
    expect((r.received[0].json as { event: string }).event).toBe('resolved');
  });

  it('signWebhookBody(secret, body) matches an independent HMAC', () => {
    const body = '{"a":"é"}';
    expect(signWebhookBody('k', body)).toBe(
      `sha256=${createHmac('sha256', 'k').update(Buffer.from(body, 'utf8')).digest('hex')}`,
    );
  });

  it('sendWebhook(receiver answers 500) throws DeliveryError naming the status and body', async () => {
    const r = await receiver((_i, _req, res) => {
      res.statusCode = 500;
      res.end('database down');
    });
    const error = await sendWebhook(channel('webhook', r.url), notification).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as Error).message).toBe('HTTP 500 Internal Server Error: database down');
  });

  it('sendWebhook(receiver answers 429 with Retry-After) reports the delay', async () => {
    const r = await receiver((_i, _req, res) => {
      res.writeHead(429, { 'retry-after': '30' });
      res.end();
    });
    const error = (await sendWebhook(channel('webhook', r.url), notification).catch(
      (e: unknown) => e,
    )) as DeliveryError;
    expect(error.message).toBe('HTTP 429 Too Many Requests');
    expect(error.retryAfterMs).toBe(30_000);
  });

  it('sendWebhook(receiver never answers) times out', async () => {
    const r = await receiver(() => {
      /* never answers */
    });
    const error = await sendWebhook(channel('webhook', r.url), notification, { timeoutMs: 200 }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toBe('timed out after 200 ms');
  });

  it('sendWebhook(nothing listening) names the network error', async () => {
    const r = await receiver();
    await r.close();
    closers.pop();
    const error = await sendWebhook(channel('webhook', r.url), notification).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });
});

describe('sendSlack', () => {
  it('sendSlack(firing) posts an incoming-webhook payload {text, blocks}', async () => {
    const r = await receiver();
    await sendSlack(channel('slack', `${r.url}/services/T000/B000/XXX`), notification);
    const [got] = r.received;
    expect(got.url).toBe('/services/T000/B000/XXX');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.json).toEqual(buildSlackPayload(notification));
    const body = got.json as {
      text: string;
      blocks: { type: string; text?: { type: string; text: string } }[];
    };
    expect(body.text).toBe('[CRITICAL] credit: drift of AGEP 0.31 ≥ 0.1 for 2 windows');
    expect(body.blocks[0]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: ':rotating_light: [CRITICAL] credit: drift of AGEP 0.31 ≥ 0.1 for 2 windows',
      },
    });
    expect(body.blocks[1].type).toBe('context');
  });

  it('buildSlackPayload(resolved, text with <&>) escapes mrkdwn', () => {
    const resolved: Notification = {
      ...notification,
      event: 'resolved',
      alert: { ...alert, state: 'resolved', resolvedAt: FIRED + 3_600_000, message: 'resolved: a<b & c>d' },
    };
    const payload = buildSlackPayload(resolved);
    expect(payload.text).toBe('[RESOLVED] credit: resolved: a<b & c>d');
    expect(payload.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: ':white_check_mark: [RESOLVED] credit: resolved: a&lt;b &amp; c&gt;d' },
    });
    const context = payload.blocks[1] as { elements: { text: string }[] };
    expect(context.elements[0].text).toContain('resolved 2024-01-01T04:00:00.000Z');
    expect(context.elements[0].text).toContain('<http://vigil.example:4010/api/v1/alerts/7|alert 7>');
  });
});

describe('sendAlertmanager', () => {
  it('sendAlertmanager(firing) posts [{labels, annotations, startsAt, generatorURL}] to /api/v2/alerts', async () => {
    const r = await receiver();
    await sendAlertmanager(channel('alertmanager', `${r.url}/`), notification);
    const [got] = r.received;
    expect(got.url).toBe('/api/v2/alerts');
    expect(got.json).toEqual([
      {
        labels: {
          alertname: 'feature drift',
          model: 'credit',
          monitor: '3',
          feature: 'AGEP',
          metric: 'drift',
          severity: 'critical',
        },
        annotations: {
          summary: 'credit: drift of AGEP 0.31 ≥ 0.1 for 2 windows',
          description:
            'Monitor "feature drift" of model credit, feature AGEP: drift = 0.31 against threshold 0.1, window starting 2024-01-01T01:00:00.000Z.',
        },
        startsAt: '2024-01-01T03:00:00.000Z',
        generatorURL: 'http://vigil.example:4010/api/v1/alerts/7',
      },
    ]);
  });

  it('buildAlertmanagerPayload(resolved alert) sets endsAt, whatever the event', () => {
    const resolvedAlert: Alert = { ...alert, state: 'resolved', resolvedAt: FIRED + 7_200_000 };
    for (const event of ['firing', 'resolved'] as const) {
      const [am] = buildAlertmanagerPayload({ ...notification, event, alert: resolvedAlert });
      expect(am.endsAt).toBe('2024-01-01T05:00:00.000Z');
    }
  });

  it('buildAlertmanagerPayload(feature "") leaves the feature label out', () => {
    const [am] = buildAlertmanagerPayload({ ...notification, alert: { ...alert, feature: '' } });
    expect(Object.keys(am.labels)).not.toContain('feature');
  });

  it('alertmanagerEndpoint(url) appends /api/v2/alerts once', () => {
    expect(alertmanagerEndpoint('http://am:9093')).toBe('http://am:9093/api/v2/alerts');
    expect(alertmanagerEndpoint('http://am:9093/')).toBe('http://am:9093/api/v2/alerts');
    expect(alertmanagerEndpoint('http://am:9093/api/v2/alerts')).toBe('http://am:9093/api/v2/alerts');
  });
});
