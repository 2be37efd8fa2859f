import { binnedProportions } from '@vigil/core';
import { afterEach, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../app/appHarness.js';
import { normals, uniforms } from '../monitors/rows.js';

const H = 3_600_000;
const T0 = Date.UTC(2024, 2, 1);
const N = 300;

// biome-ignore lint/suspicious/noExplicitAny: the tests walk the JSON answers as the browser does.
type Answer = Record<string, any>;

function referenceRows(n: number) {
  const age = normals(n, 1, 40, 10).map((a) => Number(a.toFixed(3)));
  const u = uniforms(n, 2);
  const lines = ['age,region,label,predicted,score'];
  for (let i = 0; i < n; i++) {
    const predicted = u[i] < 0.5 ? 'pos' : 'neg';
    const label = (i % 5 === 0) !== (predicted === 'pos') ? 'pos' : 'neg';
    lines.push(`${age[i]},${i % 2 ? 'north' : 'south'},${label},${predicted},${u[i].toFixed(4)}`);
  }
  return { csv: lines.join('\n'), age };
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

describe('dashboard routes', () => {
  let t: TestApp;
  afterEach(async () => {
    await t?.close();
  });

  it('GET /models/:model/dashboard, /features/:feature and /overview agree with the stored points and rows', async () => {
    t = await startTestApp({ now: () => T0 + 10 * H });
    const get = async (url: string) => {
      const response = await t.app.inject({ method: 'GET', url, headers: t.as.read });
      expect(response.statusCode, response.body).toBe(200);
      return json(response) as Answer;
    };
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/models',
      headers: t.as.admin,
      payload: { name: 'credit', task: 'binary', windowMs: H },
    });
    const reference = referenceRows(N);
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/credit/references?target=label&prediction=predicted&score=score&positive=pos',
      headers: { ...t.as.admin, 'content-type': 'text/csv' },
      payload: reference.csv,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const batches = [predictions(0, 400), predictions(1, 400), predictions(2, 400, 15)];
    for (const batch of batches) {
      const ingest = await t.app.inject({
        method: 'POST',
        url: '/api/v1/models/credit/predictions',
        headers: t.as.ingest,
        payload: batch,
      });
      expect(ingest.statusCode).toBe(200);
    }
    const labels = batches[2].slice(0, 100).map((p) => ({ id: p.id, label: p.prediction }));
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/credit/labels',
      headers: t.as.ingest,
      payload: labels,
    });
    const evaluated = await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/credit/evaluate',
      headers: t.as.admin,
    });
    expect(evaluated.statusCode).toBe(200);

    const d = await get('/api/v1/models/credit/dashboard?windows=4');
    expect(d.windows).toEqual([T0 - H, T0, T0 + H, T0 + 2 * H]);
    expect(d.volume).toEqual([0, 400, 400, 400]);
    expect(d.model.name).toBe('credit');
    const monitors = d.monitors as { id: number; name: string }[];
    expect(monitors.map((m) => m.name)).toContain('feature drift');

    // Drift: the heatmap row of age is the feature drift monitor's driftScore series.
    const id = (name: string) => monitors.find((m) => m.name === name)?.id;
    const series = async (name: string, query: string) =>
      (await get(`/api/v1/models/credit/monitors/${id(name)}/series?${query}`)).points as {
        windowStart: number;
        value: number | null;
        status: string;
        details: Record<string, unknown>;
      }[];
    const age = await series('feature drift', 'feature=age&metric=driftScore');
    expect(d.drift.features).toEqual(['age', 'region', '(prediction)', '(score)']);
    expect(d.drift.scores[0]).toEqual([null, ...age.map((p) => p.value)]);
    expect(d.drift.drifted[0]).toEqual([null, ...age.map((p) => p.status === 'breach')]);
    expect(d.drift.test.age).toBe(age[2].details.test);
    expect(d.drift.drifted[0][3]).toBe(true);

    // Performance and label coverage: only the last window has labels (100 of 400).
    expect(d.performance.metric).toBe('accuracy');
    expect(d.performance.coverage).toEqual([null, 0, 0, 100 / 400]);
    const accuracy = await series('performance: accuracy', 'metric=accuracy');
    expect(d.performance.values).toEqual([null, ...accuracy.map((p) => p.value)]);
    expect(d.performance.reference).toBe(accuracy[2].details.reference);

    // Predictions: mean score and class shares per window, from the ingested rows.
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(d.predictions.kind).toBe('score');
    batches.forEach((batch, w) => {
      expect(d.predictions.mean[w + 1]).toBeCloseTo(mean(batch.map((p) => p.score)), 12);
      expect(d.predictions.classShares.pos[w + 1]).toBe(
        batch.filter((p) => p.prediction === 'pos').length / 400,
      );
    });
    expect(d.predictions.mean[0]).toBeNull();

    // Quality and latency: the monitors' points.
    const missing = await series('data quality', 'metric=missingShare');
    expect(d.quality.missingShare[3]).toBe(
      mean(missing.filter((p) => p.windowStart === T0 + 2 * H).map((p) => p.value as number)),
    );
    const p99 = await series('latency', 'metric=p99');
    expect(d.latency.p99).toEqual([null, ...p99.map((p) => p.value)]);

    // Summary: the drift sentence names the drifted features of the last window.
    const drifted = (d.drift.features as string[]).filter(
      (f, k) => !f.startsWith('(') && d.drift.drifted[k][3] === true,
    );
    expect(d.summary).toContain(
      `${drifted.length} of 2 features drifted in the last window (${drifted.join(', ')}).`,
    );
    expect(d.summary).toContain("Labels have arrived for 25% of the last window's predictions.");

    // Feature page: the histogram is binnedProportions of the reference and window ages.
    const f = await get('/api/v1/models/credit/features/age');
    expect(f.windowStart).toBe(T0 + 2 * H);
    expect(f.series.map((p: { score: number }) => p.score)).toEqual(age.map((p) => p.value));
    const expected = binnedProportions(
      Float64Array.from(reference.age),
      Float64Array.from(batches[2].map((p) => p.features.age)),
      { kind: 'numerical', fillZeros: false },
    );
    expect(f.histogram).toEqual({
      bins: Array.from(expected.edges ?? []),
      reference: Array.from(expected.reference),
      window: Array.from(expected.current),
    });
    expect(f.test).toBe(age[2].details.test);
    const region = await get(`/api/v1/models/credit/features/region?windowStart=${T0}`);
    expect(region.histogram).toEqual({
      categories: ['north', 'south'],
      reference: [0.5, 0.5],
      window: [0.5, 0.5],
    });
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/models/credit/features/height',
      headers: t.as.read,
    });
    expect(unknown.statusCode).toBe(404);
    expect(json(unknown)).toEqual({
      error: {
        code: 'RESOURCE_NOT_FOUND',
        message: 'feature "height" is not in the schema of model "credit"',
        details: { model: 'credit', feature: 'height' },
      },
    });

    // Overview: the same volume and summary on a 24-window axis.
    const o = await get('/api/v1/overview');
    expect(o.generatedAt).toBe(T0 + 10 * H);
    expect(o.models).toHaveLength(1);
    const m = o.models[0];
    expect(m.volume).toHaveLength(24);
    expect(m.volume.slice(-3)).toEqual([
      { windowStart: T0, count: 400 },
      { windowStart: T0 + H, count: 400 },
      { windowStart: T0 + 2 * H, count: 400 },
    ]);
    expect(m.summary).toEqual(d.summary);
    expect(m.health).toBe(d.health);
    expect(m.openAlerts).toBe(d.alerts.length);
  });

  it('GET /models/:model/dashboard of a model without data answers empty series and health no-data', async () => {
    t = await startTestApp({ now: () => T0 + 30 * 60_000 });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/models',
      headers: t.as.admin,
      payload: { name: 'empty', task: 'regression', windowMs: H },
    });
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/models/empty/dashboard?windows=2',
      headers: t.as.read,
    });
    expect(response.statusCode, response.body).toBe(200);
    const d = json(response) as Answer;
    expect(d.windows).toEqual([T0 - H, T0]);
    expect(d.health).toBe('no-data');
    expect(d.volume).toEqual([0, 0]);
    expect(d.predictions).toEqual({ kind: 'value', mean: [null, null] });
    expect(d.performance).toEqual({
      metric: null,
      values: [null, null],
      reference: null,
      coverage: [null, null],
    });
    expect(d.summary).toEqual(['No predictions have arrived yet.']);
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/models/nope/dashboard',
      headers: t.as.read,
    });
    expect(missing.statusCode).toBe(404);
  });
});
