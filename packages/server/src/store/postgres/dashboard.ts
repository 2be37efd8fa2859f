/**
 * The dashboard's reads (issue 5 §4), as the DuckDB store's (duckdb/dashboard.ts): the model's recent windows
 * (primary key of window_state), the points of all its monitors in a range in one query (index
 * metric_points_latest leads with model), and per-window prediction aggregates over the (model, ts) index range.
 */
import { POINT_COLUMNS } from '../sql/monitorColumns.js';
import type { PredictionWindowStats, Store } from '../types.js';
import { opt, type Pool } from './db.js';
import { toPoint } from './monitors.js';

type DashboardMethods = Pick<Store, 'listWindows' | 'readModelPoints' | 'predictionStats'>;

/** `floor(ts / w) * w` with w = $2 (also before 1970), as the window bookkeeping computes it. */
const WINDOW = '(ts - ((ts % $2::bigint) + $2::bigint) % $2::bigint)';
/** Finite values only: NaN sorts above Infinity in PostgreSQL, so this excludes it too. */
const finite = (column: string) => `${column} > '-Infinity'::float8 AND ${column} < 'Infinity'::float8`;

export function dashboardMethods(pool: Pool): DashboardMethods {
  return {
    async listWindows(model, limit) {
      const result = await pool.query<{
        window_start: number;
        window_ms: number;
        last_data_at: number;
        last_evaluated_at: number | null;
      }>(
        `SELECT window_start, window_ms, last_data_at, last_evaluated_at FROM window_state
         WHERE model = $1 ORDER BY window_start DESC LIMIT $2`,
        [model, limit ?? null],
      );
      return result.rows.map((row) => {
        const lastEvaluatedAt = opt(row.last_evaluated_at);
        return {
          windowStart: row.window_start,
          windowMs: row.window_ms,
          lastDataAt: row.last_data_at,
          ...(lastEvaluatedAt === undefined ? {} : { lastEvaluatedAt }),
        };
      });
    },

    async readModelPoints(model, q) {
      if (q.metrics !== undefined && q.metrics.length === 0) return [];
      const result = await pool.query<Parameters<typeof toPoint>[0]>(
        `SELECT ${POINT_COLUMNS} FROM metric_points
         WHERE model = $1 AND window_start >= $2 AND window_start < $3 AND ($4::text[] IS NULL OR metric = ANY($4))
         ORDER BY window_start, monitor_id, feature COLLATE "C", metric COLLATE "C"`,
        [model, Math.ceil(q.from), Math.ceil(q.to), q.metrics === undefined ? null : [...q.metrics]],
      );
      return result.rows.map(toPoint);
    },

    async predictionStats(model, range) {
      const params = [model, range.windowMs, Math.ceil(range.from), Math.ceil(range.to)];
      const inRange = 'model = $1 AND ts >= $3 AND ts < $4';
      const [totals, classes] = await Promise.all([
        pool.query<{ ws: number; n: number; score: number | null; mean: number | null }>(
          `SELECT ${WINDOW} AS ws, count(*) AS n, avg(score) FILTER (WHERE ${finite('score')}) AS score,
                  avg(prediction_num) FILTER (WHERE ${finite('prediction_num')}) AS mean
           FROM predictions WHERE ${inRange} GROUP BY ws ORDER BY ws`,
          params,
        ),
        range.classes
          ? pool.query<{ ws: number; label: string; n: number }>(
              `SELECT ${WINDOW} AS ws, prediction AS label, count(*) AS n FROM predictions
               WHERE ${inRange} AND prediction IS NOT NULL GROUP BY ws, prediction`,
              params,
            )
          : undefined,
      ]);
      const stats: PredictionWindowStats[] = totals.rows.map((row) => ({
        windowStart: Number(row.ws),
        count: Number(row.n),
        scoreMean: row.score === null ? null : Number(row.score),
        predictionMean: row.mean === null ? null : Number(row.mean),
      }));
      if (classes === undefined) return stats;
      const byStart = new Map(stats.map((s) => [s.windowStart, s]));
      for (const s of stats) s.classCounts = {};
      for (const row of classes.rows) {
        const counts = byStart.get(Number(row.ws))?.classCounts;
        if (counts !== undefined) counts[row.label] = Number(row.n);
      }
      return stats;
    },
  };
}
