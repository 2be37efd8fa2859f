/**
 * Window bookkeeping: which tumbling windows received data (predictions, or labels of their predictions) since
 * they were last evaluated. Window start = floor(ts / windowMs) * windowMs, also for timestamps before 1970.
 *
 * The writes that mark windows run on the writer connection, so the store remembers which (model, window) rows
 * exist and marks those with a plain UPDATE (an upsert costs DuckDB several times more); new windows are upserted.
 */
import type { DirtyWindow, Store } from '../types.js';
import { type Db, exec, integer, literal } from './db.js';

/** Start of the window of length `windowMs` holding integer time `ts`. */
export function windowStart(ts: number, windowMs: number): number {
  return ts - (((ts % windowMs) + windowMs) % windowMs);
}

/** The (model, window start) pairs known to have a window_state row. */
export class KnownWindows {
  private readonly known = new Map<string, Set<number>>();

  has(model: string, start: number): boolean {
    return this.known.get(model)?.has(start) ?? false;
  }

  add(model: string, starts: Iterable<number>): void {
    let set = this.known.get(model);
    if (set === undefined) {
      set = new Set();
      this.known.set(model, set);
    }
    for (const start of starts) set.add(start);
  }

  forget(model: string): void {
    this.known.delete(model);
  }
}

/**
 * The statements marking windows of `model` as having data: `arrivals` maps each window start to the time its data
 * was received (the latest, when several). Also returns the starts new to {@link KnownWindows}: record them once
 * the transaction commits.
 */
export function markWindowsSql(
  known: KnownWindows,
  model: string,
  windowMs: number,
  arrivals: ReadonlyMap<number, number>,
): { sql: string[]; fresh: number[] } {
  const m = literal(model);
  const ms = integer(windowMs);
  const old = new Map<number, number[]>();
  const fresh: number[] = [];
  const values: string[] = [];
  for (const [start, at] of arrivals) {
    if (known.has(model, start)) {
      const starts = old.get(at);
      if (starts === undefined) old.set(at, [start]);
      else starts.push(start);
    } else {
      fresh.push(start);
      values.push(`(${m}, ${integer(start)}, ${ms}, ${integer(at)})`);
    }
  }
  const sql: string[] = [];
  for (const [at, starts] of old) {
    sql.push(
      `UPDATE window_state SET last_data_at = greatest(last_data_at, ${integer(at)}), window_ms = ${ms}
       WHERE model = ${m} AND window_start IN (${starts.map(integer).join(', ')})`,
    );
  }
  if (values.length > 0) {
    sql.push(
      `INSERT INTO window_state (model, window_start, window_ms, last_data_at) VALUES ${values.join(', ')}
       ON CONFLICT (model, window_start) DO UPDATE SET
         last_data_at = greatest(window_state.last_data_at, excluded.last_data_at), window_ms = excluded.window_ms`,
    );
  }
  return { sql, fresh };
}

/** Adds `at` as an arrival in the window of `ts` (keeping the latest per window). */
export function addArrival(arrivals: Map<number, number>, ts: number, windowMs: number, at: number): void {
  const start = windowStart(ts, windowMs);
  const seen = arrivals.get(start);
  if (seen === undefined || at > seen) arrivals.set(start, at);
}

type WindowMethods = Pick<Store, 'dirtyWindows' | 'markWindowEvaluated'>;

export function windowMethods(db: Db): WindowMethods {
  return {
    async dirtyWindows(limit) {
      const rows = await db.all(
        `SELECT model, window_start, window_ms, last_data_at, last_evaluated_at FROM window_state
         WHERE last_evaluated_at IS NULL OR last_data_at > last_evaluated_at
         ORDER BY window_start, model${limit === undefined ? '' : ` LIMIT ${integer(limit)}`}`,
      );
      return rows.map((row) => {
        const window: DirtyWindow = {
          model: row.model as string,
          windowStart: row.window_start as number,
          windowMs: row.window_ms as number,
          lastDataAt: row.last_data_at as number,
        };
        if (row.last_evaluated_at !== null) window.lastEvaluatedAt = row.last_evaluated_at as number;
        return window;
      });
    },

    async markWindowEvaluated(model, windowStart, evaluatedAt) {
      await db.exclusive((conn) =>
        exec(conn, 'UPDATE window_state SET last_evaluated_at = $3 WHERE model = $1 AND window_start = $2', [
          model,
          windowStart,
          evaluatedAt,
        ]),
      );
    },
  };
}
