/**
 * Monitor evaluation in worker threads (node:worker_threads): `evaluateMonitors` with the costly work off the
 * calling thread — the server's main thread stays free for HTTP ingestion — and spread over the cores.
 *
 * The work splits by column, as `vigil drift` spreads its columns over workers (packages/cli/src/parallelDrift.ts):
 * every monitor but custom is cut into parts (monitors/monitorParts.ts: a drift column, a quality feature, a
 * whole performance or latency monitor), parts reading the same columns are grouped (a feature's drift and
 * quality go together, so its column is sent once), and the groups go out largest first to whichever worker is
 * free. The results are joined in this thread in monitor order, then custom monitors run here on the points:
 * the points are exactly those of `evaluateMonitors` (test/monitors/evaluationPool.test.ts).
 *
 * What crosses: the window's columns a group reads (numbers copied, or transferred with `transfer`; strings as
 * dictionary codes, see columnTransfer.ts), and the reference's columns a worker does not hold yet. A worker keeps
 * the last {@link KEPT_REFERENCES} references it was sent and what monitors derive from them, so a later window
 * of the same model ships only its own columns.
 *
 * Workers start at the first evaluation (or `warm()`), stay for the next ones, and do not keep the process alive
 * while idle (unref'd; ref'd while they compute). `close()` terminates them.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ErrorCodes, VigilError } from '@vigil/core';
import { detachCodes } from '../monitors/codedStrings.js';
import { evaluateWindow } from '../monitors/evaluateWindow.js';
import { createEvaluationCache, type EvaluationContext } from '../monitors/evaluationContext.js';
import {
  type ColumnKey,
  isSplittable,
  joinMonitorParts,
  monitorParts,
  type PartResult,
  runMonitorPart,
} from '../monitors/monitorParts.js';
import type { MetricPoint, Monitor, RowColumns } from '../store/types.js';
import { columnOf, type PackedColumn, type PackedRows, packColumn } from './columnTransfer.js';
import { type PartsReply, type PartsRequest, reviveError } from './evaluationProtocol.js';

/** The worker module as built (dist/workers/evaluationWorker.js). */
export const EVALUATION_WORKER = new URL('./evaluationWorker.js', import.meta.url);

/** References a worker keeps, the least recently used dropped first. */
export const KEPT_REFERENCES = 4;

export interface EvaluationPoolOptions {
  /** Worker threads (default: one per core, `os.availableParallelism()`). */
  workers?: number;
  /** The worker module (default {@link EVALUATION_WORKER}; tests running the TypeScript sources give the .ts). */
  workerUrl?: URL;
  /** Node options of the workers (default: this process's; tests give a TypeScript loader). */
  execArgv?: string[];
}

export interface EvaluateOptions {
  /**
   * Move the window's typed arrays to the workers instead of copying them (no copy, no second copy in memory).
   * The window is unusable afterwards (its arrays are detached): for callers that drop it, as the scheduler does.
   * The reference is never moved.
   */
  transfer?: boolean;
}

export interface EvaluationPool {
  /** Worker threads. */
  readonly size: number;
  /** Starts the workers now rather than at the first evaluation (their start-up then overlaps other work). */
  warm(): void;
  /**
   * `evaluateMonitors(monitors, reference, window, context)`, the parts computed by the workers.
   * @throws what evaluateMonitors would throw (VigilErrors keep their code); an error when a worker dies or the
   *   pool is closed meanwhile.
   */
  evaluate(
    monitors: readonly Monitor[],
    reference: RowColumns,
    window: RowColumns,
    context: EvaluationContext,
    options?: EvaluateOptions,
  ): Promise<MetricPoint[]>;
  /** Terminates the workers (an evaluation in progress fails). Idempotent. */
  close(): Promise<void>;
}

/** Whether the worker module exists: it does once built, not when the TypeScript sources run as they are. */
export function workerModuleExists(url: URL = EVALUATION_WORKER): boolean {
  return existsSync(fileURLToPath(url));
}

/** Parts reading the same columns, sent together. */
interface Group {
  columns: ColumnKey[];
  parts: { monitor: number; part: number }[];
  cost: number;
}

interface Slot {
  worker: Worker;
  /** References the worker holds, least recently used first, with the columns it has of each. */
  held: Map<number, Set<ColumnKey>>;
  /** References to tell the worker to drop with the next request. */
  drop: number[];
  pending?: { resolve: (reply: PartsReply) => void; reject: (error: Error) => void };
  dead: boolean;
}

