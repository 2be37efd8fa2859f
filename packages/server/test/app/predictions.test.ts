import { afterEach, describe, expect, test } from 'vitest';
import { pseudonym } from '../../src/pseudonymize.js';
import type { Store } from '../../src/store/types.js';
import { createModel, json, openTestStore, predictions, startTestApp, type TestApp } from './appHarness.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const url = '/api/v1/models/churn/predictions';
const ALL = { from: 0, to: 8.64e15 };

async function setup(options: Parameters<typeof startTestApp>[0] = {}): Promise<TestApp> {
  t = await startTestApp(options);
  expect((await createModel(t)).statusCode).toBe(201);
  return t;
}

describe('POST /api/v1/models/{model}/predictions', () => {
  test('POST predictions stores every row before answering 200 and counts them', async () => {
    const t = await setup();
    const response = await t.app.inject({
      method: 'POST',
      url,
      headers: t.as.ingest,
      payload: predictions(500),
    });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({ inserted: 500, duplicates: 0 });
    expect(await t.store.countPredictions('churn')).toBe(500);
    const rows = await t.store.readRows('churn', ALL, {
      features: [
        { name: 'age', kind: 'numerical' },
        { name: 'region', kind: 'categorical' },
      ],
    });
    expect(rows.n).toBe(500);
    const i = rows.ids.indexOf('p7');
    expect(rows.timestamps[i]).toBe(1_700_000_007_000);
    expect(rows.features.age[i]).toBe(37);
    expect(rows.features.region[i]).toBe('south');
    expect(rows.predictionText[i]).toBe('stay');
    expect(rows.score[i]).toBeCloseTo(0.7, 12);
  });

  test('POST predictions ignores ids already stored or repeated in the batch, and counts them', async () => {
    const t = await setup();
    await t.app.inject({ method: 'POST', url, headers: t.as.ingest, payload: predictions(10) });
    const batch = [...predictions(5, 'p', 8), predictions(1, 'p', 12)[0]];
    const response = await t.app.inject({ method: 'POST', url, headers: t.as.ingest, payload: batch });
    expect(json(response)).toEqual({ inserted: 3, duplicates: 3 });
    expect(await t.store.countPredictions('churn')).toBe(13);
  });

  test('POST predictions reads NDJSON like a JSON array', async () => {
    const t = await setup();
    const body = `${predictions(3)
      .map((p) => JSON.stringify(p))
      .join('\n')}\n\n`;
    const response = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...t.as.ingest, 'content-type': 'application/x-ndjson' },
      payload: body,
    });
    expect(json(response)).toEqual({ inserted: 3, duplicates: 0 });
    expect(await t.store.countPredictions('churn')).toBe(3);
  });

  test('POST predictions with one invalid item rejects the batch, names every problem and stores nothing', async () => {
    const t = await setup();
    const batch: unknown[] = predictions(6);
    batch[1] = { id: 'p1', features: { age: [1] }, prediction: 'stay', score: 1.5, lantecyMs: 3 };
    batch[3] = 42;
    batch[4] = { id: 'p4', features: {}, prediction: 'stay', timestamp: 'yesterday' };
    const response = await t.app.inject({ method: 'POST', url, headers: t.as.ingest, payload: batch });
    expect(response.statusCode).toBe(400);
    expect(json(response)).toEqual({
      error: {
        code: 'VALIDATION',
        message: 'body: 3 of 6 items are invalid; nothing was stored',
        details: [
          { index: 1, field: 'lantecyMs', problem: 'is not allowed' },
          { index: 1, field: 'features.age', problem: 'must be number, string, boolean or null' },
          { index: 1, field: 'score', problem: 'must be <= 1' },
          { index: 3, field: '', problem: 'must be object' },
          { index: 4, field: 'timestamp', problem: 'must be number or a date-time string' },
        ],
      },
    });
    expect(await t.store.countPredictions('churn')).toBe(0);
  });

  test('POST predictions rejects score with probas, and a missing prediction, per item', async () => {
    const t = await setup();
    const batch = predictions(3) as Record<string, unknown>[];
    batch[0].probas = { churn: 0.2, stay: 0.8 };
    delete batch[2].prediction;
    const response = await t.app.inject({ method: 'POST', url, headers: t.as.ingest, payload: batch });
    expect(json(response)).toEqual({
      error: {
        code: 'VALIDATION',
        message: 'body: 1 of 3 items are invalid; nothing was stored',
        details: [{ index: 2, field: 'prediction', problem: 'is required' }],
      },
    });
    delete batch[2];
    const second = await t.app.inject({
      method: 'POST',
      url,
      headers: t.as.ingest,
      payload: batch.filter((x) => x !== undefined),
    });
    expect(json(second)).toEqual({
      error: {
        code: 'VALIDATION',
        message: 'body: 1 of 2 items are invalid; nothing was stored',
        details: [
          {
            index: 0,
            field: 'score',
            problem: 'must not be given with probas (send score for binary models, probas otherwise)',
          },
        ],
      },
    });
    expect(await t.store.countPredictions('churn')).toBe(0);
  });

  test('POST predictions accepts 10 000 items and refuses 10 001 without storing any', async () => {
    const t = await setup();
    const ok = await t.app.inject({
      method: 'POST',
      url,
      headers: t.as.ingest,
      payload: predictions(10_000),
    });
    expect(json(ok)).toEqual({ inserted: 10_000, duplicates: 0 });
    const tooMany = await t.app.inject({
      method: 'POST',
      url,
      headers: t.as.ingest,
      payload: predictions(10_001, 'q'),
    });
    expect(json(tooMany)).toEqual({
      error: {
        code: 'VALIDATION',
        message: 'body must have at most 10000 items; got 10001',
        details: [{ field: '', problem: 'must have at most 10000 items; got 10001' }],
      },
    });
    expect(await t.store.countPredictions('churn')).toBe(10_000);
  });

  test('POST predictions with an empty array or a non-array body is a 400', async () => {
    const t = await setup();
    const empty = await t.app.inject({ method: 'POST', url, headers: t.as.ingest, payload: [] });
    expect(json(empty)).toEqual({
      error: {
        code: 'VALIDATION',
        message: 'body must have at least 1 item; got 0',
        details: [{ field: '', problem: 'must have at least 1 item; got 0' }],
      },
    });
    const object = await t.app.inject({ method: 'POST', url, headers: t.as.ingest, payload: { id: 'x' } });
    expect(json(object)).toEqual({
      error: {
        code: 'VALIDATION',
        message: 'body must be array',
        details: [{ field: '', problem: 'must be array' }],
      },
    });
  });

  test('POST predictions with malformed JSON or NDJSON is a 400 and stores nothing', async () => {
    const t = await setup();
    const bad = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...t.as.ingest, 'content-type': 'application/json' },
      payload: '[{"id": "a",',
    });
    expect(bad.statusCode).toBe(400);
    expect((json(bad) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    const ndjson = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...t.as.ingest, 'content-type': 'application/x-ndjson' },
      payload: `${JSON.stringify(predictions(1)[0])}\n{"id": oops}\n`,
    });
    expect(json(ndjson)).toEqual({
      error: {
        code: 'VALIDATION',
        message: `body: item 1 is not valid JSON (line 2): ${jsonError('{"id": oops}')}; nothing was stored`,
        details: [
          { index: 1, field: '', problem: `is not valid JSON (line 2): ${jsonError('{"id": oops}')}` },
        ],
      },
    });
    expect(await t.store.countPredictions('churn')).toBe(0);
  });

  test('POST predictions to an unknown model is a 404 MODEL_NOT_FOUND', async () => {
    const t = await setup();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/nope/predictions',
      headers: t.as.ingest,
      payload: predictions(2),
    });
    expect(response.statusCode).toBe(404);
    expect(json(response)).toEqual({
      error: { code: 'MODEL_NOT_FOUND', message: 'model "nope" does not exist', details: { model: 'nope' } },
    });
  });

  test('POST predictions beyond the body limit is a 413 and stores nothing', async () => {
    const t = await setup({ limits: { bodyBytes: 4096 } });
    const response = await t.app.inject({
      method: 'POST',
      url,
      headers: t.as.ingest,
      payload: predictions(100),
    });
    expect(response.statusCode).toBe(413);
    expect(json(response)).toEqual({
      error: {
        code: 'PAYLOAD_TOO_LARGE',
        message: 'body is larger than the limit of 4096 bytes; send smaller batches',
        details: { limitBytes: 4096 },
      },
    });
    const ndjson = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...t.as.ingest, 'content-type': 'application/x-ndjson' },
      payload: predictions(100)
        .map((p) => JSON.stringify(p))
        .join('\n'),
    });
    expect(ndjson.statusCode).toBe(413);
    expect(await t.store.countPredictions('churn')).toBe(0);
  });

  test('POST predictions without timestamp or version gets the receive time and the active version', async () => {
    const t = await setup({ now: () => 1_750_000_000_000 });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/churn/versions',
      headers: t.as.admin,
      payload: { version: 'v2' },
    });
    const response = await t.app.inject({
      method: 'POST',
      url,
      headers: t.as.ingest,
      payload: [
        { id: 'a', features: { age: 1 }, prediction: 'stay' },
        {
          id: 'b',
          features: { age: 2 },
          prediction: 'stay',
          timestamp: '2025-01-02T03:04:05.678Z',
          version: 'v1',
        },
      ],
    });
    expect(json(response)).toEqual({ inserted: 2, duplicates: 0 });
    const v2 = await t.store.readRows('churn', { ...ALL, version: 'v2' }, { features: [] });
    expect(v2.ids).toEqual(['a']);
    expect(v2.timestamps[0]).toBe(1_750_000_000_000);
    const v1 = await t.store.readRows('churn', { ...ALL, version: 'v1' }, { features: [] });
    expect(v1.ids).toEqual(['b']);
    expect(v1.timestamps[0]).toBe(Date.parse('2025-01-02T03:04:05.678Z'));
  });

  test('POST predictions pseudonymizes configured identifier fields with HMAC-SHA256 before storage', async () => {
    const key = 'test-secret';
    const t = await setup({ pseudonymize: { fields: ['customer', 'email'], key } });
    const response = await t.app.inject({
      method: 'POST',
      url,
      headers: t.as.ingest,
      payload: [
        {
          id: 'a',
          features: { customer: 'C-1', age: 40 },
          prediction: 'stay',
          tags: { email: 'x@y.z', env: 'prod' },
        },
        { id: 'b', features: { customer: null, age: 41 }, prediction: 'stay' },
      ],
    });
    expect(response.statusCode).toBe(200);
    const rows = await t.store.readRows('churn', ALL, {
      features: [
        { name: 'customer', kind: 'categorical' },
        { name: 'age', kind: 'numerical' },
      ],
    });
    const a = rows.ids.indexOf('a');
    const b = rows.ids.indexOf('b');
    expect(rows.features.customer[a]).toBe(pseudonym(key, 'C-1'));
    expect(pseudonym(key, 'C-1')).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.features.customer[b]).toBeNull();
    expect(rows.features.age[a]).toBe(40);
  });
});

