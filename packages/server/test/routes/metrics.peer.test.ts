/**
 * Real peer: Debian's `prometheus` (2.42) scrapes Vigil's `/metrics` with a read key and its query API returns
 * Vigil's metrics. Skipped, saying why, when the binary is missing (`apt-get install prometheus`; .ci/run installs
 * it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../app/appHarness.js';

const BINARY = ['/usr/bin/prometheus'].find((path) => existsSync(path));
const H = 3_600_000;
const T0 = Date.UTC(2024, 2, 1);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface QueryResult {
  status: string;
  data: { result: { metric: Record<string, string>; value: [number, string] }[] };
}

describe.skipIf(!BINARY)('prometheus peer', () => {
  let t: TestApp;
  let child: ChildProcess | undefined;
  let dir = '';
  let prometheus = '';
  let log = '';

  beforeAll(async () => {
    t = await startTestApp({ now: () => T0 + 2 * H });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port: vigilPort } = t.app.server.address() as { port: number };
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/models',
      headers: t.as.admin,
      payload: { name: 'credit', task: 'regression', windowMs: H },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/credit/monitors',
      headers: t.as.admin,
      payload: { name: 'volume', kind: 'volume', rule: { operator: 'lt', value: 1, severity: 'warning' } },
    });
    const rows = Array.from({ length: 50 }, (_, i) => ({
      id: `p${i}`,
      timestamp: T0 + i * 1000,
      features: {},
      prediction: i,
    }));
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/credit/predictions',
      headers: t.as.ingest,
      payload: rows,
    });
    await t.app.inject({ method: 'POST', url: '/api/v1/models/credit/evaluate', headers: t.as.admin });

    dir = await mkdtemp(join(tmpdir(), 'vigil-prom-'));
    const config = join(dir, 'prometheus.yml');
    await writeFile(
      config,
      [
        'global:',
        '  scrape_interval: 1s',
        'scrape_configs:',
        '  - job_name: vigil',
        '    metrics_path: /metrics',
        '    authorization:',
        `      credentials: ${t.keys.read}`,
        '    static_configs:',
        `      - targets: ['127.0.0.1:${vigilPort}']`,
        '',
      ].join('\n'),
    );
    const port = await freePort();
    prometheus = `http://127.0.0.1:${port}`;
    child = spawn(
      BINARY!,
      [
        `--config.file=${config}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const deadline = Date.now() + 20_000;
    for (;;) {
      const ready = await fetch(`${prometheus}/-/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`prometheus did not start:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 40_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Polls an instant query until it returns a series (Prometheus scrapes every second). */
  async function query(expression: string): Promise<QueryResult['data']['result']> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const response = await fetch(`${prometheus}/api/v1/query?query=${encodeURIComponent(expression)}`);
      const body = (await response.json()) as QueryResult;
      if (body.status === 'success' && body.data.result.length > 0) return body.data.result;
      if (Date.now() > deadline) throw new Error(`no result for ${expression}:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  it('scrapes /metrics with the read key and answers queries on Vigil metrics', async () => {
    const ingested = await query('vigil_predictions_ingested_total');
    expect(ingested).toEqual([
      {
        metric: expect.objectContaining({ model: 'credit', job: 'vigil' }),
        value: [expect.any(Number), '50'],
      },
    ]);
    const volume = await query('vigil_monitor_value{monitor="volume",metric="count"}');
    // Prometheus drops labels with an empty value (version '' and feature ''), as its data model says.
    expect(volume).toEqual([
      {
        metric: {
          __name__: 'vigil_monitor_value',
          instance: expect.any(String),
          job: 'vigil',
          model: 'credit',
          monitor: 'volume',
          metric: 'count',
        },
        value: [expect.any(Number), '50'],
      },
    ]);
    const up = await query('up{job="vigil"}');
    expect(up[0].value[1]).toBe('1');
    const latency = await query('vigil_http_request_duration_seconds_count{route="/metrics"}');
    expect(Number(latency[0].value[1])).toBeGreaterThan(0);
  }, 40_000);
});
