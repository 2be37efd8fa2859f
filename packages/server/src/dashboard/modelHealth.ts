/**
 * A model's health badge (issue 5 §2 "health badge"): the worst severity among its open alerts, so the badge and
 * the alert list never disagree; 'no-data' while no window received a prediction.
 */
import type { Alert } from '../store/types.js';

export type Health = 'ok' | 'warning' | 'critical' | 'no-data';

/**
 * @param openAlerts the model's firing alerts.
 * @param hasData whether any window of the model received data.
 * @example
 * modelHealth([{ severity: 'warning' }], true); // => 'warning'
 */
export function modelHealth(openAlerts: readonly Pick<Alert, 'severity'>[], hasData: boolean): Health {
  if (openAlerts.some((a) => a.severity === 'critical')) return 'critical';
  // An info alert is a note, not a problem: it does not change the badge.
  if (openAlerts.some((a) => a.severity === 'warning')) return 'warning';
  return hasData ? 'ok' : 'no-data';
}
