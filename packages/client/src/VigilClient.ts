import { type LabelEvent, labelWire, type PredictionEvent, predictionWire } from './eventWire.js';
import { type ExitFlushable, type PageTarget, pageTarget, unwatchExit, watchExit } from './exitHooks.js';
import { backoffDelay, parseRetryAfter } from './retryDelay.js';
import { utf8Length } from './utf8Length.js';
import {
  type BatchKind,
  type ClientErrorCode,
  ClientErrorCodes,
  type FailedBatch,
  invalidArgument,
  type ServerErrorBody,
  VigilClientError,
} from './VigilClientError.js';

/** The `fetch` the client calls; the global one by default. */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

export interface VigilClientOptions {
  /** The server's base URL, e.g. `http://127.0.0.1:4010` (the client appends `/api/v1/…`). */
  url: string;
  /** An API key; an `ingest` key is enough (and the only kind to ship to a browser). */
  apiKey: string;
  /** The model `logPrediction(event)` / `logLabel(event)` log to when no model is passed. */
  model?: string;
  /** Events per request, 1…10 000 (the server's limit). Default 500. */
  batchSize?: number;
  /** A batch that has not filled up is sent this long after its first event. Default 1000 ms. */
  flushIntervalMs?: number;
  /** Retries after the first request, on network errors, 429 and 5xx. Default 5. */
  maxRetries?: number;
  /** Backoff before retry k (k = 0, 1, …) is uniform in [d/2, d), d = min(maxDelayMs, baseDelayMs·2^k). Default 200. */
  baseDelayMs?: number;
  /** Cap of the backoff (a server's `Retry-After` is honoured as given). Default 30 000 ms. */
  maxDelayMs?: number;
  /** Events waiting (buffered or in flight) beyond which `log…` throws `QUEUE_FULL`. Default 100 000. */
  maxQueue?: number;
  /** A request body never exceeds this many bytes (Fastify's default body limit is 1 MiB). Default 1 000 000. */
  maxBatchBytes?: number;
  /** A request not answered within this time is aborted and retried. Default 30 000 ms. */
  timeoutMs?: number;
  /** A `fetch` to use instead of the global one (proxies, instrumentation, older runtimes). */
  fetch?: FetchFunction;
  /**
   * Called with every batch that could not be delivered (`REJECTED`: a 4xx; `RETRIES_EXHAUSTED`), with its events
   * and the server's `{error: {code, message, details}}` in `error.batch`. Default: `console.error`.
   */
  onError?: (error: VigilClientError) => void;
}

/** Counters since the client was created. */
export interface ClientStats {
  /** Events logged but not yet delivered or failed (what `maxQueue` bounds). */
  queued: number;
  /** Events the server acknowledged (2xx). */
  sent: number;
  /** Events reported to `onError`. */
  failed: number;
  /** Requests made. */
  requests: number;
  /** Of those, retries. */
  retries: number;
}

/** One queue per (model, endpoint): events are kept serialized, with their UTF-8 size. */
interface Lane {
  readonly model: string;
  readonly kind: BatchKind;
  readonly endpoint: string;
  buffer: string[];
  sizes: number[];
  /** Σ (size + 1): the body of all buffered events is `bufferBytes + 1` bytes. */
  bufferBytes: number;
  /** Events ever enqueued / taken into a request / delivered or failed: FIFO sequence numbers. */
  enqueued: number;
  taken: number;
  settled: number;
  /** Events with sequence number below this are sent now, however small their batch (flush, interval). */
  forceUntil: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  sending: boolean;
}

interface Answer {
  status: number;
  retryAfter: string | null;
  error?: ServerErrorBody;
  text: string;
}

/** Largest body sent on `pagehide`: browsers cap keepalive request bodies at 64 KiB in total. */
const KEEPALIVE_BYTES = 60_000;
const MAX_SERVER_BATCH = 10_000;

