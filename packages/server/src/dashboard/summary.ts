/**
 * The plain-language summary card of a model (issue 5 §2: "Predictions are 12% higher than usual; accuracy fell
 * from 0.80 to 0.74 over the last 3 windows"), for readers who do not read charts. Pure: every sentence is built
 * from the dashboard's own series, so the card and the charts say the same thing.
 *
 * Rules (each sentence only when its data exists):
 * - silence: no window has data → "No predictions have arrived yet."; the newest data older than two windows →
 *   "No data for <duration>." (a live model that stopped sending is the first thing to know);
 * - traffic: the newest closed window's count against the mean count of the earlier windows with data (at least
 *   {@link MIN_HISTORY}), said when it differs by {@link NOTABLE_CHANGE} or more;
 * - predictions: the same comparison of the newest mean score (binary) or mean prediction (regression);
 * - performance: the metric over the newest (up to 3) windows with a value: "fell/rose from a to b over the last k
 *   windows" when the two-decimal values differ, else "is steady at a";
 * - drift: in the newest window with tested features, how many drifted, naming up to {@link LISTED} of them;
 *   the prediction's own drift in a sentence of its own;
 * - labels: the label coverage of the newest window that has one;
 * "The last window" is, in each sentence, the newest window that has the value the sentence is about (a window
 * still filling is not evaluated yet).
 * - alerts: how many are open, by severity.
 */
import type { DashboardSeries } from './dashboardSeries.js';

/** A relative change from the usual level worth a sentence. */
export const NOTABLE_CHANGE = 0.1;
/** Earlier windows needed to call a level "usual". */
export const MIN_HISTORY = 3;
/** Drifted features named in the drift sentence. */
export const LISTED = 5;

export interface SummaryInput {
  now: number;
  windowMs: number;
  /** Window starts, oldest first (the axis of the series). */
  starts: readonly number[];
  /** Last arrival of data for the model (undefined: never). */
  lastDataAt?: number;
  series: Pick<DashboardSeries, 'volume' | 'predictions' | 'performance' | 'drift'>;
  openAlerts: { critical: number; warning: number; info?: number };
}

const PREDICTION_COLUMNS = new Set(['(prediction)', '(score)']);

/** "2 h", "45 min", "3 days". */
export function formatDuration(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 90) return `${Math.max(1, Math.round(minutes))} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} days`;
}

const fixed2 = (x: number) => x.toFixed(2);
const count = (x: number) => Math.round(x).toLocaleString('en-US');
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Index of the newest entry satisfying `ok`, or -1. */
function newest<T>(values: readonly T[], ok: (value: T, i: number) => boolean): number {
  for (let i = values.length - 1; i >= 0; i--) if (ok(values[i], i)) return i;
  return -1;
}

/** The newest value at `last` against the mean of the earlier values (at least MIN_HISTORY), or undefined. */
function change(
  values: readonly (number | null)[],
  last: number,
): { value: number; usual: number } | undefined {
  if (last < 0) return undefined;
  const earlier = values.slice(0, last).filter((v): v is number => v !== null && Number.isFinite(v));
  const value = values[last];
  if (value === null || earlier.length < MIN_HISTORY) return undefined;
  const usual = earlier.reduce((a, b) => a + b, 0) / earlier.length;
  if (usual === 0 || Math.abs(value / usual - 1) < NOTABLE_CHANGE) return undefined;
  return { value, usual };
}

function direction(value: number, usual: number): string {
  const percent = Math.round(Math.abs(value / usual - 1) * 100);
  return `${percent}% ${value > usual ? 'higher' : 'lower'} than usual`;
}

/**
 * The summary sentences of a model, most urgent first.
 * @example
 * summarySentences({ now, windowMs: 3600000, starts, lastDataAt, series, openAlerts: { critical: 0, warning: 1 } });
 * // => ['Accuracy fell from 0.80 to 0.74 over the last 3 windows.', '3 of 16 features drifted in the last window (AGEP, SCHL, MAR).', …]
 */
