/**
 * The dashboard's reads (issue 5 §4: every dashboard call p95 < 100 ms with 1M predictions): the model's recent
 * windows, the points of all its monitors in a range in one query, and per-window prediction aggregates computed
 * by DuckDB's vectorised GROUP BY over the `ts` range (zone maps skip the row groups outside it).
 */
import type { PredictionWindowStats, Store } from '../types.js';
import { type Db, integer, literal } from './db.js';
import type { ModelCache } from './modelTables.js';
import { predTable } from './modelTables.js';
import { readPointColumns, readPoints } from './monitors.js';

type DashboardMethods = Pick<Store, 'listWindows' | 'readModelPoints' | 'predictionStats'>;

/** `floor(ts / w) * w` as SQL (also before 1970), as windows.ts's `windowStart`. */
const windowOf = (column: string, windowMs: number) => {
  const w = integer(windowMs);
  return `(${column} - ((${column} % ${w}) + ${w}) % ${w})`;
};

export function dashboardMethods(db: Db, models: ModelCache): DashboardMethods {
  return {
    async listWindows(model, limit) {
      const rows = await db.all(
        `SELECT window_start, window_ms, last_data_at, last_evaluated_at FROM window_state
         WHERE model = $1 ORDER BY window_start DESC${limit === undefined ? '' : ` LIMIT ${integer(limit)}`}`,
        [model],
      );
      return rows.map((row) => ({
        windowStart: row.window_start as number,
        windowMs: row.window_ms as number,
        lastDataAt: row.last_data_at as number,
        ...(row.last_evaluated_at === null ? {} : { lastEvaluatedAt: row.last_evaluated_at as number }),
      }));
    },

    async readModelPoints(model, q) {
      const where = [
        `model = ${literal(model)}`,
        `window_start >= ${integer(Math.ceil(q.from))}`,
        `window_start < ${integer(Math.ceil(q.to))}`,
      ];
      if (q.metrics !== undefined) {
        if (q.metrics.length === 0) return [];
        where.push(`metric IN (${q.metrics.map(literal).join(', ')})`);
      }
      return readPoints(
        db,
        `SELECT ${readPointColumns()} FROM metric_points WHERE ${where.join(' AND ')}
         ORDER BY window_start, monitor_id, feature, metric`,
      );
    },

    async predictionStats(model, range) {
      const info = await models.get(model);
      if (info === undefined) return [];
      const table = predTable(info);
      const w = windowOf('ts', range.windowMs);
      const inRange = `ts >= ${integer(Math.ceil(range.from))} AND ts < ${integer(Math.ceil(range.to))}`;
      const [reader, classReader] = await Promise.all([
        db.read((conn) =>
          conn.runAndReadAll(
            `SELECT ${w}::DOUBLE AS ws, count(*)::DOUBLE, avg(score) FILTER (WHERE isfinite(score)),
                    avg(pred_num) FILTER (WHERE isfinite(pred_num))
             FROM ${table} WHERE ${inRange} GROUP BY ws ORDER BY ws`,
          ),
        ),
        range.classes
          ? db.read((conn) =>
              conn.runAndReadAll(
                `SELECT ${w}::DOUBLE AS ws, pred_text, count(*)::DOUBLE FROM ${table}
                 WHERE ${inRange} AND pred_text IS NOT NULL GROUP BY ws, pred_text`,
              ),
            )
          : undefined,
      ]);
      // A result without rows has no columns either.
      if (reader.currentRowCount === 0) return [];
      const [starts, counts, scores, means] = reader.getColumnsJS() as [
        number[],
        number[],
        (number | null)[],
        (number | null)[],
      ];
      const stats: PredictionWindowStats[] = starts.map((windowStart, i) => ({
        windowStart,
        count: counts[i],
        scoreMean: scores[i],
        predictionMean: means[i],
      }));
      if (classReader === undefined || classReader.currentRowCount === 0) {
        if (classReader !== undefined) for (const s of stats) s.classCounts = {};
        return stats;
      }
      const byStart = new Map(stats.map((s) => [s.windowStart, s]));
      for (const s of stats) s.classCounts = {};
      const [ws, labels, n] = classReader.getColumnsJS() as [number[], string[], number[]];
      for (let i = 0; i < ws.length; i++) {
        const counts = byStart.get(ws[i])?.classCounts;
        if (counts !== undefined) counts[labels[i]] = n[i];
      }
      return stats;
    },
  };
}