export function createEvaluationPool(options: EvaluationPoolOptions = {}): EvaluationPool {
  const size = options.workers ?? availableParallelism();
  if (!Number.isInteger(size) || size < 1) {
    throw new VigilError(
      ErrorCodes.INVALID_ARGUMENT,
      `createEvaluationPool: options.workers must be an integer ≥ 1; got ${size}`,
    );
  }
  const url = options.workerUrl ?? EVALUATION_WORKER;
  const referenceIds = new WeakMap<RowColumns, number>();
  let nextReferenceId = 1;
  let nextRequestId = 1;
  let slots: Slot[] = [];
  let closed = false;
  const closedError = () =>
    new VigilError(ErrorCodes.INVALID_ARGUMENT, 'evaluation pool: pool must be open; got closed');

  function spawn(): Slot {
    const worker = new Worker(url, { execArgv: options.execArgv });
    worker.unref();
    const slot: Slot = { worker, held: new Map(), drop: [], dead: false };
    const fail = (error: Error) => {
      slot.dead = true;
      const pending = slot.pending;
      slot.pending = undefined;
      pending?.reject(closed ? closedError() : error);
    };
    worker.on('message', (reply: PartsReply) => {
      const pending = slot.pending;
      slot.pending = undefined;
      worker.unref();
      pending?.resolve(reply);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`evaluation worker: exited with code ${code}`)));
    return slot;
  }

  function warm(): void {
    if (closed) return;
    while (slots.length < size) slots.push(spawn());
  }

  /** Sends one request to a slot's worker and waits for its reply. */
  function request(slot: Slot, message: PartsRequest, transfer: ArrayBuffer[]): Promise<PartsReply> {
    return new Promise((resolve, reject) => {
      slot.pending = { resolve, reject };
      slot.worker.ref();
      try {
        slot.worker.postMessage(message, transfer);
      } catch (error) {
        slot.pending = undefined;
        slot.worker.unref();
        reject(error);
      }
    });
  }

  /** The reference columns of `group` the slot's worker lacks, marking them held (and the reference used). */
  function referenceColumns(slot: Slot, id: number, reference: RowColumns, group: Group): PackedRows {
    const held = slot.held.get(id) ?? new Set<ColumnKey>();
    slot.held.delete(id);
    slot.held.set(id, held);
    for (const old of slot.held.keys()) {
      if (slot.held.size <= KEPT_REFERENCES) break;
      slot.held.delete(old);
      slot.drop.push(old);
    }
    const columns: PackedRows['columns'] = {};
    for (const key of group.columns) {
      if (held.has(key)) continue;
      held.add(key);
      const values = columnOf(reference, key);
      if (values !== undefined) columns[key] = packColumn(values);
    }
    return { n: reference.n, columns };
  }

  async function evaluate(
    monitors: readonly Monitor[],
    reference: RowColumns,
    window: RowColumns,
    context: EvaluationContext,
    evaluateOptions: EvaluateOptions = {},
  ): Promise<MetricPoint[]> {
    if (closed) throw closedError();
    warm();
    const cache = context.cache ?? createEvaluationCache();
    const split = monitors.filter(isSplittable);
    const whole = monitors.filter((m) => !isSplittable(m));
    const results: PartResult[][] = split.map(() => []);
    const groups = new Map<string, Group>();
    split.forEach((monitor, m) => {
      for (const part of monitorParts(monitor, context)) {
        if (part.columns.length === 0) {
          // Nothing to read (volume, a feature not in the schema): cheaper here than a message.
          results[m][part.index] = runMonitorPart(monitor, part.index, reference, window, {
            ...context,
            cache,
          });
          continue;
        }
        const key = part.columns.join('\n');
        let group = groups.get(key);
        if (group === undefined) {
          group = { columns: part.columns, parts: [], cost: 0 };
          groups.set(key, group);
        }
        group.parts.push({ monitor: m, part: part.index });
        group.cost += part.cost;
      }
    });
    const pending = [...groups.values()].sort((a, b) => b.cost - a.cost);
    const windowColumns = packWindow(pending, reference, window, evaluateOptions.transfer === true);
    const referenceId = idOf(reference);
    const { cache: _cache, points: _points, ...sharedContext } = context;

    let failure: unknown;
    const next = () => (failure === undefined ? pending.shift() : undefined);
    await Promise.all(
      slots.map(async (_, s) => {
        for (let group = next(); group !== undefined; group = next()) {
          try {
            if (closed) throw closedError();
            if (slots[s].dead) slots[s] = spawn();
            const slot = slots[s];
            const own = [...new Set(group.parts.map((p) => p.monitor))];
            const { columns, transfer } = windowColumns(group);
            const message: PartsRequest = {
              id: nextRequestId++,
              context: sharedContext,
              monitors: own.map((m) => split[m]),
              parts: group.parts.map((p) => ({ monitor: own.indexOf(p.monitor), part: p.part })),
              reference: { id: referenceId, ...referenceColumns(slot, referenceId, reference, group) },
              window: { n: window.n, columns },
              drop: slot.drop.splice(0),
            };
            const reply = await request(slot, message, transfer);
            if ('error' in reply) {
              slot.held.delete(referenceId);
              throw reviveError(reply.error);
            }
            reply.results.forEach((result, k) => {
              const { monitor, part } = group.parts[k];
              results[monitor][part] = result;
            });
          } catch (error) {
            failure ??= error;
          }
        }
      }),
    );
    if (failure !== undefined) throw failure;

    // Joined in monitor order, then custom monitors on the points, as evaluateMonitors orders them.
    const points: MetricPoint[] = [...(context.points ?? [])];
    const own: MetricPoint[] = [];
    split.forEach((monitor, m) => {
      const computed = joinMonitorParts(monitor, context, results[m]);
      points.push(...computed);
      own.push(...computed);
    });
    for (const monitor of whole) {
      const computed = evaluateWindow(monitor, reference, window, { ...context, points, cache });
      points.push(...computed);
      own.push(...computed);
    }
    return own;
  }

  function idOf(reference: RowColumns): number {
    let id = referenceIds.get(reference);
    if (id === undefined) {
      id = nextReferenceId++;
      referenceIds.set(reference, id);
    }
    return id;
  }

  /** Evaluations run one at a time: each uses every worker, and a worker answers one request at a time. */
  let queue: Promise<unknown> = Promise.resolve();

  return {
    size,
    warm,
    evaluate(...args) {
      const run = queue.then(() => evaluate(...args));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      if (closed) return;
      closed = true;
      const stopping = slots;
      slots = [];
      await Promise.all(stopping.map((slot) => slot.worker.terminate()));
    },
  };
}