/**
 * Logs predictions and labels to a Vigil server (`vigil serve`) from Node ≥ 20 or a browser, with no dependency:
 * events are queued per model and endpoint, sent in batches (`batchSize` events, or what arrived within
 * `flushIntervalMs`), retried with exponential backoff and jitter on network errors, 429 and 5xx (waiting the
 * server's `Retry-After` on 429), and flushed when a Node process runs out of work (`beforeExit`) or a page is
 * hidden (`pagehide`, sent with `fetch` keepalive).
 *
 * Logging never blocks and never waits for the network: `logPrediction` validates and queues the event (throwing
 * on an invalid event, a full queue or a closed client), and delivery failures go to `onError`.
 *
 * `process.exit()`, signals and uncaught exceptions skip `beforeExit`: call `await client.close()` before them.
 *
 * @example
 * import { VigilClient } from '@vigil/client';
 *
 * const vigil = new VigilClient({ url: 'http://127.0.0.1:4010', apiKey: process.env.VIGIL_KEY!, model: 'churn' });
 * vigil.logPrediction({ id: 'req-1', features: { tenure: 12, plan: 'pro' }, prediction: 'stay', score: 0.18 });
 * // … later, when the truth is known:
 * vigil.logLabel({ id: 'req-1', label: 'churn' });
 * await vigil.close(); // delivers everything queued
 */
export class VigilClient implements ExitFlushable {
  private readonly baseUrl: string;
  private readonly apiKey: string;
  private readonly defaultModel?: string;
  private readonly batchSize: number;
  private readonly flushIntervalMs: number;
  private readonly maxRetries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxQueue: number;
  private readonly maxBatchBytes: number;
  private readonly timeoutMs: number;
  private readonly fetchFn: FetchFunction;
  private readonly onError: (error: VigilClientError) => void;
  private readonly page: PageTarget | undefined;
  private readonly lanes = new Map<string, Lane>();
  private waiters: { lane: Lane; target: number; resolve: () => void }[] = [];
  private readonly counters = { queued: 0, sent: 0, failed: 0, requests: 0, retries: 0 };
  private closed = false;

  /**
   * @throws VigilClientError `INVALID_ARGUMENT` for a missing/invalid `url` or `apiKey`, an option out of range,
   *   or no `fetch` (neither given nor global).
   */
  constructor(options: VigilClientOptions) {
    const where = 'new VigilClient';
    if (options === null || typeof options !== 'object')
      throw invalidArgument(where, 'options', 'an object', options);
    if (typeof options.url !== 'string' || !/^https?:\/\/[^/]/i.test(options.url)) {
      throw invalidArgument(where, 'url', 'an http(s) URL such as "http://127.0.0.1:4010"', options.url);
    }
    if (typeof options.apiKey !== 'string' || options.apiKey.trim() === '') {
      throw invalidArgument(where, 'apiKey', 'a non-empty string', options.apiKey);
    }
    if (options.model !== undefined) checkModel(where, 'model', options.model);
    this.baseUrl = options.url.replace(/\/+$/, '');
    this.apiKey = options.apiKey;
    this.defaultModel = options.model;
    this.batchSize = numberOption(where, 'batchSize', options.batchSize, 500, 1, MAX_SERVER_BATCH, true);
    this.flushIntervalMs = numberOption(
      where,
      'flushIntervalMs',
      options.flushIntervalMs,
      1000,
      0,
      2 ** 31 - 1,
    );
    this.maxRetries = numberOption(where, 'maxRetries', options.maxRetries, 5, 0, 1000, true);
    this.baseDelayMs = numberOption(where, 'baseDelayMs', options.baseDelayMs, 200, 0, 2 ** 31 - 1);
    this.maxDelayMs = numberOption(where, 'maxDelayMs', options.maxDelayMs, 30_000, 0, 2 ** 31 - 1);
    this.maxQueue = numberOption(
      where,
      'maxQueue',
      options.maxQueue,
      100_000,
      1,
      Number.MAX_SAFE_INTEGER,
      true,
    );
    this.maxBatchBytes = numberOption(
      where,
      'maxBatchBytes',
      options.maxBatchBytes,
      1_000_000,
      64,
      2 ** 31,
      true,
    );
    this.timeoutMs = numberOption(where, 'timeoutMs', options.timeoutMs, 30_000, 1, 2 ** 31 - 1);
    if (options.fetch !== undefined) {
      if (typeof options.fetch !== 'function')
        throw invalidArgument(where, 'fetch', 'a function', options.fetch);
      this.fetchFn = options.fetch;
    } else if (typeof globalThis.fetch === 'function') {
      this.fetchFn = (url, init) => globalThis.fetch(url, init);
    } else {
      throw invalidArgument(where, 'fetch', 'given (this runtime has no global fetch)', undefined);
    }
    if (options.onError !== undefined && typeof options.onError !== 'function') {
      throw invalidArgument(where, 'onError', 'a function', options.onError);
    }
    this.onError = options.onError ?? ((error) => console.error(`@vigil/client: ${error.message}`));
    watchExit(this);
    this.page = pageTarget();
    this.page?.addEventListener('pagehide', this.onPageHide);
  }

