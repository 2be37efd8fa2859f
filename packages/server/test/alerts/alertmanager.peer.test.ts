/**
 * Real peer: Debian's `prometheus-alertmanager` (0.25) receives Vigil's alerts through its v2 API.
 * Skipped, saying why, when the binary is missing (`apt-get install prometheus-alertmanager`; .ci/run installs it).
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryWorker } from '../../src/alerts/deliveryWorker.js';
import { evaluateAlerts } from '../../src/alerts/evaluateAlerts.js';
import { type PeerProcess, startPeerProcess } from '../helpers/peerProcess.js';
import { alertStore, point } from './alertFixtures.js';

const BINARY = ['/usr/bin/prometheus-alertmanager', '/usr/bin/alertmanager'].find((path) => existsSync(path));

interface AmAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  status: { state: string };
}

describe.skipIf(!BINARY)('prometheus-alertmanager peer', () => {
  let peer: PeerProcess | undefined;
  let url = '';

  beforeAll(async () => {
    peer = await startPeerProcess({
      name: 'alertmanager',
      binary: BINARY!,
      // resolve_timeout is short so that the refresh test can show Vigil keeps a firing alert alive
      config: [
        'global:',
        '  resolve_timeout: 3s',
        'route:',
        '  receiver: blackhole',
        '  group_wait: 1s',
        'receivers:',
        '  - name: blackhole',
        '',
      ],
      args: ({ config, data, listen }) => [
        `--config.file=${config}`,
        `--storage.path=${data}`,
        `--web.listen-address=${listen}`,
        '--cluster.listen-address=', // no HA gossip: one standalone instance
        '--log.level=warn',
      ],
    });
    url = peer.url;
  }, 30_000);

  afterAll(async () => {
    await peer?.stop();
  });

  async function active(): Promise<AmAlert[]> {
    const response = await fetch(`${url}/api/v2/alerts?filter=model%3D%22credit%22`);
    expect(response.status).toBe(200);
    return (await response.json()) as AmAlert[];
  }

  it('evaluateAlerts + delivery worker: a firing alert appears in GET /api/v2/alerts, then resolves', async () => {
    const { store, monitor } = await alertStore(
      { operator: 'gte', value: 0.1, severity: 'critical' },
      { name: 'VigilFeatureDrift' },
    );
    try {
      await store.createChannel({ name: 'am', kind: 'alertmanager', url, enabled: true });
      const worker = createDeliveryWorker({
        store,
        now: () => Date.now(),
        publicUrl: 'http://127.0.0.1:4010',
      });
      const start = Date.now() - 3_600_000;
      const at = (i: number, value: number) =>
        point(monitor, 0, value, { windowStart: start + i * 60_000, windowEnd: start + (i + 1) * 60_000 });

      const [fired] = await evaluateAlerts(store, [at(0, 0.31)], monitor, Date.now());
      expect(fired.state).toBe('firing');
      expect(await worker.tick()).toEqual({ delivered: 1, retried: 0, failed: 0 });

      const alerts = await active();
      expect(alerts).toHaveLength(1);
      expect(alerts[0].labels).toEqual({
        alertname: 'VigilFeatureDrift',
        model: 'credit',
        monitor: String(monitor.id),
        feature: 'AGEP',
        metric: 'drift',
        severity: 'critical',
      });
      expect(alerts[0].annotations.summary).toBe('credit: drift of AGEP 0.31 ≥ 0.1 for 1 window');
      expect(alerts[0].generatorURL).toBe(`http://127.0.0.1:4010/api/v1/alerts/${fired.id}`);
      expect(Date.parse(alerts[0].startsAt)).toBe(fired.firedAt);
      expect(Date.parse(alerts[0].endsAt)).toBeGreaterThan(Date.now()); // open: Alertmanager's resolve_timeout

      const [resolved] = await evaluateAlerts(store, [at(1, 0.02)], monitor, Date.now());
      expect(resolved.state).toBe('resolved');
      expect(await worker.tick()).toEqual({ delivered: 1, retried: 0, failed: 0 });
      // A resolved alert (endsAt in the past) is no longer listed as active.
      expect(await active()).toEqual([]);
    } finally {
      await store.close();
    }
  }, 30_000);

  it('a wrong Alertmanager URL fails the delivery with the HTTP status it got', async () => {
    const { store, monitor } = await alertStore({ operator: 'gte', value: 0.1, severity: 'critical' });
    try {
      await store.createChannel({ name: 'am', kind: 'alertmanager', url: `${url}/nowhere`, enabled: true });
      await evaluateAlerts(store, [point(monitor, 0, 0.5)], monitor, Date.now());
      const worker = createDeliveryWorker({ store, now: () => Date.now(), maxAttempts: 1 });
      expect(await worker.tick()).toEqual({ delivered: 0, retried: 0, failed: 1 });
      const [delivery] = await store.listDeliveries({ status: 'failed' });
      expect(delivery.lastError).toMatch(/^HTTP 404/);
    } finally {
      await store.close();
    }
  });

  it("the worker's refreshes keep a firing alert active past Alertmanager's resolve_timeout", async () => {
    const { store, monitor } = await alertStore(
      { operator: 'gte', value: 0.1, severity: 'warning' },
      { name: 'VigilRefresh' },
    );
    try {
      await store.createChannel({ name: 'am', kind: 'alertmanager', url, enabled: true });
      const worker = createDeliveryWorker({ store, now: () => Date.now(), alertmanagerRefreshMs: 1_000 });
      const [fired] = await evaluateAlerts(
        store,
        [point(monitor, 0, 0.5, { windowStart: Date.now() - 60_000, windowEnd: Date.now() })],
        monitor,
        Date.now(),
      );
      expect(await worker.tick()).toMatchObject({ delivered: 1 });
      const listed = async () => (await active()).filter((a) => a.labels.alertname === 'VigilRefresh');
      // 5 s > resolve_timeout (3 s): without the refreshes Alertmanager would have resolved it
      for (let i = 0; i < 10; i++) {
        await new Promise((r) => setTimeout(r, 500));
        await worker.tick();
      }
      const [alert] = await listed();
      expect(alert.generatorURL).toMatch(new RegExp(`/api/v1/alerts/${fired.id}$`));
      expect(Date.parse(alert.endsAt)).toBeGreaterThan(Date.now());

      // once the refreshes stop, resolve_timeout resolves it: the refreshes were what kept it active
      await new Promise((r) => setTimeout(r, 3_500));
      expect(await listed()).toEqual([]);
    } finally {
      await store.close();
    }
  }, 30_000);
});
