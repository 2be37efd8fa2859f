import { ErrorCodes, VigilError } from '@vigil/core';
import { afterEach, describe, expect, test } from 'vitest';
import { errorResponse, HttpError, HttpErrorCodes } from '../../src/app/httpErrors.js';
import type { Store } from '../../src/store/types.js';
import { json, openTestStore, startTestApp, type TestApp } from './appHarness.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('errorResponse', () => {
  test('errorResponse(HttpError) answers with the catalogue status, code, details and headers', () => {
    const error = new HttpError('OVERLOADED', 'full', { details: { a: 1 }, headers: { 'retry-after': '3' } });
    expect(errorResponse(error)).toEqual({
      status: 429,
      headers: { 'retry-after': '3' },
      body: { error: { code: 'OVERLOADED', message: 'full', details: { a: 1 } } },
    });
    for (const [code, status] of Object.entries(HttpErrorCodes)) {
      expect(errorResponse(new HttpError(code as keyof typeof HttpErrorCodes, 'x')).status).toBe(status);
    }
  });

  test('errorResponse(VigilError) is a 400 with the core code, location and hint', () => {
    const error = new VigilError(ErrorCodes.TYPE_MISMATCH, 'loadFrame: value must be a number; got "x"', {
      location: { file: 'ref.csv', column: 'age', row: 3 },
      hint: 'Declare the column categorical.',
    });
    expect(errorResponse(error)).toEqual({
      status: 400,
      headers: {},
      body: {
        error: {
          code: 'TYPE_MISMATCH',
          message: 'loadFrame: value must be a number; got "x"',
          details: { file: 'ref.csv', column: 'age', row: 3, hint: 'Declare the column categorical.' },
        },
      },
    });
    expect(
      errorResponse(new VigilError(ErrorCodes.EMPTY_INPUT, 'f: x must be non-empty; got []')).body,
    ).toEqual({
      error: { code: 'EMPTY_INPUT', message: 'f: x must be non-empty; got []' },
    });
  });

  test('errorResponse(bug) is a 500 that hides the error', () => {
    const response = errorResponse(new TypeError('cannot read properties of undefined (secret path /etc/x)'));
    expect(response).toEqual({
      status: 500,
      headers: {},
      body: { error: { code: 'INTERNAL', message: 'internal error; the server log has the details' } },
    });
    expect(errorResponse('a string').status).toBe(500);
    expect(errorResponse(undefined).status).toBe(500);
  });
});

describe('error handler in the app', () => {
  test('a failing store answers 500 INTERNAL without details and logs the error', async () => {
    const store = await openTestStore();
    const broken = Object.create(store) as Store;
    broken.listModels = async () => {
      throw new Error('connection to 10.0.0.7 lost');
    };
    const lines: string[] = [];
    const { Writable } = await import('node:stream');
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    });
    t = await startTestApp({ store: broken, logger: { level: 'info', stream } });
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/models',
      headers: { ...t.as.read, 'x-request-id': 'req-42' },
    });
    expect(response.statusCode).toBe(500);
    expect(json(response)).toEqual({
      error: { code: 'INTERNAL', message: 'internal error; the server log has the details' },
    });
    expect(response.body).not.toContain('10.0.0.7');
    expect(response.headers['x-request-id']).toBe('req-42');
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const failure = logged.find((l) => l.msg === 'request failed') as {
      reqId: string;
      err: { message: string };
    };
    expect(failure.reqId).toBe('req-42');
    expect(failure.err.message).toBe('connection to 10.0.0.7 lost');
  });

  test('logs carry request ids and never bodies, keys or feature values', async () => {
    const lines: string[] = [];
    const { Writable } = await import('node:stream');
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    });
    t = await startTestApp({ logger: { level: 'trace', stream } });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/models',
      headers: t.as.admin,
      payload: { name: 'm', task: 'binary' },
    });
    const secret = 'SECRET-FEATURE-VALUE';
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/m/predictions',
      headers: t.as.ingest,
      payload: [{ id: 'a', features: { email: secret }, prediction: 1 }],
    });
    expect(ok.statusCode).toBe(200);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/m/predictions',
      headers: t.as.ingest,
      payload: [{ id: 'b', features: { email: [secret] }, prediction: 1 }],
    });
    expect(bad.statusCode).toBe(400);
    const text = lines.join('');
    expect(text).not.toContain(secret);
    expect(text).not.toContain(t.keys.ingest.slice(13));
    const completed = lines
      .map((l) => JSON.parse(l) as { msg: string; reqId?: string })
      .filter((l) => l.msg === 'request completed');
    expect(completed.length).toBe(3);
    expect(completed.every((l) => typeof l.reqId === 'string' && l.reqId.length > 0)).toBe(true);
  });

  test('unknown routes answer 404 NOT_FOUND in the catalogue shape', async () => {
    t = await startTestApp();
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nothing?x=1' });
    expect(json(response)).toEqual({ error: { code: 'NOT_FOUND', message: 'no route GET /api/v1/nothing' } });
  });
});

describe('health and OpenAPI', () => {
  test('/healthz and /readyz answer without a key; /readyz fails when the store does not answer', async () => {
    const store = await openTestStore();
    let up = true;
    const flaky = Object.create(store) as Store;
    flaky.ping = async () => up;
    t = await startTestApp({ store: flaky });
    expect(json(await t.app.inject({ method: 'GET', url: '/healthz' }))).toEqual({ status: 'ok' });
    expect(json(await t.app.inject({ method: 'GET', url: '/readyz' }))).toEqual({
      status: 'ready',
      store: store.kind,
    });
    up = false;
    const down = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(down.statusCode).toBe(503);
    expect(json(down)).toEqual({
      error: { code: 'UNAVAILABLE', message: `the ${store.kind} store does not answer` },
    });
    expect(json(await t.app.inject({ method: 'GET', url: '/healthz' }))).toEqual({ status: 'ok' });
  });

  test('/api/v1/openapi.json describes every route with its schemas and the key security schemes', async () => {
    t = await startTestApp();
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = json(response) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { security?: unknown[]; requestBody?: unknown; responses: object }>
      >;
      components: { securitySchemes: object };
    };
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const registered = t.app.vigil.routes
      // The dashboard's static files (GET /*) are hidden from the document: they are not part of the API.
      .filter((r) => r.method !== 'HEAD' && r.url !== '/api/v1/openapi.json' && r.url !== '/*')
      .map((r) => `${r.method} ${r.url.replace(/:([A-Za-z]+)/g, '{$1}')}`);
    expect(documented.sort()).toEqual([...new Set(registered)].sort());
    expect(documented).toEqual(
      expect.arrayContaining([
        'POST /api/v1/models/{model}/predictions',
        'POST /api/v1/models/{model}/labels',
        'POST /api/v1/models/{model}/references',
        'GET /healthz',
      ]),
    );
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['apiKey', 'bearer']);
    const predictions = doc.paths['/api/v1/models/{model}/predictions'].post;
    expect(Object.keys(predictions.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '413', '429']),
    );
    expect(JSON.stringify(predictions.requestBody)).toContain('latencyMs');
    expect(doc.paths['/healthz'].get.security).toEqual([]);
  });
});
