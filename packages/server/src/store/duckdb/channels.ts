/** Alert channels and the deliveries of alerts to them. */
import {
  CHANNEL_COLUMNS,
  CHANNEL_FIELDS,
  type ChannelMethods,
  DELIVERY_COLUMNS,
  DELIVERY_FIELDS,
} from '../sql/channelColumns.js';
import type { Channel, Delivery } from '../types.js';
import { type Db, exec, integer, query, type Row } from './db.js';
import { notFound } from './notFound.js';
import { jsonOrNull, opt, parseJson, setList } from './values.js';

function toChannel(row: Row): Channel {
  const channel: Channel = {
    id: row.id as number,
    name: row.name as string,
    kind: row.kind as Channel['kind'],
    url: row.url as string,
    enabled: row.enabled as boolean,
    createdAt: row.created_at as number,
  };
  const secret = opt(row.secret as string | null);
  if (secret !== undefined) channel.secret = secret;
  const models = parseJson<string[]>(row.models);
  if (models !== undefined) channel.models = models;
  return channel;
}

function toDelivery(row: Row): Delivery {
  const delivery: Delivery = {
    id: row.id as number,
    alertId: row.alert_id as number,
    channelId: row.channel_id as number,
    event: row.event as Delivery['event'],
    status: row.status as Delivery['status'],
    attempts: row.attempts as number,
    nextAttemptAt: row.next_attempt_at as number,
    createdAt: row.created_at as number,
  };
  const lastError = opt(row.last_error as string | null);
  if (lastError !== undefined) delivery.lastError = lastError;
  const deliveredAt = opt(row.delivered_at as number | null);
  if (deliveredAt !== undefined) delivery.deliveredAt = deliveredAt;
  return delivery;
}

export function channelMethods(db: Db, now: () => number): ChannelMethods {
  return {
    async createChannel(channel) {
      const rows = await db.exclusive((conn) =>
        query(
          conn,
          `INSERT INTO channels (${CHANNEL_COLUMNS}) VALUES (nextval('channel_ids'), $1, $2, $3, $4, $5, $6, $7)
           RETURNING ${CHANNEL_COLUMNS}`,
          [
            channel.name,
            channel.kind,
            channel.url,
            channel.secret ?? null,
            channel.models === undefined ? null : JSON.stringify(channel.models),
            channel.enabled,
            now(),
          ],
        ),
      );
      return toChannel(rows[0]);
    },

    async listChannels() {
      return (await db.all(`SELECT ${CHANNEL_COLUMNS} FROM channels ORDER BY id`)).map(toChannel);
    },

    async updateChannel(id, patch) {
      const set = setList(patch, CHANNEL_FIELDS, 2, (field, value) =>
        field === 'models' ? jsonOrNull(value) : value,
      );
      const sql = set.sql
        ? `UPDATE channels SET ${set.sql} WHERE id = $1 RETURNING ${CHANNEL_COLUMNS}`
        : `SELECT ${CHANNEL_COLUMNS} FROM channels WHERE id = $1`;
      const rows = await db.exclusive((conn) => query(conn, sql, [id, ...set.values]));
      if (rows.length === 0) throw notFound('updateChannel', 'id', 'an existing channel', id);
      return toChannel(rows[0]);
    },

    async deleteChannel(id) {
      const n = integer(id);
      await db.write((conn) =>
        exec(conn, `DELETE FROM deliveries WHERE channel_id = ${n}; DELETE FROM channels WHERE id = ${n}`),
      );
    },

    async createDelivery(delivery) {
      const rows = await db.exclusive((conn) =>
        query(
          conn,
          `INSERT INTO deliveries (${DELIVERY_COLUMNS})
           VALUES (nextval('delivery_ids'), $1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${DELIVERY_COLUMNS}`,
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
        ),
      );
      return toDelivery(rows[0]);
    },

    async updateDelivery(id, patch) {
      const set = setList(patch, DELIVERY_FIELDS, 2);
      const sql = set.sql
        ? `UPDATE deliveries SET ${set.sql} WHERE id = $1 RETURNING ${DELIVERY_COLUMNS}`
        : `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE id = $1`;
      const rows = await db.exclusive((conn) => query(conn, sql, [id, ...set.values]));
      if (rows.length === 0) throw notFound('updateDelivery', 'id', 'an existing delivery', id);
      return toDelivery(rows[0]);
    },

    async dueDeliveries(at, limit) {
      const rows = await db.all(
        `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE status = 'pending' AND next_attempt_at <= $1
         ORDER BY next_attempt_at, id${limit === undefined ? '' : ` LIMIT ${integer(limit)}`}`,
        [at],
      );
      return rows.map(toDelivery);
    },

    async listDeliveries(q = {}) {
      const where: string[] = [];
      if (q.alertId !== undefined) where.push(`alert_id = ${integer(q.alertId)}`);
      const params: string[] = [];
      if (q.status !== undefined) {
        params.push(q.status);
        where.push(`status = $${params.length}`);
      }
      const rows = await db.all(
        `SELECT ${DELIVERY_COLUMNS} FROM deliveries${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}
         ORDER BY id${q.limit === undefined ? '' : ` LIMIT ${integer(q.limit)}`}`,
        params.length === 0 ? undefined : params,
      );
      return rows.map(toDelivery);
    },
  };
}
