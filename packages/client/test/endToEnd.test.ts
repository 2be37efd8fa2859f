/**
 * The client against the real server: `buildApp` on an in-memory DuckDB store, listening on a free port of
 * 127.0.0.1; events go client → fetch → Fastify → store, and the test reads them back from the store.
 */
import { buildApp, createDuckDbStore, createKey, type Store } from '@vigil/server';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { VigilClient, type VigilClientError } from '../src/index.js';

interface Running {
  app: FastifyInstance;
  store: Store;
  url: string;
  admin: string;
  ingest: string;
}

let running: Running | undefined;

afterEach(async () => {
  await running?.app.close();
  await running?.store.close();
  running = undefined;
});

async function startServer(limits: Parameters<typeof buildApp>[0]['limits'] = {}): Promise<Running> {
  const store = await createDuckDbStore({ path: ':memory:' });
  await store.migrate();
  const app = await buildApp({ store, limits });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const admin = (await createKey(store, { name: 'admin', role: 'admin' })).key;
  const ingest = (await createKey(store, { name: 'service', role: 'ingest' })).key;
  running = { app, store, url: address, admin, ingest };
  return running;
}

async function createModel(server: Running, name: string): Promise<void> {
  const response = await fetch(`${server.url}/api/v1/models`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, task: 'binary' }),
  });
  expect(response.status).toBeLessThan(300);
}

const T0 = Date.UTC(2024, 4, 1);

describe('VigilClient → vigil server (DuckDB)', () => {
  it('logPrediction()/logLabel() + flush() store every prediction and label', async () => {
    const server = await startServer();
    await createModel(server, 'churn');
    const errors: VigilClientError[] = [];
    const client = new VigilClient({
      url: server.url,
      apiKey: server.ingest,
      model: 'churn',
      batchSize: 250,
      onError: (e) => errors.push(e),
    });
    for (let i = 0; i < 1000; i++) {
      client.logPrediction({
        id: `p${i}`,
        timestamp: T0 + i * 1000,
        features: { tenure: i % 48, plan: i % 3 === 0 ? 'pro' : 'free', coupon: i % 7 === 0 ? null : 'none' },
        prediction: i % 4 === 0 ? 'churn' : 'stay',
        score: (i % 100) / 100,
        latencyMs: 1 + (i % 5),
      });
    }
    for (let i = 0; i < 1000; i += 2) client.logLabel({ id: `p${i}`, label: i % 8 === 0 ? 'churn' : 'stay' });
    await client.close();

    expect(errors).toEqual([]);
    expect(client.stats()).toMatchObject({ queued: 0, sent: 1500, failed: 0 });
    expect(await server.store.countPredictions('churn')).toBe(1000);
    const rows = await server.store.readRows(
      'churn',
      { from: T0, to: T0 + 1000 * 1000 },
      { features: [{ name: 'tenure', kind: 'numerical' }] },
    );
    expect(rows.n).toBe(1000);
    expect(rows.labelText.filter((label) => label !== null)).toHaveLength(500);
    const p8 = rows.ids.indexOf('p8');
    expect(rows.labelText[p8]).toBe('churn');
    expect(rows.predictionText[p8]).toBe('churn');
    expect(rows.timestamps[p8]).toBe(T0 + 8000);
    expect((rows.features.tenure as Float64Array)[p8]).toBe(8);
  });

  it('a batch the server rejects (unknown model) reaches onError with its 404 body; others are stored', async () => {
    const server = await startServer();
    await createModel(server, 'churn');
    const errors: VigilClientError[] = [];
    const client = new VigilClient({
      url: server.url,
      apiKey: server.ingest,
      onError: (e) => errors.push(e),
    });
    client.logPrediction('churn', { id: 'a', features: { x: 1 }, prediction: 'stay' });
    client.logPrediction('nope', { id: 'b', features: { x: 1 }, prediction: 'stay' });
    await client.close();
    expect(await server.store.countPredictions('churn')).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0].code).toBe('REJECTED');
    expect(errors[0].batch).toMatchObject({ model: 'nope', status: 404, attempts: 1 });
    expect(errors[0].batch?.body?.error.code).toBe('MODEL_NOT_FOUND');
  });

  it('the server’s 429 (full write path) is honoured: retried after Retry-After, nothing lost', async () => {
    // A write path of a few KB: a request alone is always admitted, a concurrent one is refused with 429.
    const server = await startServer({ maxPendingBytes: 2000 });
    const models = ['m1', 'm2', 'm3'];
    for (const model of models) await createModel(server, model);
    const errors: VigilClientError[] = [];
    // A pass-through to the real fetch that notes when each request went out and what came back.
    const log: {
      url: string;
      sentAt: number;
      answeredAt: number;
      status: number;
      retryAfter: string | null;
    }[] = [];
    const client = new VigilClient({
      url: server.url,
      apiKey: server.ingest,
      batchSize: 50,
      maxRetries: 20,
      onError: (e) => errors.push(e),
      fetch: async (url, init) => {
        const sentAt = performance.now();
        const response = await fetch(url, init);
        log.push({
          url,
          sentAt,
          answeredAt: performance.now(),
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
        });
        return response;
      },
    });
    for (const model of models) {
      for (let i = 0; i < 100; i++) {
        client.logPrediction(model, {
          id: `${model}-${i}`,
          timestamp: T0 + i,
          features: { x: i },
          prediction: 'stay',
        });
      }
    }
    await client.close();
    expect(errors).toEqual([]);
    for (const model of models) expect(await server.store.countPredictions(model)).toBe(100);
    const refused = log.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(client.stats().retries).toBe(refused.length);
    // After each 429, the same endpoint was not asked again before Retry-After seconds had passed.
    for (const r of refused) {
      expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
      const next = log.find((l) => l.url === r.url && l.sentAt > r.answeredAt);
      expect(next).toBeDefined();
      expect((next?.sentAt ?? 0) - r.answeredAt).toBeGreaterThanOrEqual(Number(r.retryAfter) * 1000 - 5);
    }
  });
});
