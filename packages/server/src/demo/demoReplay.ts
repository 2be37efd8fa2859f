/**
 * The demo's prediction stream: replays the production rows (see demoData.ts) through a {@link VigilClient},
 * as a model service would log them, with event time compressed so that a survey year passes in `yearMs` of
 * wall time, and each prediction's ground truth logged `labelDelayMs` (uniform in [min, max]) after it, since
 * in real life labels arrive late.
 *
 * Time: row j of the n rows of year k (0-based, pass p) has event time
 * `start + (p·years + k)·yearMs + ⌊j·yearMs / n⌋`, so the years keep their order and each year's rows are
 * spread uniformly over its span. A timer logs every row whose event time has come (event time never runs
 * ahead of the clock, as with a live service); a `start` in the past is caught up at once.
 *
 * When the rows run out, the replay starts again from the first year with new ids (`r2-…`) and later times
 * (`loop`, default), or stops logging predictions (its labels still follow).
 *
 * The data set has no latency: `latencyMs` is simulated (log-normal, median 12 ms), for the latency monitor.
 */
import type { VigilClient } from '@vigil/client';
import { createRandom } from '@vigil/core';
import type { DemoData } from './demoData.js';

export interface ReplayOptions {
  client: VigilClient;
  data: DemoData;
  /** The model logged to. */
  model: string;
  /** Event time of the first row, ms since the epoch. */
  start: number;
  /** Wall time one survey year takes. */
  yearMs: number;
  /** Delay of each label after its prediction's event time, uniform in [min, max] ms. */
  labelDelayMs: readonly [number, number];
  /** Replay again from the first year when the rows run out (default true). */
  loop?: boolean;
  /** How often the timer logs what is due (default 100 ms). */
  tickMs?: number;
  now?: () => number;
  /** Seed of the label delays and simulated latencies. */
  seed?: number;
  /**
   * Called when the client refuses an event (its queue is full: the server is not keeping up); the replay then
   * waits, and logs that event again at the next tick. Default console.error.
   */
  onError?: (error: unknown) => void;
}

export interface ReplayProgress {
  /** 1 for the first pass over the data, 2 after the first loop… */
  pass: number;
  /** The survey year being replayed (the last one once finished). */
  year: number;
  /** Share of that year replayed, 0…1. */
  yearFraction: number;
  predictions: number;
  labels: number;
  /** No prediction left to log (never, with `loop`). */
  finished: boolean;
}

export interface Replay {
  progress(): ReplayProgress;
  /** Stops logging (what is logged stays queued in the client: close it to deliver it). */
  stop(): void;
}

const LATENCY_MEDIAN_MS = 12;
const LATENCY_SIGMA = 0.4;

export function startReplay(options: ReplayOptions): Replay {
  const { client, data, model, start, yearMs } = options;
  const [minDelay, maxDelay] = options.labelDelayMs;
  const now = options.now ?? Date.now;
  const tickMs = options.tickMs ?? 100;
  const loop = options.loop ?? true;
  const random = createRandom(options.seed ?? 2016);
  const years = data.order.length;
  /** Labels by due time, in buckets of `tickMs`. */
  const labels = new Map<number, { id: string; label: number }[]>();
  let nextBucket = Math.floor(start / tickMs);
  let pass = 0;
  let year = 0;
  let position = 0;
  let finished = years === 0;
  let predictions = 0;
  let labelled = 0;

  const eventTime = () =>
    start + (pass * years + year) * yearMs + Math.floor((position * yearMs) / data.order[year].length);

  const latency = () => {
    // Box–Muller: a standard normal from two uniforms (1 − u keeps the logarithm finite).
    const z = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
    return Math.round(LATENCY_MEDIAN_MS * Math.exp(LATENCY_SIGMA * z) * 100) / 100;
  };

  const logDue = (t: number) => {
    while (!finished && eventTime() <= t) {
      const row = data.order[year][position];
      const id = `r${pass + 1}-${data.id(row)}`;
      const timestamp = eventTime();
      client.logPrediction(model, {
        id,
        timestamp,
        features: data.features(row),
        prediction: data.prediction(row),
        score: data.score(row),
        latencyMs: latency(),
      });
      predictions++;
      const due = timestamp + minDelay + random.next() * (maxDelay - minDelay);
      const bucket = Math.floor(due / tickMs);
      let list = labels.get(bucket);
      if (list === undefined) labels.set(bucket, (list = []));
      list.push({ id, label: data.label(row) });
      position++;
      if (position === data.order[year].length) {
        position = 0;
        year++;
        if (year === years) {
          if (loop) {
            year = 0;
            pass++;
          } else {
            year = years - 1;
            position = data.order[year].length;
            finished = true;
          }
        }
      }
    }
    for (const last = Math.floor(t / tickMs); nextBucket <= last; nextBucket++) {
      const due = labels.get(nextBucket);
      if (due === undefined) continue;
      // Popped one by one: a refused label stays in its bucket for the next tick.
      for (let item = due.at(-1); item !== undefined; item = due.at(-1)) {
        client.logLabel(model, item);
        due.pop();
        labelled++;
      }
      labels.delete(nextBucket);
    }
  };

  const onError = options.onError ?? ((error: unknown) => console.error('vigil demo:', error));
  let refused = false;
  const tick = () => {
    try {
      logDue(now());
      refused = false;
    } catch (error) {
      // Reported once per episode, not at every tick while the queue stays full.
      if (!refused) onError(error);
      refused = true;
    }
  };
  const timer = setInterval(tick, tickMs);
  tick();

  return {
    progress: () => ({
      pass: pass + 1,
      year: data.years[year] ?? Number.NaN,
      yearFraction: years === 0 ? 1 : position / data.order[year].length,
      predictions,
      labels: labelled,
      finished,
    }),
    stop: () => clearInterval(timer),
  };
}
