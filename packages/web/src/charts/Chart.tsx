/**
 * One ECharts chart with its text alternative: the drawing is `role="img"` with an `aria-label` that says what
 * it shows in a sentence, and a "data as a table" disclosure under it holds every number (WCAG 1.1.1: non-text
 * content has a text alternative that serves the same purpose). Resizes with its box (phone and laptop widths).
 */
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';

export interface ChartTable {
  columns: string[];
  rows: ReactNode[][];
}

export interface ChartProps {
  title: string;
  /** One or two sentences: what the chart shows and its salient values. */
  label: string;
  option: EChartsCoreOption;
  table: ChartTable;
  height?: number;
  /** Data-point clicks (the heatmap opens a feature). */
  onClick?: (params: { data?: unknown; dataIndex: number; seriesIndex?: number }) => void;
  testId?: string;
}

const loadECharts = () => import('./echarts.js').then((m) => m.echarts);

export function Chart({ title, label, option, table, height = 260, onClick, testId }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | undefined>(undefined);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const [failed, setFailed] = useState<string | undefined>(undefined);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    loadECharts().then(
      (echarts) => {
        if (disposed || box.current === null) return;
        const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
        instance.on('click', (params) => clickRef.current?.(params as never));
        chart.current = instance;
        observer = new ResizeObserver(() => instance.resize());
        observer.observe(box.current);
      },
      (error: unknown) => setFailed(String(error)),
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    let cancelled = false;
    const apply = () => {
      if (cancelled) return;
      if (chart.current === undefined) {
        requestAnimationFrame(apply);
        return;
      }
      chart.current.setOption(option, { notMerge: true });
    };
    apply();
    return () => {
      cancelled = true;
    };
  }, [option]);

  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="chart-title">{title}</figcaption>
      {failed === undefined ? (
        <div ref={box} className="chart-canvas" role="img" aria-label={label} style={{ height }} />
      ) : (
        <p className="error">The chart could not be drawn: {failed}</p>
      )}
      <details className="chart-data">
        <summary>Data as a table</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
