import type { Alert, Monitor } from '../../store/types.js';

/** Everything a channel needs to tell people about one alert event. */
export interface Notification {
  alert: Alert;
  /** The event being delivered; the alert itself may have moved on since (a firing sent after it resolved). */
  event: 'firing' | 'resolved';
  /** The alert's monitor, when it still exists (for its name). */
  monitor?: Monitor;
  /** The delivery being attempted (receivers can use it to drop duplicates of a retried delivery). */
  deliveryId: number;
  /** Time of this attempt, ms since the epoch. */
  sentAt: number;
  /** Base URL of this Vigil server, for links back to the alert (default http://127.0.0.1:4010). */
  publicUrl?: string;
}

/** How a channel sends: the fetch to use and the per-request timeout. */
export interface SendOptions {
  fetch?: typeof globalThis.fetch;
  /** Abort the request after this many ms (default 10 000). */
  timeoutMs?: number;
}

/** A link to the alert in Vigil's API. */
export function alertUrl(notification: Notification): string {
  const base = (notification.publicUrl ?? 'http://127.0.0.1:4010').replace(/\/+$/, '');
  return `${base}/api/v1/alerts/${notification.alert.id}`;
}

/** The monitor's name, or a stand-in when the monitor was deleted. */
export function monitorName(notification: Notification): string {
  return notification.monitor?.name ?? `monitor ${notification.alert.monitorId}`;
}
