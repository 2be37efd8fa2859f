/**
 * The live demo on a running server (`vigil serve --demo`, what `npm start` runs): a model `employment` from the
 * committed example (reference 2015), the 2016–2018 rows replayed as a prediction stream through @vigil/client
 * (the path a user's service takes), labels arriving late, and progress lines on the console.
 *
 * Defaults are chosen so a newcomer sees everything within a minute: windows of 10 s, a survey year in 2 min
 * (~580 predictions/s, ~5 800 per window), labels 15–30 s after their prediction, and a scheduler that ticks
 * every second with 2 s of grace (see {@link DEMO_SCHEDULER}; the server must be started with it). The first
 * window is evaluated ~12 s after the start, the drift of ANC shows in it, its alert fires with the second
 * window (~22 s; the rule wants 2 drifted windows in a row), and accuracy with its label coverage appears once
 * labels cover half a window (~30 s). setupDemoModel.ts says which drift tests the demo uses, and why.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VigilClient } from '@vigil/client';
import { createKey } from '../auth/createKey.js';
import type { RunningServer } from '../serve.js';
import type { Monitor } from '../store/types.js';
import { DEMO_FEATURES, defaultDemoDataDir, loadDemoData } from './demoData.js';
import { type Replay, type ReplayProgress, startReplay } from './demoReplay.js';
import { type DemoStatus, readDemoStatus } from './demoStatus.js';
import { setupDemoModel } from './setupDemoModel.js';

/** Scheduler timing for the demo's 10 s windows (startServer's `scheduler` option). */
export const DEMO_SCHEDULER = { intervalMs: 1000, graceMs: 2000 } as const;

export interface DemoOptions {
  /** Default 'employment'. */
  model?: string;
  /** Folder with reference.parquet and production.parquet (default examples/employment). */
  dataDir?: string;
  /** Window length, event time (default 10 000 ms). */
  windowMs?: number;
  /** Wall time a survey year takes (default 120 000 ms). */
  yearMs?: number;
  /** Delay of each label after its prediction, uniform in [min, max] (default [15 000, 30 000] ms). */
  labelDelayMs?: readonly [number, number];
  /** Replay again from 2016 when 2018 is done (default true), else stop sending predictions. */
  loop?: boolean;
  /** Time between progress lines (default 10 000 ms; 0: none). */
  progressMs?: number;
  /** Where the introduction and the progress lines go (default process.stdout). */
  print?: (text: string) => void;
  /** Describes the store in the introduction (e.g. "duckdb:./vigil-data/demo/vigil.duckdb, emptied at start"). */
  storeDescription?: string;
  /** Seed of the replay order, label delays and simulated latencies. */
  seed?: number;
  now?: () => number;
}

export interface RunningDemo {
  model: string;
  /** The admin key the demo uses (the server's first key, or one created for the demo). */
  apiKey: string;
  /** Where that key is saved, when it is. */
  keyFile?: string;
  monitors: Monitor[];
  replay(): ReplayProgress;
  status(): Promise<DemoStatus>;
  /** Stops the replay and the progress lines, and delivers what the client still holds (idempotent). */
  stop(): Promise<void>;
}

/** How long `stop()` waits for the client to deliver its queue before it gives up on it. */
const STOP_FLUSH_MS = 3000;

