/**
 * What every route plugin shares, decorated on the root instance as `app.vigil` (so encapsulated plugins read it
 * without options), and the Fastify type augmentations the app relies on: the route `config` (`role`, `write`) and
 * the authenticated key on the request.
 */
import type { FastifyRequest } from 'fastify';
import type { RouteEntry } from '../auth/authHook.js';
import type { Sessions } from '../auth/sessions.js';
import type { DecodePool } from '../ingest/decodePool.js';
import type { WriteGate, WriteTicket } from '../ingest/writeGate.js';
import type { Pseudonymizer } from '../pseudonymize.js';
import type { ApiKey, Model, Reference, Store } from '../store/types.js';

/** Who may call a route: a key role, or `public` (no key: /healthz, /readyz, the OpenAPI document). */
export type RouteRole = 'public' | 'read' | 'ingest' | 'admin';

/** Limits of the request path, normalised once by `buildApp`. */
export interface AppLimits {
  /** Largest JSON/NDJSON body, bytes (default 16 MiB). */
  bodyBytes: number;
  /** Most predictions or labels per request (default 10 000). */
  maxBatch: number;
  /** Rows admitted to the write path and not yet stored, beyond which writes get 429 (default 50 000). */
  maxPendingWrites: number;
  /** Bytes of write bodies admitted and not yet stored (default 4 × bodyBytes). */
  maxPendingBytes: number;
  /** Largest reference upload, bytes (default 512 MiB; streamed to a temporary file, never held in memory). */
  referenceBytes: number;
}

/** Called after a reference is stored (MONITORS creates the default monitors here). */
export type ReferenceListener = (event: {
  model: Model;
  reference: Reference;
  request: FastifyRequest;
}) => Promise<void>;

export interface AppContext {
  store: Store;
  /** Clock, ms since the epoch (tests inject one). */
  now: () => number;
  limits: AppLimits;
  writeGate: WriteGate;
  /** Replaces configured identifier fields by their keyed HMAC (identity when not configured). */
  pseudonymize: Pseudonymizer;
  /** Decodes prediction bodies (parse, validate, pseudonymize, columns) on worker threads; closed with the app. */
  predictionDecoder: DecodePool;
  /** Appends an admin action to the audit log, attributed to the request's key. */
  audit: (
    request: FastifyRequest,
    action: string,
    target: string,
    details?: Record<string, unknown>,
  ) => Promise<void>;
  /** Listeners run (in order, awaited) after a reference upload is stored. */
  afterReference: ReferenceListener[];
  /** Where uploads are staged while they are read (default the OS temporary directory). */
  tempDir: string;
  /** Every registered route with its method and role (filled during registration). */
  routes: RouteEntry[];
  /** Dashboard sessions (cookie login), in memory. */
  sessions: Sessions;
  /** Set when this app created the first admin key (a fresh store): `vigil serve` prints it once. */
  bootstrap?: { key: string; file: string };
}

declare module 'fastify' {
  interface FastifyInstance {
    vigil: AppContext;
  }
  interface FastifyContextConfig {
    /** Required on every route (registration fails without it); enforced by the auth hook. */
    role?: RouteRole;
    /** A write route: admitted through the write gate before its body is read. */
    write?: boolean;
  }
  interface FastifyRequest {
    /** The authenticated key (undefined on public routes). */
    apiKey?: ApiKey;
    /** The write gate's admission of this request (write routes). */
    writeTicket?: WriteTicket;
  }
}
