/** Window bookkeeping: which windows received data since they were last evaluated. */
import type { DirtyWindow, Store } from '../types.js';
import { opt, type Pool } from './db.js';

type WindowMethods = Pick<Store, 'dirtyWindows' | 'markWindowEvaluated'>;

export function windowMethods(pool: Pool): WindowMethods {
  return {
    async dirtyWindows(limit) {
      const result = await pool.query<{
        model: string;
        window_start: number;
        window_ms: number;
        last_data_at: number;
        last_evaluated_at: number | null;
      }>(
        `SELECT model, window_start, window_ms, last_data_at, last_evaluated_at FROM window_state
         WHERE last_evaluated_at IS NULL OR last_data_at > last_evaluated_at
         ORDER BY window_start, model COLLATE "C" LIMIT $1`,
        [limit ?? null],
      );
      return result.rows.map(
        (row): DirtyWindow => ({
          model: row.model,
          windowStart: row.window_start,
          windowMs: row.window_ms,
          lastDataAt: row.last_data_at,
          lastEvaluatedAt: opt(row.last_evaluated_at),
        }),
      );
    },

    async markWindowEvaluated(model, windowStart, evaluatedAt) {
      await pool.query(
        'UPDATE window_state SET last_evaluated_at = $3 WHERE model = $1 AND window_start = $2',
        [model, windowStart, evaluatedAt],
      );
    },
  };
}
