/**
 * What the demo has produced so far, read from the store: the console's progress lines and the demo tests
 * both use it. Only final evaluations count (the rolling view of the open window writes points marked
 * `details.partial`, which are left out).
 */
import type { Alert, MetricPoint, Monitor, Store } from '../store/types.js';

export interface DemoStatus {
  /** Closed windows evaluated (a `count` point of the volume monitor each). */
  windowsEvaluated: number;
  /** Start of the newest evaluated window. */
  lastWindowStart?: number;
  /** Features whose drift test found drift in that window. */
  drifted: string[];
  /** Accuracy of the newest window where labels cover enough predictions to judge it, with that coverage. */
  accuracy?: { windowStart: number; value: number; coverage: number };
  /** Alerts firing now. */
  openAlerts: Alert[];
  /** Alerts fired since the start, resolved or not. */
  alertsFired: number;
}

const isFinal = (p: MetricPoint) => p.details?.partial !== true;

/** The demo model's {@link DemoStatus}; `monitors` are the model's monitors (read once by the caller). */
export async function readDemoStatus(
  store: Store,
  model: string,
  monitors: readonly Monitor[],
): Promise<DemoStatus> {
  const volume = monitors.find((m) => m.kind === 'volume');
  const counts =
    volume === undefined
      ? []
      : (await store.readSeries({ monitorId: volume.id, metric: 'count' })).filter(isFinal);
  const lastWindowStart = counts.at(-1)?.windowStart;
  const drifted: string[] = [];
  if (lastWindowStart !== undefined) {
    for (const monitor of monitors.filter((m) => m.kind === 'drift')) {
      const points = await store.readSeries({
        monitorId: monitor.id,
        metric: 'driftScore',
        from: lastWindowStart,
        to: lastWindowStart + 1,
      });
      for (const p of points) if (isFinal(p) && p.status === 'breach') drifted.push(p.feature);
    }
  }
  let accuracy: DemoStatus['accuracy'];
  const performance = monitors.find((m) => m.kind === 'performance' && m.name === 'performance: accuracy');
  if (performance !== undefined) {
    const points = (await store.readSeries({ monitorId: performance.id })).filter(isFinal);
    const coverage = new Map(
      points.filter((p) => p.metric === 'labelCoverage').map((p) => [p.windowStart, p.value]),
    );
    const judged = points.filter((p) => p.metric === 'accuracy' && p.status !== 'insufficient');
    const newest = judged.at(-1);
    if (newest?.value != null) {
      accuracy = {
        windowStart: newest.windowStart,
        value: newest.value,
        coverage: coverage.get(newest.windowStart) ?? Number.NaN,
      };
    }
  }
  const alerts = await store.listAlerts({ model });
  return {
    windowsEvaluated: counts.length,
    lastWindowStart,
    drifted,
    accuracy,
    openAlerts: alerts.filter((a) => a.state === 'firing'),
    alertsFired: alerts.length,
  };
}
