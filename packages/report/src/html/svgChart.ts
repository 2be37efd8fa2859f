/**
 * Static SVG charts for the HTML report, drawn by ECharts' server-side SVG renderer (no DOM, no JavaScript in the
 * output). Each function takes data already computed by the core and returns one `<svg>` element as a string.
 */
import * as echarts from 'echarts';
import { formatNumber } from '../text/formatNumber.js';

/** Series colours: Tableau 10 blue and orange, distinguishable with the common colour-vision deficiencies. */
export const chartColors = { reference: '#4c78a8', current: '#f58518', line: '#4c78a8', grid: '#e5e7eb' };

const fontFamily = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif'; // no quotes: ECharts writes it into a quoted style attribute

/**
 * Renders an ECharts option to an SVG string, without animation. The `xmlns` attributes are dropped: an `<svg>`
 * inside HTML gets its namespace from the parser, and the report must contain no URL the user did not write.
 */
export function renderSvgChart(option: echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily }, ...option });
    return chart
      .renderToSVGString()
      .replace(/\s+xmlns(:xlink)?="[^"]*"/g, '')
      .replace('<svg ', `<svg role="img" class="chart" `);
  } finally {
    chart.dispose();
  }
}

const axisStyle = {
  axisLine: { lineStyle: { color: '#9ca3af' } },
  splitLine: { lineStyle: { color: chartColors.grid } },
  axisLabel: { color: '#374151', fontSize: 11 },
  nameTextStyle: { color: '#374151', fontSize: 12 },
};

function title(text: string) {
  return { text, left: 8, top: 4, textStyle: { fontSize: 13, fontWeight: 600 as const, color: '#111827' } };
}

/** Overlaid bars of reference and current proportions per bin; `labels` name the bins. */
export function histogramOverlaySvg(
  labels: readonly string[],
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  options: { width?: number; height?: number; xName?: string } = {},
): string {
  const round = (a: ArrayLike<number>) => Array.from(a, (v) => Number(v.toPrecision(4)));
  return renderSvgChart(
    {
      grid: { left: 52, right: 16, top: 30, bottom: 40 },
      legend: {
        top: 4,
        right: 8,
        itemWidth: 12,
        itemHeight: 10,
        textStyle: { fontSize: 11 },
        data: ['reference', 'current'],
      },
      xAxis: {
        type: 'category',
        data: [...labels],
        name: options.xName,
        nameLocation: 'middle',
        nameGap: 26,
        ...axisStyle,
        axisLabel: { ...axisStyle.axisLabel, hideOverlap: true },
      },
      yAxis: { type: 'value', name: 'share', ...axisStyle, axisLabel: { ...axisStyle.axisLabel } },
      series: [
        {
          name: 'reference',
          type: 'bar',
          data: round(reference),
          barGap: '-100%',
          barCategoryGap: '10%',
          itemStyle: { color: chartColors.reference, opacity: 0.55 },
        },
        {
          name: 'current',
          type: 'bar',
          data: round(current),
          barCategoryGap: '10%',
          itemStyle: { color: chartColors.current, opacity: 0.55 },
        },
      ],
    },
    options.width ?? 540,
    options.height ?? 220,
  );
}

/** A curve in the unit square (ROC or precision–recall), with an optional dashed reference line. */
export function curveSvg(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: {
    title: string;
    xName: string;
    yName: string;
    diagonal?: [number, number, number, number];
    step?: boolean;
  },
): string {
  const points = Array.from(x, (v, i) => [round4(v), round4(y[i])]);
  const series: echarts.SeriesOption[] = [
    {
      type: 'line',
      data: points,
      showSymbol: false,
      step: options.step ? 'end' : undefined,
      lineStyle: { color: chartColors.line, width: 2 },
      areaStyle: { color: chartColors.line, opacity: 0.08 },
    },
  ];
  if (options.diagonal) {
    const [x0, y0, x1, y1] = options.diagonal;
    series.push({
      type: 'line',
      data: [
        [x0, y0],
        [x1, y1],
      ],
      showSymbol: false,
      lineStyle: { color: '#9ca3af', type: 'dashed', width: 1 },
    });
  }
  return renderSvgChart(
    {
      title: title(options.title),
      grid: { left: 52, right: 20, top: 36, bottom: 44 },
      xAxis: {
        type: 'value',
        min: 0,
        max: 1,
        name: options.xName,
        nameLocation: 'middle',
        nameGap: 26,
        ...axisStyle,
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 1,
        name: options.yName,
        nameLocation: 'middle',
        nameGap: 36,
        ...axisStyle,
      },
      series,
    },
    300,
    280,
  );
}

/**
 * Reliability diagram: the fraction of positives against the mean predicted probability of each bin (one marker per
 * non-empty bin, joined by a line), over the dashed diagonal of perfect calibration.
 */
export function calibrationSvg(probPred: ArrayLike<number>, probTrue: ArrayLike<number>): string {
  const points = Array.from(probPred, (v, i) => [round4(v), round4(probTrue[i])]);
  return renderSvgChart(
    {
      title: title('Calibration curve'),
      grid: { left: 52, right: 20, top: 36, bottom: 44 },
      xAxis: {
        type: 'value',
        min: 0,
        max: 1,
        name: 'mean predicted probability',
        nameLocation: 'middle',
        nameGap: 26,
        ...axisStyle,
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 1,
        name: 'fraction of positives',
        nameLocation: 'middle',
        nameGap: 36,
        ...axisStyle,
      },
      series: [
        {
          type: 'line',
          data: points,
          showSymbol: true,
          symbol: 'circle',
          symbolSize: 6,
          lineStyle: { color: chartColors.line, width: 2 },
          itemStyle: { color: chartColors.line },
        },
        {
          type: 'line',
          data: [
            [0, 0],
            [1, 1],
          ],
          showSymbol: false,
          lineStyle: { color: '#9ca3af', type: 'dashed', width: 1 },
        },
      ],
    },
    300,
    280,
  );
}

