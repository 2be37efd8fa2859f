/**
 * The store's DuckDB instance and its connections: one writer connection behind a queue (DuckDB allows one writer
 * per table at a time without conflicts, and serialising writes keeps every transaction short and conflict-free),
 * and a small pool of reader connections, so reads never wait for writes (MVCC: a read sees committed data).
 */
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { ErrorCodes, VigilError } from '@vigil/core';

export type Connection = DuckDBConnection;
export type Params = DuckDBValue[];
/** A result row with BIGINT values as numbers (every value the store keeps is below 2^53). */
export type Row = Record<string, unknown>;

/** Name of the store's file when attached (see openDb). */
const DATABASE = 'vigil';

/** Idle reader connections kept for reuse. */
const MAX_IDLE_READERS = 4;

export interface Db {
  /** Runs `work` alone on the writer connection, without a transaction of its own. */
  exclusive<T>(work: (conn: Connection) => Promise<T>): Promise<T>;
  /**
   * Runs `work` alone on the writer connection in one transaction: committed if it resolves, else rolled back.
   * `committed` runs right after the commit, before any other write (to update what the store caches).
   */
  write<T>(work: (conn: Connection) => Promise<T>, committed?: (result: T) => void): Promise<T>;
  /** Runs `work` on a reader connection (auto-commit: each statement sees the data committed before it). */
  read<T>(work: (conn: Connection) => Promise<T>): Promise<T>;
  /** Rows of one read query. */
  all(sql: string, params?: Params): Promise<Row[]>;
  /** Makes every later read first await what `barrier` returns (writes acknowledged but not yet in DuckDB). */
  setReadBarrier(barrier: () => Promise<void> | undefined): void;
  close(): Promise<void>;
  readonly closed: boolean;
}

/** Rows of `sql` on `conn`, BIGINTs converted to numbers. */
export async function query(conn: Connection, sql: string, params?: Params): Promise<Row[]> {
  const reader = await conn.runAndReadAll(sql, params);
  const rows = reader.getRowObjectsJS() as Row[];
  for (const row of rows) {
    for (const key in row) {
      if (typeof row[key] === 'bigint') row[key] = Number(row[key]);
    }
  }
  return rows;
}

/** Runs `sql` (one or more statements) on `conn`, ignoring results; returns the rows changed by the last one. */
export async function exec(conn: Connection, sql: string, params?: Params): Promise<number> {
  const result = await conn.run(sql, params);
  return result.rowsChanged;
}

/** Rolls back the open transaction, if any (DuckDB answers an error when there is none: ignored). */
export async function rollback(conn: Connection): Promise<void> {
  try {
    await conn.run('ROLLBACK');
  } catch {
    // No transaction open.
  }
}

/** A SQL string literal (standard SQL quoting: DuckDB gives backslashes no meaning in '…'). */
export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A SQL integer literal, refusing anything that is not a safe integer (numbers are inlined, never strings). */
export function integer(value: number): string {
  if (!Number.isSafeInteger(value)) {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `duckdb store: value must be a safe integer; got ${value}`,
    );
  }
  return String(value);
}

/** DuckDB settings of the store's instance. */
export interface DbSettings {
  threads?: number;
  /** WAL size that triggers a checkpoint (DuckDB's `checkpoint_threshold`, e.g. '64MB'). */
  checkpointThreshold?: string;
  /** Most memory DuckDB's buffer pool may hold (DuckDB's `memory_limit`, e.g. '1GB'; DuckDB's default: 80 % of RAM). */
  memoryLimit?: string;
  /** Rows per row group of a database file (DuckDB's ATTACH option ROW_GROUP_SIZE; default DuckDB's, 122 880). */
  rowGroupSize?: number;
}

/** Opens `path` (':memory:' or a file) and returns the connection manager. */
export async function openDb(path: string, settings: DbSettings = {}): Promise<Db> {
  const options: Record<string, string> = {
    // Never download extensions at run time: behaviour must not depend on the network.
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  };
  if (settings.threads !== undefined) options.threads = String(settings.threads);
  if (settings.memoryLimit !== undefined) options.memory_limit = settings.memoryLimit;
  if (settings.checkpointThreshold !== undefined) options.checkpoint_threshold = settings.checkpointThreshold;
  // A file with a row-group size of its own is attached to an in-memory instance (ROW_GROUP_SIZE is an ATTACH
  // option, not an instance one) and every connection uses it as its default database.
  const attach = settings.rowGroupSize !== undefined && path !== ':memory:';
  // Spills go beside the file, as DuckDB does for a file it opens itself (not to ./.tmp of an in-memory instance).
  if (attach) options.temp_directory = `${path}.tmp`;
  const instance = await DuckDBInstance.create(attach ? ':memory:' : path, options);
  if (attach) {
    const setup = await instance.connect();
    try {
      await setup.run(
        `ATTACH ${literal(path)} AS ${DATABASE} (ROW_GROUP_SIZE ${integer(settings.rowGroupSize as number)})`,
      );
    } catch (error) {
      setup.closeSync();
      instance.closeSync();
      throw error;
    }
    setup.closeSync();
  }
  const connect = async (): Promise<Connection> => {
    const conn = await instance.connect();
    if (attach) await conn.run(`USE ${DATABASE}`);
    return conn;
  };
  const writer = await connect();
  const idle: Connection[] = [];
  const open = new Set<Connection>([writer]);
  const reading = new Set<Promise<unknown>>();
  let tail: Promise<unknown> = Promise.resolve();
  let closed = false;
  let readBarrier: () => Promise<void> | undefined = () => undefined;

  const closedError = () =>
    Promise.reject(
      new VigilError(ErrorCodes.INVALID_ARGUMENT, 'duckdb store: store must be open; got closed'),
    );

  const exclusive = <T>(work: (conn: Connection) => Promise<T>): Promise<T> => {
    if (closed) return closedError();
    const run = tail.then(() => work(writer));
    tail = run.catch(() => undefined);
    return run;
  };

  const db: Db = {
    get closed() {
      return closed;
    },
    exclusive,
    write(work, committed) {
      return exclusive(async (conn) => {
        await conn.run('BEGIN TRANSACTION');
        let result: Awaited<ReturnType<typeof work>>;
        try {
          result = await work(conn);
        } catch (error) {
          await rollback(conn);
          throw error;
        }
        try {
          await conn.run('COMMIT');
        } catch (error) {
          await rollback(conn);
          throw error;
        }
        committed?.(result);
        return result;
      });
    },
    read(work) {
      if (closed) return closedError();
      const run = (async () => {
        const written = readBarrier();
        if (written !== undefined) await written;
        let conn = idle.pop();
        if (conn === undefined) {
          conn = await connect();
          open.add(conn);
        }
        try {
          return await work(conn);
        } finally {
          if (!closed && idle.length < MAX_IDLE_READERS) idle.push(conn);
          else {
            open.delete(conn);
            conn.closeSync();
          }
        }
      })();
      const settled = run.catch(() => undefined);
      reading.add(settled);
      void settled.then(() => reading.delete(settled));
      return run;
    },
    setReadBarrier(barrier) {
      readBarrier = barrier;
    },
    all(sql, params) {
      return db.read((conn) => query(conn, sql, params));
    },
    async close() {
      if (closed) return;
      // Refuse new work, then let queued writes and running reads finish: their callers await them.
      closed = true;
      await tail;
      await Promise.all(reading);
      for (const conn of open) conn.closeSync();
      open.clear();
      idle.length = 0;
      instance.closeSync();
    },
  };
  return db;
}
