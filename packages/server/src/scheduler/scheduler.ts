/**
 * The scheduler: evaluates the windows that received data (predictions or late labels) since their last
 * evaluation, once they are closed and a grace period has passed, writes the points and hands them to the
 * alert engine. Also keeps a rolling view of the open window (evaluated at most once per interval, without
 * alerts: its data is incomplete) and notices closed windows that received nothing (volume monitors).
 *
 * One tick:
 * 1. `store.dirtyWindows()`, oldest first. A window [start, start + windowMs) is due when
 *    `start + windowMs + graceMs ≤ now` (or always, with `force`).
 * 2. Per due window: the model's enabled monitors, its newest reference (of the active version when it has
 *    one; read once and kept while it is the newest) and the window's rows (`readRows`, active version), both
 *    with the model schema, read at once (two reader connections); `evaluateMonitors` (pure, @vigil/core
 *    numbers), in worker threads for a big window, else here (see evaluationThread.ts); `writePoints`;
 *    `evaluateAlerts(store, points, monitor, now)` for every monitor at once; then
 *    `markWindowEvaluated(model, start, lastDataAt)` (as of the data seen in the dirty list, so what arrives
 *    during the evaluation leaves it dirty). A label that arrives later marks the window dirty again and it is
 *    evaluated again (points are upserted; the alert engine counts a window once).
 * 3. The open window of a model (the one containing `now`) with new data: evaluated as a partial view at most
 *    every `intervalMs` (points with `details.partial = true`; not marked evaluated, no alerts).
 * 4. Per model with an enabled volume monitor: the last closed window, if it received nothing, has no volume
 *    point yet and the window before has one, is evaluated with no rows (`count` 0), so traffic that stops
 *    alerts (once per window while it stays stopped; a model that never had traffic does not).
 * A window whose evaluation fails is logged and left dirty (retried next tick); the others go on.
 */
import { availableParallelism } from 'node:os';
import { evaluateAlerts } from '../alerts/evaluateAlerts.js';
import { evaluateMonitors } from '../monitors/evaluateWindow.js';
import {
  createEvaluationCache,
  type EvaluationCache,
  type EvaluationContext,
} from '../monitors/evaluationContext.js';
import type { CustomConfig } from '../monitors/monitorConfig.js';
import {
  isSplittable,
  joinMonitorParts,
  monitorParts,
  type PartResult,
  runMonitorPart,
} from '../monitors/monitorParts.js';
import { emptyRows } from '../store/emptyRows.js';
import type {
  Alert,
  DirtyWindow,
  MetricPoint,
  Model,
  ModelSchema,
  Monitor,
  ReadSpec,
  Reference,
  RowColumns,
  Store,
} from '../store/types.js';
import {
  createEvaluationPool,
  EVALUATION_WORKER,
  type EvaluationPool,
  type EvaluationPoolOptions,
  workerModuleExists,
} from '../workers/evaluationPool.js';
import {
  checkEvaluationThreadOptions,
  DEFAULT_WORKER_MIN_ROWS,
  type EvaluationThreadOptions,
  evaluationThread,
} from './evaluationThread.js';

export interface SchedulerOptions {
  store: Store;
  /** Clock, ms since the epoch (default Date.now; tests inject a fake one). */
  now?: () => number;
  /** Time between ticks, and the least time between two rolling evaluations of an open window (default 60 s). */
  intervalMs?: number;
  /** Time after a window's end before it is evaluated, for late predictions (default 60 s). */
  graceMs?: number;
  /** Where failures go (default: console.error). */
  onError?: (error: unknown, where: { model: string; windowStart: number }) => void;
  /** The alert engine (default: evaluateAlerts from src/alerts). */
  evaluateAlerts?: typeof evaluateAlerts;
  /**
   * Where windows are evaluated (see evaluationThread.ts): `workers` threads (default one per core; 0: always in
   * the scheduler's thread) for windows of at least `minRows` rows (default {@link DEFAULT_WORKER_MIN_ROWS}).
   * Without the built worker module (the TypeScript sources run as they are) every window is evaluated here.
   */
  evaluation?: Partial<EvaluationThreadOptions> & Pick<EvaluationPoolOptions, 'workerUrl' | 'execArgv'>;
}

export interface TickOptions {
  /** Only this model's windows. */
  model?: string;
  /** Evaluate every dirty window now, as final, whatever the grace period (the `evaluate` route, demos). */
  force?: boolean;
}

/** One window evaluated by a tick. */
export interface WindowEvaluation {
  model: string;
  windowStart: number;
  windowEnd: number;
  rows: number;
  points: number;
  /** `rolling`: the open window's partial view; `empty`: a closed window without data (volume only). */
  kind: 'final' | 'rolling' | 'empty';
  /** Where the monitors were computed: the scheduler's thread or the worker threads. */
  thread: 'main' | 'workers';
  /** Evaluation time (read, compute, write, alerts), ms. */
  ms: number;
  /** `ms` by phase: reading the rows (and the reference), computing the points, writing them, alerting. */
  phases: { read: number; evaluate: number; write: number; alerts: number };
}

