/**
 * Applies the versioned migrations not yet recorded in `schema_migrations`, creating the store's schema first
 * when it is missing. Everything runs in one transaction under a transaction-level advisory lock keyed by the
 * schema name, so two servers starting together serialise: the second waits, then finds nothing left to apply.
 */
import { escapeIdentifier, type Pool, withTransaction } from './db.js';
import { migrations as allMigrations, type Migration } from './migrations.js';

/** First key of the advisory lock: 'vigi' as an int4, so Vigil's locks do not collide with other applications'. */
const LOCK_CLASS = 0x76696769;

/** Runs the pending migrations of `schema`; returns the versions it applied (empty when up to date). */
export async function migrate(
  pool: Pool,
  schema: string,
  migrations: readonly Migration[] = allMigrations,
): Promise<number[]> {
  return withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_CLASS, schema]);
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    // Checked first so an existing schema needs no CREATE privilege on the database.
    if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${escapeIdentifier(schema)}`);
    await client.query(`SET LOCAL search_path TO ${escapeIdentifier(schema)}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)`,
    );
    const done = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(done.rows.map((row) => row.version));
    const ran: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        Date.now(),
      ]);
      ran.push(migration.version);
    }
    return ran;
  });
}
