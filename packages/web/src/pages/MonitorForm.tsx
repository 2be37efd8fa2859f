/**
 * Create or edit one monitor: its name, kind (fixed once created), the kind's settings, its alert rule
 * (threshold, direction, severity, how many windows in a row) and whether it is enabled. Settings the form does
 * not show (a drift `correction`, say) are kept as they were. The server validates again and its 400 details
 * (`{field, problem}`) are listed under the form.
 */
import { type FormEvent, useId, useState } from 'react';
import { api, problemsOf, seg } from '../api.js';
import { driftTests, monitorKinds, performanceMetrics, reportedMetrics } from '../monitorOptions.js';
import type { AlertRule, Model, Monitor, MonitorKind, Severity } from '../types.js';

interface Props {
  model: Model;
  monitors: Monitor[];
  monitor?: Monitor;
  onSaved: (monitor: Monitor) => void;
  onCancel: () => void;
}

const defaultRule = (kind: MonitorKind): AlertRule =>
  kind === 'drift'
    ? { operator: 'lt', value: 0.05, severity: 'warning', fireAfter: 1, resolveAfter: 1 }
    : kind === 'volume'
      ? { operator: 'lt', value: 1, severity: 'warning' }
      : { operator: 'gt', value: 0.1, severity: 'warning', fireAfter: 1, resolveAfter: 1 };

