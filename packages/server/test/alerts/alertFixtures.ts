import { createDuckDbStore } from '../../src/store/duckdb/createDuckDbStore.js';
import type { AlertRule, MetricPoint, Monitor, Store } from '../../src/store/types.js';
import { dropSchemas, freshSchema, openPostgresStore } from '../store/postgresHarness.js';

/** Window length of the fixtures: one hour. */
export const H = 3_600_000;
/** Start of window 0: 2024-01-01T00:00:00Z. */
export const T0 = Date.UTC(2024, 0, 1);

/**
 * A fresh migrated store: in-memory DuckDB, or PostgreSQL in a fresh schema (dropped on close) when
 * VIGIL_ALERT_TEST_STORE=postgres, so the alert tests can be run against either store.
 */
async function openTestStore(): Promise<Store> {
  if (process.env.VIGIL_ALERT_TEST_STORE === 'postgres') {
    const store = await openPostgresStore(freshSchema('vigil_alerts_'));
    const close = store.close.bind(store);
    store.close = async () => {
      await close();
      await dropSchemas();
    };
    return store;
  }
  const store = await createDuckDbStore({ path: ':memory:' });
  await store.migrate();
  return store;
}

/** A fresh store (in-memory DuckDB by default) with model "credit" and one drift monitor with the given rule. */
export async function alertStore(
  rule: AlertRule | undefined,
  monitor: Partial<Pick<Monitor, 'kind' | 'name' | 'config' | 'enabled'>> = {},
): Promise<{ store: Store; monitor: Monitor }> {
  const store = await openTestStore();
  await store.createModel({ name: 'credit', task: 'binary' });
  const created = await store.createMonitor({
    model: 'credit',
    name: monitor.name ?? 'feature drift',
    kind: monitor.kind ?? 'drift',
    config: monitor.config ?? {},
    ...(rule ? { rule } : {}),
    enabled: monitor.enabled ?? true,
  });
  return { store, monitor: created };
}

/**
 * The point of window `i` (start T0 + i·H) of a monitor, with feature AGEP and metric drift. Its status is judged
 * here as the window evaluation does (value against the monitor's rule: 'breach' or 'ok') unless given.
 */
export function point(
  monitor: Monitor,
  i: number,
  value: number | null,
  overrides: Partial<MetricPoint> = {},
): MetricPoint {
  const rule = monitor.rule;
  let status: MetricPoint['status'] = 'ok';
  if (rule && value !== null) {
    const breach = {
      gt: value > rule.value,
      gte: value >= rule.value,
      lt: value < rule.value,
      lte: value <= rule.value,
    };
    if (breach[rule.operator]) status = 'breach';
  }
  return {
    model: monitor.model,
    monitorId: monitor.id,
    windowStart: T0 + i * H,
    windowEnd: T0 + (i + 1) * H,
    feature: 'AGEP',
    metric: 'drift',
    value,
    status,
    computedAt: T0 + (i + 1) * H,
    ...overrides,
  };
}