describe('POST /api/v1/models/{model}/labels', () => {
  test('POST labels stores labels, joins them to predictions by id and counts the matches', async () => {
    const t = await setup();
    await t.app.inject({ method: 'POST', url, headers: t.as.ingest, payload: predictions(3) });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/churn/labels',
      headers: t.as.ingest,
      payload: [
        { id: 'p0', label: 'churn' },
        { id: 'p1', label: 'stay' },
        { id: 'late', label: 'stay' },
      ],
    });
    expect(json(response)).toEqual({ stored: 3, matched: 2 });
    // The label that came first is joined when its prediction arrives.
    await t.app.inject({
      method: 'POST',
      url,
      headers: t.as.ingest,
      payload: [{ id: 'late', features: {}, prediction: 'churn', timestamp: 1_700_000_000_000 }],
    });
    const rows = await t.store.readRows('churn', ALL, { features: [] });
    const label = (id: string) => rows.labelText[rows.ids.indexOf(id)];
    expect([label('p0'), label('p1'), label('p2'), label('late')]).toEqual(['churn', 'stay', null, 'stay']);
  });

  test('POST labels with an invalid item stores none of them', async () => {
    const t = await setup();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/churn/labels',
      headers: t.as.ingest,
      payload: [{ id: 'p0', label: 'churn' }, { id: 'p1' }, { id: 'p2', label: null }],
    });
    expect(json(response)).toEqual({
      error: {
        code: 'VALIDATION',
        message: 'body: 2 of 3 items are invalid; nothing was stored',
        details: [
          { index: 1, field: 'label', problem: 'is required' },
          { index: 2, field: 'label', problem: 'must be number, string or boolean' },
        ],
      },
    });
    await t.app.inject({ method: 'POST', url, headers: t.as.ingest, payload: predictions(1) });
    const rows = await t.store.readRows('churn', ALL, { features: [] });
    expect(rows.labelText).toEqual([null]);
  });
});