  /**
   * Queues a prediction; it is sent with the next batch of its model. Returns at once.
   *
   * @param model the model's name; optional when the client has a default `model`.
   * @param event `{id, timestamp?, version?, features, prediction, score?, probas?, latencyMs?, tags?}`;
   *   `timestamp` (Date, ISO string or epoch ms) defaults to now.
   * @throws VigilClientError `INVALID_ARGUMENT` (the event breaks the schema above, or no model),
   *   `QUEUE_FULL` (`maxQueue` events are waiting), `CLIENT_CLOSED` (after `close()`).
   * @example
   * vigil.logPrediction('churn', {
   *   id: 'req-1', timestamp: new Date(), version: 'v3',
   *   features: { tenure: 12, plan: 'pro', monthly: 49.5 },
   *   prediction: 'stay', score: 0.18, latencyMs: 4.2, tags: { region: 'eu' },
   * });
   */
  logPrediction(event: PredictionEvent): void;
  logPrediction(model: string, event: PredictionEvent): void;
  logPrediction(modelOrEvent: string | PredictionEvent, event?: PredictionEvent): void {
    const where = 'VigilClient.logPrediction';
    const [model, given] = this.resolveModel(where, modelOrEvent, event);
    this.checkAccepting(where);
    this.enqueue(where, model, 'predictions', predictionWire(where, given));
  }

  /**
   * Queues a ground-truth label for the prediction with the same `id` (logged earlier or later: the server joins
   * them whenever both have arrived). Returns at once.
   *
   * @throws VigilClientError `INVALID_ARGUMENT`, `QUEUE_FULL`, `CLIENT_CLOSED`, as `logPrediction`.
   * @example
   * vigil.logLabel('churn', { id: 'req-1', label: 'churn' });
   */
  logLabel(event: LabelEvent): void;
  logLabel(model: string, event: LabelEvent): void;
  logLabel(modelOrEvent: string | LabelEvent, event?: LabelEvent): void {
    const where = 'VigilClient.logLabel';
    const [model, given] = this.resolveModel(where, modelOrEvent, event);
    this.checkAccepting(where);
    this.enqueue(where, model, 'labels', labelWire(where, given));
  }

  /**
   * Sends everything logged before the call now, whatever the batch sizes, and resolves once each of those events
   * is acknowledged by the server or reported to `onError` (after its retries). Never rejects.
   *
   * @example
   * vigil.logPrediction({ id: 'a', features: { x: 1 }, prediction: 0 });
   * await vigil.flush(); // the server has stored it (or onError was called)
   */
  flush(): Promise<void> {
    const pending: Promise<void>[] = [];
    for (const lane of this.lanes.values()) {
      if (lane.settled >= lane.enqueued) continue;
      const target = lane.enqueued;
      lane.forceUntil = Math.max(lane.forceUntil, target);
      pending.push(new Promise<void>((resolve) => this.waiters.push({ lane, target, resolve })));
      this.pump(lane);
    }
    return Promise.all(pending).then(() => undefined);
  }

