/**
 * Monitors of a model: each with what it watches, its alert rule and its latest evaluated value; admin keys
 * create and edit monitors and thresholds here (POST / PATCH /api/v1/models/{model}/monitors) and can ask for
 * an evaluation now (POST /evaluate?force=true). The scheduler reads monitors afresh at every window, so the
 * next evaluation uses what is saved.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, seg } from '../api.js';
import { ErrorBox, Loading } from '../components/Status.js';
import { formatNumber, formatTime } from '../format.js';
import { describeRule, reportedMetrics } from '../monitorOptions.js';
import { Link, paths } from '../router.js';
import { useSession } from '../session.js';
import type { EvaluateResult, MetricPoint, Model, Monitor } from '../types.js';
import { useApi } from '../useApi.js';
import { MonitorForm } from './MonitorForm.js';

/** How far back the "last evaluated" column looks, in windows. */
const LOOKBACK_WINDOWS = 48;

interface LastPoint {
  windowStart: number;
  values: number;
  breaches: number;
  value: number | null;
}

export function MonitorsPage({ model }: { model: string }) {
  const { canEdit } = useSession();
  const modelData = useApi<Model>(`/models/${seg(model)}`);
  const { data, error, loading, reload } = useApi<{ monitors: Monitor[] }>(`/models/${seg(model)}/monitors`);
  const [editing, setEditing] = useState<Monitor | 'new' | undefined>(undefined);
  const [last, setLast] = useState<Record<number, LastPoint | null>>({});
  const [evaluation, setEvaluation] = useState<{ text?: string; error?: string; busy: boolean }>({
    busy: false,
  });
  const [generation, setGeneration] = useState(0);

  const monitors = data?.monitors;
  const windowMs = modelData.data?.windowMs;
  useEffect(() => {
    if (monitors === undefined || windowMs === undefined) return;
    let cancelled = false;
    const from = Date.now() - LOOKBACK_WINDOWS * windowMs;
    Promise.all(
      monitors.map(async (m) => {
        const metric = typeof m.config.alertMetric === 'string' ? m.config.alertMetric : undefined;
        const { points } = await api<{ points: MetricPoint[] }>(
          `/models/${seg(model)}/monitors/${m.id}/series`,
          {
            query: { from, metric },
          },
        ).catch(() => ({ points: [] as MetricPoint[] }));
        const final = points.filter((p) => p.value !== null || p.status !== 'insufficient');
        const newest = final.reduce((max, p) => Math.max(max, p.windowStart), Number.NEGATIVE_INFINITY);
        if (!Number.isFinite(newest)) return [m.id, null] as const;
        const inWindow = final.filter((p) => p.windowStart === newest);
        return [
          m.id,
          {
            windowStart: newest,
            values: inWindow.length,
            breaches: inWindow.filter((p) => p.status === 'breach').length,
            value: inWindow.length === 1 ? inWindow[0].value : null,
          },
        ] as const;
      }),
    ).then((entries) => {
      if (!cancelled) setLast(Object.fromEntries(entries));
    });
    return () => {
      cancelled = true;
    };
  }, [monitors, windowMs, model, generation]);

  const evaluate = useCallback(async () => {
    setEvaluation({ busy: true });
    try {
      const result = await api<EvaluateResult>(`/models/${seg(model)}/evaluate`, {
        method: 'POST',
        query: { force: true },
      });
      const failed =
        result.failed.length > 0 ? `; ${result.failed.length} failed: ${result.failed[0].message}` : '';
      setEvaluation({
        busy: false,
        text:
          result.windows.length === 0
            ? 'No window had new data: monitors are evaluated on windows that receive predictions or labels.'
            : `Evaluated ${result.windows.length} window${result.windows.length === 1 ? '' : 's'}; ${result.alerts} alert${result.alerts === 1 ? '' : 's'} fired or resolved${failed}.`,
      });
      setGeneration((g) => g + 1);
    } catch (e) {
      setEvaluation({ busy: false, error: e instanceof Error ? e.message : String(e) });
    }
  }, [model]);

  const saved = () => {
    setEditing(undefined);
    reload();
  };

  return (
    <>
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link to={paths.overview()}>Models</Link> / <Link to={paths.model(model)}>{model}</Link> /{' '}
        <span aria-current="page">monitors</span>
      </nav>
      <h1>Monitors of {model}</h1>
      {canEdit ? (
        <p className="muted">
          Changes apply from the next evaluation: the scheduler evaluates each window once it closes, or now
          with the button below.
        </p>
      ) : (
        <p className="muted">Your key can read monitors; an admin key can change them.</p>
      )}
      {error && <ErrorBox error={error} />}
      {(loading || modelData.loading) && data === undefined && <Loading what="the monitors" />}
      {canEdit && (
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={() => setEditing('new')}
            disabled={editing === 'new'}
          >
            New monitor
          </button>
          <button type="button" onClick={evaluate} disabled={evaluation.busy}>
            {evaluation.busy ? 'Evaluating…' : 'Evaluate now'}
          </button>
        </div>
      )}
      <div aria-live="polite">
        {evaluation.text && (
          <p className="note" data-testid="evaluation-result">
            {evaluation.text}
          </p>
        )}
        {evaluation.error && <ErrorBox error={evaluation.error} />}
      </div>
      {editing !== undefined && modelData.data && (
        <MonitorForm
          model={modelData.data}
          monitors={monitors ?? []}
          monitor={editing === 'new' ? undefined : editing}
          onSaved={saved}
          onCancel={() => setEditing(undefined)}
        />
      )}
      {monitors && (
        <div className="table-scroll">
          <table data-testid="monitors-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Alert rule</th>
                <th scope="col">Enabled</th>
                <th scope="col">Last evaluated</th>
                {canEdit && <th scope="col">Edit</th>}
              </tr>
            </thead>
            <tbody>
              {monitors.map((m) => (
                <tr key={m.id} data-monitor={m.name}>
                  <td>{m.name}</td>
                  <td>{m.kind}</td>
                  <td>{describeRule(m.rule, judgedMetric(m))}</td>
                  <td>{m.enabled ? 'yes' : 'no'}</td>
                  <td data-testid="last-evaluated">
                    <LastCell point={last[m.id]} />
                  </td>
                  {canEdit && (
                    <td>
                      <button
                        type="button"
                        onClick={() => setEditing(m)}
                        aria-label={`Edit monitor ${m.name}`}
                      >
                        Edit
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function LastCell({ point }: { point: LastPoint | null | undefined }) {
  if (point === undefined) return <span className="muted">…</span>;
  if (point === null) return <span className="muted">not yet</span>;
  const what =
    point.values === 1
      ? `value ${formatNumber(point.value)}`
      : `${point.values} values, ${point.breaches} beyond the threshold`;
  return (
    <span>
      {formatTime(point.windowStart)}: {what}
      {point.values === 1 && point.breaches > 0 ? ' (beyond the threshold)' : ''}
    </span>
  );
}

/** The metric a monitor's rule judges: its `alertMetric`, else its only metric, else each of them. */
function judgedMetric(m: Monitor): string {
  if (typeof m.config.alertMetric === 'string') return m.config.alertMetric;
  const reported = reportedMetrics(m.kind, m.config);
  return reported.length === 1 ? reported[0] : `each of ${reported.join(', ')}`;
}
