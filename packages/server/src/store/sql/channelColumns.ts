/** Column lists and field → column maps shared by the DuckDB and PostgreSQL stores (channels). */
import type { Store } from '../types.js';

export const CHANNEL_COLUMNS = 'id, name, kind, url, secret, models, enabled, created_at';

export const DELIVERY_COLUMNS =
  'id, alert_id, channel_id, event, status, attempts, last_error, next_attempt_at, created_at, delivered_at';

/** Channel field → column, for patches. */
export const CHANNEL_FIELDS = {
  name: 'name',
  kind: 'kind',
  url: 'url',
  secret: 'secret',
  models: 'models',
  enabled: 'enabled',
} as const;

/** Delivery field → column, for patches. */
export const DELIVERY_FIELDS = {
  alertId: 'alert_id',
  channelId: 'channel_id',
  event: 'event',
  status: 'status',
  attempts: 'attempts',
  lastError: 'last_error',
  nextAttemptAt: 'next_attempt_at',
  createdAt: 'created_at',
  deliveredAt: 'delivered_at',
} as const;

export type ChannelMethods = Pick<
  Store,
  | 'createChannel'
  | 'listChannels'
  | 'updateChannel'
  | 'deleteChannel'
  | 'createDelivery'
  | 'updateDelivery'
  | 'dueDeliveries'
  | 'listDeliveries'
>;
