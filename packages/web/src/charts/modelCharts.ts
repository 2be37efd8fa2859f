/**
 * Chart options, sentences and tables of the model page, built from the dashboard payload
 * (GET /api/v1/models/{model}/dashboard). Pure functions: the page only places them.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { formatCount, formatNumber, formatShare, formatTime, formatWindow } from '../format.js';
import type { Dashboard } from '../types.js';
import { series as colours, palette } from './palette.js';

type Series = (number | null)[];

export interface ChartSpec {
  option: EChartsCoreOption;
  label: string;
  columns: string[];
  rows: (string | number)[][];
}

const base = (windows: number[], windowMs: number) => ({
  animationDuration: 300,
  color: colours,
  grid: { left: 48, right: 48, top: 36, bottom: 28, containLabel: true },
  tooltip: { trigger: 'axis' },
  legend: { top: 0, type: 'scroll' },
  xAxis: {
    type: 'category',
    data: windows.map((w) => formatWindow(w, windowMs)),
    axisLabel: { hideOverlap: true },
  },
});

const line = (name: string, data: Series, extra: Record<string, unknown> = {}) => ({
  name,
  type: 'line',
  data: data.map((v) => v ?? '-'),
  connectNulls: false,
  showSymbol: data.length < 60,
  symbolSize: 5,
  ...extra,
});

/** Last value that is not null, with its index. */
export function lastValue(values: Series): { value: number; index: number } | undefined {
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v !== null && Number.isFinite(v)) return { value: v, index: i };
  }
  return undefined;
}

const windowColumn = (d: Dashboard) => d.windows.map((w) => formatTime(w));

export function performanceChart(d: Dashboard): ChartSpec {
  const p = { ...d.performance, metric: d.performance.metric ?? 'performance' };
  const markData: Record<string, unknown>[] = [];
  if (d.performance.metric === null) {
    return {
      label: 'Performance: the model has no performance monitor',
      option: { ...base(d.windows, d.model.windowMs), yAxis: { type: 'value' }, series: [] },
      columns: ['window', 'label coverage'],
      rows: d.windows.map((w, i) => [formatTime(w), formatShare(p.coverage[i])]),
    };
  }
  if (p.reference !== null) markData.push({ yAxis: p.reference, name: 'reference' });
  if (p.threshold !== undefined) markData.push({ yAxis: p.threshold, name: 'alert threshold' });
  const last = lastValue(p.values);
  const coverage = lastValue(p.coverage);
  const label =
    last === undefined
      ? `${p.metric} per window: no window has enough labels yet` +
        (coverage ? `; label coverage of the latest window ${formatShare(coverage.value)}` : '')
      : `${p.metric} per window over ${d.windows.length} windows: latest ${formatNumber(last.value)}` +
        (p.reference !== null ? ` (reference ${formatNumber(p.reference)})` : '') +
        (coverage ? `; label coverage of the latest window ${formatShare(coverage.value)}` : '');
  return {
    label,
    option: {
      ...base(d.windows, d.model.windowMs),
      yAxis: [
        { type: 'value', name: p.metric, scale: true },
        { type: 'value', name: 'label coverage', min: 0, max: 1, axisLabel: { formatter: pct } },
      ],
      series: [
        line(p.metric, p.values, {
          markLine:
            markData.length === 0
              ? undefined
              : {
                  symbol: 'none',
                  lineStyle: { type: 'dashed', color: palette.grey },
                  label: { formatter: '{b}', position: 'insideEndTop' },
                  data: markData,
                },
        }),
        {
          name: 'label coverage',
          type: 'bar',
          yAxisIndex: 1,
          data: p.coverage.map((v) => v ?? '-'),
          itemStyle: { color: palette.sky, opacity: 0.35 },
          barMaxWidth: 16,
        },
      ],
    },
    columns: ['window', p.metric, 'label coverage'],
    rows: d.windows.map((_, i) => [
      windowColumn(d)[i],
      formatNumber(p.values[i]),
      formatShare(p.coverage[i]),
    ]),
  };
}

