/**
 * Applies the versioned migrations not yet recorded in `schema_migrations`, each in its own transaction with its
 * record, on the writer connection (so nothing else writes meanwhile). DuckDB holds an exclusive lock on a database
 * file, so no other process can migrate the same file at the same time.
 */
import { type Db, exec, query } from './db.js';
import { migrations as allMigrations, type Migration } from './migrations.js';

/** Runs the pending migrations; returns the versions it applied (empty when up to date). */
export async function migrate(
  db: Db,
  now: () => number,
  migrations: readonly Migration[] = allMigrations,
): Promise<number[]> {
  await db.exclusive((conn) =>
    exec(
      conn,
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at BIGINT NOT NULL)`,
    ),
  );
  const done = await db.exclusive((conn) => query(conn, 'SELECT version FROM schema_migrations'));
  const applied = new Set(done.map((row) => row.version as number));
  const ran: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    await db.write(async (conn) => {
      await exec(conn, migration.sql);
      await migration.run?.(conn);
      await exec(conn, 'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        now(),
      ]);
    });
    ran.push(migration.version);
  }
  return ran;
}
