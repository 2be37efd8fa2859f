/**
 * A table of alerts with, for admin keys, an Acknowledge button per unacknowledged alert
 * (POST /api/v1/alerts/{id}/acknowledge). Each alert links to the window that fired it: the feature page at that
 * window for a per-feature alert, else the model page at that window.
 */
import { useState } from 'react';
import { ApiError, api, seg } from '../api.js';
import { formatNumber, formatTime } from '../format.js';
import { Link, paths } from '../router.js';
import { useSession } from '../session.js';
import type { Alert } from '../types.js';
import { SeverityBadge } from './Badge.js';

// The prediction and score columns, `(prediction)` and `(score)`, are not features of the schema.
const isSchemaFeature = (feature: string) => feature !== '' && !feature.startsWith('(');

function windowLink(alert: Alert): string {
  return isSchemaFeature(alert.feature)
    ? paths.feature(alert.model, alert.feature, alert.windowStart)
    : paths.model(alert.model, alert.windowStart);
}

export function AlertList({
  alerts,
  showModel = true,
  onChange,
}: {
  alerts: Alert[];
  showModel?: boolean;
  onChange?: (alert: Alert) => void;
}) {
  const { canEdit } = useSession();
  const [busy, setBusy] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const acknowledge = async (alert: Alert) => {
    setBusy(alert.id);
    setError(undefined);
    try {
      const updated = await api<Alert>(`/alerts/${seg(alert.id)}/acknowledge`, { method: 'POST' });
      onChange?.(updated);
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="table-scroll">
        <table className="alerts" data-testid="alerts-table">
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">State</th>
              {showModel && <th scope="col">Model</th>}
              <th scope="col">What happened</th>
              <th scope="col">Value / threshold</th>
              <th scope="col">Window</th>
              <th scope="col">Acknowledged</th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((alert) => (
              <tr key={alert.id} data-alert-id={alert.id}>
                <td>
                  <SeverityBadge severity={alert.severity} />
                </td>
                <td>{alert.state}</td>
                {showModel && (
                  <td>
                    <Link to={paths.model(alert.model)}>{alert.model}</Link>
                  </td>
                )}
                <td className="message">
                  {alert.message}
                  <div className="muted small">
                    {alert.metric}
                    {alert.feature !== '' ? ` · ${alert.feature}` : ''} · fired {formatTime(alert.firedAt)}
                  </div>
                </td>
                <td className="num">
                  {formatNumber(alert.value)} / {formatNumber(alert.threshold)}
                </td>
                <td>
                  <Link to={windowLink(alert)} aria-label={`window of ${formatTime(alert.windowStart)}`}>
                    {formatTime(alert.windowStart)}
                  </Link>
                </td>
                <td>
                  {alert.acknowledgedAt !== undefined && alert.acknowledgedAt !== null ? (
                    <span className="small">
                      by {alert.acknowledgedBy ?? 'someone'}
                      <br />
                      {formatTime(alert.acknowledgedAt)}
                    </span>
                  ) : canEdit ? (
                    <button
                      type="button"
                      onClick={() => acknowledge(alert)}
                      disabled={busy === alert.id}
                      aria-label={`Acknowledge alert ${alert.id}: ${alert.message}`}
                    >
                      {busy === alert.id ? 'Acknowledging…' : 'Acknowledge'}
                    </button>
                  ) : (
                    <span className="muted small">not yet</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