export interface TickResult {
  windows: WindowEvaluation[];
  /** Alerts fired or resolved. */
  alerts: Alert[];
  /** Windows whose evaluation failed (left dirty). */
  failed: { model: string; windowStart: number; message: string }[];
}

export interface Scheduler {
  /** Ticks every `intervalMs` (the timer does not keep the process alive). */
  start(): void;
  /** Stops the timer, waits for a tick in progress and terminates the worker threads. */
  stop(): Promise<void>;
  /** One pass (see the module comment); ticks never overlap (a call during a tick waits for it first). */
  tick(options?: TickOptions): Promise<TickResult>;
}

interface CachedReference {
  id: number;
  specKey: string;
  rows: RowColumns;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { store } = options;
  const now = options.now ?? Date.now;
  const intervalMs = options.intervalMs ?? 60_000;
  const graceMs = options.graceMs ?? 60_000;
  const alertEngine = options.evaluateAlerts ?? evaluateAlerts;
  const onError =
    options.onError ??
    ((error: unknown, where: { model: string; windowStart: number }) =>
      console.error(`vigil scheduler: window ${where.windowStart} of ${where.model} failed:`, error));
  /** Newest reference rows per model, with a cache of what monitors derive from them (frames, metrics). */
  const references = new Map<string, CachedReference>();
  const referenceCache: EvaluationCache = createEvaluationCache();
  /** Last rolling evaluation per open window ("model\0start"). */
  const rolling = new Map<string, number>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<TickResult> | undefined;
  const evaluation = options.evaluation ?? {};
  const workerUrl = evaluation.workerUrl ?? EVALUATION_WORKER;
  const threads: EvaluationThreadOptions = {
    workers: evaluation.workers ?? availableParallelism(),
    minRows: evaluation.minRows ?? DEFAULT_WORKER_MIN_ROWS,
  };
  checkEvaluationThreadOptions(threads);
  if (threads.workers > 0 && !workerModuleExists(workerUrl)) threads.workers = 0;
  /** Started at the first window that needs it; terminated by stop(). */
  let pool: EvaluationPool | undefined;
  const workerPool = () =>
    (pool ??= createEvaluationPool({ workers: threads.workers, workerUrl, execArgv: evaluation.execArgv }));
  /** Rows of each model's last evaluated window: a model with big windows gets its workers started early. */
  const lastRows = new Map<string, number>();
  /** Starts the workers while the rows are read, when the model's windows are likely to need them. */
  const warmFor = (model: string, referenceRows = 0) => {
    if (threads.workers === 0) return;
    if (Math.max(lastRows.get(model) ?? 0, referenceRows) >= threads.minRows) workerPool().warm();
  };

  async function referenceRows(
    model: Model,
    spec: ReadSpec,
  ): Promise<{ reference?: Reference; rows: RowColumns }> {
    const reference =
      (model.activeVersion === undefined
        ? undefined
        : await store.latestReference(model.name, model.activeVersion)) ??
      (await store.latestReference(model.name));
    if (reference === undefined) return { rows: emptyRows(spec) };
    warmFor(model.name, reference.rows);
    // The schema is part of the key: what monitors derive from the reference (its metrics) reads the positive class.
    const specKey = JSON.stringify([spec, model.schema]);
    const cached = references.get(model.name);
    if (cached && cached.id === reference.id && cached.specKey === specKey)
      return { reference, rows: cached.rows };
    const rows = await store.readReference(reference.id, spec);
    references.set(model.name, { id: reference.id, specKey, rows });
    return { reference, rows };
  }

