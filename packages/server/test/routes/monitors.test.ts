import { accuracyScore } from '@vigil/core';
import { afterEach, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../app/appHarness.js';
import { normals, uniforms } from '../monitors/rows.js';

const H = 3_600_000;
const T0 = Date.UTC(2024, 2, 1);

/** A reference CSV: age ~ N(40, 10), region, label and predicted (agree 80 %), score. */
function referenceCsv(n: number): string {
  const age = normals(n, 1, 40, 10);
  const u = uniforms(n, 2);
  const lines = ['age,region,label,predicted,score'];
  for (let i = 0; i < n; i++) {
    const predicted = u[i] < 0.5 ? 'pos' : 'neg';
    const label = (i % 5 === 0) !== (predicted === 'pos') ? 'pos' : 'neg';
    lines.push(`${age[i].toFixed(3)},${i % 2 ? 'north' : 'south'},${label},${predicted},${u[i].toFixed(4)}`);
  }
  return lines.join('\n');
}

function predictions(w: number, n: number, shift = 0) {
  const age = normals(n, 20 + w, 40 + shift, 10);
  const u = uniforms(n, 40 + w);
  return Array.from({ length: n }, (_, i) => ({
    id: `w${w}-${i}`,
    timestamp: T0 + w * H + Math.floor((i * H) / n),
    features: { age: age[i], region: i % 2 ? 'north' : 'south' },
    prediction: u[i] < 0.5 ? 'pos' : 'neg',
    score: u[i],
    latencyMs: 10 + (i % 13),
  }));
}

describe('monitor routes', () => {
  let t: TestApp;
  const clock = { t: T0 + 10 * H };
  afterEach(async () => {
    await t?.close();
  });

  async function setUp(): Promise<void> {
    clock.t = T0 + 10 * H;
    t = await startTestApp({ now: () => clock.t });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/models',
      headers: t.as.admin,
      payload: { name: 'credit', task: 'binary', windowMs: H },
    });
    expect(created.statusCode).toBe(201);
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/credit/references?target=label&prediction=predicted&score=score&positive=pos',
      headers: { ...t.as.admin, 'content-type': 'text/csv' },
      payload: referenceCsv(300),
    });
    expect(upload.statusCode, upload.body).toBe(201);
  }

  it('creates the default monitors when a reference is uploaded, and lists them', async () => {
    await setUp();
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/models/credit/monitors',
      headers: t.as.read,
    });
    expect(list.statusCode).toBe(200);
    const { monitors } = json(list) as { monitors: { name: string; kind: string; rule?: unknown }[] };
    expect(monitors.map((m) => m.name)).toEqual([
      'feature drift',
      'prediction drift',
      'data quality',
      'performance: accuracy',
      'performance: f1',
      'performance: rocAuc',
      'volume',
      'latency',
    ]);
    expect(monitors.every((m) => m.rule !== undefined)).toBe(true);
    // A second upload keeps them (no duplicates).
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/credit/references?target=label&prediction=predicted&score=score&positive=pos',
      headers: { ...t.as.admin, 'content-type': 'text/csv' },
      payload: referenceCsv(200),
    });
    const again = json(
      await t.app.inject({ method: 'GET', url: '/api/v1/models/credit/monitors', headers: t.as.read }),
    ) as { monitors: unknown[] };
    expect(again.monitors).toHaveLength(8);
  });

  it('creates, reads, updates and deletes a monitor, checking its config against the model', async () => {
    await setUp();
    const url = '/api/v1/models/credit/monitors';
    const bad = await t.app.inject({
      method: 'POST',
      url,
      headers: t.as.admin,
      payload: { name: 'x', kind: 'drift', config: { features: ['age', 'height'], test: 'nope' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toEqual({
      error: {
        code: 'VALIDATION',
        message: expect.stringMatching(/^config.test must be one of "auto", "ks"/),
        details: [{ field: 'config.test', problem: expect.stringMatching(/^must be one of/) }],
      },
    });
    const unknownFeature = await t.app.inject({
      method: 'POST',
      url,
      headers: t.as.admin,
      payload: { name: 'x', kind: 'quality', config: { features: ['height'] } },
    });
    expect(json(unknownFeature)).toMatchObject({
      error: {
        details: [
          { field: 'config.features.0', problem: 'must be a feature of the model schema; got "height"' },
        ],
      },
    });
    const created = await t.app.inject({
      method: 'POST',
      url,
      headers: t.as.admin,
      payload: {
        name: 'age ks',
        kind: 'drift',
        config: { features: ['age'], test: 'ks', threshold: 0.01 },
        rule: { operator: 'lt', value: 0.01, severity: 'critical', fireAfter: 1 },
      },
    });
    expect(created.statusCode).toBe(201);
    const monitor = json(created) as { id: number; config: Record<string, unknown>; enabled: boolean };
    expect(monitor).toMatchObject({ model: 'credit', kind: 'drift', enabled: true });
    expect(monitor.config).toEqual({
      features: ['age'],
      test: 'ks',
      threshold: 0.01,
      alertMetric: 'driftScore',
    });
    const duplicate = await t.app.inject({
      method: 'POST',
      url,
      headers: t.as.admin,
      payload: { name: 'age ks', kind: 'volume' },
    });
    expect(duplicate.statusCode).toBe(409);
    const forbidden = await t.app.inject({
      method: 'POST',
      url,
      headers: t.as.read,
      payload: { name: 'v', kind: 'volume' },
    });
    expect(forbidden.statusCode).toBe(403);
    const got = await t.app.inject({ method: 'GET', url: `${url}/${monitor.id}`, headers: t.as.read });
    expect(json(got)).toMatchObject({ id: monitor.id, name: 'age ks' });
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `${url}/${monitor.id}`,
      headers: t.as.admin,
      payload: { enabled: false, config: { features: ['age', 'region'] } },
    });
    expect(patched.statusCode).toBe(200);
    expect(json(patched)).toMatchObject({
      enabled: false,
      config: { features: ['age', 'region'], alertMetric: 'driftScore' },
    });
    const custom = await t.app.inject({
      method: 'POST',
      url,
      headers: t.as.admin,
      payload: { name: 'c', kind: 'custom', config: { monitorId: 99999, metric: 'count' } },
    });
    expect(json(custom)).toMatchObject({ error: { details: [{ field: 'config.monitorId' }] } });
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `${url}/${monitor.id}`,
      headers: t.as.admin,
    });
    expect(deleted.statusCode).toBe(204);
    const gone = await t.app.inject({ method: 'GET', url: `${url}/${monitor.id}`, headers: t.as.read });
    expect(gone.statusCode).toBe(404);
    expect(json(gone)).toMatchObject({ error: { code: 'RESOURCE_NOT_FOUND' } });
    const noModel = await t.app.inject({
      method: 'GET',
      url: '/api/v1/models/nope/monitors',
      headers: t.as.read,
    });
    expect(noModel.statusCode).toBe(404);
  });

  it('evaluates windows on demand, serves their series, and re-evaluates after late labels', async () => {
    await setUp();
    const batch = predictions(0, 400, 12);
    const ingest = await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/credit/predictions',
      headers: t.as.ingest,
      payload: batch,
    });
    expect(ingest.statusCode).toBe(200);
    const evaluated = await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/credit/evaluate',
      headers: t.as.admin,
    });
    expect(evaluated.statusCode).toBe(200);
    expect(json(evaluated)).toMatchObject({
      windows: [{ model: 'credit', windowStart: T0, windowEnd: T0 + H, rows: 400, kind: 'final' }],
      failed: [],
    });
    const monitors = (
      json(
        await t.app.inject({ method: 'GET', url: '/api/v1/models/credit/monitors', headers: t.as.read }),
      ) as { monitors: { id: number; name: string }[] }
    ).monitors;
    const id = (name: string) => monitors.find((m) => m.name === name)!.id;
    const series = async (name: string, query: string) =>
      json(
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/models/credit/monitors/${id(name)}/series?${query}`,
          headers: t.as.read,
        }),
      ) as { points: { value: number | null; status: string; windowStart: number }[] };
    expect((await series('feature drift', 'feature=age&metric=driftScore')).points).toEqual([
      expect.objectContaining({ windowStart: T0, status: 'breach' }),
    ]);
    expect((await series('volume', 'metric=count')).points).toEqual([
      expect.objectContaining({ value: 400 }),
    ]);
    expect((await series('volume', `metric=count&from=${T0 + H}`)).points).toEqual([]);
    const alerts = json(
      await t.app.inject({ method: 'GET', url: '/api/v1/alerts?model=credit', headers: t.as.read }),
    ) as { alerts: unknown[] };
    expect(alerts.alerts).toEqual([]); // drift fires after 2 windows

    clock.t += 60_000;
    const labels = batch.slice(0, 300).map((p, i) => ({ id: p.id, label: i % 3 === 0 ? 'pos' : 'neg' }));
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/models/credit/labels',
          headers: t.as.ingest,
          payload: labels,
        })
      ).statusCode,
    ).toBe(200);
    const again = json(
      await t.app.inject({ method: 'POST', url: '/api/v1/models/credit/evaluate', headers: t.as.admin }),
    ) as { windows: { windowStart: number }[] };
    expect(again.windows.map((w) => w.windowStart)).toEqual([T0]);
    const [accuracy] = (await series('performance: accuracy', 'metric=accuracy')).points;
    const yTrue = labels.map((l) => (l.label === 'pos' ? 1 : 0));
    const yPred = batch.slice(0, 300).map((p) => (p.prediction === 'pos' ? 1 : 0));
    expect(accuracy.value).toBe(accuracyScore(yTrue, yPred));
    const [coverage] = (await series('performance: accuracy', 'metric=labelCoverage')).points;
    expect(coverage).toMatchObject({ value: 0.75, status: 'ok' });
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/credit/evaluate',
      headers: t.as.read,
    });
    expect(denied.statusCode).toBe(403);
  });

  it('GET /models/:model/monitors/:id/series?details=false serves the same points without their details', async () => {
    await setUp();
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/credit/predictions',
      headers: t.as.ingest,
      payload: predictions(0, 200, 12),
    });
    await t.app.inject({ method: 'POST', url: '/api/v1/models/credit/evaluate', headers: t.as.admin });
    const monitors = (
      json(
        await t.app.inject({ method: 'GET', url: '/api/v1/models/credit/monitors', headers: t.as.read }),
      ) as { monitors: { id: number; kind: string }[] }
    ).monitors;
    const drift = monitors.find((m) => m.kind === 'drift')!.id;
    const get = (query: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/models/credit/monitors/${drift}/series${query}`,
        headers: t.as.read,
      });
    const full = json(await get('')) as { points: Record<string, unknown>[] };
    const bare = json(await get('?details=false')) as { points: Record<string, unknown>[] };
    expect(full.points.length).toBeGreaterThan(0);
    expect(full.points.every((p) => typeof p.details === 'object' && p.details !== null)).toBe(true);
    expect(bare.points).toEqual(full.points.map(({ details: _, ...rest }) => rest));
    expect(json(await get('?details=true'))).toEqual(full);
    expect((await get('?details=maybe')).statusCode).toBe(400);
    const openapi = json(await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })) as {
      paths: Record<string, { get?: { parameters?: { name: string; in: string }[] } }>;
    };
    const series = Object.entries(openapi.paths).find(([path]) => path.endsWith('/monitors/{id}/series'));
    expect(series?.[1].get?.parameters?.some((p) => p.name === 'details' && p.in === 'query')).toBe(true);
  });

  it('exposes ingestion counters, request latency and the latest monitor values at /metrics', async () => {
    await setUp();
    const batch = predictions(0, 50);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/credit/predictions',
      headers: t.as.ingest,
      payload: batch,
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/credit/predictions',
      headers: t.as.ingest,
      payload: batch.slice(0, 10),
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/credit/labels',
      headers: t.as.ingest,
      payload: [
        { id: 'w0-1', label: 'pos' },
        { id: 'nope', label: 'neg' },
      ],
    });
    await t.app.inject({ method: 'POST', url: '/api/v1/models/credit/evaluate', headers: t.as.admin });
    const unauthenticated = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(unauthenticated.statusCode).toBe(401);
    const response = await t.app.inject({ method: 'GET', url: '/metrics', headers: t.as.read });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0.0.4/);
    const text = response.body;
    expect(text).toContain('vigil_predictions_ingested_total{model="credit"} 50');
    expect(text).toContain('vigil_prediction_duplicates_total{model="credit"} 10');
    expect(text).toContain('vigil_labels_ingested_total{model="credit"} 2');
    expect(text).toContain('vigil_labels_matched_total{model="credit"} 1');
    expect(text).toMatch(
      /vigil_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/models\/:model\/predictions",status_code="200"\} 2/,
    );
    expect(text).toContain(
      'vigil_monitor_value{model="credit",version="",monitor="volume",feature="",metric="count"} 50',
    );
    expect(text).toContain(
      'vigil_monitor_breach{model="credit",version="",monitor="volume",feature="",metric="count"} 0',
    );
    expect(text).toMatch(
      /vigil_monitor_value\{model="credit",version="",monitor="latency",feature="",metric="p99"\} \d/,
    );
    expect(text).toContain(
      `vigil_monitor_window_end_seconds{model="credit",version="",monitor="volume",feature="",metric="count"} ${(T0 + H) / 1000}`,
    );
  });
});
