/**
 * Model page (GET /api/v1/models/{model}/dashboard): the summary, open alerts, and over the last windows the
 * performance with its label coverage, the prediction distribution, a feature × window drift heatmap (a cell
 * opens the feature at that window), data quality, latency percentiles and volume. `?window=` (from an alert's
 * link) names a window to point out.
 */
import { useMemo } from 'react';
import { Chart } from '../charts/Chart.js';
import {
  driftedAt,
  driftHeatmap,
  fromFirstData,
  latencyChart,
  performanceChart,
  predictionChart,
  qualityChart,
  volumeChart,
} from '../charts/modelCharts.js';
import { AlertList } from '../components/AlertList.js';
import { HealthBadge } from '../components/Badge.js';
import { ErrorBox, Loading } from '../components/Status.js';
import { formatAgo, formatDuration, formatNumber, formatTime } from '../format.js';
import { Link, navigate, paths } from '../router.js';
import { useSession } from '../session.js';
import type { Dashboard } from '../types.js';
import { useApi } from '../useApi.js';

const WINDOWS = 48;

export function ModelPage({ model, query }: { model: string; query: URLSearchParams }) {
  const { data, error, loading, reload } = useApi<Dashboard>(
    `/models/${encodeURIComponent(model)}/dashboard`,
    { windows: WINDOWS },
  );
  const focus = Number(query.get('window')) || undefined;
  return (
    <>
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link to={paths.overview()}>Models</Link> / <span aria-current="page">{model}</span>
      </nav>
      <h1>{model}</h1>
      {error && <ErrorBox error={error} />}
      {loading && data === undefined && <Loading what={`model ${model}`} />}
      {data && <ModelBody data={data} focus={focus} onChange={reload} />}
    </>
  );
}

function ModelBody({
  data: full,
  focus,
  onChange,
}: {
  data: Dashboard;
  focus?: number;
  onChange: () => void;
}) {
  const { canEdit } = useSession();
  const data = useMemo(() => fromFirstData(full), [full]);
  const name = data.model.name;
  const charts = useMemo(
    () => ({
      performance: performanceChart(data),
      predictions: predictionChart(data),
      drift: driftHeatmap(data),
      quality: qualityChart(data),
      latency: latencyChart(data),
      volume: volumeChart(data),
    }),
    [data],
  );
  const focusIndex = focus === undefined ? -1 : data.windows.indexOf(focus);
  return (
    <>
      <p className="muted">
        <HealthBadge health={data.health} /> {data.model.task}
        {data.model.activeVersion ? ` · version ${data.model.activeVersion}` : ''} ·{' '}
        {formatDuration(data.model.windowMs)} windows · {data.monitors.length} monitors · last evaluated{' '}
        {formatAgo(data.lastEvaluatedAt)}
        {data.model.description ? ` · ${data.model.description}` : ''}
      </p>
      <div className="actions">
        <Link className="button" to={paths.monitors(name)}>
          {canEdit ? 'Monitors and thresholds' : 'Monitors'}
        </Link>
        <Link className="button" to={paths.references(name)}>
          {canEdit ? 'Upload a reference' : 'References'}
        </Link>
        <Link className="button" to={paths.alerts({ model: name })}>
          All alerts
        </Link>
      </div>

      <section className="card summary" aria-labelledby="summary-title" data-testid="summary">
        <h2 id="summary-title">In plain words</h2>
        {data.summary.length === 0 ? (
          <p className="muted">Nothing to report yet.</p>
        ) : (
          <ul>
            {data.summary.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        )}
      </section>

      {focus !== undefined && (
        <section className="card focus" aria-labelledby="focus-title">
          <h2 id="focus-title">Window of {formatTime(focus)}</h2>
          {focusIndex === -1 ? (
            <p className="muted">This window is older than the {data.windows.length} windows shown.</p>
          ) : (
            <FocusWindow data={data} index={focusIndex} />
          )}
        </section>
      )}

      <section aria-labelledby="alerts-title">
        <h2 id="alerts-title">Open alerts ({data.alerts.length})</h2>
        {data.alerts.length === 0 ? (
          <p className="muted">No open alert.</p>
        ) : (
          <AlertList alerts={data.alerts} showModel={false} onChange={onChange} />
        )}
      </section>

      {data.windows.length === 0 ? (
        <p className="empty">
          No window has been evaluated yet: send predictions, and the scheduler evaluates each window once it
          closes.
        </p>
      ) : (
        <div className="chart-grid">
          <Chart
            title={`Performance${data.performance.metric ? `: ${data.performance.metric}` : ''}, with label coverage`}
            testId="chart-performance"
            {...specProps(charts.performance)}
          />
          <Chart
            title="Predictions over time"
            testId="chart-predictions"
            {...specProps(charts.predictions)}
          />
          <div className="wide">
            <Chart
              title="Drift by feature and window"
              testId="chart-drift"
              label={charts.drift.label}
              option={charts.drift.option}
              height={charts.drift.height}
              onClick={(params) => {
                const cell = params.data as [number, number] | undefined;
                if (cell === undefined) return;
                navigate(paths.feature(name, data.drift.features[cell[1]], data.windows[cell[0]]));
              }}
              table={{
                columns: [
                  'feature',
                  'test',
                  'threshold',
                  'windows with drift',
                  'latest score',
                  'latest verdict',
                ],
                rows: data.drift.features.map((f, i) => {
                  const verdicts = data.drift.drifted[i] ?? [];
                  const scores = data.drift.scores[i] ?? [];
                  const last = verdicts.length - 1;
                  return [
                    <Link key={f} to={paths.feature(name, f)}>
                      {f}
                    </Link>,
                    data.drift.test[f] ?? '—',
                    formatNumber(data.drift.threshold[f]),
                    `${verdicts.filter((v) => v === true).length} of ${verdicts.filter((v) => v !== null).length}`,
                    formatNumber(scores[last]),
                    verdicts[last] === null || verdicts[last] === undefined
                      ? '—'
                      : verdicts[last]
                        ? 'drift'
                        : 'no drift',
                  ];
                }),
              }}
            />
          </div>
          <Chart title="Data quality" testId="chart-quality" {...specProps(charts.quality)} />
          <Chart title="Latency" testId="chart-latency" {...specProps(charts.latency)} />
          <Chart title="Volume" testId="chart-volume" {...specProps(charts.volume)} />
        </div>
      )}
    </>
  );
}

function FocusWindow({ data, index }: { data: Dashboard; index: number }) {
  const drifted = driftedAt(data, index);
  const at = data.windows[index];
  return (
    <ul>
      <li>{data.volume[index] ?? 0} predictions.</li>
      <li>
        {data.performance.metric ?? 'performance'}: {formatNumber(data.performance.values[index])}.
      </li>
      <li>
        {drifted.length === 0 ? (
          'No feature drifted.'
        ) : (
          <>
            Drifted:{' '}
            {drifted.map((f, i) => (
              <span key={f}>
                {i > 0 && ', '}
                <Link to={paths.feature(data.model.name, f, at)}>{f}</Link>
              </span>
            ))}
            .
          </>
        )}
      </li>
    </ul>
  );
}

function specProps(spec: ReturnType<typeof performanceChart>) {
  return { label: spec.label, option: spec.option, table: { columns: spec.columns, rows: spec.rows } };
}
