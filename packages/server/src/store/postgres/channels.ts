/** Alert channels and the deliveries of alerts to them. */
import {
  CHANNEL_COLUMNS,
  CHANNEL_FIELDS,
  type ChannelMethods,
  DELIVERY_COLUMNS,
  DELIVERY_FIELDS,
} from '../sql/channelColumns.js';
import type { Channel, Delivery } from '../types.js';
import { opt, type Pool, setList } from './db.js';
import { notFound } from './notFound.js';

interface ChannelRecord {
  id: number;
  name: string;
  kind: Channel['kind'];
  url: string;
  secret: string | null;
  models: string[] | null;
  enabled: boolean;
  created_at: number;
}

function toChannel(row: ChannelRecord): Channel {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    url: row.url,
    secret: opt(row.secret),
    models: opt(row.models),
    enabled: row.enabled,
    createdAt: row.created_at,
  };
}

interface DeliveryRecord {
  id: number;
  alert_id: number;
  channel_id: number;
  event: Delivery['event'];
  status: Delivery['status'];
  attempts: number;
  last_error: string | null;
  next_attempt_at: number;
  created_at: number;
  delivered_at: number | null;
}

function toDelivery(row: DeliveryRecord): Delivery {
  return {
    id: row.id,
    alertId: row.alert_id,
    channelId: row.channel_id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    lastError: opt(row.last_error),
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    deliveredAt: opt(row.delivered_at),
  };
}

export function channelMethods(pool: Pool, now: () => number): ChannelMethods {
  return {
    async createChannel(channel) {
      const result = await pool.query(
        `INSERT INTO channels (name, kind, url, secret, models, enabled, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${CHANNEL_COLUMNS}`,
        [
          channel.name,
          channel.kind,
          channel.url,
          channel.secret ?? null,
          channel.models === undefined ? null : JSON.stringify(channel.models),
          channel.enabled,
          now(),
        ],
      );
      return toChannel(result.rows[0]);
    },

    async listChannels() {
      const result = await pool.query(`SELECT ${CHANNEL_COLUMNS} FROM channels ORDER BY id`);
      return result.rows.map(toChannel);
    },

    async updateChannel(id, patch) {
      const set = setList(patch, CHANNEL_FIELDS, 2, (field, value) =>
        field === 'models' && value !== null ? JSON.stringify(value) : value,
      );
      const sql = set.sql
        ? `UPDATE channels SET ${set.sql} WHERE id = $1 RETURNING ${CHANNEL_COLUMNS}`
        : `SELECT ${CHANNEL_COLUMNS} FROM channels WHERE id = $1`;
      const result = await pool.query<ChannelRecord>(sql, [id, ...set.values]);
      if (result.rowCount === 0) throw notFound('updateChannel', 'id', 'an existing channel', id);
      return toChannel(result.rows[0]);
    },

    async deleteChannel(id) {
      await pool.query('DELETE FROM channels WHERE id = $1', [id]);
    },

    async createDelivery(delivery) {
      const result = await pool.query<DeliveryRecord>(
        `INSERT INTO deliveries
           (alert_id, channel_id, event, status, attempts, last_error, next_attempt_at, created_at, delivered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${DELIVERY_COLUMNS}`,
        [
          delivery.alertId,
          delivery.channelId,
          delivery.event,
          delivery.status,
          delivery.attempts,
          delivery.lastError ?? null,
          delivery.nextAttemptAt,
          now(),
          delivery.deliveredAt ?? null,
        ],
      );
      return toDelivery(result.rows[0]);
    },

    async updateDelivery(id, patch) {
      const set = setList(patch, DELIVERY_FIELDS, 2);
      const sql = set.sql
        ? `UPDATE deliveries SET ${set.sql} WHERE id = $1 RETURNING ${DELIVERY_COLUMNS}`
        : `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE id = $1`;
      const result = await pool.query<DeliveryRecord>(sql, [id, ...set.values]);
      if (result.rowCount === 0) throw notFound('updateDelivery', 'id', 'an existing delivery', id);
      return toDelivery(result.rows[0]);
    },

    async dueDeliveries(now, limit) {
      const result = await pool.query<DeliveryRecord>(
        `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE status = 'pending' AND next_attempt_at <= $1
         ORDER BY next_attempt_at, id LIMIT $2`,
        [now, limit ?? null],
      );
      return result.rows.map(toDelivery);
    },

    async listDeliveries(query = {}) {
      const result = await pool.query<DeliveryRecord>(
        `SELECT ${DELIVERY_COLUMNS} FROM deliveries
         WHERE ($1::bigint IS NULL OR alert_id = $1) AND ($2::text IS NULL OR status = $2)
         ORDER BY id LIMIT $3`,
        [query.alertId ?? null, query.status ?? null, query.limit ?? null],
      );
      return result.rows.map(toDelivery);
    },
  };
}
