import type { Alert, AlertRule, MetricPoint, Monitor, RuleState, Store } from '../store/types.js';
import { firingMessage, resolvedMessage } from './alertMessage.js';

/** A point's verdict: does it breach, and against which threshold (for the alert and its message). */
export interface Verdict {
  breach: boolean;
  /** The threshold in the metric's own unit (for relative rules: rule.value × the reference value). */
  threshold: number;
}

/**
 * The verdict of one metric point, or undefined when the point says nothing (status 'insufficient', or no finite
 * value): such a point neither fires nor resolves, and does not count as a window.
 *
 * The breach is the point's status: the window evaluation judges each point once, with the monitor's rule
 * (relative rules against `rule.value × reference`) or, for per-column drift, with the drift test's own threshold,
 * so the verdict is never computed in two places. The threshold shown is `details.threshold` when the evaluation
 * gave one, else `rule.value × details.reference` for relative rules, else `rule.value`.
 */
export function pointVerdict(point: MetricPoint, rule: AlertRule): Verdict | undefined {
  if (point.status === 'insufficient' || point.value === null || !Number.isFinite(point.value))
    return undefined;
  const given = point.details?.threshold;
  const reference = point.details?.reference;
  let threshold = rule.value;
  if (typeof given === 'number' && Number.isFinite(given)) threshold = given;
  else if (rule.relativeToReference && typeof reference === 'number' && Number.isFinite(reference)) {
    threshold = rule.value * reference;
  }
  return { breach: point.status === 'breach', threshold };
}

/** Whether `value operator threshold` holds. */
export function compareValue(value: number, operator: AlertRule['operator'], threshold: number): boolean {
  switch (operator) {
    case 'gt':
      return value > threshold;
    case 'gte':
      return value >= threshold;
    case 'lt':
      return value < threshold;
    case 'lte':
      return value <= threshold;
  }
}

/**
 * The operator a message states: the rule's when the value stands on the side the event says (breaching for a
 * firing, not breaching for a resolution), else the value's actual relation to the threshold (a drift test's
 * p-value breaches *below* its threshold whatever the rule's operator).
 */
function statedOperator(
  rule: AlertRule,
  value: number | null,
  threshold: number,
  breach: boolean,
): AlertRule['operator'] {
  if (value === null || compareValue(value, rule.operator, threshold) === breach) return rule.operator;
  // Messages print OPERATOR_SYMBOL for a firing and NEGATED_SYMBOL for a resolution: pick the one that reads true.
  if (value > threshold) return breach ? 'gt' : 'lte';
  if (value < threshold) return breach ? 'lt' : 'gte';
  return breach ? 'gte' : 'gt';
}

/** The key of one rule state: alerts are deduplicated per (monitor, feature, metric). */
function keyOf(feature: string, metric: string): string {
  return JSON.stringify([feature, metric]);
}

/**
 * Applies a monitor's alert rule to freshly computed metric points and persists the outcome: fires, resolves and
 * notifies. Called by the scheduler after each window evaluation (any order of points; points of other monitors are
 * ignored). Returns the alerts that fired or resolved in this call.
 *
 * Per (feature, metric), points are taken in window order and each window counts once. A window breaches when its
 * point's status is 'breach' (see {@link pointVerdict}); the rule adds the hysteresis, the severity and the cooldown:
 * - Hysteresis: an alert fires after `rule.fireAfter` (default 1) consecutive breaching windows and resolves after
 *   `rule.resolveAfter` (default 1) consecutive good ones. A point with status 'insufficient' (or no value) is
 *   skipped: it neither fires, resolves, nor breaks a run.
 * - Re-evaluated windows: a point whose `windowStart` equals the last counted window (late labels) replaces that
 *   window's verdict instead of adding a window; if the verdict flips, the run restarts at 1 on the new side (the
 *   earlier run on that side is not stored, so it is not resumed). Windows older than the last counted one are
 *   history and change nothing.
 * - Deduplication: at most one firing alert per (monitor, feature, metric); `RuleState.openAlertId` points to it,
 *   and when that state is missing an existing firing alert of the same key is adopted rather than duplicated.
 * - Cooldown: a firing alert is notified unless an alert of the same key was notified less than `rule.cooldownMs`
 *   ago; a suppressed alert is notified at the first evaluation after the cooldown while it still breaches. A
 *   resolution is notified exactly when its firing was, so receivers never see one without the other.
 * - Notification: one pending Delivery per enabled channel whose `models` include the monitor's model (or that has
 *   no model filter), due immediately; the delivery worker sends them.
 *
 * Monitors without a rule, or disabled, change nothing. When `monitor.config.alertMetric` is a string, only points
 * of that metric are judged (for monitors that also report auxiliary metrics such as label coverage).
 *
 * @param store where rule states, alerts and deliveries live.
 * @param points the monitor's new points (already computed; written to the series by the caller or not).
 * @param monitor the monitor whose rule applies.
 * @param now the evaluation time, ms since the epoch (firedAt, resolvedAt, cooldown and delivery times).
 * @returns alerts created or resolved by this call, in the order it happened.
 * @example
 * // rule {operator: 'gte', value: 0.1, fireAfter: 2}: AGEP drift 0.31 then 0.35 fires on the second window with
 * // the message 'drift of AGEP 0.35 ≥ 0.1 for 2 windows'.
 * await evaluateAlerts(store, points, monitor, Date.now());
 */
