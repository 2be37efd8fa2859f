/**
 * The Fastify application (issue 4 §1–2, §5): one encapsulated plugin per route group (the list below), TypeBox
 * schemas on body, params, query and response (they also make the OpenAPI document), one error catalogue and
 * handler (httpErrors.ts), API-key roles on every route (auth/authHook.ts), a bounded write path
 * (ingest/writeGate.ts), optional pseudonymization, and pino JSON logs with request ids (no bodies, no values).
 */
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { registerAuth } from '../auth/authHook.js';
import { bootstrapAdminKey } from '../auth/bootstrapAdminKey.js';
import { createSessions } from '../auth/sessions.js';
import { createDecodePool } from '../ingest/decodePool.js';
import { createWriteGate } from '../ingest/writeGate.js';
import { registerWriteGate } from '../ingest/writeGateHook.js';
import { createPseudonymizer, type PseudonymizeOptions } from '../pseudonymize.js';
import { alertRoutes } from '../routes/alerts.js';
import { channelRoutes } from '../routes/channels.js';
import { dashboardRoutes } from '../routes/dashboard.js';
import { evaluateRoutes } from '../routes/evaluate.js';
import { healthRoutes } from '../routes/health.js';
import { keyRoutes } from '../routes/keys.js';
import { labelRoutes } from '../routes/labels.js';
import { metricsRoutes } from '../routes/metrics.js';
import { modelRoutes } from '../routes/models.js';
import { monitorRoutes } from '../routes/monitors.js';
import { openapiRoutes } from '../routes/openapi.js';
import { predictionRoutes } from '../routes/predictions.js';
import { referenceRoutes } from '../routes/references.js';
import { seriesRoutes } from '../routes/series.js';
import { sessionRoutes } from '../routes/session.js';
import { defaultWebRoot, webRoutes } from '../routes/web.js';
import type { Store } from '../store/types.js';
import type { AppContext, AppLimits } from './context.js';
import { errorHandler, notFoundHandler } from './httpErrors.js';
import { withLookupCache } from './lookupCache.js';
import { validatorCompiler } from './validatorCompiler.js';

export const API_PREFIX = '/api/v1';

/** One route group: an encapsulated plugin and the prefix it is mounted at. */
export interface RouteGroup {
  name: string;
  prefix: string;
  plugin: FastifyPluginAsyncTypebox;
}

/**
 * The route groups, registered in this order. MONITORS and ALERTS add theirs with one line each (monitors,
 * series, metrics; alerts, channels).
 */
export const routeGroups: RouteGroup[] = [
  { name: 'health', prefix: '', plugin: healthRoutes },
  { name: 'openapi', prefix: API_PREFIX, plugin: openapiRoutes },
  { name: 'models', prefix: API_PREFIX, plugin: modelRoutes },
  { name: 'references', prefix: API_PREFIX, plugin: referenceRoutes },
  { name: 'predictions', prefix: API_PREFIX, plugin: predictionRoutes },
  { name: 'labels', prefix: API_PREFIX, plugin: labelRoutes },
  { name: 'keys', prefix: API_PREFIX, plugin: keyRoutes },
  { name: 'alerts', prefix: API_PREFIX, plugin: alertRoutes },
  { name: 'channels', prefix: API_PREFIX, plugin: channelRoutes },
  { name: 'monitors', prefix: API_PREFIX, plugin: monitorRoutes },
  { name: 'series', prefix: API_PREFIX, plugin: seriesRoutes },
  { name: 'evaluate', prefix: API_PREFIX, plugin: evaluateRoutes },
  { name: 'session', prefix: API_PREFIX, plugin: sessionRoutes },
  { name: 'dashboard', prefix: API_PREFIX, plugin: dashboardRoutes },
  { name: 'metrics', prefix: '', plugin: metricsRoutes },
];

export const DEFAULT_LIMITS: AppLimits = {
  bodyBytes: 16 * 1024 * 1024,
  maxBatch: 10_000,
  maxPendingWrites: 50_000,
  maxPendingBytes: 64 * 1024 * 1024,
  referenceBytes: 512 * 1024 * 1024,
};

