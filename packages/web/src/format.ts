/** How numbers, times and durations read on the dashboard (one place, so every page agrees). */

/** A metric value: 3 significant digits, `—` when missing. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e6 || abs < 1e-3) return value.toExponential(2);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Number(value.toPrecision(digits)).toString();
}

/** A share as a percentage: `12.5%`. */
export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${Number((value * 100).toPrecision(3))}%`;
}

/** A count: `12,345`. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return Math.round(value).toLocaleString('en-US');
}

/** A moment, in the reader's time zone: `2026-11-23 15:00`. */
export function formatTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A window start on a chart axis: the date when windows span a day or more, else the time. */
export function formatWindow(ms: number, windowMs: number): string {
  const full = formatTime(ms);
  return windowMs >= 86_400_000 ? full.slice(0, 10) : full.slice(5);
}

/** A duration: `90 s`, `15 min`, `2 h`, `3 d`. */
export function formatDuration(ms: number): string {
  const s = ms / 1000;
  if (s < 120) return `${Math.round(s)} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} d`;
}

/** How long ago: `5 min ago`. */
export function formatAgo(ms: number | null | undefined, now = Date.now()): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return 'never';
  const delta = now - ms;
  if (delta < 0) return `in ${formatDuration(-delta)}`;
  if (delta < 5000) return 'just now';
  return `${formatDuration(delta)} ago`;
}