  /** Evaluates one window of one model and writes its points; alerts unless partial. */
  async function evaluate(
    model: Model,
    monitors: Monitor[],
    windowStart: number,
    windowMs: number,
    kind: WindowEvaluation['kind'],
    at: number,
    result: TickResult,
  ): Promise<void> {
    const started = performance.now();
    const schema = await modelSchema(model);
    const spec = readSpec(schema, monitors);
    const windowEnd = windowStart + windowMs;
    warmFor(model.name);
    // The reference (when not kept yet) and the window on two reader connections at once.
    const [{ rows: reference }, rows, sources] = await Promise.all([
      referenceRows(model, spec),
      kind === 'empty'
        ? emptyRows(spec)
        : store.readRows(
            model.name,
            { from: windowStart, to: windowEnd, version: model.activeVersion },
            spec,
          ),
      customSources(monitors, windowStart),
    ]);
    const read = performance.now();
    const n = rows.n;
    lastRows.set(model.name, n);
    const thread = evaluationThread(n, threads);
    const context: EvaluationContext = {
      model: { name: model.name, task: model.task, schema },
      windowStart,
      windowEnd,
      computedAt: at,
      // One memo for both row sets: keyed by row object, the reference's entries live while it is the newest
      // reference (kept in `references`), the window's go with its rows.
      cache: referenceCache,
    };
    let points: MetricPoint[] = [];
    if (thread === 'workers') {
      // The window's arrays move to the workers (no copy): nothing here reads the rows after this.
      points = await workerPool().evaluate(
        monitors,
        reference,
        rows,
        { ...context, points: sources },
        {
          transfer: true,
        },
      );
    } else {
      // Monitor by monitor (custom ones last, as evaluateMonitors orders them) and part by part (a drift column,
      // a quality feature: see monitorParts.ts), giving the event loop a turn in between, so requests wait for
      // one part at most — not for a whole monitor, which is seconds on a big window without workers.
      for (const monitor of evaluationOrder(monitors)) {
        const withPoints = { ...context, points: [...sources, ...points] };
        if (!isSplittable(monitor)) {
          await turn();
          points.push(...evaluateMonitors([monitor], reference, rows, withPoints));
          continue;
        }
        const results: PartResult[] = [];
        for (const part of monitorParts(monitor, withPoints)) {
          await turn();
          results[part.index] = runMonitorPart(monitor, part.index, reference, rows, withPoints);
        }
        points.push(...joinMonitorParts(monitor, withPoints, results));
      }
    }
    if (kind === 'rolling') for (const p of points) p.details = { ...p.details, partial: true };
    const computed = performance.now();
    await store.writePoints(points);
    const written = performance.now();
    if (kind !== 'rolling') {
      // Monitors at once: their rule states and alerts are their own, and a store's reads then overlap its
      // writes (a monitor of 40 judged series is 80 store calls one after the other).
      const outcomes = await Promise.allSettled(
        monitors.map((monitor) => {
          const own = points.filter((p) => p.monitorId === monitor.id);
          return own.length > 0 ? alertEngine(store, own, monitor, at) : Promise.resolve([]);
        }),
      );
      for (const outcome of outcomes)
        if (outcome.status === 'fulfilled') result.alerts.push(...outcome.value);
      const failure = outcomes.find((outcome) => outcome.status === 'rejected');
      if (failure !== undefined) throw failure.reason;
    }
    result.windows.push({
      model: model.name,
      windowStart,
      windowEnd,
      rows: n,
      points: points.length,
      kind,
      thread,
      ms: performance.now() - started,
      phases: {
        read: read - started,
        evaluate: computed - read,
        write: written - computed,
        alerts: performance.now() - written,
      },
    });
  }

  async function modelSchema(model: Model): Promise<ModelSchema> {
    if (model.schema !== undefined) return model.schema;
    const reference = await store.latestReference(model.name);
    return reference?.schema ?? { features: [] };
  }

  /** Points of monitors read by custom monitors but not evaluated here (other models, disabled monitors). */
  async function customSources(monitors: Monitor[], windowStart: number): Promise<MetricPoint[]> {
    const evaluated = new Set(monitors.map((m) => m.id));
    const wanted = new Set<number>();
    for (const m of monitors) {
      if (m.kind !== 'custom') continue;
      const source = (m.config as CustomConfig).monitorId;
      if (!evaluated.has(source)) wanted.add(source);
    }
    const out: MetricPoint[] = [];
    for (const monitorId of wanted) {
      out.push(...(await store.readSeries({ monitorId, from: windowStart, to: windowStart + 1 })));
    }
    return out;
  }

