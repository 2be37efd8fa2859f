/**
 * Models overview (GET /api/v1/overview): per model a health badge, a volume sparkline of the last windows, its
 * open alerts, when it was last evaluated, and the plain-language summary for readers who do not read charts.
 * Drawn without the chart library, so it is the fastest page to first paint.
 */
import { Sparkline } from '../charts/Sparkline.js';
import { HealthBadge } from '../components/Badge.js';
import { Empty, ErrorBox, Loading } from '../components/Status.js';
import { formatAgo, formatDuration, formatTime } from '../format.js';
import { Link, paths } from '../router.js';
import { useSession } from '../session.js';
import type { Overview as OverviewData, OverviewModel } from '../types.js';
import { useApi } from '../useApi.js';

export function Overview() {
  const { data, error, loading } = useApi<OverviewData>('/overview');
  return (
    <>
      <h1>Models</h1>
      {error && <ErrorBox error={error} />}
      {loading && data === undefined && <Loading what="the models" />}
      {data && data.models.length === 0 && <NoModels />}
      {data && data.models.length > 0 && (
        <ul className="model-grid" aria-label="Models">
          {data.models.map((m) => (
            <ModelCard key={m.name} model={m} now={data.generatedAt} />
          ))}
        </ul>
      )}
    </>
  );
}

function NoModels() {
  const { canEdit } = useSession();
  return (
    <Empty>
      No model yet. {canEdit ? 'Create one with ' : 'An admin creates one with '}
      <code>POST /api/v1/models</code> or <code>vigil models create</code>, then upload its reference here.
    </Empty>
  );
}

function ModelCard({ model, now }: { model: OverviewModel; now: number }) {
  const { critical, warning } = model.openAlertsBySeverity;
  return (
    <li className="card model-card" data-testid="model-card" data-model={model.name}>
      <div className="model-card-head">
        <h2>
          <Link to={paths.model(model.name)}>{model.name}</Link>
        </h2>
        <HealthBadge health={model.health} />
      </div>
      <p className="muted small">
        {model.task}
        {model.activeVersion ? ` · version ${model.activeVersion}` : ''} · {formatDuration(model.windowMs)}{' '}
        windows
      </p>
      <div className="model-card-stats">
        <div>
          <div className="stat-label">Volume</div>
          <Sparkline
            values={model.volume.map((v) => v.count)}
            label={`Predictions per window of ${model.name}`}
          />
        </div>
        <div>
          <div className="stat-label">Open alerts</div>
          <Link to={paths.alerts({ model: model.name, state: 'firing' })} className="stat-value">
            {model.openAlerts}
          </Link>
          {model.openAlerts > 0 && (
            <div className="small">
              {critical} critical, {warning} warning
            </div>
          )}
        </div>
        <div>
          <div className="stat-label">Last evaluated</div>
          <div className="stat-value small" title={formatTime(model.lastEvaluatedAt)}>
            {formatAgo(model.lastEvaluatedAt, now)}
          </div>
        </div>
      </div>
      <section className="summary" aria-label={`Summary of ${model.name}`}>
        {model.summary.length === 0 ? (
          <p className="muted">Nothing to report yet.</p>
        ) : (
          <ul>
            {model.summary.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        )}
      </section>
    </li>
  );
}
