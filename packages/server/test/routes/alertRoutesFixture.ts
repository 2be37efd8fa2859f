import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app/buildApp.js';
import { createKey } from '../../src/auth/createKey.js';
import type { AlertRule, Monitor, Store } from '../../src/store/types.js';
import { alertStore } from '../alerts/alertFixtures.js';

/** An app on a fresh store (model "credit", one monitor with `rule`) and a key of each role. */
export async function alertApp(
  rule: AlertRule = { operator: 'gte', value: 0.1, severity: 'critical' },
): Promise<{
  app: FastifyInstance;
  store: Store;
  monitor: Monitor;
  clock: { t: number };
  keys: { admin: string; read: string; ingest: string };
  close: () => Promise<void>;
}> {
  const { store, monitor } = await alertStore(rule);
  const clock = { t: Date.UTC(2024, 5, 1) };
  const app = await buildApp({ store, now: () => clock.t });
  const keys = {
    admin: (await createKey(store, { name: 'ops', role: 'admin' })).key,
    read: (await createKey(store, { name: 'dashboard', role: 'read' })).key,
    ingest: (await createKey(store, { name: 'model-service', role: 'ingest' })).key,
  };
  return {
    app,
    store,
    monitor,
    clock,
    keys,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
