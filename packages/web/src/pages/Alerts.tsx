/**
 * Alerts (GET /api/v1/alerts): filter by model, severity and state (kept in the URL, so a filtered list can be
 * shared), acknowledge, and follow an alert to the window that fired it.
 */
import { AlertList } from '../components/AlertList.js';
import { Empty, ErrorBox, Loading } from '../components/Status.js';
import { navigate, paths } from '../router.js';
import type { Alert, Model } from '../types.js';
import { useApi } from '../useApi.js';

export function AlertsPage({ query }: { query: URLSearchParams }) {
  const filter = {
    model: query.get('model') ?? '',
    severity: query.get('severity') ?? '',
    state: query.get('state') ?? '',
  };
  const models = useApi<{ models: Model[] }>('/models');
  const { data, error, loading, reload } = useApi<{ alerts: Alert[] }>('/alerts', { ...filter, limit: 500 });
  const set = (key: keyof typeof filter, value: string) =>
    navigate(paths.alerts({ ...filter, [key]: value }), { replace: true });

  return (
    <>
      <h1>Alerts</h1>
      <form className="filters" aria-label="Filter alerts" onSubmit={(e) => e.preventDefault()}>
        <label>
          Model
          <select value={filter.model} onChange={(e) => set('model', e.target.value)}>
            <option value="">all</option>
            {(models.data?.models ?? []).map((m) => (
              <option key={m.name} value={m.name}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Severity
          <select value={filter.severity} onChange={(e) => set('severity', e.target.value)}>
            <option value="">all</option>
            <option value="critical">critical</option>
            <option value="warning">warning</option>
            <option value="info">info</option>
          </select>
        </label>
        <label>
          State
          <select value={filter.state} onChange={(e) => set('state', e.target.value)}>
            <option value="">all</option>
            <option value="firing">firing</option>
            <option value="resolved">resolved</option>
          </select>
        </label>
      </form>
      {error && <ErrorBox error={error} />}
      {loading && data === undefined && <Loading what="the alerts" />}
      {data && data.alerts.length === 0 && <Empty>No alert matches.</Empty>}
      {data && data.alerts.length > 0 && (
        <>
          <p className="muted small" aria-live="polite">
            {data.alerts.length} alerts, newest first.
          </p>
          <AlertList alerts={data.alerts} onChange={reload} />
        </>
      )}
    </>
  );
}
