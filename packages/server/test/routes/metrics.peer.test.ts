/**
 * Real peer: Debian's `prometheus` (2.42) scrapes Vigil's `/metrics` with a read key and its query API returns
 * Vigil's metrics. Skipped, saying why, when the binary is missing (`apt-get install prometheus`; .ci/run installs
 * it).
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../app/appHarness.js';
import { type PeerProcess, startPeerProcess } from '../helpers/peerProcess.js';

const BINARY = ['/usr/bin/prometheus'].find((path) => existsSync(path));
const H = 3_600_000;
const T0 = Date.UTC(2024, 2, 1);

interface QueryResult {
  status: string;
  data: { result: { metric: Record<string, string>; value: [number, string] }[] };
}

describe.skipIf(!BINARY)('prometheus peer', () => {
  let t: TestApp;
  let peer: PeerProcess | undefined;
  let prometheus = '';

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

    peer = await startPeerProcess({
      name: 'prometheus',
      binary: BINARY!,
      config: [
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
      ],
      args: ({ config, data, listen }) => [
        `--config.file=${config}`,
        `--storage.tsdb.path=${data}`,
        `--web.listen-address=${listen}`,
        '--log.level=warn',
      ],
      pollMs: 200,
    });
    prometheus = peer.url;
  }, 40_000);

  afterAll(async () => {
    await peer?.stop();
    await t?.close();
  });

  /** Polls an instant query until it returns a series (Prometheus scrapes every second). */
  async function query(expression: string): Promise<QueryResult['data']['result']> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const response = await fetch(`${prometheus}/api/v1/query?query=${encodeURIComponent(expression)}`);
      const body = (await response.json()) as QueryResult;
      if (body.status === 'success' && body.data.result.length > 0) return body.data.result;
      if (Date.now() > deadline) throw new Error(`no result for ${expression}:\n${peer?.log()}`);
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