/** Predicted against actual values, with the line predicted = actual. */
export function scatterSvg(actual: ArrayLike<number>, predicted: ArrayLike<number>): string {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const points: number[][] = [];
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const p = predicted[i];
    if (!Number.isFinite(a) || !Number.isFinite(p)) continue;
    points.push([round4(a), round4(p)]);
    lo = Math.min(lo, a, p);
    hi = Math.max(hi, a, p);
  }
  if (points.length === 0) {
    lo = 0;
    hi = 1;
  }
  return renderSvgChart(
    {
      title: title('Predicted vs actual'),
      grid: { left: 60, right: 20, top: 36, bottom: 44 },
      xAxis: {
        type: 'value',
        name: 'actual',
        nameLocation: 'middle',
        nameGap: 26,
        scale: true,
        ...axisStyle,
      },
      yAxis: {
        type: 'value',
        name: 'predicted',
        nameLocation: 'middle',
        nameGap: 44,
        scale: true,
        ...axisStyle,
      },
      series: [
        {
          type: 'scatter',
          data: points,
          symbolSize: 4,
          itemStyle: { color: chartColors.line, opacity: 0.5 },
        },
        {
          type: 'line',
          data: [
            [lo, lo],
            [hi, hi],
          ],
          showSymbol: false,
          lineStyle: { color: '#9ca3af', type: 'dashed', width: 1 },
        },
      ],
    },
    300,
    280,
  );
}

/** Counts per bin of a histogram given by its edges (residuals). */
export function countHistogramSvg(edges: ArrayLike<number>, counts: ArrayLike<number>, name: string): string {
  const labels = Array.from(counts, (_, i) =>
    formatNumber(Number(((edges[i] + edges[i + 1]) / 2).toPrecision(3))),
  );
  return renderSvgChart(
    {
      title: title(name),
      grid: { left: 60, right: 20, top: 36, bottom: 44 },
      xAxis: {
        type: 'category',
        data: labels,
        name: 'residual (actual − predicted), bin centre',
        nameLocation: 'middle',
        nameGap: 26,
        ...axisStyle,
        axisLabel: { ...axisStyle.axisLabel, hideOverlap: true },
      },
      yAxis: { type: 'value', name: 'rows', nameLocation: 'middle', nameGap: 44, ...axisStyle },
      series: [
        {
          type: 'bar',
          data: Array.from(counts),
          barCategoryGap: '5%',
          itemStyle: { color: chartColors.line, opacity: 0.8 },
        },
      ],
    },
    300,
    280,
  );
}

/**
 * Confusion matrix as a heatmap: rows are true classes, columns predicted ones; colour is the share of the true
 * class (so a rare class reads as well as a common one), the label is the count.
 */
export function confusionHeatmapSvg(
  labels: readonly string[],
  matrix: readonly (readonly number[])[],
): string {
  const k = labels.length;
  const data: { value: [number, number, number]; count: number }[] = [];
  for (let i = 0; i < k; i++) {
    const total = matrix[i].reduce((s, v) => s + v, 0);
    // y axis runs bottom-up in ECharts: flip so the first true class is the top row, as in a printed matrix.
    for (let j = 0; j < k; j++)
      data.push({ value: [j, k - 1 - i, total > 0 ? matrix[i][j] / total : 0], count: matrix[i][j] });
  }
  const cell = Math.max(18, Math.min(64, Math.floor(420 / Math.max(k, 1))));
  const size = cell * k;
  const short = (s: string) => (s.length > 14 ? `${s.slice(0, 13)}…` : s);
  return renderSvgChart(
    {
      grid: { left: 110, right: 20, top: 20, bottom: 60, width: size, height: size },
      xAxis: {
        type: 'category',
        data: labels.map(short),
        name: 'predicted',
        nameLocation: 'middle',
        nameGap: 40,
        splitArea: { show: false },
        ...axisStyle,
        axisLabel: { ...axisStyle.axisLabel, rotate: k > 6 ? 45 : 0, interval: 0 },
      },
      yAxis: {
        type: 'category',
        data: [...labels].reverse().map(short),
        name: 'true',
        nameLocation: 'middle',
        nameGap: 90,
        ...axisStyle,
        axisLabel: { ...axisStyle.axisLabel, interval: 0 },
      },
      visualMap: {
        show: false,
        min: 0,
        max: 1,
        dimension: 2,
        inRange: { color: ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] },
      },
      series: [
        {
          type: 'heatmap',
          // Dark cells get white numbers, light ones dark numbers.
          data: data.map((d) => ({
            value: d.value,
            count: d.count,
            label: { color: d.value[2] > 0.55 ? '#ffffff' : '#111827' },
          })),
          label: {
            show: k <= 15,
            fontSize: 11,
            formatter: (p: { data?: unknown }) => String((p.data as { count: number }).count),
          },
          itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        },
      ],
    },
    size + 140,
    size + 90,
  );
}

function round4(v: number): number {
  return Number(v.toPrecision(4));
}