export async function evaluateAlerts(
  store: Store,
  points: readonly MetricPoint[],
  monitor: Monitor,
  now: number,
): Promise<Alert[]> {
  const rule = monitor.rule;
  if (!rule || !monitor.enabled) return [];
  const alertMetric = typeof monitor.config.alertMetric === 'string' ? monitor.config.alertMetric : undefined;

  const groups = new Map<string, Map<number, MetricPoint>>();
  for (const point of points) {
    if (point.monitorId !== monitor.id) continue;
    if (alertMetric !== undefined && point.metric !== alertMetric) continue;
    const key = keyOf(point.feature, point.metric);
    let byWindow = groups.get(key);
    if (!byWindow) groups.set(key, (byWindow = new Map()));
    byWindow.set(point.windowStart, point); // a later point of the same window replaces an earlier one
  }

  const changed: Alert[] = [];
  const context: Context = { store, monitor, rule, now, changed, channels: undefined };
  for (const byWindow of groups.values()) {
    const ordered = [...byWindow.values()].sort((a, b) => a.windowStart - b.windowStart);
    await evaluateKey(context, ordered);
  }
  return changed;
}

interface Context {
  store: Store;
  monitor: Monitor;
  rule: AlertRule;
  now: number;
  changed: Alert[];
  /** Channels read once per call, on the first notification. */
  channels: { id: number; enabled: boolean; models?: string[] }[] | undefined;
}

async function evaluateKey(context: Context, ordered: MetricPoint[]): Promise<void> {
  const { store, monitor, rule, now } = context;
  const { feature, metric } = ordered[0];
  const fireAfter = Math.max(1, rule.fireAfter ?? 1);
  const resolveAfter = Math.max(1, rule.resolveAfter ?? 1);

  const stored = await store.getRuleState(monitor.id, feature, metric);
  const state: RuleState = stored
    ? { ...stored }
    : { monitorId: monitor.id, feature, metric, consecutiveBreaches: 0, consecutiveOk: 0 };
  const before = JSON.stringify(state);

  let open: Alert | undefined;
  if (state.openAlertId !== undefined) {
    open = await store.getAlert(state.openAlertId);
    if (open?.state !== 'firing') {
      open = undefined;
      state.openAlertId = undefined;
    }
  }

  let last: { point: MetricPoint; verdict: Verdict } | undefined;
  for (const point of ordered) {
    const verdict = pointVerdict(point, rule);
    if (!verdict) continue;
    if (state.lastWindowStart !== undefined && point.windowStart < state.lastWindowStart) continue;

    if (point.windowStart === state.lastWindowStart) {
      // Re-evaluation of the last counted window: the window keeps counting once.
      const previousBreach = state.consecutiveBreaches > 0;
      if (previousBreach !== verdict.breach) {
        state.consecutiveBreaches = verdict.breach ? 1 : 0;
        state.consecutiveOk = verdict.breach ? 0 : 1;
      }
    } else if (verdict.breach) {
      state.consecutiveBreaches += 1;
      state.consecutiveOk = 0;
    } else {
      state.consecutiveOk += 1;
      state.consecutiveBreaches = 0;
    }
    state.lastWindowStart = point.windowStart;
    last = { point, verdict };

    if (!open && state.consecutiveBreaches >= fireAfter) {
      open = await fire(context, point, verdict, state.consecutiveBreaches);
      state.openAlertId = open.id;
    } else if (open && state.consecutiveOk >= resolveAfter) {
      await resolve(context, open, point, verdict, state.consecutiveOk);
      open = undefined;
      state.openAlertId = undefined;
    }
  }

  // A firing alert held back by the cooldown is notified once the cooldown has passed, if it still breaches.
  if (open && open.lastNotifiedAt === undefined && last?.verdict.breach) {
    const since = await lastNotificationOfKey(store, monitor, feature, metric, open.id);
    if (since === undefined || now - since >= (rule.cooldownMs ?? 0)) {
      const { value } = last.point;
      const { threshold } = last.verdict;
      const message = firingMessage(
        monitor.kind,
        feature,
        metric,
        value,
        statedOperator(rule, value, threshold, true),
        threshold,
        state.consecutiveBreaches,
      );
      open = await store.updateAlert(open.id, { lastNotifiedAt: now, value: last.point.value, message });
      await notify(context, open, 'firing');
    }
  }

  if (JSON.stringify(state) !== before) await store.putRuleState(state);
}

