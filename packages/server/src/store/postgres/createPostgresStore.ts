/**
 * The PostgreSQL store (`pg`): every table lives in one Postgres schema (`public` unless told), so several
 * installations, or test runs, share a database without seeing each other.
 */
import { ErrorCodes, VigilError } from '@vigil/core';
import pg from 'pg';
import type { Store } from '../types.js';
import { alertMethods } from './alerts.js';
import { channelMethods } from './channels.js';
import { dashboardMethods } from './dashboard.js';
import { escapeIdentifier, storeTypes } from './db.js';
import { LayoutCache } from './featureLayout.js';
import { ingestMethods } from './ingest.js';
import { keyMethods } from './keys.js';
import { migrate } from './migrate.js';
import { modelMethods } from './models.js';
import { monitorMethods } from './monitors.js';
import { referenceMethods } from './references.js';
import { windowMethods } from './windows.js';

export interface PostgresStoreOptions {
  /** Connection string, `postgres://user:password@host:port/database`. */
  url: string;
  /** Postgres schema holding the tables (created by `migrate` when missing). Default 'public'. */
  schema?: string;
  /** Most connections the pool opens. Default 10. */
  poolSize?: number;
  /** Clock for the records' createdAt / updatedAt (ms). Default `Date.now`. */
  now?: () => number;
}

/** Escapes a value for the startup `options` string, where whitespace separates arguments. */
function startupOption(value: string): string {
  return value.replace(/[\s\\]/g, '\\$&');
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * Opens a pool on `url` and checks that the database answers; run `migrate()` before the first use.
 *
 * @throws VigilError INVALID_ARGUMENT when the schema name is empty or too long, or the database cannot be
 *   reached (the message names the URL without its password and the driver's reason).
 * @example
 * const store = await createPostgresStore({ url: 'postgres://postgres@127.0.0.1:5432/vigil' });
 * await store.migrate();
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const schema = options.schema ?? 'public';
  // Postgres truncates identifiers to 63 bytes: refuse instead of silently using another schema.
  if (schema.length === 0 || Buffer.byteLength(schema) > 63) {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `createPostgresStore: schema must be 1 to 63 bytes; got ${JSON.stringify(schema)}`,
    );
  }
  const now = options.now ?? Date.now;
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    types: storeTypes,
    application_name: 'vigil',
    // An unreachable host fails start-up (and a request waiting for a free connection) instead of hanging.
    connectionTimeoutMillis: 30_000,
    // Set in the startup packet (no extra round trip, nothing to race with the first query): unqualified table
    // names resolve in the store's schema. JIT is off: readRows is a scan sending stored arrays, which JIT does not
    // speed up (1M rows × 20 features: 2.3-2.7 s of server CPU with JIT and without), while compiling delays every
    // query whose plan cost passes the JIT threshold.
    options: `-c search_path=${startupOption(escapeIdentifier(schema))} -c jit=off`,
  });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);

  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `createPostgresStore: url must reach a PostgreSQL server; got ${redact(options.url)} (${(error as Error).message})`,
      { cause: error, hint: 'check that PostgreSQL is running and the URL, user and database are right' },
    );
  }

  let closed = false;
  const layouts = new LayoutCache(pool);
  return {
    kind: 'postgres',
    async migrate() {
      await migrate(pool, schema);
    },
    async ping() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
    ...modelMethods(pool, now, layouts),
    ...referenceMethods(pool, now, layouts),
    ...ingestMethods(pool, layouts),
    ...windowMethods(pool),
    ...monitorMethods(pool, now),
    ...alertMethods(pool),
    ...channelMethods(pool, now),
    ...keyMethods(pool, now),
    ...dashboardMethods(pool),
  };
}
