import { VigilClient } from '@vigil/client';
import { describe, expect, it } from 'vitest';
import { type DemoData, loadDemoData } from '../../src/demo/demoData.js';
import { startReplay } from '../../src/demo/demoReplay.js';
import type { DemoStatus } from '../../src/demo/demoStatus.js';
import { introduction, progressLine } from '../../src/demo/startDemo.js';

/** Two years of `n` rows each; row i has id 100 + i, label i % 2. */
function smallData(n: number): DemoData {
  const order = [
    Int32Array.from({ length: n }, (_, i) => i),
    Int32Array.from({ length: n }, (_, i) => n + i),
  ];
  return {
    years: [2016, 2017],
    order,
    rows: 2 * n,
    features: (row) => ({ AGEP: 20 + row, ANC: String(row % 3) }),
    id: (row) => 100 + row,
    prediction: (row) => (row + 1) % 2,
    score: () => 0.5,
    label: (row) => row % 2,
  };
}

/** A client whose requests are recorded (its `fetch` option), answered 200 as the server would. */
function recordingClient() {
  const bodies: { url: string; events: Record<string, unknown>[] }[] = [];
  const client = new VigilClient({
    url: 'http://127.0.0.1:1',
    apiKey: 'vgl_test',
    flushIntervalMs: 0,
    fetch: async (url, init) => {
      bodies.push({ url, events: JSON.parse(String(init.body)) });
      return new Response('{}', { status: 200 });
    },
  });
  const of = (kind: 'predictions' | 'labels') =>
    bodies.filter((b) => b.url.endsWith(`/${kind}`)).flatMap((b) => b.events);
  return { client, of };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('startReplay', () => {
  it('startReplay({yearMs 1000, 2 years of 10 rows}) spreads each year uniformly in order, and logs labels only once their delay has passed', async () => {
    const { client, of } = recordingClient();
    const start = 1_700_000_000_000;
    let clock = start + 2000;
    const replay = startReplay({
      client,
      data: smallData(10),
      model: 'm',
      start,
      yearMs: 1000,
      labelDelayMs: [5000, 6000],
      loop: false,
      tickMs: 5,
      now: () => clock,
    });
    await sleep(30);
    await client.flush();
    const predictions = of('predictions');
    expect(predictions.map((p) => p.id)).toEqual(Array.from({ length: 20 }, (_, i) => `r1-${100 + i}`));
    // Row j of year k: start + k·1000 + ⌊j·1000/10⌋.
    expect(predictions.map((p) => Date.parse(p.timestamp as string) - start)).toEqual(
      Array.from({ length: 20 }, (_, i) => Math.floor(i / 10) * 1000 + (i % 10) * 100),
    );
    expect(predictions[3]).toMatchObject({ features: { AGEP: 23, ANC: '0' }, prediction: 0, score: 0.5 });
    expect(typeof predictions[0].latencyMs).toBe('number');
    expect(of('labels')).toEqual([]);
    expect(replay.progress()).toMatchObject({ predictions: 20, labels: 0, finished: true });

    // The first label is due 5 000–6 000 ms after its prediction (start); the last, 1 900 ms later.
    clock = start + 4999;
    await sleep(30);
    await client.flush();
    expect(of('labels')).toEqual([]);
    clock = start + 1900 + 6000;
    await sleep(30);
    await client.flush();
    const labels = of('labels');
    expect(labels.map((l) => l.id).sort()).toEqual(predictions.map((p) => p.id).sort());
    for (const l of labels) expect(l.label).toBe((Number(String(l.id).slice(3)) - 100) % 2);
    expect(replay.progress()).toMatchObject({ predictions: 20, labels: 20 });
    replay.stop();
    await client.close();
  });

  it('startReplay({loop true}) starts again from the first year with new ids and later times', async () => {
    const { client, of } = recordingClient();
    const start = 1_700_000_000_000;
    const replay = startReplay({
      client,
      data: smallData(4),
      model: 'm',
      start,
      yearMs: 1000,
      labelDelayMs: [0, 0],
      tickMs: 5,
      now: () => start + 2500,
    });
    await sleep(20);
    replay.stop();
    await client.close();
    const predictions = of('predictions');
    // Pass 1: 8 rows in [start, start + 2000); pass 2: year 2016 again from start + 2000, rows due by +2500.
    expect(predictions.map((p) => p.id)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `r1-${100 + i}`),
      'r2-100',
      'r2-101',
      'r2-102',
    ]);
    expect(Date.parse(predictions[8].timestamp as string) - start).toBe(2000);
    expect(replay.progress()).toMatchObject({ pass: 2, year: 2016, yearFraction: 0.75, finished: false });
  });
});

