/**
 * Test harness of the PostgreSQL store: each `open()` gets a fresh random schema on the test database, dropped by
 * `dropSchemas()`. An unreachable server fails the tests with the command that starts it (never a silent skip).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPostgresStore } from '../../src/store/postgres/createPostgresStore.js';
import type { Store } from '../../src/store/types.js';

export const postgresUrl = process.env.VIGIL_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const created: string[] = [];

/** A new schema name, recorded for `dropSchemas`. */
export function freshSchema(prefix = 'vigil_test_'): string {
  const schema = `${prefix}${randomBytes(6).toString('hex')}`;
  created.push(schema);
  return schema;
}

/** Throws, with how to start PostgreSQL, when the test database does not answer. */
export async function requirePostgres(): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${postgresUrl} (${(error as Error).message}). Start it with ` +
        '`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` (as root; .ci/run does this), ' +
        'or point VIGIL_TEST_POSTGRES_URL at a server whose database the tests may create schemas in.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

let reachable: Promise<void> | undefined;

/** requirePostgres(), asked once: every test that needs the server then fails at once with the same message. */
export function ensurePostgres(): Promise<void> {
  reachable ??= requirePostgres();
  return reachable;
}

/** A store in a fresh schema (not migrated), failing with how to start PostgreSQL when it does not answer. */
export async function createTestStore(schema = freshSchema()): Promise<Store> {
  await ensurePostgres();
  return createPostgresStore({ url: postgresUrl, schema });
}

/** A migrated store in a fresh schema. */
export async function openPostgresStore(schema = freshSchema()): Promise<Store> {
  const store = await createTestStore(schema);
  await store.migrate();
  return store;
}

/** Schemas per DROP statement (each holds some 60 tables, indexes and sequences, each taking a lock). */
const DROP_BATCH = 20;

/** Drops every schema the tests created. */
export async function dropSchemas(): Promise<void> {
  if (created.length === 0) return;
  const client = new pg.Client({ connectionString: postgresUrl });
  try {
    await client.connect();
  } catch {
    // The server is gone (the tests failed saying so): nothing was created that could be dropped now.
    created.length = 0;
    return;
  }
  try {
    // A few statements: dropping some seventy schemas one by one takes long on a busy machine, and all in one
    // statement takes a lock per table and index of each, past the server's lock table (max_locks_per_transaction
    // × max_connections: 6 400 by default) — "out of shared memory".
    const schemas = created.splice(0).map(pg.escapeIdentifier);
    for (let start = 0; start < schemas.length; start += DROP_BATCH) {
      await client.query(
        `DROP SCHEMA IF EXISTS ${schemas.slice(start, start + DROP_BATCH).join(', ')} CASCADE`,
      );
    }
  } finally {
    await client.end();
  }
}
