/**
 * `vigil serve --demo`: starts the server with the demo's scheduler timing on a fresh store, then the demo
 * (startDemo.ts), and stops both on Ctrl-C (SIGINT) or SIGTERM: the replay first, then the server, which drains
 * its requests and closes the store.
 *
 * The default store, ./vigil-data/demo/vigil.duckdb, is emptied at every start (its DuckDB file, write-ahead log
 * and admin.key, nothing else), so the demo always starts from the same state. A store given by the caller is
 * used as it is and must not have the demo model yet.
 */
import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { describeStore, type RunningServer, startServer } from '../serve.js';
import { DEMO_SCHEDULER, type DemoOptions, type RunningDemo, startDemo } from './startDemo.js';

export const DEFAULT_DEMO_STORE = 'duckdb:./vigil-data/demo/vigil.duckdb';

export interface ServeDemoOptions extends DemoOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  host?: string;
  /** Default {@link DEFAULT_DEMO_STORE} (emptied first); another spec is used as it is. */
  store?: string;
  /** Server log level (default 'warn': the console is for the demo). */
  logLevel?: string;
  logStream?: NodeJS.WritableStream;
  /** Stop on SIGINT and SIGTERM (default true). */
  handleSignals?: boolean;
  /** Scheduler timing (default {@link DEMO_SCHEDULER}). */
  scheduler?: { intervalMs?: number; graceMs?: number };
}

export interface RunningServedDemo {
  server: RunningServer;
  demo: RunningDemo;
  /** Stops the demo, then the server (idempotent). */
  close(): Promise<void>;
  /** Resolves once both have stopped. */
  closed: Promise<void>;
}

/** Removes the default demo store's files (the DuckDB file, its WAL and the admin key beside it). */
async function emptyDefaultStore(): Promise<void> {
  const file = resolve(DEFAULT_DEMO_STORE.slice('duckdb:'.length));
  for (const path of [file, `${file}.wal`, join(dirname(file), 'admin.key')]) {
    await rm(path, { force: true });
  }
}

export async function serveDemo(options: ServeDemoOptions = {}): Promise<RunningServedDemo> {
  const print = options.print ?? ((text: string) => process.stdout.write(text));
  const spec = options.store ?? DEFAULT_DEMO_STORE;
  const fresh = spec === DEFAULT_DEMO_STORE;
  if (fresh) await emptyDefaultStore();
  const server = await startServer({
    port: options.port,
    host: options.host,
    store: spec,
    logLevel: options.logLevel ?? 'warn',
    logStream: options.logStream,
    handleSignals: false,
    // The demo prints the URL and the key itself, with what they are for.
    print: () => undefined,
    scheduler: { ...DEMO_SCHEDULER, ...options.scheduler },
    now: options.now,
  });
  let demo: RunningDemo;
  try {
    demo = await startDemo(server, {
      ...options,
      print,
      storeDescription: `${describeStore(spec)}${fresh ? ' (emptied at each demo start)' : ''}`,
    });
  } catch (error) {
    await server.close();
    throw error;
  }

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      if (options.handleSignals !== false) {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      try {
        await demo.stop();
      } finally {
        await server.close();
      }
    })();
    return closing;
  };
  const onSignal = () => {
    print('\nstopping the demo: the replay, then the server (draining its requests)\n');
    close().then(
      () => print('stopped\n'),
      (error: unknown) => {
        print(`demo: shutdown failed: ${(error as Error).message}\n`);
        process.exitCode = 1;
      },
    );
  };
  if (options.handleSignals !== false) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  return { server, demo, close, closed: server.closed };
}