export interface BuildAppOptions {
  store: Store;
  /** Fastify's logger option (false by default), or a pino logger instance. */
  logger?: FastifyServerOptions['logger'] | FastifyBaseLogger;
  /** Clock, ms since the epoch (default Date.now). */
  now?: () => number;
  /** Where the first admin key is written when the store has no key (no bootstrap when absent). */
  adminKeyFile?: string;
  limits?: Partial<AppLimits>;
  /** Identifier fields of features and tags replaced by HMAC-SHA256(key, value) before storage. */
  pseudonymize?: PseudonymizeOptions;
  /** Where reference uploads are staged while they are read (default the OS temporary directory). */
  tempDir?: string;
  /** Worker threads decoding prediction bodies (default: cores − 1, at least 1; 0: on the main thread). */
  ingestWorkers?: number;
  /** Route groups registered after the standard ones (extensions, tests). */
  plugins?: RouteGroup[];
  /** Folder of the built dashboard served at `/` (default packages/web/dist beside this package). */
  webRoot?: string;
}

function normalizeLimits(limits: Partial<AppLimits> = {}): AppLimits {
  const out = { ...DEFAULT_LIMITS, ...limits };
  if (limits.maxPendingBytes === undefined) out.maxPendingBytes = 4 * out.bodyBytes;
  for (const [name, value] of Object.entries(out)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`buildApp: limits.${name} must be a positive integer; got ${value}`);
    }
  }
  return out;
}

/** Request ids: the client's `X-Request-Id` when it is a short token, else a random UUID. */
function requestId(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
}

function isLoggerInstance(logger: BuildAppOptions['logger']): logger is FastifyBaseLogger {
  return (
    typeof logger === 'object' && logger !== null && typeof (logger as FastifyBaseLogger).child === 'function'
  );
}

/** Builds (and readies) the application; a route without `config.role` makes it reject. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const store = withLookupCache(options.store);
  const now = options.now ?? Date.now;
  const limits = normalizeLimits(options.limits);
  const base: FastifyServerOptions = {
    bodyLimit: limits.bodyBytes,
    // Request logs (Fastify's, on by default) carry method, URL, status and time: never headers, bodies or values.
    genReqId: requestId,
  };
  const app = (
    isLoggerInstance(options.logger)
      ? Fastify({ ...base, loggerInstance: options.logger })
      : Fastify({ ...base, logger: options.logger ?? false })
  ).withTypeProvider<TypeBoxTypeProvider>();

  const context: AppContext = {
    store,
    now,
    limits,
    writeGate: createWriteGate({
      maxPendingRows: limits.maxPendingWrites,
      maxPendingBytes: limits.maxPendingBytes,
      now,
    }),
    pseudonymize: createPseudonymizer(options.pseudonymize),
    predictionDecoder: createDecodePool({
      maxBatch: limits.maxBatch,
      pseudonymize: options.pseudonymize,
      workers: options.ingestWorkers,
    }),
    audit: async (request, action, target, details) => {
      await store.appendAudit({ at: now(), keyId: request.apiKey?.id, action, target, details });
    },
    afterReference: [],
    routes: [],
    tempDir: options.tempDir ?? tmpdir(),
    sessions: createSessions(store, now),
  };
  if (options.adminKeyFile !== undefined) {
    const created = await bootstrapAdminKey(store, options.adminKeyFile, now);
    if (created !== undefined) context.bootstrap = { key: created.key, file: created.file };
  }
  app.decorate('vigil', context);
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  // While closing, answers end their connection: keep-alive clients would otherwise hold the server open until
  // their idle timeout (72 s) after the in-flight requests are drained.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onClose', async () => {
    await context.predictionDecoder.close();
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
    return payload;
  });
  // The cookie parser's onRequest hook must run before the auth hook, which reads the session cookie.
  await app.register(cookie);
  registerAuth(app, store, now, context.routes, context.sessions);
  registerWriteGate(app, context.writeGate, limits.bodyBytes);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Vigil',
        version: '0.1.0',
        description: 'Model monitoring: ingest predictions and labels, monitors, alerts.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer vgl_…' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        },
      },
      security: [{ bearer: [] }, { apiKey: [] }],
    },
  });
  for (const group of [...routeGroups, ...(options.plugins ?? [])]) {
    await app.register(group.plugin, { prefix: group.prefix });
  }
  // Last: its catch-all GET yields to every route above.
  await app.register(webRoutes(options.webRoot ?? defaultWebRoot()));
  await app.ready();
  return app as unknown as FastifyInstance;
}