describe('loadDemoData', () => {
  it('loadDemoData() orders each year of examples/employment at random, the same for the same seed, each row once', async () => {
    const [a, b, c] = await Promise.all([
      loadDemoData(),
      loadDemoData(undefined, 2015),
      loadDemoData(undefined, 7),
    ]);
    expect(a.years).toEqual([2016, 2017, 2018]);
    expect(a.order.reduce((n, o) => n + o.length, 0)).toBe(a.rows);
    const all = new Set<number>();
    for (const o of a.order) for (const row of o) all.add(row);
    expect(all.size).toBe(a.rows);
    expect(a.order.map((o) => [...o])).toEqual(b.order.map((o) => [...o]));
    expect([...c.order[0]]).not.toEqual([...a.order[0]]);
    // Not the file order: the file groups people by household.
    const sorted = [...a.order[0]].sort((x, y) => x - y);
    expect([...a.order[0]]).not.toEqual(sorted);
    const row = a.order[0][0];
    const features = a.features(row);
    expect(Object.keys(features)).toHaveLength(16);
    expect(typeof features.AGEP).toBe('number');
    expect(typeof features.ANC).toBe('string');
    expect([0, 1]).toContain(a.label(row));
  });
});

describe('progressLine', () => {
  const status: DemoStatus = {
    windowsEvaluated: 4,
    lastWindowStart: 0,
    drifted: ['ANC', 'SCHL'],
    accuracy: { windowStart: 0, value: 0.8264, coverage: 0.636 },
    openAlerts: [],
    alertsFired: 0,
  };
  const replay = {
    pass: 1,
    year: 2016,
    yearFraction: 0.42,
    predictions: 24_192,
    labels: 12_000,
    finished: false,
  };

  it('progressLine(65 s, …) shows time, replay position, counts, drifted features, accuracy with label coverage and alerts', () => {
    const line = progressLine(65_000, replay, status);
    expect(line).toMatch(/^ {2}1:05 {2}2016 42%/);
    expect(line).toContain('24,192');
    expect(line).toContain('12,000');
    expect(line).toContain('drift: ANC, SCHL');
    expect(line).toContain('accuracy 0.826 (labels for 64%)');
    expect(line).toContain('no alert open');
  });

  it('progressLine(…) before any evaluated window says only that no alert is open', () => {
    const line = progressLine(5000, replay, {
      windowsEvaluated: 0,
      drifted: [],
      openAlerts: [],
      alertsFired: 0,
    });
    expect(line).not.toContain('drift');
    expect(line).not.toContain('accuracy');
    expect(line).toMatch(/ 0 {2}no alert open$/);
  });
});

describe('introduction', () => {
  const base = {
    url: 'http://127.0.0.1:4010',
    apiKey: 'vgl_abc',
    keyFile: '/x/admin.key',
    rows: 208_892,
    years: [2016, 2017, 2018],
    windowMs: 10_000,
    yearMs: 120_000,
    labelDelayMs: [15_000, 30_000] as const,
    loop: true,
  };

  it('introduction(…) gives the URL, the key and where it is saved, and the rates derived from the options', () => {
    const text = introduction(base);
    expect(text).toContain('dashboard  http://127.0.0.1:4010');
    expect(text).toContain('admin key  vgl_abc');
    expect(text).toContain('saved to /x/admin.key');
    // 208 892 rows / 3 years / 120 s.
    expect(text).toContain(`~${Math.round(208_892 / 3 / 120)} predictions/s`);
    expect(text).toContain('replay starts again from 2016');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(110);
  });

  it('introduction({loop false, no key file}) says the stream stops and the key is not saved', () => {
    const text = introduction({ ...base, loop: false, keyFile: undefined });
    expect(text).toContain('not saved');
    expect(text).toContain('no more predictions are sent');
  });
});