async function fire(context: Context, point: MetricPoint, verdict: Verdict, windows: number): Promise<Alert> {
  const { store, monitor, rule, now } = context;
  const { feature, metric } = point;
  // Deduplication when the rule state was lost: adopt the firing alert of this key instead of opening another.
  const firing = (await store.listAlerts({ model: monitor.model, state: 'firing' })).find(
    (a) => a.monitorId === monitor.id && a.feature === feature && a.metric === metric,
  );
  if (firing) return firing;

  const previous = await lastNotificationOfKey(store, monitor, feature, metric);
  const notifyNow = previous === undefined || now - previous >= (rule.cooldownMs ?? 0);
  const alert = await store.createAlert({
    model: monitor.model,
    monitorId: monitor.id,
    feature,
    metric,
    severity: rule.severity,
    state: 'firing',
    value: point.value,
    threshold: verdict.threshold,
    message: firingMessage(
      monitor.kind,
      feature,
      metric,
      point.value,
      statedOperator(rule, point.value, verdict.threshold, true),
      verdict.threshold,
      windows,
    ),
    windowStart: point.windowStart,
    firedAt: now,
    ...(notifyNow ? { lastNotifiedAt: now } : {}),
  });
  context.changed.push(alert);
  if (notifyNow) await notify(context, alert, 'firing');
  return alert;
}

async function resolve(
  context: Context,
  open: Alert,
  point: MetricPoint,
  verdict: Verdict,
  windows: number,
): Promise<void> {
  const { store, monitor, rule, now } = context;
  const notified = open.lastNotifiedAt !== undefined;
  const resolved = await store.updateAlert(open.id, {
    state: 'resolved',
    resolvedAt: now,
    value: point.value,
    message: resolvedMessage(
      monitor.kind,
      point.feature,
      point.metric,
      point.value,
      statedOperator(rule, point.value, verdict.threshold, false),
      verdict.threshold,
      windows,
    ),
    ...(notified ? { lastNotifiedAt: now } : {}),
  });
  context.changed.push(resolved);
  if (notified) await notify(context, resolved, 'resolved');
}

/** The newest notification time among this key's alerts (other than `except`), for the cooldown. */
async function lastNotificationOfKey(
  store: Store,
  monitor: Monitor,
  feature: string,
  metric: string,
  except?: number,
): Promise<number | undefined> {
  let newest: number | undefined;
  for (const alert of await store.listAlerts({ model: monitor.model })) {
    if (alert.monitorId !== monitor.id || alert.feature !== feature || alert.metric !== metric) continue;
    if (alert.id === except || alert.lastNotifiedAt === undefined) continue;
    if (newest === undefined || alert.lastNotifiedAt > newest) newest = alert.lastNotifiedAt;
  }
  return newest;
}

/** Enqueues one pending delivery per enabled channel that takes alerts of the monitor's model. */
async function notify(context: Context, alert: Alert, event: 'firing' | 'resolved'): Promise<void> {
  const { store, now, monitor } = context;
  context.channels ??= await store.listChannels();
  for (const channel of context.channels) {
    if (!channel.enabled) continue;
    if (channel.models && channel.models.length > 0 && !channel.models.includes(monitor.model)) continue;
    await store.createDelivery({
      alertId: alert.id,
      channelId: channel.id,
      event,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
    });
  }
}
