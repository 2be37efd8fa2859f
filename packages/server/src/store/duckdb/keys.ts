/** API keys (hashes only) and the audit log of admin actions. */
import { KEY_COLUMNS, type KeyMethods } from '../sql/keyColumns.js';
import type { ApiKey, AuditEntry } from '../types.js';
import { type Db, exec, integer, query, type Row } from './db.js';
import { opt, parseJson } from './values.js';

function toKey(row: Row): ApiKey {
  const key: ApiKey = {
    id: row.id as number,
    name: row.name as string,
    role: row.role as ApiKey['role'],
    prefix: row.prefix as string,
    createdAt: row.created_at as number,
  };
  const lastUsed = opt(row.last_used_at as number | null);
  if (lastUsed !== undefined) key.lastUsedAt = lastUsed;
  const revoked = opt(row.revoked_at as number | null);
  if (revoked !== undefined) key.revokedAt = revoked;
  return key;
}

function toAudit(row: Row): AuditEntry {
  const entry: AuditEntry = {
    id: row.id as number,
    at: row.logged_at as number,
    action: row.action as string,
    target: row.target as string,
  };
  const keyId = opt(row.key_id as number | null);
  if (keyId !== undefined) entry.keyId = keyId;
  const details = parseJson<AuditEntry['details']>(row.details);
  if (details !== undefined) entry.details = details;
  return entry;
}

export function keyMethods(db: Db, now: () => number): KeyMethods {
  return {
    async createApiKey(key) {
      const rows = await db.exclusive((conn) =>
        query(
          conn,
          `INSERT INTO api_keys (id, name, role, prefix, hash, created_at)
           VALUES (nextval('api_key_ids'), $1, $2, $3, $4, $5) RETURNING ${KEY_COLUMNS}`,
          [key.name, key.role, key.prefix, key.hash, now()],
        ),
      );
      return toKey(rows[0]);
    },

    async findApiKeysByPrefix(prefix) {
      const rows = await db.all(
        `SELECT ${KEY_COLUMNS}, hash FROM api_keys WHERE prefix = $1 AND revoked_at IS NULL ORDER BY id`,
        [prefix],
      );
      return rows.map((row) => ({ ...toKey(row), hash: row.hash as string }));
    },

    async listApiKeys() {
      return (await db.all(`SELECT ${KEY_COLUMNS} FROM api_keys ORDER BY id`)).map(toKey);
    },

    async revokeApiKey(id, at) {
      await db.exclusive((conn) =>
        exec(conn, 'UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at]),
      );
    },

    async touchApiKey(id, at) {
      await db.exclusive((conn) =>
        exec(conn, 'UPDATE api_keys SET last_used_at = greatest(last_used_at, $2) WHERE id = $1', [id, at]),
      );
    },

    async appendAudit(entry) {
      await db.exclusive((conn) =>
        exec(
          conn,
          `INSERT INTO audit_log (id, logged_at, key_id, action, target, details)
           VALUES (nextval('audit_ids'), $1, $2, $3, $4, $5)`,
          [
            entry.at,
            entry.keyId ?? null,
            entry.action,
            entry.target,
            entry.details === undefined ? null : JSON.stringify(entry.details),
          ],
        ),
      );
    },

    async listAudit(limit) {
      const rows = await db.all(
        `SELECT id, logged_at, key_id, action, target, details FROM audit_log ORDER BY logged_at DESC, id DESC${
          limit === undefined ? '' : ` LIMIT ${integer(limit)}`
        }`,
      );
      return rows.map(toAudit);
    },
  };
}
