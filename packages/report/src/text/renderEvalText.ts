import type { Evaluation } from '@vigil/core';
import { formatNumber } from './formatNumber.js';
import { formatTable } from './formatTable.js';
import { painter } from './style.js';

/** Headline metric per task, for the one-line summary. */
const headline: Record<Evaluation['task'], string[]> = {
  binary: ['accuracy', 'f1', 'rocAuc'],
  multiclass: ['accuracy', 'f1Macro', 'rocAucOvrMacro'],
  regression: ['rmse', 'mae', 'r2'],
  clustering: ['silhouette'],
  ranking: ['mrr'],
};

const taskName: Record<Evaluation['task'], string> = {
  binary: 'Binary classification',
  multiclass: 'Multiclass classification',
  regression: 'Regression',
  clustering: 'Clustering',
  ranking: 'Ranking',
};

/**
 * `vigil eval` as text: a one-line summary, the metrics (with intervals when computed), the confusion matrix and
 * the per-segment table.
 */
export function renderEvalText(evaluation: Evaluation, options: { color?: boolean } = {}): string {
  const paint = painter(options.color ?? false);
  const keys = Object.keys(evaluation.metrics);
  const shown = headline[evaluation.task].filter((k) => k in evaluation.metrics);
  const unit = evaluation.task === 'ranking' ? 'queries' : 'rows';
  const summary = `${paint('bold', taskName[evaluation.task])} on ${evaluation.n} ${unit}: ${shown
    .map((k) => `${k} ${formatNumber(evaluation.metrics[k])}`)
    .join(', ')}`;
  const out = [summary, ''];
  const intervals = evaluation.intervals;
  // 0.975 → "97.5% CI" (rounding to whole percents would print 98%).
  const ciHeader = intervals ? `${Number(((evaluation.confidence ?? 0) * 100).toPrecision(6))}% CI` : '';
  out.push(
    formatTable(
      [
        { header: 'metric' },
        { header: 'value', align: 'right' },
        ...(intervals ? [{ header: ciHeader }] : []),
      ],
      keys.map((k) => [
        k,
        formatNumber(evaluation.metrics[k]),
        ...(intervals ? [`[${formatNumber(intervals[k]?.[0])}, ${formatNumber(intervals[k]?.[1])}]`] : []),
      ]),
    ),
  );
  if (evaluation.confusionMatrix) {
    const { labels, matrix } = evaluation.confusionMatrix;
    out.push('', 'Confusion matrix (rows: true class, columns: predicted)');
    out.push(
      formatTable(
        [{ header: '' }, ...labels.map((l) => ({ header: l, align: 'right' as const }))],
        matrix.map((row, i) => [labels[i], ...row.map((v) => formatNumber(v))]),
      ),
    );
  }
  if (evaluation.segments) {
    const segmentKeys = shown.length > 0 ? shown : keys.slice(0, 3);
    out.push('', 'Per segment');
    out.push(
      formatTable(
        [
          { header: 'segment' },
          { header: 'n', align: 'right' },
          ...segmentKeys.map((k) => ({ header: k, align: 'right' as const })),
        ],
        Object.entries(evaluation.segments).map(([name, s]) => [
          name,
          String(s.n),
          ...segmentKeys.map((k) => formatNumber(s.metrics[k])),
        ]),
      ),
    );
  }
  if (evaluation.notes) out.push('', ...evaluation.notes.map((n) => paint('dim', `note: ${n}`)));
  return out.join('\n');
}