const pct = (v: number) => formatShare(v);

export function predictionChart(d: Dashboard): ChartSpec {
  const p = d.predictions;
  const shares = p.classShares ?? {};
  const classes = Object.keys(shares);
  if (p.kind === 'class' && classes.length > 0) {
    const latest = classes
      .map((c) => `${c} ${formatShare(lastValue(shares[c])?.value)}`)
      .slice(0, 6)
      .join(', ');
    return {
      label: `Share of each predicted class per window over ${d.windows.length} windows; latest window: ${latest}`,
      option: {
        ...base(d.windows, d.model.windowMs),
        yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: pct } },
        series: classes.map((c) => ({
          name: c,
          type: 'bar',
          stack: 'classes',
          data: shares[c].map((v) => v ?? '-'),
          barMaxWidth: 24,
        })),
      },
      columns: ['window', ...classes],
      rows: d.windows.map((_, i) => [windowColumn(d)[i], ...classes.map((c) => formatShare(shares[c][i]))]),
    };
  }
  const last = lastValue(p.mean);
  const what = p.kind === 'score' ? 'mean score' : 'mean prediction';
  return {
    label:
      last === undefined
        ? `${what} per window: no predictions yet`
        : `${what} per window over ${d.windows.length} windows: latest ${formatNumber(last.value)}`,
    option: {
      ...base(d.windows, d.model.windowMs),
      yAxis: { type: 'value', scale: true },
      series: [line(what, p.mean, { areaStyle: { opacity: 0.08 } })],
    },
    columns: ['window', what],
    rows: d.windows.map((_, i) => [windowColumn(d)[i], formatNumber(p.mean[i])]),
  };
}

/** Features drifted in window `index` (verdict true). */
export function driftedAt(d: Dashboard, index: number): string[] {
  return d.drift.features.filter((_, f) => d.drift.drifted[f]?.[index] === true);
}

export function driftHeatmap(d: Dashboard): Omit<ChartSpec, 'columns' | 'rows'> & { height: number } {
  const { features, scores, drifted } = d.drift;
  const data: [number, number, number | string, number | null][] = [];
  features.forEach((_, f) => {
    d.windows.forEach((_, w) => {
      const verdict = drifted[f]?.[w];
      data.push([
        w,
        f,
        verdict === null || verdict === undefined ? '-' : verdict ? 1 : 0,
        scores[f]?.[w] ?? null,
      ]);
    });
  });
  const lastIndex = d.windows.length - 1;
  const now = lastIndex >= 0 ? driftedAt(d, lastIndex) : [];
  const label =
    features.length === 0
      ? 'Drift heatmap: no drift monitor has results yet'
      : `Drift of ${features.length} features over ${d.windows.length} windows (a cell is red when the test found drift); ` +
        `${now.length} of ${features.length} drifted in the latest window${now.length > 0 ? ` (${now.slice(0, 8).join(', ')})` : ''}. ` +
        'Select a cell, or a feature in the table, to open the feature.';
  return {
    label,
    height: Math.max(160, features.length * 22 + 90),
    option: {
      animation: false,
      grid: { left: 8, right: 16, top: 40, bottom: 28, containLabel: true },
      tooltip: {
        formatter: (params: { data: [number, number, number | string, number | null] }) => {
          const [w, f, v, score] = params.data;
          const name = features[f];
          const verdict = v === '-' ? 'not tested' : v === 1 ? 'drift' : 'no drift';
          return `${name}<br/>${formatTime(d.windows[w])}<br/>${d.drift.test[name] ?? ''} ${formatNumber(score)}: ${verdict}`;
        },
      },
      xAxis: {
        type: 'category',
        data: d.windows.map((w) => formatWindow(w, d.model.windowMs)),
        splitArea: { show: false },
        axisLabel: { hideOverlap: true },
      },
      yAxis: { type: 'category', data: features, inverse: true, axisLabel: { interval: 0 } },
      visualMap: {
        type: 'piecewise',
        dimension: 2,
        orient: 'horizontal',
        top: 0,
        left: 'center',
        pieces: [
          { value: 0, label: 'no drift', color: palette.clean },
          { value: 1, label: 'drift', color: palette.drifted },
        ],
        outOfRange: { color: palette.missing },
      },
      series: [
        {
          type: 'heatmap',
          name: 'drift',
          data,
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
          emphasis: { itemStyle: { borderColor: '#222', borderWidth: 2 } },
          cursor: 'pointer',
        },
      ],
    },
  };
}

