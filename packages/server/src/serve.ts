/**
 * `vigil serve`: opens the store named by a spec (`duckdb:PATH`, default `duckdb:./vigil-data/vigil.duckdb`, or a
 * `postgres://` URL), runs its migrations, builds the app, listens, and prints the URL and — on the first start of
 * a store without keys — the admin key (also written, mode 0600, beside the data).
 *
 * Shutdown (SIGTERM or SIGINT, or `close()`): stop accepting connections (new requests on open connections get
 * 503), let in-flight requests finish — every acknowledged write is committed before its 2xx, so draining them is
 * flushing — then close the store.
 */
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { appDeliveryWorker } from './alerts/appDeliveryWorker.js';
import { buildApp } from './app/buildApp.js';
import type { AppLimits } from './app/context.js';
import type { PseudonymizeOptions } from './pseudonymize.js';
import { appScheduler } from './scheduler/appScheduler.js';
import type { SchedulerOptions } from './scheduler/scheduler.js';
import { openStore } from './store/openStore.js';
import type { Store } from './store/types.js';

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_STORE = 'duckdb:./vigil-data/vigil.duckdb';

export interface StartServerOptions {
  /** Default 4010; 0 picks a free port (the URL says which). */
  port?: number;
  /** Default 127.0.0.1 (only this machine); 0.0.0.0 to listen on every interface. */
  host?: string;
  /** Store spec (default {@link DEFAULT_STORE}), or an open store (closed on shutdown all the same). */
  store?: string | Store;
  /** Where the first admin key is written; default `admin.key` beside the DuckDB file, else ./vigil-data/. */
  adminKeyFile?: string;
  /** pino level (default 'info'); logs are JSON lines on `logStream`. */
  logLevel?: string;
  /** Default process.stderr (stdout carries the URL and the key). */
  logStream?: NodeJS.WritableStream;
  limits?: Partial<AppLimits>;
  pseudonymize?: PseudonymizeOptions;
  /** Close on SIGTERM and SIGINT (default true). */
  handleSignals?: boolean;
  /** Where the URL and the admin key are printed (default process.stdout). */
  print?: (text: string) => void;
  now?: () => number;
  /** Scheduler timing (default: a tick every minute, a minute of grace); `vigil serve --demo` shortens both. */
  scheduler?: Pick<SchedulerOptions, 'intervalMs' | 'graceMs'>;
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  store: Store;
  /** The admin key created at this start (a store that had no key), and where it was saved. */
  adminKey?: { key: string; file: string };
  /** Stops accepting, drains in-flight requests, closes the store (idempotent). */
  close(): Promise<void>;
  /** Resolves once the server has closed (after a signal or `close()`). */
  closed: Promise<void>;
}

/** `duckdb:` path of a spec, or undefined for other stores. */
function duckdbPath(spec: string): string | undefined {
  return spec.startsWith('duckdb:') ? spec.slice('duckdb:'.length) : undefined;
}

/** Where the first admin key goes by default: beside the DuckDB file, else ./vigil-data/admin.key. */
export function defaultAdminKeyFile(spec: string): string {
  const path = duckdbPath(spec);
  if (path !== undefined && path !== '' && path !== ':memory:')
    return join(dirname(resolve(path)), 'admin.key');
  return resolve('vigil-data', 'admin.key');
}

/** A spec for messages: the password of a URL hidden. */
export function describeStore(spec: string): string {
  if (duckdbPath(spec) !== undefined) return spec;
  try {
    const url = new URL(spec);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(store URL)';
  }
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const print = options.print ?? ((text: string) => process.stdout.write(text));
  const spec = typeof options.store === 'string' ? options.store : DEFAULT_STORE;
  // openStore creates a DuckDB file's folder and runs the migrations; a given store is migrated here.
  const store = typeof options.store === 'object' ? options.store : await openStore(spec);
  let app: FastifyInstance;
  try {
    if (typeof options.store === 'object') await store.migrate();
    app = await buildApp({
      store,
      logger: { level: options.logLevel ?? 'info', stream: options.logStream ?? process.stderr },
      now: options.now,
      adminKeyFile: options.adminKeyFile ?? defaultAdminKeyFile(spec),
      limits: options.limits,
      pseudonymize: options.pseudonymize,
    });
    await app.listen({ port: options.port ?? DEFAULT_PORT, host: options.host ?? DEFAULT_HOST });
    // Monitors: evaluate due windows every minute (stopped by app.close(), before the store closes).
    appScheduler(app.vigil, {
      ...options.scheduler,
      onError: (error, where) => app.log.error({ err: error, ...where }, 'window evaluation failed'),
    }).start();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  // Alerts: send pending deliveries to their channels (retries with backoff); stopped in close().
  const deliveries = appDeliveryWorker(app.vigil, { publicUrl: url, logger: app.log });
  deliveries.start();
  print(
    `vigil listening on ${url} (store: ${typeof options.store === 'object' ? store.kind : describeStore(spec)})\n`,
  );
  const bootstrap = app.vigil.bootstrap;
  if (bootstrap !== undefined) {
    print(
      `admin key (shown once; also saved to ${bootstrap.file}, readable by you only):\n  ${bootstrap.key}\n` +
        `use it as "Authorization: Bearer <key>"; create keys for services with \`vigil keys create\` or POST /api/v1/keys\n`,
    );
  }

  let resolveClosed: () => void = () => undefined;
  const closed = new Promise<void>((r) => {
    resolveClosed = r;
  });
  let closing: Promise<void> | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    app.log.info({ signal }, 'shutting down: draining in-flight requests');
    close().catch((error: unknown) => {
      app.log.error({ err: error }, 'shutdown failed');
      process.exitCode = 1;
    });
  };
  const close = (): Promise<void> => {
    closing ??= (async () => {
      if (options.handleSignals !== false) {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
      }
      try {
        await app.close();
        await app.vigil.writeGate.idle();
        await deliveries.stop();
      } finally {
        await store.close();
        app.log.info('closed');
        resolveClosed();
      }
    })();
    return closing;
  };
  if (options.handleSignals !== false) {
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }
  return { app, url, store, adminKey: bootstrap, close, closed };
}