  async function runTick(tickOptions: TickOptions): Promise<TickResult> {
    const at = now();
    const result: TickResult = { windows: [], alerts: [], failed: [] };
    const dirty = (await store.dirtyWindows()).filter(
      (w) => tickOptions.model === undefined || w.model === tickOptions.model,
    );
    const models = new Map<string, { model: Model; monitors: Monitor[] } | undefined>();
    const modelOf = async (name: string) => {
      if (!models.has(name)) {
        const model = await store.getModel(name);
        models.set(
          name,
          model && { model, monitors: (await store.listMonitors(name)).filter((m) => m.enabled) },
        );
      }
      return models.get(name);
    };
    const seenOpen = new Set<string>();
    for (const window of dirty) {
      const end = window.windowStart + window.windowMs;
      const key = `${window.model}\0${window.windowStart}`;
      const due = tickOptions.force === true || end + graceMs <= at;
      const open = !due && window.windowStart <= at && at < end;
      if (!due && !open) continue; // closed, in its grace period
      const found = await modelOf(window.model);
      try {
        if (found === undefined) {
          // The model was deleted after its data arrived: nothing to evaluate.
          if (due) await store.markWindowEvaluated(window.model, window.windowStart, at);
          continue;
        }
        if (due) {
          if (found.monitors.length > 0) {
            await evaluate(
              found.model,
              found.monitors,
              window.windowStart,
              window.windowMs,
              'final',
              at,
              result,
            );
          }
          // Marked as of the data seen in the dirty list, not `at`: anything that arrives while this window is
          // read and evaluated is newer than that and leaves the window dirty for the next tick.
          await store.markWindowEvaluated(window.model, window.windowStart, window.lastDataAt);
          rolling.delete(key);
        } else {
          seenOpen.add(key);
          const last = rolling.get(key);
          const stale = last === undefined || (at - last >= intervalMs && window.lastDataAt > last);
          if (found.monitors.length > 0 && stale) {
            await evaluate(
              found.model,
              found.monitors,
              window.windowStart,
              window.windowMs,
              'rolling',
              at,
              result,
            );
            rolling.set(key, at);
          }
        }
      } catch (error) {
        failed(result, window, error);
      }
    }
    if (tickOptions.model === undefined)
      for (const key of rolling.keys()) if (!seenOpen.has(key)) rolling.delete(key);
    if (!tickOptions.force) await emptyWindows(tickOptions, dirty, at, result);
    return result;
  }

  function failed(
    result: TickResult,
    window: Pick<DirtyWindow, 'model' | 'windowStart'>,
    error: unknown,
  ): void {
    onError(error, { model: window.model, windowStart: window.windowStart });
    result.failed.push({
      model: window.model,
      windowStart: window.windowStart,
      message: error instanceof Error ? error.message : String(error),
    });
  }

  /** Step 4: the last closed window of each model with a volume monitor, when it received nothing. */
  async function emptyWindows(
    tickOptions: TickOptions,
    dirty: DirtyWindow[],
    at: number,
    result: TickResult,
  ): Promise<void> {
    const volume = (await store.listMonitors(tickOptions.model)).filter(
      (m) => m.enabled && m.kind === 'volume',
    );
    const byModel = new Map<string, Monitor[]>();
    for (const m of volume) byModel.set(m.model, [...(byModel.get(m.model) ?? []), m]);
    for (const [name, monitors] of byModel) {
      const model = await store.getModel(name);
      if (model === undefined) continue;
      const w = model.windowMs;
      const start = Math.floor((at - graceMs) / w) * w - w;
      if (start < 0 || dirty.some((d) => d.model === name && d.windowStart === start)) continue;
      // Traffic that stopped: the monitor has a point on the window before (data, or already empty) and none on
      // this one. A model that never had traffic gets no alert for it.
      const missing: Monitor[] = [];
      for (const m of monitors) {
        const points = await store.readSeries({ monitorId: m.id, from: start - w, to: start + 1 });
        const has = (s: number) => points.some((p) => p.windowStart === s);
        if (has(start - w) && !has(start)) missing.push(m);
      }
      if (missing.length === 0) continue;
      try {
        if ((await store.countPredictions(name, { from: start, to: start + w })) > 0) continue;
        await evaluate(model, missing, start, w, 'empty', at, result);
      } catch (error) {
        failed(result, { model: name, windowStart: start }, error);
      }
    }
  }

  const scheduler: Scheduler = {
    start() {
      if (timer !== undefined) return;
      timer = setInterval(() => {
        if (running === undefined)
          void scheduler.tick().catch((error) => onError(error, { model: '*', windowStart: 0 }));
      }, intervalMs);
      timer.unref?.();
    },
    async stop() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      if (running !== undefined) await running.catch(() => undefined);
      const stopping = pool;
      pool = undefined;
      await stopping?.close();
    },
    async tick(tickOptions = {}) {
      while (running !== undefined) await running.catch(() => undefined);
      running = runTick(tickOptions);
      try {
        return await running;
      } finally {
        running = undefined;
      }
    },
  };
  return scheduler;
}

/** Lets the event loop run what waits (requests) before the next piece of evaluation. */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Custom monitors last: they judge the points of the others. */
function evaluationOrder(monitors: readonly Monitor[]): Monitor[] {
  return [...monitors.filter((m) => m.kind !== 'custom'), ...monitors.filter((m) => m.kind === 'custom')];
}

/** What to read of each row: the schema's features, and the class probabilities when a monitor needs them. */
function readSpec(schema: ModelSchema, monitors: readonly Monitor[]): ReadSpec {
  const spec: ReadSpec = { features: schema.features };
  const probas = monitors.some(
    (m) =>
      m.kind === 'performance' &&
      ((m.config.metrics as string[] | undefined) ?? []).some(
        (k) => k.startsWith('rocAucOvr') || k === 'logLoss',
      ),
  );
  if (probas && schema.classes !== undefined) spec.probaClasses = schema.classes;
  return spec;
}