/**
 * The window's columns of each group, packed once. With `transfer`, a buffer goes with the last group that reads
 * it (the earlier ones get copies), unless the reference shares it; a view on part of a buffer is sliced first,
 * since structured clone would copy its whole buffer.
 */
function packWindow(
  groups: readonly Group[],
  reference: RowColumns,
  window: RowColumns,
  transfer: boolean,
): (group: Group) => { columns: PackedRows['columns']; transfer: ArrayBuffer[] } {
  const packed = new Map<ColumnKey, { values: Float64Array | (string | null)[]; column: PackedColumn }>();
  const uses = new Map<ArrayBufferLike, number>();
  const shared = new Set<ArrayBufferLike>();
  for (const group of groups) {
    for (const key of group.columns) {
      const values = columnOf(window, key);
      if (values === undefined) continue;
      if (!packed.has(key)) packed.set(key, { values, column: packColumn(values) });
      const buffer = bufferOf((packed.get(key) as { column: PackedColumn }).column);
      uses.set(buffer, (uses.get(buffer) ?? 0) + 1);
      const own = columnOf(reference, key);
      if (own !== undefined) shared.add(bufferOf(packColumn(own)));
    }
  }
  const moved = transfer && window !== reference;
  return (group) => {
    const columns: PackedRows['columns'] = {};
    const list: ArrayBuffer[] = [];
    for (const key of group.columns) {
      const entry = packed.get(key);
      if (entry === undefined) continue;
      const { values, column } = entry;
      const array = column instanceof Float64Array ? column : column.codes;
      const { buffer } = array;
      const left = (uses.get(buffer) as number) - 1;
      uses.set(buffer, left);
      let sent: Float64Array | Int32Array;
      if (array.byteOffset !== 0 || array.byteLength !== buffer.byteLength) {
        sent = array.slice();
      } else if (moved && left === 0 && !shared.has(buffer) && buffer instanceof ArrayBuffer) {
        sent = array;
        // The codes move with their buffer: the strings must not hand them out again.
        if (!(column instanceof Float64Array)) detachCodes(values as (string | null)[]);
      } else {
        columns[key] = column;
        continue;
      }
      list.push(sent.buffer as ArrayBuffer);
      columns[key] =
        column instanceof Float64Array
          ? (sent as Float64Array)
          : { codes: sent as Int32Array, dictionary: column.dictionary };
    }
    return { columns, transfer: list };
  };
}

function bufferOf(column: PackedColumn): ArrayBufferLike {
  return (column instanceof Float64Array ? column : column.codes).buffer;
}
