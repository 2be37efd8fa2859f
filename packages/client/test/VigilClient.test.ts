/**
 * VigilClient against a real node:http server on 127.0.0.1 (test/helpers/receiver.ts): batching, retries,
 * Retry-After, rejection, flush/close, the queue bound and validation — every request goes over a socket.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type PredictionEvent,
  VigilClient,
  type VigilClientError,
  type VigilClientOptions,
} from '../src/index.js';
import { closedPort, type Receiver, startReceiver, until } from './helpers/receiver.js';

const PREDICTIONS = '/api/v1/models/churn/predictions';
const LABELS = '/api/v1/models/churn/labels';

let receiver: Receiver | undefined;
let clients: VigilClient[] = [];

afterEach(async () => {
  // Answer whatever is still hanging (and anything sent from now on), so close() cannot wait forever.
  if (receiver) receiver.respond = () => ({ status: 200 });
  receiver?.release();
  await Promise.all(clients.map((c) => c.close()));
  clients = [];
  await receiver?.close();
  receiver = undefined;
});

async function setup(
  options: Partial<VigilClientOptions> = {},
  respond?: Parameters<typeof startReceiver>[0],
): Promise<{ server: Receiver; client: VigilClient; errors: VigilClientError[] }> {
  const server = await startReceiver(respond);
  receiver = server;
  const errors: VigilClientError[] = [];
  const client = new VigilClient({
    url: server.url,
    apiKey: 'vk_test_key',
    model: 'churn',
    flushIntervalMs: 60_000,
    onError: (e) => errors.push(e),
    ...options,
  });
  clients.push(client);
  return { server, client, errors };
}

function prediction(i: number, extra: Partial<PredictionEvent> = {}): PredictionEvent {
  return {
    id: `p${i}`,
    timestamp: 1_700_000_000_000 + i,
    features: { tenure: i, plan: i % 2 ? 'pro' : 'free' },
    prediction: i % 3 === 0 ? 'churn' : 'stay',
    score: (i % 10) / 10,
    ...extra,
  };
}

const ids = (items: Record<string, unknown>[]) => items.map((item) => item.id);
const posts = (server: Receiver) => server.requests.filter((r) => r.method === 'POST');

describe('VigilClient batching', () => {
  it('logPrediction() × 7 with batchSize 3 sends two full batches at once and the rest on flush()', async () => {
    const { server, client } = await setup({ batchSize: 3 });
    for (let i = 0; i < 7; i++) client.logPrediction(prediction(i));
    await until(() => server.requests.length === 2, 5000, 'two requests');
    await new Promise((r) => setTimeout(r, 100));
    expect(server.requests.map((r) => (r.body as unknown[]).length)).toEqual([3, 3]);
    expect(client.stats().queued).toBe(1);
    await client.flush();
    expect(server.requests.map((r) => (r.body as unknown[]).length)).toEqual([3, 3, 1]);
    expect(ids(server.items(PREDICTIONS))).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    const first = server.requests[0];
    expect(first.method).toBe('POST');
    expect(first.path).toBe(PREDICTIONS);
    expect(first.headers.authorization).toBe('Bearer vk_test_key');
    expect(first.headers['content-type']).toBe('application/json');
    expect(client.stats()).toEqual({ queued: 0, sent: 7, failed: 0, requests: 3, retries: 0 });
  });

  it('logPrediction() below batchSize is sent flushIntervalMs after the first event, in one request', async () => {
    const { server, client } = await setup({ batchSize: 500, flushIntervalMs: 150 });
    const started = performance.now();
    client.logPrediction(prediction(1));
    client.logPrediction(prediction(2));
    await until(() => server.requests.length === 1, 5000, 'the interval flush');
    const waited = server.requests[0].at - started;
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(2000); // generous: the machine may be loaded
    expect(ids(server.items())).toEqual(['p1', 'p2']);
    // Nothing else is pending, so nothing else is sent.
    await new Promise((r) => setTimeout(r, 300));
    expect(server.requests).toHaveLength(1);
  });

  it('logPrediction()/logLabel() batch per model and endpoint, model names URL-encoded', async () => {
    const { server, client } = await setup();
    client.logPrediction(prediction(1));
    client.logPrediction('fraud/v2', prediction(2));
    client.logLabel({ id: 'p1', label: 'churn' });
    client.logLabel('fraud/v2', { id: 'p2', label: 1 });
    client.logPrediction(prediction(3));
    await client.flush();
    const byPath = Object.fromEntries(
      posts(server).map((r) => [r.path, (r.body as Record<string, unknown>[]).map((x) => x.id)]),
    );
    expect(byPath).toEqual({
      [PREDICTIONS]: ['p1', 'p3'],
      '/api/v1/models/fraud%2Fv2/predictions': ['p2'],
      [LABELS]: ['p1'],
      '/api/v1/models/fraud%2Fv2/labels': ['p2'],
    });
    expect(server.items(LABELS)).toEqual([{ id: 'p1', label: 'churn' }]);
  });

  it('logPrediction() sends exactly the documented fields, timestamps as ISO strings', async () => {
    const { server, client } = await setup();
    const before = Date.now();
    client.logPrediction({
      id: 'a',
      timestamp: new Date(Date.UTC(2024, 4, 1, 12)),
      version: 'v3',
      features: { x: 1.5, c: 'red', missing: null, nan: Number.NaN, skipped: undefined },
      prediction: 1,
      score: 0.75,
      latencyMs: 4.2,
      tags: { region: 'eu' },
    });
    client.logPrediction({ id: 'b', timestamp: '2024-05-01T12:00:00+02:00', features: {}, prediction: 'x' });
    client.logPrediction({
      id: 'c',
      timestamp: 0,
      features: {},
      prediction: 'b',
      probas: { a: 0.2, b: 0.8 },
    });
    client.logPrediction({ id: 'd', features: { x: 1 }, prediction: true });
    const after = Date.now();
    await client.flush();
    const [a, b, c, d] = server.items();
    expect(a).toEqual({
      id: 'a',
      timestamp: '2024-05-01T12:00:00.000Z',
      version: 'v3',
      features: { x: 1.5, c: 'red', missing: null, nan: null },
      prediction: 1,
      score: 0.75,
      latencyMs: 4.2,
      tags: { region: 'eu' },
    });
    expect(b).toEqual({ id: 'b', timestamp: '2024-05-01T10:00:00.000Z', features: {}, prediction: 'x' });
    expect(c).toEqual({
      id: 'c',
      timestamp: '1970-01-01T00:00:00.000Z',
      features: {},
      prediction: 'b',
      probas: { a: 0.2, b: 0.8 },
    });
    // No timestamp: the time of the logPrediction call, not of the request.
    const stamped = Date.parse(d.timestamp as string);
    expect(stamped).toBeGreaterThanOrEqual(before);
    expect(stamped).toBeLessThanOrEqual(after);
  });

  it('logPrediction() keeps request bodies under maxBatchBytes by splitting batches', async () => {
    const { server, client } = await setup({ maxBatchBytes: 1000, batchSize: 100 });
    const padding = 'é'.repeat(100); // 200 bytes in UTF-8, 100 UTF-16 units
    for (let i = 0; i < 20; i++) client.logPrediction(prediction(i, { tags: { padding } }));
    await client.flush();
    const sizes = posts(server).map((r) => r.bytes);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1000);
    expect(sizes.length).toBeGreaterThan(5);
    expect(ids(server.items())).toEqual(Array.from({ length: 20 }, (_, i) => `p${i}`));
  });
});

describe('VigilClient retries', () => {
  it('flush() retries a 500 with backoff, then succeeds with the same body', async () => {
    const { server, client, errors } = await setup({ baseDelayMs: 40 }, (_r, n) =>
      n < 2 ? { status: 500, body: { error: { code: 'INTERNAL', message: 'boom' } } } : { status: 200 },
    );
    for (let i = 0; i < 4; i++) client.logPrediction(prediction(i));
    await client.flush();
    expect(server.requests).toHaveLength(3);
    expect(server.requests[1].body).toEqual(server.requests[0].body);
    expect(server.requests[2].body).toEqual(server.requests[0].body);
    // Equal jitter: retry k waits in [d/2, d), d = 40·2^k → ≥ 20 ms, then ≥ 40 ms.
    expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(19);
    expect(server.requests[2].at - server.requests[1].at).toBeGreaterThanOrEqual(39);
    expect(errors).toEqual([]);
    expect(client.stats()).toMatchObject({ sent: 4, failed: 0, requests: 3, retries: 2 });
  });

  it('flush() waits the Retry-After seconds of a 429 before retrying (measured)', async () => {
    const { server, client, errors } = await setup({ baseDelayMs: 1 }, (_r, n) =>
      n === 0
        ? {
            status: 429,
            headers: { 'retry-after': '1' },
            body: { error: { code: 'OVERLOADED', message: 'busy' } },
          }
        : { status: 200 },
    );
    client.logPrediction(prediction(1));
    await client.flush();
    expect(server.requests).toHaveLength(2);
    const waited = server.requests[1].at - server.requests[0].at;
    expect(waited).toBeGreaterThanOrEqual(995);
    expect(waited).toBeLessThan(3000);
    expect(errors).toEqual([]);
  });

  it('flush() reads a Retry-After HTTP-date and waits until then', async () => {
    let until429: number | undefined;
    const { server, client } = await setup({ baseDelayMs: 1 }, (_r, n) => {
      if (n > 0) return { status: 200 };
      const at = new Date(Date.now() + 2000);
      until429 = Math.floor(at.getTime() / 1000) * 1000; // HTTP-dates have whole seconds
      return { status: 429, headers: { 'retry-after': at.toUTCString() } };
    });
    client.logPrediction(prediction(1));
    await client.flush();
    expect(server.requests).toHaveLength(2);
    const waited = server.requests[1].at - server.requests[0].at;
    expect(waited).toBeGreaterThanOrEqual(995);
    expect(Date.now()).toBeGreaterThanOrEqual((until429 ?? 0) - 5);
  });

  it('a 400 is not retried and reaches onError with the server error body and the events', async () => {
    const body = {
      error: {
        code: 'VALIDATION_FAILED',
        message: '1 of 3 predictions is invalid',
        details: [{ index: 1, field: 'features', problem: 'must be an object' }],
      },
    };
    const { server, client, errors } = await setup({ baseDelayMs: 1 }, () => ({ status: 400, body }));
    for (let i = 0; i < 3; i++) client.logPrediction(prediction(i));
    await client.flush();
    expect(server.requests).toHaveLength(1);
    expect(errors).toHaveLength(1);
    const [error] = errors;
    expect(error.code).toBe('REJECTED');
    expect(error.batch).toMatchObject({
      model: 'churn',
      kind: 'predictions',
      status: 400,
      attempts: 1,
      body,
    });
    expect(ids(error.batch?.events ?? [])).toEqual(['p0', 'p1', 'p2']);
    expect(error.message).toBe(
      'VigilClient: the server rejected a batch of 3 predictions for model "churn" with 400 VALIDATION_FAILED: ' +
        '1 of 3 predictions is invalid (not retried)',
    );
    expect(client.stats()).toMatchObject({ queued: 0, sent: 0, failed: 3, retries: 0 });
  });

  it('a 404 without a JSON body is not retried and reported with its text', async () => {
    const { server, client, errors } = await setup({}, () => ({ status: 404, body: 'no such model' }));
    client.logLabel({ id: 'p1', label: 0 });
    await client.flush();
    expect(server.requests).toHaveLength(1);
    expect(errors[0].code).toBe('REJECTED');
    expect(errors[0].batch?.status).toBe(404);
    expect(errors[0].batch?.body).toBeUndefined();
    expect(errors[0].message).toContain('404 no such model');
  });

  it('503 on every attempt gives up after maxRetries and reports RETRIES_EXHAUSTED', async () => {
    const { server, client, errors } = await setup({ maxRetries: 2, baseDelayMs: 5 }, () => ({
      status: 503,
      body: { error: { code: 'UNAVAILABLE', message: 'draining' } },
    }));
    client.logPrediction(prediction(1));
    await client.flush();
    expect(server.requests).toHaveLength(3);
    expect(errors.map((e) => e.code)).toEqual(['RETRIES_EXHAUSTED']);
    expect(errors[0].batch).toMatchObject({ attempts: 3, status: 503 });
    expect(errors[0].message).toContain('after 3 attempts; last: 503 UNAVAILABLE: draining');
  });

  it('network errors (connection refused) are retried, then reported', async () => {
    const port = await closedPort();
    const errors: VigilClientError[] = [];
    const client = new VigilClient({
      url: `http://127.0.0.1:${port}`,
      apiKey: 'k',
      model: 'm',
      maxRetries: 2,
      baseDelayMs: 5,
      onError: (e) => errors.push(e),
    });
    clients.push(client);
    client.logPrediction(prediction(1));
    await client.flush();
    expect(errors).toHaveLength(1);
    expect(errors[0].code).toBe('RETRIES_EXHAUSTED');
    expect(errors[0].batch?.status).toBeUndefined();
    expect(errors[0].message).toMatch(/after 3 attempts; last: network error/);
    expect(client.stats()).toMatchObject({ requests: 3, retries: 2, failed: 1 });
  });

  it('a request unanswered within timeoutMs is aborted and retried', async () => {
    const { server, client, errors } = await setup({ timeoutMs: 100, baseDelayMs: 1 }, (_r, n) =>
      n === 0 ? 'hang' : { status: 200 },
    );
    client.logPrediction(prediction(1));
    const started = performance.now();
    await client.flush();
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    expect(server.requests).toHaveLength(2);
    expect(errors).toEqual([]);
    expect(client.stats()).toMatchObject({ sent: 1, retries: 1 });
  });

  it('an onError handler that throws does not stop delivery', async () => {
    const onError = () => {
      throw new Error('handler bug');
    };
    const { server, client } = await setup({ batchSize: 1, onError }, (_r, n) =>
      n === 0 ? { status: 400 } : { status: 200 },
    );
    client.logPrediction(prediction(1));
    client.logPrediction(prediction(2));
    await client.flush();
    expect(server.requests).toHaveLength(2);
    expect(client.stats()).toMatchObject({ queued: 0, sent: 1, failed: 1 });
  });

  it('without onError, failures go to console.error', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const server = await startReceiver(() => ({
        status: 403,
        body: { error: { code: 'FORBIDDEN', message: 'no' } },
      }));
      receiver = server;
      const client = new VigilClient({ url: server.url, apiKey: 'k', model: 'm' });
      clients.push(client);
      client.logLabel({ id: 'a', label: 1 });
      await client.flush();
      expect(spy).toHaveBeenCalledTimes(1);
      expect(String(spy.mock.calls[0][0])).toMatch(
        /^@vigil\/client: VigilClient: the server rejected .* 403 FORBIDDEN/,
      );
    } finally {
      spy.mockRestore();
    }
  });
});

describe('VigilClient flush and close', () => {
  it('close() delivers every event of every model and endpoint, then refuses new ones', async () => {
    const { server, client } = await setup({ batchSize: 100, flushIntervalMs: 20 }, async () => {
      await new Promise((r) => setTimeout(r, 2));
      return { status: 200 };
    });
    const expected: string[] = [];
    for (let i = 0; i < 1234; i++) {
      const model = i % 3 === 0 ? 'a' : 'b';
      client.logPrediction(model, prediction(i));
      if (i % 5 === 0) client.logLabel(model, { id: `p${i}`, label: i % 2 });
      expected.push(`p${i}`);
    }
    await client.close();
    const predictions = [
      ...server.items('/api/v1/models/a/predictions'),
      ...server.items('/api/v1/models/b/predictions'),
    ];
    expect(ids(predictions).sort()).toEqual(expected.sort());
    expect(
      server.items('/api/v1/models/a/labels').length + server.items('/api/v1/models/b/labels').length,
    ).toBe(247);
    for (const request of posts(server)) expect((request.body as unknown[]).length).toBeLessThanOrEqual(100);
    expect(client.stats()).toMatchObject({ queued: 0, sent: 1234 + 247, failed: 0 });
    expect(() => client.logPrediction(prediction(9999))).toThrowError(
      expect.objectContaining({ code: 'CLIENT_CLOSED' }),
    );
    await client.close(); // idempotent
  });

  it('flush() resolves only once the server has answered', async () => {
    let answered = 0;
    const { client } = await setup({}, async () => {
      await new Promise((r) => setTimeout(r, 200));
      answered++;
      return { status: 200 };
    });
    client.logPrediction(prediction(1));
    client.logLabel({ id: 'p1', label: 'stay' });
    await client.flush();
    expect(answered).toBe(2);
    expect(client.stats().sent).toBe(2);
  });

  it('flush() with nothing queued resolves at once and sends nothing', async () => {
    const { server, client } = await setup();
    await client.flush();
    expect(server.requests).toHaveLength(0);
  });

  it('flush() covers events logged before it, not those logged while it waits', async () => {
    const { server, client } = await setup({ batchSize: 2 }, async () => {
      await new Promise((r) => setTimeout(r, 100));
      return { status: 200 };
    });
    client.logPrediction(prediction(1));
    const flushed = client.flush();
    client.logPrediction(prediction(2));
    client.logPrediction(prediction(3));
    await flushed;
    expect(ids(server.items()).slice(0, 1)).toEqual(['p1']);
    await client.flush();
    expect(ids(server.items())).toEqual(['p1', 'p2', 'p3']);
  });
});

describe('VigilClient queue bound', () => {
  it('logPrediction() beyond maxQueue throws QUEUE_FULL instead of growing, and recovers once delivered', async () => {
    const { server, client } = await setup({ maxQueue: 10, batchSize: 5 }, () => 'hang');
    for (let i = 0; i < 10; i++) client.logPrediction(prediction(i));
    await until(() => server.requests.length === 1, 5000, 'the first batch in flight');
    expect(client.stats().queued).toBe(10);
    let thrown: VigilClientError | undefined;
    try {
      client.logPrediction(prediction(10));
    } catch (error) {
      thrown = error as VigilClientError;
    }
    expect(thrown?.code).toBe('QUEUE_FULL');
    expect(thrown?.message).toBe(
      'VigilClient.logPrediction: the queue must hold at most maxQueue=10 events; got 10 waiting ' +
        '(the server is slow or unreachable: await flush(), raise maxQueue, or drop this event)',
    );
    expect(() => client.logLabel({ id: 'p1', label: 1 })).toThrowError(/maxQueue=10/);
    expect(client.stats().queued).toBe(10);
    server.respond = () => ({ status: 200 });
    server.release();
    await client.flush();
    expect(client.stats()).toMatchObject({ queued: 0, sent: 10 });
    client.logPrediction(prediction(10));
    await client.flush();
    expect(ids(server.items())).toHaveLength(11);
  });
});

describe('VigilClient validation', () => {
  it('new VigilClient() rejects a bad url, key or option with a precise message', () => {
    const ok = { url: 'http://127.0.0.1:1', apiKey: 'k' };
    const cases: [Partial<VigilClientOptions>, string][] = [
      [
        { url: 'localhost:4010' },
        'new VigilClient: url must be an http(s) URL such as "http://127.0.0.1:4010"; got "localhost:4010"',
      ],
      [{ apiKey: '' }, 'new VigilClient: apiKey must be a non-empty string; got ""'],
      [{ batchSize: 0 }, 'new VigilClient: batchSize must be an integer in [1, 10000]; got 0'],
      [{ batchSize: 20_000 }, 'new VigilClient: batchSize must be an integer in [1, 10000]; got 20000'],
      [{ maxRetries: 1.5 }, 'new VigilClient: maxRetries must be an integer in [0, 1000]; got 1.5'],
      [
        { flushIntervalMs: -1 },
        'new VigilClient: flushIntervalMs must be a number in [0, 2147483647]; got -1',
      ],
      [{ maxQueue: 0 }, 'new VigilClient: maxQueue must be an integer in [1, 9007199254740991]; got 0'],
      [{ model: '' }, 'new VigilClient: model must be a non-empty string; got ""'],
    ];
    for (const [patch, message] of cases) {
      expect(() => new VigilClient({ ...ok, ...patch })).toThrowError(message);
    }
  });

  it('logPrediction() rejects an invalid event at the call, before anything is queued', async () => {
    const { server, client } = await setup();
    const bad: [unknown, string][] = [
      [
        { ...prediction(1), id: 7 },
        'VigilClient.logPrediction: event.id must be a string of 1 to 256 characters; got 7',
      ],
      [
        { ...prediction(1), id: 'x'.repeat(257) },
        'event.id must be a string of 1 to 256 characters; got "xxx',
      ],
      [
        { ...prediction(1), features: [1, 2] },
        'event.features must be an object of feature values; got [1,2]',
      ],
      [
        { ...prediction(1), features: { x: { y: 1 } } },
        'event.features.x must be a number, string, boolean or null',
      ],
      [
        { ...prediction(1), prediction: undefined },
        'event.prediction must be a finite number, a string or a boolean; got undefined',
      ],
      [
        { ...prediction(1), prediction: null },
        'event.prediction must be a finite number, a string or a boolean; got null',
      ],
      [{ ...prediction(1), score: Number.NaN }, 'event.score must be a probability in [0, 1]; got NaN'],
      [{ ...prediction(1), score: 1.5 }, 'event.score must be a probability in [0, 1]; got 1.5'],
      [
        { ...prediction(1), probas: { a: '0.5' } },
        'event.probas.a must be a probability in [0, 1]; got "0.5"',
      ],
      [{ ...prediction(1), latencyMs: -1 }, 'event.latencyMs must be a finite number ≥ 0; got -1'],
      [
        { ...prediction(1), tags: { a: 1 } },
        'event.tags.a must be a string of at most 1024 characters; got 1',
      ],
      [
        { ...prediction(1), timestamp: 'yesterday' },
        'event.timestamp must be a valid Date, an ISO 8601 string or epoch milliseconds, in years 0000-9999; got "yesterday"',
      ],
      [{ ...prediction(1), timestamp: new Date(Number.NaN) }, 'got Date(Invalid Date)'],
      [{ ...prediction(1), timestamp: 1e15 }, 'in years 0000-9999; got 1000000000000000'],
      [{ ...prediction(1), version: 3 }, 'event.version must be a string of 1 to 128 characters; got 3'],
    ];
    for (const [event, message] of bad) {
      expect(() => client.logPrediction(event as PredictionEvent)).toThrowError(message);
    }
    expect(() => client.logLabel({ id: 'a', label: null as unknown as string })).toThrowError(
      'VigilClient.logLabel: event.label must be a finite number, a string or a boolean; got null',
    );
    expect(() => client.logPrediction('', prediction(1))).toThrowError(
      'VigilClient.logPrediction: model must be a non-empty string; got ""',
    );
    expect(client.stats().queued).toBe(0);
    await client.flush();
    expect(server.requests).toHaveLength(0);
  });

  it('logPrediction(event) without a default model asks for one', () => {
    const client = new VigilClient({ url: 'http://127.0.0.1:1', apiKey: 'k' });
    clients.push(client);
    expect(() => client.logPrediction(prediction(1))).toThrowError(
      'VigilClient.logPrediction: model must be the first argument or the `model` option of the client; got undefined',
    );
  });

  it('logPrediction() rejects an event larger than maxBatchBytes and values JSON cannot carry', () => {
    const client = new VigilClient({
      url: 'http://127.0.0.1:1',
      apiKey: 'k',
      model: 'm',
      maxBatchBytes: 200,
    });
    clients.push(client);
    expect(() => client.logPrediction(prediction(1, { tags: { pad: 'x'.repeat(300) } }))).toThrowError(
      /event must be at most maxBatchBytes=200 bytes as JSON; got "\d+ bytes"/,
    );
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() =>
      client.logPrediction({ id: 'a', features: {}, prediction: 1, tags: cyclic as never }),
    ).toThrowError(/event.tags.self must be a string/);
    expect(() =>
      client.logPrediction({ id: 'a', features: { big: 1n as unknown as number }, prediction: 1 }),
    ).toThrowError(/event.features.big must be a number, string, boolean or null; got 1/);
  });
});

describe('VigilClient in a page (pagehide)', () => {
  it('a pagehide event sends the buffered events with fetch keepalive', async () => {
    const server = await startReceiver();
    receiver = server;
    const page = new EventTarget();
    const keepalive: (boolean | undefined)[] = [];
    (globalThis as { window?: unknown }).window = page;
    try {
      const client = new VigilClient({
        url: server.url,
        apiKey: 'k',
        model: 'churn',
        flushIntervalMs: 60_000,
        // A pass-through to the real fetch that records the flag; the request still goes to the real server.
        fetch: (url, init) => {
          keepalive.push(init.keepalive);
          return fetch(url, init);
        },
      });
      clients.push(client);
      for (let i = 0; i < 3; i++) client.logPrediction(prediction(i));
      client.logLabel({ id: 'p0', label: 'stay' });
      page.dispatchEvent(new Event('pagehide'));
      await until(() => server.requests.length === 2, 5000, 'the keepalive requests');
      expect(keepalive).toEqual([true, true]);
      expect(ids(server.items(PREDICTIONS))).toEqual(['p0', 'p1', 'p2']);
      expect(server.items(LABELS)).toEqual([{ id: 'p0', label: 'stay' }]);
      await client.close();
      expect(client.stats()).toMatchObject({ queued: 0, sent: 4 });
      // close() removed the listener: a later pagehide sends nothing.
      page.dispatchEvent(new Event('pagehide'));
      expect(server.requests).toHaveLength(2);
    } finally {
      delete (globalThis as { window?: unknown }).window;
    }
  });

  it('pagehide splits the buffer into keepalive bodies under 60 000 bytes', async () => {
    const server = await startReceiver();
    receiver = server;
    const page = new EventTarget();
    (globalThis as { window?: unknown }).window = page;
    try {
      const client = new VigilClient({
        url: server.url,
        apiKey: 'k',
        model: 'churn',
        flushIntervalMs: 60_000,
      });
      clients.push(client);
      const padding = 'x'.repeat(1000);
      for (let i = 0; i < 150; i++) client.logPrediction(prediction(i, { tags: { padding } }));
      page.dispatchEvent(new Event('pagehide'));
      await until(() => server.items().length === 150, 5000, 'all events');
      expect(server.requests.length).toBeGreaterThanOrEqual(3);
      for (const request of server.requests) expect(request.bytes).toBeLessThanOrEqual(60_000);
    } finally {
      delete (globalThis as { window?: unknown }).window;
    }
  });
});
