import { afterEach, describe, expect, test } from 'vitest';
import { createDecodePool, type DecodePool } from '../../src/ingest/decodePool.js';
import { createPredictionDecoder } from '../../src/ingest/decodePredictions.js';
import { pseudonym } from '../../src/pseudonymize.js';
import { predictionRows } from '../../src/store/predictionColumns.js';

const item = (i: number) => ({
  id: `p${i}`,
  timestamp: '2026-01-01T00:00:00.000Z',
  features: { age: 20 + i, user: `u${i}` },
  prediction: i % 2,
  score: 0.5,
});

describe('createPredictionDecoder', () => {
  const decode = createPredictionDecoder({ maxBatch: 5 });

  test('decode(JSON array) gives the columns, ISO timestamps in ms, repeated ids counted once', () => {
    const result = decode(JSON.stringify([item(0), item(1), item(0)]), 'json', 42);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.duplicates).toBe(1);
    expect(result.columns.ids).toEqual(['p0', 'p1']);
    expect([...result.columns.timestamps]).toEqual([
      Date.parse('2026-01-01T00:00:00.000Z'),
      Date.parse('2026-01-01T00:00:00.000Z'),
    ]);
    expect(predictionRows(result.columns)[1].features).toEqual({ age: 21, user: 'u1' });
  });

  test('decode(NDJSON) equals decode(the same items as a JSON array)', () => {
    const items = [item(0), item(1)];
    const ndjson = decode(`${items.map((x) => JSON.stringify(x)).join('\n')}\n`, 'ndjson', 1);
    const array = decode(JSON.stringify(items), 'json', 1);
    expect(ndjson).toEqual(array);
  });

  test('decode(no timestamp) uses the receive time', () => {
    const { timestamp: _, ...bare } = item(0);
    const result = decode(JSON.stringify([bare]), 'json', 1234);
    expect(result.ok && [...result.columns.timestamps]).toEqual([1234]);
  });

  test('decode(invalid items) names every invalid item and field', () => {
    const bad = [item(0), { ...item(1), score: 2 }, { ...item(2), lantecyMs: 3 }];
    const result = decode(JSON.stringify(bad), 'json', 1);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toBe('body: 2 of 3 items are invalid; nothing was stored');
    expect(result.error.details?.map((d) => [d.index, d.field])).toEqual([
      [1, 'score'],
      [2, 'lantecyMs'],
    ]);
  });

  test('decode(score with probas, bad date) reports the cross-field rules', () => {
    const bad = [{ ...item(0), probas: { a: 1 } }];
    const result = decode(JSON.stringify(bad), 'json', 1);
    expect(result.ok ? undefined : result.error.details).toEqual([
      {
        index: 0,
        field: 'score',
        problem: 'must not be given with probas (send score for binary models, probas otherwise)',
      },
    ]);
  });

  test('decode(not JSON, empty, too many items) answers BAD_REQUEST or VALIDATION', () => {
    const notJson = decode('[{"id": oops}]', 'json', 1);
    expect(notJson.ok ? undefined : notJson.error.code).toBe('BAD_REQUEST');
    expect(notJson.ok ? undefined : notJson.error.message).toMatch(/^body is not valid JSON: /);
    const empty = decode('  ', 'json', 1);
    expect(empty.ok ? undefined : empty.error).toEqual({
      code: 'BAD_REQUEST',
      message: 'body must be a JSON array; got an empty body',
    });
    const many = decode(JSON.stringify([0, 1, 2, 3, 4, 5].map(item)), 'json', 1);
    expect(many.ok ? undefined : many.error.message).toBe('body must have at most 5 items; got 6');
  });

  test('decode() pseudonymizes the configured fields before they leave the decoder', () => {
    const secret = createPredictionDecoder({ maxBatch: 5, pseudonymize: { fields: ['user'], key: 'k' } });
    const result = secret(JSON.stringify([item(0)]), 'json', 1);
    if (!result.ok) throw new Error(result.error.message);
    expect(predictionRows(result.columns)[0].features).toEqual({ age: 20, user: pseudonym('k', 'u0') });
  });
});

describe('createDecodePool', () => {
  let pool: DecodePool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  test('decode() on a worker thread gives exactly what the in-thread decoder gives', async () => {
    pool = createDecodePool({ maxBatch: 2000, workers: 1, inThreadBytes: 0 });
    const items = Array.from({ length: 1500 }, (_, i) => item(i));
    const body = Buffer.from(JSON.stringify(items));
    const local = createPredictionDecoder({ maxBatch: 2000 })(body.toString(), 'json', 7);
    const [a, b] = await Promise.all([pool.decode(body, 'json', 7), pool.decode(body, 'json', 7)]);
    expect(a).toEqual(local);
    expect(b).toEqual(local);
    const invalid = await pool.decode(Buffer.from('[1]'), 'json', 7);
    expect(invalid.ok).toBe(false);
  });

  test('decode() after close() rejects; a pool with workers 0 decodes in-thread', async () => {
    pool = createDecodePool({ maxBatch: 10, workers: 0 });
    const result = await pool.decode(Buffer.from(JSON.stringify([item(0)])), 'json', 1);
    expect(result.ok).toBe(true);
    await pool.close();
    await expect(pool.decode(Buffer.from('[]'), 'json', 1)).rejects.toThrow('ingest decode pool is closed');
  });
});
