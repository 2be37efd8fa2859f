/**
 * A volume sparkline in plain SVG (no chart library on the overview, so it paints at once), with an
 * `aria-label` that reads the series in words.
 */
import { formatCount } from '../format.js';

export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const width = 160;
  const height = 36;
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const points = values.map(
    (v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`,
  );
  const summary =
    values.length === 0
      ? `${label}: no windows yet`
      : `${label}: ${values.length} windows, from ${formatCount(Math.min(...values))} to ${formatCount(max)} predictions per window, latest ${formatCount(values.at(-1))}`;
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={summary}
      preserveAspectRatio="none"
    >
      <title>{summary}</title>
      {values.length > 1 ? (
        <>
          <polygon points={`0,${height} ${points.join(' ')} ${width},${height}`} className="sparkline-area" />
          <polyline points={points.join(' ')} className="sparkline-line" />
        </>
      ) : (
        <line x1="0" x2={width} y1={height - 2} y2={height - 2} className="sparkline-line" />
      )}
    </svg>
  );
}
