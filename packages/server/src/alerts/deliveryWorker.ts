import type { Channel, Delivery, Store } from '../store/types.js';
import { sendAlertmanager } from './channels/alertmanager.js';
import type { Notification, SendOptions } from './channels/notification.js';
import { DeliveryError } from './channels/postJson.js';
import { sendSlack } from './channels/slack.js';
import { sendWebhook } from './channels/webhook.js';

export interface DeliveryWorkerOptions {
  store: Store;
  /** The clock, ms since the epoch. */
  now: () => number;
  /** The HTTP client (default: global fetch). */
  fetch?: typeof globalThis.fetch;
  /** Pause between ticks when started, ms (default 5 000). */
  intervalMs?: number;
  /** Attempts before a delivery is given up as 'failed' (default 8). */
  maxAttempts?: number;
  /** Delay before the first retry, ms; it doubles with each further attempt (default 1 000). */
  baseDelayMs?: number;
  /** Upper bound of a retry delay, ms (default 1 h). */
  maxDelayMs?: number;
  /** Timeout of one HTTP request, ms (default 10 000). */
  timeoutMs?: number;
  /** Uniform random numbers in [0, 1) for the jitter (default Math.random; inject a seeded one in tests). */
  random?: () => number;
  /** Deliveries sent per tick at most (default 100). */
  batchSize?: number;
  /** Base URL of this server, for links in alerts. */
  publicUrl?: string;
  /**
   * Re-send firing alerts to Alertmanager channels this often, ms (default 60 000; 0 turns it off). Alertmanager
   * resolves an alert without `endsAt` by itself after its `resolve_timeout` (default 5 min) unless the alert is
   * sent again, as Prometheus does on every evaluation; windows last longer than that.
   */
  alertmanagerRefreshMs?: number;
  /** Where failures are reported (a pino logger fits). */
  logger?: { warn: (details: object, message: string) => void };
}

export interface TickResult {
  delivered: number;
  /** Firing alerts re-sent to Alertmanager channels (not deliveries: they keep Alertmanager's copy alive). */
  refreshed?: number;
  /** Failed attempts that will be retried. */
  retried: number;
  /** Deliveries given up in this tick. */
  failed: number;
}

export interface DeliveryWorker {
  /** Sends the due deliveries once (never two ticks at a time: a call during a tick waits for it and runs after). */
  tick(): Promise<TickResult>;
  /** Ticks every `intervalMs` until stopped (the timer does not keep the process alive). */
  start(): void;
  /** Stops ticking and waits for a running tick to finish. */
  stop(): Promise<void>;
}

/**
 * The retry delay after `attempts` failed attempts: exponential backoff with "equal jitter",
 * `d = min(maxDelay, base · 2^(attempts−1))`, delay uniform in [d/2, d) — half is kept so retries never bunch up at
 * zero, half is random so many failing deliveries do not retry in lockstep.
 *
 * @example retryDelay(3, 1000, 3_600_000, () => 0) // => 2000
 */