describe('write path overload', () => {
  /** A store whose inserts wait until `release()` is called, to hold a write in flight. */
  function slowStore(store: Store): { store: Store; release: () => void; started: Promise<void> } {
    let release: () => void = () => undefined;
    let markStarted: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const started = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    const wrapped = Object.create(store) as Store;
    wrapped.insertPredictions = async (...args) => {
      markStarted();
      await gate;
      return store.insertPredictions(...args);
    };
    return { store: wrapped, release, started };
  }

  test('a write beyond the pending bound is answered 429 with Retry-After, without reading its body', async () => {
    const slow = slowStore(await openTestStore());
    const t = await setup({ store: slow.store, limits: { maxPendingWrites: 100 } });
    const first = t.app.inject({ method: 'POST', url, headers: t.as.ingest, payload: predictions(100) });
    await slow.started;
    // Not even parsed: malformed JSON still gets 429, not 400.
    const refused = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...t.as.ingest, 'content-type': 'application/json' },
      payload: '{ not json',
    });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(json(refused)).toEqual({
      error: {
        code: 'OVERLOADED',
        message: 'the write path is full (100 rows pending); retry after 1 s',
        details: { retryAfterSeconds: 1 },
      },
    });
    expect(t.app.vigil.writeGate.stats()).toMatchObject({ inflight: 1, pendingRows: 100, refused: 1 });
    slow.release();
    expect(json(await first)).toEqual({ inserted: 100, duplicates: 0 });
    expect(t.app.vigil.writeGate.stats()).toMatchObject({ inflight: 0, pendingRows: 0, pendingBytes: 0 });
    const after = await t.app.inject({
      method: 'POST',
      url,
      headers: t.as.ingest,
      payload: predictions(5, 'r'),
    });
    expect(json(after)).toEqual({ inserted: 5, duplicates: 0 });
    expect(await t.store.countPredictions('churn')).toBe(105);
  });

  test('reads are not gated: GETs answer while the write path is full', async () => {
    const slow = slowStore(await openTestStore());
    const t = await setup({ store: slow.store, limits: { maxPendingWrites: 1 } });
    const first = t.app.inject({ method: 'POST', url, headers: t.as.ingest, payload: predictions(1) });
    await slow.started;
    const get = await t.app.inject({ method: 'GET', url: '/api/v1/models/churn', headers: t.as.read });
    expect(get.statusCode).toBe(200);
    slow.release();
    await first;
  });
});

/** V8's message for JSON.parse of `text`, so the test follows the Node version. */
function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}
