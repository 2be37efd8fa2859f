/** API keys (hashes only) and the audit log of admin actions. */
import { KEY_COLUMNS, type KeyMethods } from '../sql/keyColumns.js';
import type { ApiKey, AuditEntry } from '../types.js';
import { opt, type Pool } from './db.js';

interface KeyRecord {
  id: number;
  name: string;
  role: ApiKey['role'];
  prefix: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

function toKey(row: KeyRecord): ApiKey {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: opt(row.last_used_at),
    revokedAt: opt(row.revoked_at),
  };
}

function toAudit(row: {
  id: number;
  at: number;
  key_id: number | null;
  action: string;
  target: string;
  details: Record<string, unknown> | null;
}): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    keyId: opt(row.key_id),
    action: row.action,
    target: row.target,
    details: opt(row.details),
  };
}

export function keyMethods(pool: Pool, now: () => number): KeyMethods {
  return {
    async createApiKey(key) {
      const result = await pool.query<KeyRecord>(
        `INSERT INTO api_keys (name, role, prefix, hash, created_at) VALUES ($1, $2, $3, $4, $5)
         RETURNING ${KEY_COLUMNS}`,
        [key.name, key.role, key.prefix, key.hash, now()],
      );
      return toKey(result.rows[0]);
    },

    async findApiKeysByPrefix(prefix) {
      const result = await pool.query<KeyRecord & { hash: string }>(
        `SELECT ${KEY_COLUMNS}, hash FROM api_keys WHERE prefix = $1 AND revoked_at IS NULL ORDER BY id`,
        [prefix],
      );
      return result.rows.map((row) => ({ ...toKey(row), hash: row.hash }));
    },

    async listApiKeys() {
      const result = await pool.query<KeyRecord>(`SELECT ${KEY_COLUMNS} FROM api_keys ORDER BY id`);
      return result.rows.map(toKey);
    },

    async revokeApiKey(id, at) {
      await pool.query('UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at]);
    },

    async touchApiKey(id, at) {
      await pool.query('UPDATE api_keys SET last_used_at = GREATEST(last_used_at, $2) WHERE id = $1', [
        id,
        at,
      ]);
    },

    async appendAudit(entry) {
      await pool.query(
        'INSERT INTO audit_log (at, key_id, action, target, details) VALUES ($1, $2, $3, $4, $5)',
        [
          entry.at,
          entry.keyId ?? null,
          entry.action,
          entry.target,
          entry.details === undefined ? null : JSON.stringify(entry.details),
        ],
      );
    },

    async listAudit(limit) {
      const result = await pool.query(
        `SELECT id, at, key_id, action, target, details FROM audit_log ORDER BY at DESC, id DESC LIMIT $1`,
        [limit ?? null],
      );
      return result.rows.map(toAudit);
    },
  };
}