export function retryDelay(
  attempts: number,
  baseDelayMs: number,
  maxDelayMs: number,
  random: () => number,
): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Creates the worker that sends pending alert deliveries to their channels (webhook, Slack, Alertmanager).
 *
 * Each due delivery (status 'pending', `nextAttemptAt ≤ now`) is attempted once per tick. On a 2xx answer it becomes
 * 'delivered'. On a failure (non-2xx, network error, timeout after `timeoutMs`) `attempts` and `lastError` are
 * recorded and the next attempt is scheduled after `retryDelay` (or the receiver's Retry-After, when longer); after
 * `maxAttempts` attempts the delivery becomes 'failed' and stays visible with its last error
 * (`GET /api/v1/alerts/:id/deliveries`). A delivery whose channel was deleted or disabled fails at once. A
 * resolution waits while the firing of the same alert is still pending on the same channel, so receivers see
 * them in order. Firing alerts delivered to an Alertmanager are re-sent every `alertmanagerRefreshMs` while they
 * fire, so Alertmanager does not resolve them by its own `resolve_timeout`.
 */
export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const {
    store,
    now,
    intervalMs = 5_000,
    maxAttempts = 8,
    baseDelayMs = 1_000,
    maxDelayMs = 3_600_000,
    random = Math.random,
    batchSize = 100,
    alertmanagerRefreshMs = 60_000,
  } = options;
  const send: SendOptions = { timeoutMs: options.timeoutMs ?? 10_000 };
  if (options.fetch) send.fetch = options.fetch;

  /** Last time each (alert, Alertmanager channel) was sent, to pace refreshes ("alertId:channelId" → ms). */
  const lastSent = new Map<string, number>();

  let running: Promise<TickResult> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let started = false;

  async function attempt(
    delivery: Delivery,
    channel: Channel | undefined,
    result: TickResult,
  ): Promise<void> {
    const at = now();
    const attempts = delivery.attempts + 1;
    try {
      if (!channel) throw new DeliveryError(`channel ${delivery.channelId} no longer exists`);
      if (!channel.enabled) throw new DeliveryError(`channel ${channel.name} is disabled`);
      const alert = await store.getAlert(delivery.alertId);
      if (!alert) throw new DeliveryError(`alert ${delivery.alertId} no longer exists`);
      const monitor = await store.getMonitor(alert.monitorId);
      const notification: Notification = {
        alert,
        event: delivery.event,
        deliveryId: delivery.id,
        sentAt: at,
      };
      if (monitor) notification.monitor = monitor;
      if (options.publicUrl) notification.publicUrl = options.publicUrl;
      if (channel.kind === 'webhook') await sendWebhook(channel, notification, send);
      else if (channel.kind === 'slack') await sendSlack(channel, notification, send);
      else await sendAlertmanager(channel, notification, send);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const permanent = !channel?.enabled;
      if (permanent || attempts >= maxAttempts) {
        await store.updateDelivery(delivery.id, { status: 'failed', attempts, lastError: message });
        result.failed += 1;
      } else {
        let delay = retryDelay(attempts, baseDelayMs, maxDelayMs, random);
        if (error instanceof DeliveryError && error.retryAfterMs !== undefined) {
          delay = Math.max(delay, Math.min(error.retryAfterMs, maxDelayMs));
        }
        await store.updateDelivery(delivery.id, { attempts, lastError: message, nextAttemptAt: at + delay });
        result.retried += 1;
      }
      options.logger?.warn(
        {
          deliveryId: delivery.id,
          alertId: delivery.alertId,
          channelId: delivery.channelId,
          attempts,
          error: message,
        },
        'alert delivery failed',
      );
      return;
    }
    await store.updateDelivery(delivery.id, { status: 'delivered', attempts, deliveredAt: now() });
    if (channel?.kind === 'alertmanager') lastSent.set(`${delivery.alertId}:${channel.id}`, at);
    result.delivered += 1;
  }

  /**
   * Re-sends firing alerts whose firing was delivered to an Alertmanager channel and that were not sent there for
   * `alertmanagerRefreshMs`. A failed refresh is logged and retried on the next tick; it is no delivery.
   */
  async function refreshAlertmanager(channels: Channel[], result: TickResult): Promise<void> {
    const targets = channels.filter((c) => c.kind === 'alertmanager' && c.enabled);
    if (alertmanagerRefreshMs <= 0 || targets.length === 0) return;
    const firing = await store.listAlerts({ state: 'firing', limit: 1000 });
    for (const alert of firing) {
      const delivered = (await store.listDeliveries({ alertId: alert.id, status: 'delivered' })).filter(
        (d) => d.event === 'firing',
      );
      for (const channel of targets) {
        if (!delivered.some((d) => d.channelId === channel.id)) continue;
        const key = `${alert.id}:${channel.id}`;
        const at = now();
        const last = lastSent.get(key);
        if (last !== undefined && at - last < alertmanagerRefreshMs) continue;
        if (last === undefined) {
          // First sight since this worker started: pace from now rather than re-sending everything at once.
          lastSent.set(key, at);
          continue;
        }
        const monitor = await store.getMonitor(alert.monitorId);
        const notification: Notification = { alert, event: 'firing', deliveryId: 0, sentAt: at };
        if (monitor) notification.monitor = monitor;
        if (options.publicUrl) notification.publicUrl = options.publicUrl;
        try {
          await sendAlertmanager(channel, notification, send);
          lastSent.set(key, at);
          result.refreshed = (result.refreshed ?? 0) + 1;
        } catch (error) {
          options.logger?.warn(
            {
              alertId: alert.id,
              channelId: channel.id,
              error: error instanceof Error ? error.message : String(error),
            },
            'alertmanager refresh failed',
          );
        }
      }
    }
    // Forget resolved alerts.
    const open = new Set(firing.map((a) => a.id));
    for (const key of lastSent.keys()) if (!open.has(Number(key.split(':')[0]))) lastSent.delete(key);
  }

  async function runTick(): Promise<TickResult> {
    const result: TickResult = { delivered: 0, retried: 0, failed: 0 };
    const due = await store.dueDeliveries(now(), batchSize);
    const channelList = await store.listChannels();
    const channels = new Map(channelList.map((c) => [c.id, c]));
    // One at a time, oldest first; a resolution waits while its firing is still being retried on the same channel.
    for (const delivery of due.sort((a, b) => a.id - b.id)) {
      if (delivery.event === 'resolved') {
        const firing = (await store.listDeliveries({ alertId: delivery.alertId, status: 'pending' })).find(
          (d) => d.event === 'firing' && d.channelId === delivery.channelId && d.id < delivery.id,
        );
        if (firing) {
          await store.updateDelivery(delivery.id, {
            nextAttemptAt: Math.max(firing.nextAttemptAt, now()) + 1,
          });
          continue;
        }
      }
      await attempt(delivery, channels.get(delivery.channelId), result);
    }
    await refreshAlertmanager(channelList, result);
    return result;
  }

  async function tick(): Promise<TickResult> {
    while (running) await running.catch(() => undefined);
    running = runTick();
    try {
      return await running;
    } finally {
      running = undefined;
    }
  }

  function schedule(): void {
    if (!started) return;
    timer = setTimeout(() => {
      tick()
        .catch((error: unknown) =>
          options.logger?.warn(
            { error: error instanceof Error ? error.message : String(error) },
            'delivery tick failed',
          ),
        )
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  }

  return {
    tick,
    start() {
      if (started) return;
      started = true;
      schedule();
    },
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      while (running) await running.catch(() => undefined);
    },
  };
}
