/**
 * Feature page (GET /api/v1/models/{model}/features/{feature}?windowStart=): the reference and the window
 * distributions overlaid (shares per bin or category), the drift score over time with the test's threshold line,
 * and the test used. A select picks another window.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { Chart } from '../charts/Chart.js';
import { palette } from '../charts/palette.js';
import { ErrorBox, Loading } from '../components/Status.js';
import { formatNumber, formatShare, formatTime } from '../format.js';
import { Link, navigate, paths } from '../router.js';
import type { FeatureDetail } from '../types.js';
import { useApi } from '../useApi.js';

export function FeaturePage({
  model,
  feature,
  windowStart,
}: {
  model: string;
  feature: string;
  windowStart?: number;
}) {
  const { data, error, loading } = useApi<FeatureDetail>(
    `/models/${encodeURIComponent(model)}/features/${encodeURIComponent(feature)}`,
    { windowStart },
  );
  return (
    <>
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link to={paths.overview()}>Models</Link> / <Link to={paths.model(model)}>{model}</Link> /{' '}
        <span aria-current="page">{feature}</span>
      </nav>
      <h1>{feature}</h1>
      {error && <ErrorBox error={error} />}
      {loading && data === undefined && <Loading what={`feature ${feature}`} />}
      {data && <FeatureBody model={model} data={data} />}
    </>
  );
}

/** Bin labels: `[a, b)` from edges, or the category names. */
function binLabels(h: FeatureDetail['histogram']): string[] {
  if (h.categories !== undefined) return h.categories;
  const edges = h.bins ?? [];
  return edges.slice(0, -1).map((a, i) => `${formatNumber(a)}–${formatNumber(edges[i + 1])}`);
}

function FeatureBody({ model, data }: { model: string; data: FeatureDetail }) {
  const labels = binLabels(data.histogram);
  const test = data.test ?? 'drift';
  const current = data.series.find((p) => p.windowStart === data.windowStart);
  const histogram = useMemo<EChartsCoreOption>(
    () => ({
      animationDuration: 300,
      grid: { left: 48, right: 16, top: 36, bottom: 28, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatShare(v) },
      legend: { top: 0 },
      xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      series: [
        {
          name: 'reference',
          type: 'bar',
          data: data.histogram.reference,
          itemStyle: { color: palette.grey },
        },
        {
          name: `window ${formatTime(data.windowStart)}`,
          type: 'bar',
          data: data.histogram.window,
          itemStyle: { color: palette.blue, opacity: 0.85 },
        },
      ],
    }),
    [data, labels],
  );
  const scoreOption = useMemo<EChartsCoreOption>(
    () => ({
      animationDuration: 300,
      grid: { left: 48, right: 24, top: 36, bottom: 28, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: data.series.map((p) => formatTime(p.windowStart).slice(5)) },
      yAxis: { type: 'value', scale: true },
      series: [
        {
          name: `${test} score`,
          type: 'line',
          data: data.series.map((p) => ({
            value: p.score ?? '-',
            itemStyle: { color: p.drifted ? palette.drifted : palette.blue },
            symbolSize: p.windowStart === data.windowStart ? 10 : 6,
          })),
          itemStyle: { color: palette.blue },
          markLine:
            data.threshold === null
              ? undefined
              : {
                  symbol: 'none',
                  lineStyle: { type: 'dashed', color: palette.vermillion },
                  label: { formatter: `threshold ${formatNumber(data.threshold)}`, position: 'insideEndTop' },
                  data: [{ yAxis: data.threshold }],
                },
        },
      ],
    }),
    [data],
  );
  const drifts = data.series.filter((p) => p.drifted === true).length;
  const biggest = labels
    .map((label, i) => ({
      label,
      delta: (data.histogram.window[i] ?? 0) - (data.histogram.reference[i] ?? 0),
    }))
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))[0];
  return (
    <>
      <dl className="facts">
        <div>
          <dt>Kind</dt>
          <dd>{data.kind}</dd>
        </div>
        <div>
          <dt>Test</dt>
          <dd data-testid="feature-test">{data.test ?? 'none: no drift monitor tests this feature'}</dd>
        </div>
        <div>
          <dt>Threshold</dt>
          <dd>{formatNumber(data.threshold)}</dd>
        </div>
        <div>
          <dt>This window</dt>
          <dd>
            {formatNumber(current?.score)}{' '}
            {current?.drifted === true ? (
              <span className="badge badge-critical">drift</span>
            ) : current?.drifted === false ? (
              <span className="badge badge-ok">no drift</span>
            ) : null}
          </dd>
        </div>
      </dl>
      <label className="inline">
        Window{' '}
        <select
          value={data.windowStart ?? ''}
          onChange={(e) =>
            navigate(paths.feature(model, data.feature, Number(e.target.value)), { replace: true })
          }
        >
          {data.series
            .slice()
            .reverse()
            .map((p) => (
              <option key={p.windowStart} value={p.windowStart}>
                {formatTime(p.windowStart)}
                {p.drifted ? ' (drift)' : ''}
              </option>
            ))}
        </select>
      </label>
      <div className="chart-grid">
        <Chart
          title="Reference vs window"
          testId="chart-histogram"
          option={histogram}
          label={
            `Share of values per ${data.kind === 'categorical' ? 'category' : 'bin'} in the reference and in the window of ${formatTime(data.windowStart)}` +
            (biggest
              ? `; the largest change is ${biggest.label}, ${biggest.delta >= 0 ? 'up' : 'down'} ${formatShare(Math.abs(biggest.delta))}`
              : '')
          }
          table={{
            columns: [data.kind === 'categorical' ? 'category' : 'bin', 'reference', 'window'],
            rows: labels.map((label, i) => [
              label,
              formatShare(data.histogram.reference[i]),
              formatShare(data.histogram.window[i]),
            ]),
          }}
        />
        <Chart
          title={`Drift score over time (${test})`}
          testId="chart-drift-score"
          option={scoreOption}
          label={`${test} score per window over ${data.series.length} windows, with the threshold ${formatNumber(data.threshold)}; drift found in ${drifts} of them`}
          table={{
            columns: ['window', 'score', 'verdict'],
            rows: data.series.map((p) => [
              formatTime(p.windowStart),
              formatNumber(p.score),
              p.drifted === null ? '—' : p.drifted ? 'drift' : 'no drift',
            ]),
          }}
        />
      </div>
    </>
  );
}