export function MonitorForm({ model, monitors, monitor, onSaved, onCancel }: Props) {
  const id = useId();
  const [name, setName] = useState(monitor?.name ?? '');
  const [kind, setKind] = useState<MonitorKind>(monitor?.kind ?? 'drift');
  const [config, setConfig] = useState<Record<string, unknown>>(monitor?.config ?? { test: 'auto' });
  const [hasRule, setHasRule] = useState(monitor === undefined || monitor.rule !== undefined);
  const [rule, setRule] = useState<AlertRule>(monitor?.rule ?? defaultRule('drift'));
  const [enabled, setEnabled] = useState(monitor?.enabled ?? true);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<{ message: string; list: string[] } | undefined>(undefined);

  const features = model.schema?.features.map((f) => f.name) ?? [];
  const set = (key: string, value: unknown) =>
    setConfig((c) => {
      const next = { ...c };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
  const changeKind = (next: MonitorKind) => {
    setKind(next);
    setConfig(
      next === 'drift'
        ? { test: 'auto' }
        : next === 'performance'
          ? { metrics: [performanceMetrics[model.task][0]] }
          : {},
    );
    setRule(defaultRule(next));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblems(undefined);
    const body: Record<string, unknown> = { name: name.trim(), config, enabled };
    if (hasRule) body.rule = rule;
    try {
      const saved =
        monitor === undefined
          ? await api<Monitor>(`/models/${seg(model.name)}/monitors`, {
              method: 'POST',
              json: { ...body, kind },
            })
          : await api<Monitor>(`/models/${seg(model.name)}/monitors/${monitor.id}`, {
              method: 'PATCH',
              json: body,
            });
      onSaved(saved);
    } catch (e) {
      setProblems({ message: e instanceof Error ? e.message : String(e), list: problemsOf(e) });
    } finally {
      setBusy(false);
    }
  };

  const metrics = reportedMetrics(kind, config);
  const selected = (config.features as string[] | undefined) ?? undefined;

  return (
    <form className="card stack monitor-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{monitor === undefined ? 'New monitor' : `Edit “${monitor.name}”`}</h2>
      <div className="row">
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </label>
        <label>
          Kind
          <select
            value={kind}
            onChange={(e) => changeKind(e.target.value as MonitorKind)}
            disabled={monitor !== undefined}
          >
            {monitorKinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Enabled
        </label>
      </div>

      {(kind === 'drift' || kind === 'quality') && (
        <fieldset>
          <legend>Features</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={selected === undefined}
              onChange={(e) => set('features', e.target.checked ? undefined : [...features])}
            />{' '}
            Every feature of the schema (also those added later)
          </label>
          {selected !== undefined && (
            <div className="checks">
              {features.map((f) => (
                <label key={f} className="check">
                  <input
                    type="checkbox"
                    checked={selected.includes(f)}
                    onChange={(e) =>
                      set('features', e.target.checked ? [...selected, f] : selected.filter((x) => x !== f))
                    }
                  />{' '}
                  {f}
                </label>
              ))}
            </div>
          )}
        </fieldset>
      )}

      {kind === 'drift' && (
        <div className="row">
          <label>
            Test
            <select value={(config.test as string) ?? 'auto'} onChange={(e) => set('test', e.target.value)}>
              {driftTests.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <NumberField
            label="Test threshold (blank: the test's default)"
            value={config.threshold as number | undefined}
            onChange={(v) => set('threshold', v)}
            min={0}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={config.prediction === true}
              onChange={(e) => set('prediction', e.target.checked || undefined)}
            />{' '}
            Also the prediction
          </label>
          {model.task === 'binary' && (
            <label className="check">
              <input
                type="checkbox"
                checked={config.score === true}
                onChange={(e) => set('score', e.target.checked || undefined)}
              />{' '}
              Also the score
            </label>
          )}
        </div>
      )}

      {kind === 'performance' && (
        <fieldset>
          <legend>Metrics</legend>
          <div className="checks">
            {performanceMetrics[model.task].map((m) => {
              const list = (config.metrics as string[] | undefined) ?? [];
              return (
                <label key={m} className="check">
                  <input
                    type="checkbox"
                    checked={list.includes(m)}
                    onChange={(e) =>
                      set('metrics', e.target.checked ? [...list, m] : list.filter((x) => x !== m))
                    }
                  />{' '}
                  {m}
                </label>
              );
            })}
          </div>
          <NumberField
            label="Minimum label coverage (0–1, default 0.5)"
            value={config.minLabelCoverage as number | undefined}
            onChange={(v) => set('minLabelCoverage', v)}
            min={0}
            max={1}
          />
        </fieldset>
      )}

      {kind === 'latency' && (
        <label>
          Percentiles (comma-separated)
          <input
            value={((config.quantiles as string[] | undefined) ?? ['p50', 'p95', 'p99']).join(', ')}
            onChange={(e) =>
              set(
                'quantiles',
                e.target.value
                  .split(',')
                  .map((s) => s.trim())
                  .filter((s) => s !== ''),
              )
            }
          />
        </label>
      )}

      {kind === 'custom' && (
        <div className="row">
          <label>
            Source monitor
            <select
              value={String(config.monitorId ?? '')}
              onChange={(e) => set('monitorId', e.target.value === '' ? undefined : Number(e.target.value))}
              required
            >
              <option value="">choose…</option>
              {monitors
                .filter((m) => m.id !== monitor?.id)
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
            </select>
          </label>
          <label>
            Metric
            <input
              value={(config.metric as string) ?? ''}
              onChange={(e) => set('metric', e.target.value || undefined)}
              required
            />
          </label>
          <label>
            Feature (blank: not per feature)
            <input
              value={(config.feature as string) ?? ''}
              onChange={(e) => set('feature', e.target.value || undefined)}
            />
          </label>
        </div>
      )}

      <fieldset>
        <legend>Alert rule</legend>
        <label className="check">
          <input type="checkbox" checked={hasRule} onChange={(e) => setHasRule(e.target.checked)} /> Alert on
          this monitor
        </label>
        {hasRule && (
          <div className="row">
            <label>
              Metric judged
              <select
                value={(config.alertMetric as string) ?? ''}
                onChange={(e) => set('alertMetric', e.target.value || undefined)}
              >
                <option value="">default</option>
                {metrics.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Alert when the value is
              <select
                value={rule.operator}
                onChange={(e) => setRule({ ...rule, operator: e.target.value as AlertRule['operator'] })}
              >
                <option value="gt">greater than</option>
                <option value="gte">at least</option>
                <option value="lt">less than</option>
                <option value="lte">at most</option>
              </select>
            </label>
            <NumberField
              label="Threshold"
              value={rule.value}
              required
              onChange={(v) => setRule({ ...rule, value: v ?? 0 })}
            />
            {kind === 'performance' && (
              <label className="check">
                <input
                  type="checkbox"
                  checked={rule.relativeToReference === true}
                  onChange={(e) => setRule({ ...rule, relativeToReference: e.target.checked || undefined })}
                />{' '}
                Threshold is a multiple of the reference value
              </label>
            )}
            <label>
              Severity
              <select
                value={rule.severity}
                onChange={(e) => setRule({ ...rule, severity: e.target.value as Severity })}
              >
                <option value="critical">critical</option>
                <option value="warning">warning</option>
                <option value="info">info</option>
              </select>
            </label>
            <NumberField
              label="Fire after (windows in a row)"
              value={rule.fireAfter}
              min={1}
              step={1}
              onChange={(v) => setRule({ ...rule, fireAfter: v })}
            />
            <NumberField
              label="Resolve after (windows in a row)"
              value={rule.resolveAfter}
              min={1}
              step={1}
              onChange={(v) => setRule({ ...rule, resolveAfter: v })}
            />
          </div>
        )}
      </fieldset>

      {problems && (
        <div className="error" role="alert">
          {problems.message}
          {problems.list.length > 1 && (
            <ul>
              {problems.list.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
          {busy ? 'Saving…' : monitor === undefined ? 'Create monitor' : 'Save changes'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step,
  required,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  min?: number;
  max?: number;
  step?: number;
  required?: boolean;
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  return (
    <label>
      {label}
      <input
        type="number"
        inputMode="decimal"
        value={text}
        min={min}
        max={max}
        step={step ?? 'any'}
        required={required}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = e.target.value === '' ? undefined : Number(e.target.value);
          onChange(parsed !== undefined && Number.isFinite(parsed) ? parsed : undefined);
        }}
      />
    </label>
  );
}
