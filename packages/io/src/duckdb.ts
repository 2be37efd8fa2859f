/**
 * The one in-memory DuckDB instance this package uses: created on first use, reused by every load, closed by
 * {@link closeIo}. Each load opens its own connection, so temporary tables and types never collide.
 */
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

let instance: Promise<DuckDBInstance> | undefined;

async function createInstance(): Promise<DuckDBInstance> {
  const created = await DuckDBInstance.create(':memory:', {
    // Never download extensions at load time: behaviour must not depend on the network.
    autoinstall_known_extensions: 'false',
  });
  const connection = await created.connect();
  try {
    // Date-times without an offset are UTC. Without the ICU extension DuckDB is UTC already and this may fail.
    await connection.run("SET TimeZone = 'UTC'");
  } catch {
    // Already UTC (no ICU).
  } finally {
    connection.closeSync();
  }
  return created;
}

/** A new connection to the shared instance (created lazily). Close it when done. */
export async function connect(): Promise<DuckDBConnection> {
  instance ??= createInstance();
  let connection: DuckDBConnection;
  try {
    connection = await (await instance).connect();
  } catch (error) {
    instance = undefined;
    throw error;
  }
  // Progress is polled for onProgress: DuckDB must track it (a per-connection setting) but not print a bar.
  await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
  return connection;
}

/**
 * Closes the shared DuckDB instance, if one was created. Call it when the process is done loading files (the
 * CLI does, before exiting); a later load creates a new instance.
 */
export async function closeIo(): Promise<void> {
  const current = instance;
  instance = undefined;
  if (current === undefined) return;
  try {
    (await current).closeSync();
  } catch {
    // Creation failed: nothing to close.
  }
}