export function qualityChart(d: Dashboard): ChartSpec {
  const q = d.quality;
  const parts: [string, Series][] = [
    ['missing values', q.missingShare],
    ['out of range', q.outOfRange],
    ['unseen categories', q.unseenCategories],
  ];
  const latest = parts.map(([name, s]) => `${name} ${formatShare(lastValue(s)?.value)}`).join(', ');
  return {
    label: `Data quality per window (share of values, worst feature): latest window ${latest}`,
    option: {
      ...base(d.windows, d.model.windowMs),
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: pct } },
      series: parts.map(([name, s]) => line(name, s)),
    },
    columns: ['window', ...parts.map(([name]) => name)],
    rows: d.windows.map((_, i) => [windowColumn(d)[i], ...parts.map(([, s]) => formatShare(s[i]))]),
  };
}

export function latencyChart(d: Dashboard): ChartSpec {
  const l = d.latency;
  const parts: [string, Series][] = [
    ['p50', l.p50],
    ['p95', l.p95],
    ['p99', l.p99],
  ];
  const latest = parts.map(([name, s]) => `${name} ${formatNumber(lastValue(s)?.value)} ms`).join(', ');
  return {
    label: `Prediction latency per window: latest window ${latest}`,
    option: {
      ...base(d.windows, d.model.windowMs),
      yAxis: { type: 'value', name: 'ms', min: 0 },
      series: parts.map(([name, s]) => line(name, s)),
    },
    columns: ['window', 'p50 (ms)', 'p95 (ms)', 'p99 (ms)'],
    rows: d.windows.map((_, i) => [windowColumn(d)[i], ...parts.map(([, s]) => formatNumber(s[i]))]),
  };
}

export function volumeChart(d: Dashboard): ChartSpec {
  const last = lastValue(d.volume);
  const total = d.volume.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  return {
    label: `Predictions per window over ${d.windows.length} windows: ${formatCount(total)} in all, latest window ${formatCount(last?.value)}`,
    option: {
      ...base(d.windows, d.model.windowMs),
      legend: { show: false },
      yAxis: { type: 'value', min: 0 },
      series: [
        {
          name: 'predictions',
          type: 'bar',
          data: d.volume.map((v) => v ?? 0),
          itemStyle: { color: palette.blue },
          barMaxWidth: 24,
        },
      ],
    },
    columns: ['window', 'predictions'],
    rows: d.windows.map((_, i) => [windowColumn(d)[i], formatCount(d.volume[i])]),
  };
}

/**
 * The dashboard from its first window with predictions on (a young model's 48-window axis is mostly empty; the
 * charts read better without the leading gap). Nothing is dropped when no window has data.
 */
export function fromFirstData(d: Dashboard): Dashboard {
  const first = d.volume.findIndex((v) => v !== null && v > 0);
  if (first <= 0) return d;
  const cut = <T>(values: T[]) => values.slice(first);
  const cutAll = <T>(record: Record<string, T[]>) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, cut(v)]));
  return {
    ...d,
    windows: cut(d.windows),
    performance: {
      ...d.performance,
      values: cut(d.performance.values),
      coverage: cut(d.performance.coverage),
    },
    predictions: {
      ...d.predictions,
      mean: cut(d.predictions.mean),
      classShares: d.predictions.classShares && cutAll(d.predictions.classShares),
    },
    drift: { ...d.drift, scores: d.drift.scores.map(cut), drifted: d.drift.drifted.map(cut) },
    quality: cutAll(d.quality) as Dashboard['quality'],
    latency: cutAll(d.latency) as Dashboard['latency'],
    volume: cut(d.volume),
  };
}