/** Starts the demo on `server` (a fresh store; start the server with {@link DEMO_SCHEDULER}). */
export async function startDemo(server: RunningServer, options: DemoOptions = {}): Promise<RunningDemo> {
  const model = options.model ?? 'employment';
  const dataDir = options.dataDir ?? defaultDemoDataDir();
  const windowMs = options.windowMs ?? 10_000;
  const yearMs = options.yearMs ?? 120_000;
  const labelDelayMs = options.labelDelayMs ?? [15_000, 30_000];
  const progressMs = options.progressMs ?? 10_000;
  const print = options.print ?? ((text: string) => process.stdout.write(text));
  const now = options.now ?? Date.now;
  const startedAt = now();

  let apiKey = server.adminKey?.key;
  const keyFile = server.adminKey?.file;
  if (apiKey === undefined) {
    // A store that had keys: the demo makes its own admin key (shown below, not saved).
    apiKey = (await createKey(server.store, { name: 'demo', role: 'admin' })).key;
  }
  // The stream is read while the server stores the reference.
  const loading = loadDemoData(dataDir, options.seed);
  loading.catch(() => undefined);
  const { monitors } = await setupDemoModel({
    url: server.url,
    apiKey,
    model,
    windowMs,
    reference: await readFile(join(dataDir, 'reference.parquet')),
  });
  const data = await loading;

  // Once `stop()` has waited long enough, what the client still holds is given up: its requests are answered
  // 410 here (a refusal the client does not retry), so it settles at once instead of retrying a closing server.
  let abandoned = false;
  let dropped = 0;
  const client = new VigilClient({
    url: server.url,
    apiKey,
    model,
    flushIntervalMs: 500,
    fetch: (url, init) =>
      abandoned ? Promise.resolve(new Response(null, { status: 410 })) : fetch(url, init),
    onError: (error) => {
      if (abandoned) dropped += error.batch?.events.length ?? 0;
      else print(`demo: a batch was not delivered: ${error.message}\n`);
    },
  });
  // The first window starts at a window boundary, so that it is full like the others (the part of it already
  // past is sent at once).
  const start = Math.floor(now() / windowMs) * windowMs;
  const replay: Replay = startReplay({
    client,
    data,
    model,
    start,
    yearMs,
    labelDelayMs,
    loop: options.loop,
    now,
    seed: options.seed,
    onError: (error) =>
      print(`demo: the client refused a prediction (${(error as Error).message}); waiting for the server\n`),
  });

  const status = () => readDemoStatus(server.store, model, monitors);
  print(
    introduction({
      url: server.url,
      apiKey,
      keyFile,
      store: options.storeDescription,
      rows: data.rows,
      years: data.years,
      windowMs,
      yearMs,
      labelDelayMs,
      loop: options.loop ?? true,
    }),
  );

  const announced = new Set<number>();
  let progressTimer: ReturnType<typeof setInterval> | undefined;
  let reporting: Promise<void> = Promise.resolve();
  if (progressMs > 0) {
    print(`${progressHeader()}\n`);
    progressTimer = setInterval(() => {
      reporting = reporting
        .then(async () => {
          const s = await status();
          print(`${progressLine(now() - startedAt, replay.progress(), s)}\n`);
          for (const alert of s.openAlerts) {
            if (announced.has(alert.id)) continue;
            announced.add(alert.id);
            print(`        alert (${alert.severity}): ${alert.message}\n`);
          }
        })
        .catch((error: unknown) => print(`demo: progress failed: ${(error as Error).message}\n`));
    }, progressMs);
  }

  let stopping: Promise<void> | undefined;
  return {
    model,
    apiKey,
    keyFile,
    monitors,
    replay: () => replay.progress(),
    status,
    stop() {
      stopping ??= (async () => {
        replay.stop();
        if (progressTimer !== undefined) clearInterval(progressTimer);
        await reporting;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const closing = client.close();
        const flushed = await Promise.race([
          closing.then(() => true),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(false), STOP_FLUSH_MS);
          }),
        ]);
        clearTimeout(timer);
        if (!flushed) {
          abandoned = true;
          await closing;
          print(`demo: ${count(dropped)} events still queued were dropped\n`);
        }
      })();
      return stopping;
    },
  };
}