  /**
   * Stops accepting events, delivers everything queued (as `flush`) and removes the exit and `pagehide` hooks.
   * Idempotent. Call it before `process.exit()` and in signal handlers, which skip `beforeExit`.
   *
   * @example
   * process.on('SIGTERM', async () => { await vigil.close(); process.exit(0); });
   */
  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      unwatchExit(this);
      this.page?.removeEventListener('pagehide', this.onPageHide);
    }
    await this.flush();
    for (const lane of this.lanes.values()) {
      clearTimeout(lane.timer);
      lane.timer = undefined;
    }
  }

  /** Counters since creation: `queued` (waiting), `sent`, `failed`, `requests`, `retries`. */
  stats(): ClientStats {
    return { ...this.counters };
  }

  /** Called by the Node `beforeExit` hook: starts a flush when anything is waiting. @internal */
  flushOnExit(): void {
    if (this.counters.queued > 0) void this.flush();
  }

  /** On `pagehide`, sends every buffered event with `fetch` keepalive (no retries: the page is going away). */
  private readonly onPageHide = (): void => {
    for (const lane of this.lanes.values()) {
      while (lane.buffer.length > 0) {
        const batch = this.take(lane, Math.min(KEEPALIVE_BYTES, this.maxBatchBytes));
        void this.deliverOnce(lane, batch);
      }
    }
  };

  private resolveModel<E>(where: string, modelOrEvent: string | E, event: E | undefined): [string, E] {
    if (typeof modelOrEvent === 'string') {
      checkModel(where, 'model', modelOrEvent);
      if (event === undefined) throw invalidArgument(where, 'event', 'given after the model name', event);
      return [modelOrEvent, event];
    }
    if (this.defaultModel === undefined) {
      throw invalidArgument(
        where,
        'model',
        'the first argument or the `model` option of the client',
        undefined,
      );
    }
    return [this.defaultModel, modelOrEvent];
  }

  private checkAccepting(where: string): void {
    if (this.closed) {
      throw new VigilClientError(
        ClientErrorCodes.CLIENT_CLOSED,
        `${where}: the client must be open; got a call after close()`,
      );
    }
    if (this.counters.queued >= this.maxQueue) {
      throw new VigilClientError(
        ClientErrorCodes.QUEUE_FULL,
        `${where}: the queue must hold at most maxQueue=${this.maxQueue} events; got ${this.counters.queued} ` +
          'waiting (the server is slow or unreachable: await flush(), raise maxQueue, or drop this event)',
      );
    }
  }

  private enqueue(where: string, model: string, kind: BatchKind, wire: Record<string, unknown>): void {
    let json: string;
    try {
      json = JSON.stringify(wire);
    } catch (cause) {
      throw new VigilClientError(
        ClientErrorCodes.INVALID_ARGUMENT,
        `${where}: event must be serializable as JSON; got ${(cause as Error).message}`,
        { cause },
      );
    }
    const bytes = utf8Length(json);
    if (bytes + 2 > this.maxBatchBytes) {
      throw invalidArgument(
        where,
        'event',
        `at most maxBatchBytes=${this.maxBatchBytes} bytes as JSON`,
        `${bytes} bytes`,
      );
    }
    const lane = this.lane(model, kind);
    lane.buffer.push(json);
    lane.sizes.push(bytes);
    lane.bufferBytes += bytes + 1;
    lane.enqueued++;
    this.counters.queued++;
    if (this.hasFullBatch(lane)) this.pump(lane);
    if (lane.timer === undefined && lane.buffer.length > 0) {
      lane.timer = setTimeout(() => {
        lane.timer = undefined;
        lane.forceUntil = Math.max(lane.forceUntil, lane.enqueued);
        this.pump(lane);
      }, this.flushIntervalMs);
      unref(lane.timer);
    }
  }

  private lane(model: string, kind: BatchKind): Lane {
    const key = `${kind}\u0000${model}`;
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = {
        model,
        kind,
        endpoint: `${this.baseUrl}/api/v1/models/${encodeURIComponent(model)}/${kind}`,
        buffer: [],
        sizes: [],
        bufferBytes: 0,
        enqueued: 0,
        taken: 0,
        settled: 0,
        forceUntil: 0,
        timer: undefined,
        sending: false,
      };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  private hasFullBatch(lane: Lane): boolean {
    return lane.buffer.length >= this.batchSize || lane.bufferBytes + 1 >= this.maxBatchBytes;
  }

  private shouldSend(lane: Lane): boolean {
    return lane.buffer.length > 0 && (this.hasFullBatch(lane) || lane.taken < lane.forceUntil);
  }

  /** Starts the lane's send loop unless it runs. One request in flight per lane keeps batches in order. */
  private pump(lane: Lane): void {
    if (!lane.sending && this.shouldSend(lane)) void this.run(lane);
  }

  private async run(lane: Lane): Promise<void> {
    lane.sending = true;
    try {
      while (this.shouldSend(lane)) {
        const batch = this.take(lane, this.maxBatchBytes);
        try {
          await this.deliver(lane, batch);
        } finally {
          this.settle(lane, batch.length);
        }
      }
    } finally {
      // Reached synchronously after the last shouldSend() check, so no event can slip in between.
      lane.sending = false;
    }
  }

  /** Removes the next batch (≤ batchSize events, ≤ maxBytes of body, at least one event) from the buffer. */
  private take(lane: Lane, maxBytes: number): string[] {
    let n = 0;
    let body = 1;
    while (n < lane.buffer.length && n < this.batchSize) {
      const add = lane.sizes[n] + 1;
      if (n > 0 && body + add > maxBytes) break;
      body += add;
      n++;
    }
    const batch = lane.buffer.splice(0, n);
    lane.sizes.splice(0, n);
    lane.bufferBytes -= body - 1;
    lane.taken += n;
    return batch;
  }

  private settle(lane: Lane, n: number): void {
    lane.settled += n;
    this.counters.queued -= n;
    if (this.waiters.length === 0) return;
    const still: typeof this.waiters = [];
    for (const waiter of this.waiters) {
      if (waiter.lane.settled >= waiter.target) waiter.resolve();
      else still.push(waiter);
    }
    this.waiters = still;
  }

  /** Sends one batch, retrying as documented; reports a batch it gives up on. Never throws. */
  private async deliver(lane: Lane, batch: string[]): Promise<void> {
    const body = `[${batch.join(',')}]`;
    let attempts = 0;
    for (;;) {
      attempts++;
      let answer: Answer | undefined;
      let cause: unknown;
      try {
        answer = await this.post(lane.endpoint, body, false);
      } catch (error) {
        cause = error;
      }
      if (answer && answer.status >= 200 && answer.status < 300) {
        this.counters.sent += batch.length;
        return;
      }
      if (answer && answer.status !== 429 && answer.status < 500) {
        this.fail(ClientErrorCodes.REJECTED, lane, batch, attempts, answer, cause);
        return;
      }
      if (attempts > this.maxRetries) {
        this.fail(ClientErrorCodes.RETRIES_EXHAUSTED, lane, batch, attempts, answer, cause);
        return;
      }
      this.counters.retries++;
      const wait =
        parseRetryAfter(answer?.retryAfter) ?? backoffDelay(attempts - 1, this.baseDelayMs, this.maxDelayMs);
      // A normal (ref'd) timer: a Node process flushing on exit stays alive through the wait.
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** The `pagehide` path: one keepalive request, no retry. */
  private async deliverOnce(lane: Lane, batch: string[]): Promise<void> {
    let answer: Answer | undefined;
    let cause: unknown;
    try {
      answer = await this.post(lane.endpoint, `[${batch.join(',')}]`, true);
    } catch (error) {
      cause = error;
    }
    if (answer && answer.status >= 200 && answer.status < 300) this.counters.sent += batch.length;
    else {
      const rejected = answer !== undefined && answer.status !== 429 && answer.status < 500;
      const code = rejected ? ClientErrorCodes.REJECTED : ClientErrorCodes.RETRIES_EXHAUSTED;
      this.fail(code, lane, batch, 1, answer, cause);
    }
    this.settle(lane, batch.length);
  }

  private async post(url: string, body: string, keepalive: boolean): Promise<Answer> {
    this.counters.requests++;
    // keepalive requests outlive the page; aborting them on a timer would defeat the point.
    const controller = keepalive || typeof AbortController !== 'function' ? undefined : new AbortController();
    const timer = controller ? setTimeout(() => controller.abort(), this.timeoutMs) : undefined;
    if (timer !== undefined) unref(timer);
    try {
      const response = await this.fetchFn(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json' },
        body,
        keepalive,
        ...(controller ? { signal: controller.signal } : {}),
      });
      const text = await response.text();
      const answer: Answer = {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        text,
      };
      if (!response.ok) {
        const error = parseServerError(text);
        if (error) answer.error = error;
      }
      return answer;
    } finally {
      clearTimeout(timer);
    }
  }

  private fail(
    code: ClientErrorCode,
    lane: Lane,
    batch: string[],
    attempts: number,
    answer: Answer | undefined,
    cause: unknown,
  ): void {
    this.counters.failed += batch.length;
    const failed: FailedBatch = {
      model: lane.model,
      kind: lane.kind,
      events: batch.map((json) => JSON.parse(json) as Record<string, unknown>),
      attempts,
    };
    if (answer) failed.status = answer.status;
    if (answer?.error) failed.body = answer.error;
    const what = `a batch of ${batch.length} ${lane.kind} for model "${lane.model}"`;
    const last = answer
      ? `${answer.status} ${answer.error ? `${answer.error.error.code}: ${answer.error.error.message}` : answer.text.slice(0, 200)}`
      : `network error: ${cause instanceof Error ? cause.message : String(cause)}`;
    const message =
      code === ClientErrorCodes.REJECTED
        ? `VigilClient: the server rejected ${what} with ${last} (not retried)`
        : `VigilClient: ${what} was not delivered after ${attempts} attempt${attempts === 1 ? '' : 's'}; last: ${last}`;
    try {
      this.onError(new VigilClientError(code, message, { batch: failed, cause }));
    } catch {
      // A throwing handler must not stop delivery of the other batches.
    }
  }
}

/** The server's `{error: {code, message, details?}}`, or undefined when the body is something else. */
function parseServerError(text: string): ServerErrorBody | undefined {
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const error = parsed?.error;
    if (error && typeof error.code === 'string' && typeof error.message === 'string') {
      return parsed as ServerErrorBody;
    }
  } catch {
    // not JSON
  }
  return undefined;
}

function checkModel(where: string, parameter: string, model: unknown): void {
  if (typeof model !== 'string' || model === '')
    throw invalidArgument(where, parameter, 'a non-empty string', model);
}

function numberOption(
  where: string,
  name: string,
  value: number | undefined,
  fallback: number,
  min: number,
  max: number,
  integer = false,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= min && value <= max) || (integer && !Number.isInteger(value))) {
    throw invalidArgument(where, name, `${integer ? 'an integer' : 'a number'} in [${min}, ${max}]`, value);
  }
  return value;
}

/** Node timers keep the process alive unless unref'd; browser timers are numbers and need nothing. */
function unref(timer: ReturnType<typeof setTimeout>): void {
  (timer as unknown as { unref?: () => void }).unref?.();
}