export function summarySentences(input: SummaryInput): string[] {
  const { series, starts, windowMs, now } = input;
  if (input.lastDataAt === undefined) return ['No predictions have arrived yet.'];
  const out: string[] = [];
  if (now - input.lastDataAt > 2 * windowMs)
    out.push(`No data for ${formatDuration(now - input.lastDataAt)}.`);

  const { critical, warning } = input.openAlerts;
  const open = critical + warning + (input.openAlerts.info ?? 0);
  if (open > 0) {
    const parts = [
      critical > 0 ? `${critical} critical` : '',
      warning > 0 ? `${warning} warning` : '',
    ].filter((p) => p !== '');
    out.push(
      `${open === 1 ? '1 alert is' : `${open} alerts are`} open${parts.length > 0 ? ` (${parts.join(', ')})` : ''}.`,
    );
  }

  // Performance.
  const { metric, values } = series.performance;
  if (metric !== null) {
    const last = newest(values, (v) => v !== null);
    if (last >= 0) {
      const recent: number[] = [];
      for (let i = last; i >= 0 && recent.length < 3; i--) if (values[i] !== null) recent.unshift(i);
      const to = values[last] as number;
      const from = values[recent[0]] as number;
      if (recent.length >= 2 && fixed2(from) !== fixed2(to)) {
        out.push(
          `${capitalize(metric)} ${to < from ? 'fell' : 'rose'} from ${fixed2(from)} to ${fixed2(to)} over the last ${last - recent[0] + 1} windows.`,
        );
      } else {
        out.push(`${capitalize(metric)} is ${recent.length >= 2 ? 'steady at ' : ''}${fixed2(to)}.`);
      }
    }
  }

  // Drift of the features, then of the prediction.
  const { features, drifted } = series.drift;
  const featureRows = features.map((f, k) => ({ f, k })).filter(({ f }) => !PREDICTION_COLUMNS.has(f));
  const driftWindow = newest(starts, (_, i) => featureRows.some(({ k }) => drifted[k][i] !== null));
  if (driftWindow >= 0) {
    const tested = featureRows.filter(({ k }) => drifted[k][driftWindow] !== null);
    const names = tested.filter(({ k }) => drifted[k][driftWindow] === true).map(({ f }) => f);
    if (names.length === 0) {
      out.push(
        `No feature drifted in the last window (${plural(tested.length, 'feature', 'features')} tested).`,
      );
    } else {
      const listed = names.slice(0, LISTED).join(', ');
      const more = names.length > LISTED ? ` and ${names.length - LISTED} more` : '';
      out.push(`${names.length} of ${tested.length} features drifted in the last window (${listed}${more}).`);
    }
  }
  const predictionRow = features.indexOf('(prediction)');
  if (predictionRow >= 0) {
    const i = newest(drifted[predictionRow], (v) => v !== null);
    if (i >= 0 && drifted[predictionRow][i] === true) {
      out.push('The distribution of predictions drifted in the last window.');
    }
  }

  // Traffic: the newest closed window against the earlier ones.
  const closed = newest(starts, (start, i) => start + windowMs <= now && series.volume[i] > 0);
  const volumes = series.volume.map((v) => (v > 0 ? v : null));
  const traffic = change(volumes, closed);
  if (traffic !== undefined) {
    out.push(
      `Traffic is ${direction(traffic.value, traffic.usual)} (${count(traffic.value)} predictions in the last window; ${count(traffic.usual)} on average).`,
    );
  }

  // Predictions: the newest mean against the earlier ones.
  if (series.predictions.kind !== 'class') {
    const means = series.predictions.mean;
    const moved = change(
      means,
      newest(means, (v) => v !== null),
    );
    if (moved !== undefined) {
      const what = series.predictions.kind === 'score' ? 'mean score' : 'mean prediction';
      out.push(
        `Predictions are ${direction(moved.value, moved.usual)} (${what} ${fixed2(moved.value)}; usually ${fixed2(moved.usual)}).`,
      );
    }
  }

  // Labels.
  const coverage = series.performance.coverage;
  const labelled = newest(coverage, (v) => v !== null);
  if (labelled >= 0) {
    out.push(
      `Labels have arrived for ${Math.round((coverage[labelled] as number) * 100)}% of the last window's predictions.`,
    );
  }
  return out;
}