interface Introduction {
  url: string;
  apiKey: string;
  keyFile?: string;
  store?: string;
  rows: number;
  years: number[];
  windowMs: number;
  yearMs: number;
  labelDelayMs: readonly [number, number];
  loop: boolean;
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;
const count = (n: number) => n.toLocaleString('en-US');

/** The console's introduction: where to look, the key, and what is happening. */
export function introduction(i: Introduction): string {
  const first = i.years[0];
  const last = i.years.at(-1);
  const perSecond = Math.round(i.rows / i.years.length / (i.yearMs / 1000));
  const perWindow = Math.round((perSecond * i.windowMs) / 1000);
  const yearText =
    i.yearMs % 60_000 === 0 ? `${i.yearMs / 60_000} min` : seconds(i.yearMs).replace(' s', ' seconds');
  const lines = [
    '',
    'Vigil demo: live monitoring of a model that predicts whether a person is employed',
    '',
    `  dashboard  ${i.url}  (sign in with the admin key)`,
    `  admin key  ${i.apiKey}`,
    i.keyFile === undefined
      ? '             (created for this demo, not saved)'
      : `             saved to ${i.keyFile} (readable by you only); also the Bearer key of the API`,
    `  API        curl -H "Authorization: Bearer <key>" ${i.url}/api/v1/alerts`,
    ...(i.store === undefined ? [] : [`  store      ${i.store}`]),
    '',
    wrap(
      `What is happening: model "employment" predicts from the US Census survey of Massachusetts ` +
        `(ACS PUMS, examples/employment) whether a person is employed. Its reference is the 2015 survey; the ` +
        `${first}–${last} answers (${count(i.rows)} people) are now sent to this server as live predictions ` +
        `through @vigil/client, each survey year compressed into ${yearText} (~${count(perSecond)} predictions/s, ` +
        `in random order within the year), and the truth (employed or not) follows each prediction ` +
        `${seconds(i.labelDelayMs[0]).replace(' s', '')}–${seconds(i.labelDelayMs[1])} later, as real labels ` +
        `arrive late. Every ` +
        `${seconds(i.windowMs)} of predictions (~${count(perWindow)}) is a window, evaluated ` +
        `${seconds(DEMO_SCHEDULER.graceMs)} after it closes and again as its labels come in: drift of the ` +
        `${DEMO_FEATURES.length} features against 2015, data quality, accuracy, F1 and ROC AUC (once labels ` +
        `cover half the window), volume and latency (simulated: the survey has none). Windows this small get ` +
        `p-value tests (chi-square for categories, Kolmogorov–Smirnov for AGEP and SCHL, p < 0.05 after Holm's ` +
        `correction): the default distances (threshold 0.1) see no drift here, not even across whole years. ` +
        `Expect ANC (ancestry: more people leave it unreported each year) to drift from the first window and ` +
        `its alert to fire after the second drifted window in a row; SCHL (education) follows, more and more ` +
        `often from 2017 on. ` +
        (i.loop
          ? `After ${last} the replay starts again from ${first} with new ids and later times, until you press Ctrl-C.`
          : `After ${last} no more predictions are sent (the volume alert fires); Ctrl-C stops.`),
      100,
    ),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

function wrap(text: string, width: number): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') out.push(line);
  return out.join('\n');
}

/** Column titles of {@link progressLine}. */
export function progressHeader(): string {
  return '  time  replaying    predictions   labels  windows  last window';
}

/**
 * One progress line: elapsed time, replay position (year, share of it, `#n` from the second pass on), what was
 * sent, windows evaluated, the newest window's drifted features and accuracy, open alerts.
 */
export function progressLine(elapsedMs: number, replay: ReplayProgress, status: DemoStatus): string {
  const total = Math.round(elapsedMs / 1000);
  const time = `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
  const where = replay.finished
    ? 'done'
    : `${replay.year} ${String(Math.floor(replay.yearFraction * 100)).padStart(2)}%${replay.pass > 1 ? ` #${replay.pass}` : ''}`;
  const parts: string[] = [];
  if (status.lastWindowStart !== undefined) {
    parts.push(status.drifted.length === 0 ? 'no drift' : `drift: ${status.drifted.join(', ')}`);
  }
  if (status.accuracy !== undefined) {
    parts.push(
      `accuracy ${status.accuracy.value.toFixed(3)} (labels for ${Math.round(status.accuracy.coverage * 100)}%)`,
    );
  }
  const open = status.openAlerts.length;
  parts.push(open === 0 ? 'no alert open' : `${open} alert${open === 1 ? '' : 's'} open`);
  return (
    `${time.padStart(6)}  ${where.padEnd(11)} ${count(replay.predictions).padStart(12)} ` +
    `${count(replay.labels).padStart(8)} ${String(status.windowsEvaluated).padStart(8)}  ${parts.join(' · ')}`
  );
}
