/**
 * The HTML report: one self-contained file (inline CSS, inline SVG charts, no script, no external URL) that opens
 * offline and prints. A summary in plain words comes first, then the checks, model quality, data drift and data
 * quality.
 */
import type {
  CheckResult,
  ColumnDriftResult,
  ColumnProfile,
  DataDriftResult,
  Evaluation,
  FrameProfile,
  SuiteResult,
} from '@vigil/core';
import { formatCondition } from '../text/formatCondition.js';
import { formatNumber } from '../text/formatNumber.js';
import { byEvidence } from '../text/renderDriftText.js';
import { byStatus, checkInWords, suiteCounts } from '../text/renderSuiteText.js';
import { escapeHtml } from './escapeHtml.js';
import { histogramColumns } from './histogramColumns.js';
import { reportCss } from './reportCss.js';
import {
  calibrationSvg,
  chartColors,
  confusionHeatmapSvg,
  countHistogramSvg,
  curveSvg,
  histogramOverlaySvg,
  scatterSvg,
} from './svgChart.js';

/** Reference and current shares per bin of one column, as `binnedProportions` / `countProportions` return them. */
export interface DriftHistogram {
  /** b + 1 ascending bin edges (numerical columns binned by width). */
  edges?: ArrayLike<number>;
  /** One name per bin (categories, or the distinct values of a discrete column); used when `edges` is absent. */
  keys?: readonly (string | number)[];
  reference: ArrayLike<number>;
  current: ArrayLike<number>;
  /** Categories merged into the last bin (shown as "other"), when there were too many to draw. */
  merged?: number;
}

/** Curves of the model-quality section, computed by the core (`rocCurve`, `precisionRecallCurve`, …). */
export interface EvaluationCurves {
  roc?: { fpr: ArrayLike<number>; tpr: ArrayLike<number> };
  pr?: { precision: ArrayLike<number>; recall: ArrayLike<number> };
  /**
   * Reliability diagram of a binary scorer (core `calibrationCurve`): fraction of positives and mean predicted
   * probability of each non-empty bin.
   */
  calibration?: { probTrue: ArrayLike<number>; probPred: ArrayLike<number> };
  /** Actual and predicted values of a regression, at most 2000 points (larger inputs are thinned by stride). */
  scatter?: { actual: ArrayLike<number>; predicted: ArrayLike<number>; sampled?: number; total?: number };
  /** Counts of residuals (actual − predicted) per bin. */
  residualHistogram?: { edges: ArrayLike<number>; counts: ArrayLike<number> };
}

export interface HtmlReportInput {
  title: string;
  /** When the report was made (ISO 8601), shown in the header. */
  generatedAt: string;
  /** Software versions shown in the footer, e.g. `{ vigil: '0.1.0', node: 'v20.19.0' }`. */
  versions: Record<string, string>;
  drift?: {
    result: DataDriftResult;
    /** Histograms by column name; columns without one get none (see {@link histogramColumns}). */
    histograms?: Readonly<Record<string, DriftHistogram>>;
  };
  evaluation?: { result: Evaluation; curves?: EvaluationCurves };
  /**
   * The same evaluation on the reference data: the summary then says how each headline metric compares ("accuracy
   * 0.91, 0.03 below the reference") and the metrics table gets a reference and a difference column. Used only with
   * `evaluation`.
   */
  referenceEvaluation?: Evaluation;
  /** The result of `vigil check`, shown as a "Checks" section right after the summary, failed checks first. */
  checks?: SuiteResult;
  /** A `profileFrame` result, shown as a data-quality table (missing share, distinct values, min/max/mean). */
  quality?: FrameProfile;
}

/** Drift, check and data-quality rows shown before the rest of a table is folded away. */
const VISIBLE_ROWS = 100;
/** Up to this many histograms are open on load; more are all folded, so long reports stay scannable. */
const OPEN_HISTOGRAMS = 10;
/** Points drawn in the predicted-vs-actual chart at most. */
const MAX_POINTS = 2000;

const metricNames: Record<string, string> = {
  accuracy: 'accuracy',
  balancedAccuracy: 'balanced accuracy',
  f1: 'F1',
  f1Macro: 'macro F1',
  precision: 'precision',
  recall: 'recall',
  rocAuc: 'ROC AUC',
  rocAucOvrMacro: 'ROC AUC (one-vs-rest)',
  averagePrecision: 'average precision',
  rmse: 'RMSE',
  mae: 'mean absolute error',
  r2: 'R²',
  silhouette: 'silhouette',
  mrr: 'MRR',
};

const headline: Record<Evaluation['task'], string[]> = {
  binary: ['accuracy', 'f1', 'rocAuc'],
  multiclass: ['accuracy', 'f1Macro', 'rocAucOvrMacro'],
  regression: ['rmse', 'mae', 'r2'],
  clustering: ['silhouette'],
  ranking: ['mrr'],
};

const taskNames: Record<Evaluation['task'], string> = {
  binary: 'binary classification',
  multiclass: 'multiclass classification',
  regression: 'regression',
  clustering: 'clustering',
  ranking: 'ranking',
};

/**
 * Renders checks, drift, evaluation and/or data-quality results as one self-contained HTML document: inline CSS
 * (with print rules),
 * charts as inline SVG drawn by ECharts' server-side renderer, no `<script>`, no external URL, every user string
 * (title, column names, categories, notes) HTML-escaped. Drift histograms are drawn for the columns that
 * {@link histogramColumns} selects; the report says how many columns have none.
 * @example renderHtmlReport({ title: 'Weekly check', generatedAt: '2024-01-01T00:00:00Z', versions: { vigil: '0.1.0' }, drift: { result } })
 * // => '<!doctype html><html lang="en">…'
 */
export function renderHtmlReport(input: HtmlReportInput): string {
  const body = [
    `<header><h1>${escapeHtml(input.title)}</h1><p class="meta">Generated ${escapeHtml(input.generatedAt)}</p></header>`,
    summarySection(input),
    input.checks ? checksSection(input.checks) : '',
    input.evaluation
      ? evaluationSection(input.evaluation.result, input.evaluation.curves ?? {}, input.referenceEvaluation)
      : '',
    input.drift ? driftSection(input.drift.result, input.drift.histograms ?? {}) : '',
    input.quality ? qualitySection(input.quality) : '',
    footer(input.versions),
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>${reportCss}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function percent(share: number): string {
  return `${formatNumber(Number((share * 100).toPrecision(3)))}%`;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function summarySection(input: HtmlReportInput): string {
  const items: string[] = [];
  if (input.evaluation) {
    const e = input.evaluation.result;
    const ref = input.referenceEvaluation;
    const keys = headline[e.task].filter((k) => k in e.metrics);
    const values = keys.map(
      (k) =>
        `${metricNames[k] ?? k} <b>${formatNumber(e.metrics[k])}</b>${
          ref && k in ref.metrics ? `, ${comparedInWords(e.metrics[k], ref.metrics[k])}` : ''
        }`,
    );
    const unit = e.task === 'ranking' ? 'query' : 'row';
    items.push(
      `<li class="neutral"><span class="label">Model quality</span> ${taskNames[e.task]} on ${plural(e.n, unit)}${
        ref ? ` (reference: ${plural(ref.n, unit)})` : ''
      }${values.length > 0 ? `: ${values.join(ref ? '; ' : ', ')}` : ''}.</li>`,
    );
  }
  if (input.drift) {
    const r = input.drift.result;
    const n = r.columns.length;
    const verdict = r.datasetDrift
      ? `at or above the ${percent(r.driftShareThreshold)} that marks the data set as drifted: <b>the data has changed</b>`
      : `below the ${percent(r.driftShareThreshold)} that marks the data set as drifted: <b>no data set drift</b>`;
    items.push(
      `<li class="${r.datasetDrift ? 'bad' : 'good'}"><span class="label">Data drift</span> <b>${r.driftedColumns} of ${plural(
        n,
        'column',
      )}</b> drifted (${percent(r.driftShare)}), ${verdict}.</li>`,
    );
    const top = [...r.columns].sort(byEvidence).filter((c) => c.drift);
    if (top.length > 0) {
      const names = top.slice(0, 5).map((c) => `<code>${escapeHtml(c.column)}</code>`);
      items.push(
        `<li class="neutral"><span class="label">Most changed</span> ${names.join(', ')}${
          top.length > 5 ? ` and ${top.length - 5} more` : ''
        }.</li>`,
      );
    }
  }
  if (input.quality) {
    const q = input.quality;
    items.push(
      `<li class="neutral"><span class="label">Data quality</span> ${plural(q.nRows, 'row')} × ${plural(
        q.nColumns,
        'column',
      )}; ${plural(q.columnsWithMissing, 'column')} with missing values; ${plural(
        q.duplicatedRows.count,
        'duplicated row',
      )}.</li>`,
    );
  }
  if (input.checks) {
    const { summary, checks } = input.checks;
    const tone = summary.failed + summary.errored > 0 ? 'bad' : summary.warned > 0 ? 'warn' : 'good';
    const named = [...checks].sort(byStatus).filter((c) => c.status !== 'pass');
    const list = named
      .slice(0, 3)
      .map((c) => escapeHtml(checkInWords(c)))
      .join(', ');
    items.push(
      `<li class="${tone}"><span class="label">Checks</span> <b>${suiteCounts(summary)}</b>${
        named.length > 0 ? `: ${list}${named.length > 3 ? `, and ${named.length - 3} more` : ''}` : ''
      }.</li>`,
    );
  }
  return `<section class="summary" aria-label="Summary"><h2>Summary</h2><ul>${items.join('')}</ul></section>`;
}

/**
 * "0.03 below the reference", "0.0004 above the reference" or "same as the reference" ("reference NaN" when the
 * difference is not a number). In words the difference keeps 2 significant digits, in plain decimals (the table
 * has the precise value).
 */
function comparedInWords(value: number, reference: number): string {
  const difference = value - reference;
  if (!Number.isFinite(difference)) return `reference ${formatNumber(reference)}`;
  if (difference === 0) return 'same as the reference';
  const size = String(Number(Math.abs(difference).toPrecision(2)));
  return `${size} ${difference > 0 ? 'above' : 'below'} the reference`;
}

/** Current − reference, signed ("+0.03", "-0.01", "0"), or "—" when either is missing or not finite. */
function signedDifference(value: number, reference: number | undefined): string {
  if (reference === undefined) return '—';
  const difference = value - reference;
  if (Number.isNaN(difference)) return '—';
  return `${difference > 0 ? '+' : ''}${formatNumber(difference)}`;
}

function evaluationSection(e: Evaluation, curves: EvaluationCurves, reference?: Evaluation): string {
  const out = ['<section id="quality"><h2>Model quality</h2>'];
  const unit = e.task === 'ranking' ? 'query' : 'row';
  out.push(
    `<p>${escapeHtml(taskNames[e.task][0].toUpperCase() + taskNames[e.task].slice(1))} on ${plural(e.n, unit)}${
      reference
        ? `, compared with the same model on the reference data (${plural(reference.n, unit)}); the difference is current − reference`
        : ''
    }.</p>`,
  );
  const intervals = e.intervals;
  const ciHeader = intervals ? `${Number(((e.confidence ?? 0) * 100).toPrecision(6))}% interval` : '';
  const rows = Object.keys(e.metrics).map(
    (k) =>
      `<tr><th scope="row">${escapeHtml(k)}</th><td class="num">${formatNumber(e.metrics[k])}</td>${
        reference
          ? `<td class="num">${formatNumber(reference.metrics[k])}</td><td class="num">${signedDifference(
              e.metrics[k],
              reference.metrics[k],
            )}</td>`
          : ''
      }${
        intervals
          ? `<td class="num">[${formatNumber(intervals[k]?.[0])}, ${formatNumber(intervals[k]?.[1])}]</td>`
          : ''
      }</tr>`,
  );
  const table = `<table class="metrics"><thead><tr><th>metric</th><th class="num">value</th>${
    reference ? '<th class="num">reference</th><th class="num">difference</th>' : ''
  }${
    intervals ? `<th class="num">${ciHeader}</th>` : ''
  }</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const figures: string[] = [];
  if (e.confusionMatrix) {
    figures.push(
      figure(
        confusionHeatmapSvg(e.confusionMatrix.labels, e.confusionMatrix.matrix),
        'Confusion matrix: rows are the true class, columns the predicted one; colour is the share of the row, the number the count of rows.',
      ),
    );
  }
  if (curves.roc) {
    figures.push(
      figure(
        curveSvg(curves.roc.fpr, curves.roc.tpr, {
          title: 'ROC curve',
          xName: 'false positive rate',
          yName: 'true positive rate',
          diagonal: [0, 0, 1, 1],
        }),
        `ROC curve${'rocAuc' in e.metrics ? ` (area ${formatNumber(e.metrics.rocAuc)})` : ''}; the dashed line is a random guess.`,
      ),
    );
  }
  if (curves.pr) {
    figures.push(
      figure(
        curveSvg(curves.pr.recall, curves.pr.precision, {
          title: 'Precision–recall curve',
          xName: 'recall',
          yName: 'precision',
          step: true,
        }),
        `Precision–recall curve${
          'averagePrecision' in e.metrics
            ? ` (average precision ${formatNumber(e.metrics.averagePrecision)})`
            : ''
        }.`,
      ),
    );
  }
  if (curves.calibration && curves.calibration.probPred.length > 0) {
    figures.push(
      figure(
        calibrationSvg(curves.calibration.probPred, curves.calibration.probTrue),
        'Calibration curve: the share of positives against the mean predicted probability, per bin of predicted probability; points on the dashed diagonal are well calibrated, points below it mean the model predicts too high a probability, points above it too low.',
      ),
    );
  }
  if (curves.scatter) {
    const { actual, predicted } = thin(curves.scatter.actual, curves.scatter.predicted, MAX_POINTS);
    const total = curves.scatter.total ?? curves.scatter.actual.length;
    figures.push(
      figure(
        scatterSvg(actual, predicted),
        `Predicted against actual values${
          actual.length < total
            ? ` (${plural(actual.length, 'row')} of ${total.toLocaleString('en-US')})`
            : ''
        }; points on the dashed line are exact.`,
      ),
    );
  }
  if (curves.residualHistogram) {
    figures.push(
      figure(
        countHistogramSvg(curves.residualHistogram.edges, curves.residualHistogram.counts, 'Residuals'),
        'Residuals (actual − predicted): a narrow peak centred on 0 is good.',
      ),
    );
  }
  out.push(`<div class="columns"><div>${table}</div>${figures.length > 0 ? figures.join('') : ''}</div>`);
  if (e.segments) {
    const keys = headline[e.task].filter((k) => k in e.metrics);
    const shown = keys.length > 0 ? keys : Object.keys(e.metrics).slice(0, 3);
    out.push(
      `<h3>Per segment</h3><table><thead><tr><th>segment</th><th class="num">n</th>${shown
        .map((k) => `<th class="num">${escapeHtml(k)}</th>`)
        .join('')}</tr></thead><tbody>${Object.entries(e.segments)
        .map(
          ([name, s]) =>
            `<tr><th scope="row">${escapeHtml(name)}</th><td class="num">${s.n}</td>${shown
              .map((k) => `<td class="num">${formatNumber(s.metrics[k])}</td>`)
              .join('')}</tr>`,
        )
        .join('')}</tbody></table>`,
    );
  }
  if (e.notes && e.notes.length > 0)
    out.push(`<ul class="notes">${e.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`);
  out.push('</section>');
  return out.join('\n');
}

function figure(svg: string, caption: string): string {
  return `<figure>${svg}<figcaption>${caption}</figcaption></figure>`;
}

/** Every ⌈n / max⌉-th point, so at most `max` remain (a presentation limit; the data is never altered). */
function thin(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  max: number,
): { actual: ArrayLike<number>; predicted: ArrayLike<number> } {
  if (x.length <= max) return { actual: x, predicted: y };
  const step = Math.ceil(x.length / max);
  const n = Math.ceil(x.length / step);
  const a = new Float64Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = x[i * step];
    p[i] = y[i * step];
  }
  return { actual: a, predicted: p };
}

function driftSection(result: DataDriftResult, histograms: Readonly<Record<string, DriftHistogram>>): string {
  const ordered = [...result.columns].sort(byEvidence);
  const selection = histogramColumns(result);
  const drawn = selection.columns.filter((name) => histograms[name] !== undefined);
  const anchor = new Map(drawn.map((name, i) => [name, `h${i}`]));
  const pHeader = result.correction === 'none' ? 'p-value' : `p-value (${escapeHtml(result.correction)})`;
  const head = `<thead><tr><th class="num">#</th><th>column</th><th>type</th><th>test</th><th class="num">statistic</th><th class="num">${pHeader}</th><th class="num">threshold</th><th>verdict</th></tr></thead>`;
  const row = (c: ColumnDriftResult, i: number) => {
    const id = anchor.get(c.column);
    const name = escapeHtml(c.column);
    const notes = [
      c.unseenCategories && c.unseenCategories.length > 0
        ? `new categories: ${c.unseenCategories
            .slice(0, 5)
            .map((v) => escapeHtml(JSON.stringify(v)))
            .join(', ')}${c.unseenCategories.length > 5 ? ` and ${c.unseenCategories.length - 5} more` : ''}`
        : '',
      c.note ? escapeHtml(c.note) : '',
    ].filter((s) => s !== '');
    return `<tr class="${c.drift ? 'drift' : ''}"><td class="num">${i + 1}</td><th scope="row">${
      id ? `<a href="#${id}">${name}</a>` : name
    }${notes.length > 0 ? `<div class="note">${notes.join('; ')}</div>` : ''}</th><td>${c.type}</td><td>${
      c.test
    }</td><td class="num">${formatNumber(c.statistic)}</td><td class="num">${formatNumber(
      c.pValueAdjusted ?? c.pValue,
    )}</td><td class="num">${formatNumber(c.threshold)}</td><td>${
      c.drift ? '<span class="badge bad">drift</span>' : '<span class="badge good">ok</span>'
    }</td></tr>`;
  };
  const out = ['<section id="drift"><h2>Data drift</h2>'];
  out.push(
    `<p>${result.driftedColumns} of ${plural(result.columns.length, 'column')} drifted (${percent(
      result.driftShare,
    )}; the data set counts as drifted from ${percent(result.driftShareThreshold)}). Columns are sorted by the strength of the evidence, drifted first.${
      result.correction === 'none'
        ? ''
        : ` P-values are corrected for multiple tests (${escapeHtml(result.correction)}).`
    }</p>`,
  );
  const visible = ordered.slice(0, VISIBLE_ROWS);
  out.push(`<table class="drift">${head}<tbody>${visible.map(row).join('')}</tbody></table>`);
  if (ordered.length > VISIBLE_ROWS) {
    const rest = ordered.slice(VISIBLE_ROWS);
    out.push(
      `<details class="more"><summary>Show the other ${plural(rest.length, 'column')}</summary><table class="drift">${head}<tbody>${rest
        .map((c, i) => row(c, i + VISIBLE_ROWS))
        .join('')}</tbody></table></details>`,
    );
  }
  if (drawn.length > 0) {
    const omitted = result.columns.length - drawn.length;
    out.push(
      `<h3>Reference vs current distributions</h3><p class="legend"><span class="swatch" style="background:${chartColors.reference}"></span>reference <span class="swatch" style="background:${chartColors.current}"></span>current — share of each sample per bin.${
        omitted > 0
          ? ` Shown for the drifted columns and the strongest evidence; ${plural(omitted, 'column')} without a chart.`
          : ''
      }</p>`,
    );
    const open = drawn.length <= OPEN_HISTOGRAMS ? ' open' : '';
    out.push('<div class="histograms">');
    const byName = new Map(result.columns.map((c) => [c.column, c]));
    for (const name of drawn) {
      const c = byName.get(name)!;
      const h = histograms[name];
      const p = c.pValueAdjusted ?? c.pValue;
      out.push(
        `<details class="hist" id="${anchor.get(name)}"${open}><summary><span class="name">${escapeHtml(name)}</span> ${
          c.drift ? '<span class="badge bad">drift</span>' : '<span class="badge good">ok</span>'
        } <span class="meta">${c.test} ${formatNumber(c.statistic)}${p === null ? '' : `, p ${formatNumber(p)}`}</span></summary>${histogramSvg(
          h,
        )}</details>`,
      );
    }
    out.push('</div>');
  }
  out.push('</section>');
  return out.join('\n');
}

function histogramSvg(h: DriftHistogram): string {
  let labels: string[];
  if (h.edges) {
    const e = h.edges;
    labels = Array.from(h.reference, (_, i) => formatNumber(Number(((e[i] + e[i + 1]) / 2).toPrecision(3))));
  } else {
    labels = (h.keys ?? []).map((k) => (typeof k === 'number' ? formatNumber(k) : k));
    if (h.merged && h.merged > 0 && labels.length > 0)
      labels[labels.length - 1] = `other (${h.merged.toLocaleString('en-US')})`;
  }
  // ECharts writes axis labels as SVG text and escapes them; long category names are shortened for the axis.
  const short = labels.map((l) => (l.length > 16 ? `${l.slice(0, 15)}…` : l));
  return histogramOverlaySvg(short, h.reference, h.current, {
    xName: h.edges ? 'value (bin centre)' : undefined,
  });
}

const statusBadge: Record<CheckResult['status'], string> = {
  fail: '<span class="badge bad">fail</span>',
  error: '<span class="badge bad">error</span>',
  warn: '<span class="badge warn">warn</span>',
  pass: '<span class="badge good">pass</span>',
};

function checksSection(suite: SuiteResult): string {
  const ordered = [...suite.checks].sort(byStatus);
  const head =
    '<thead><tr><th>status</th><th>check</th><th class="num">value</th><th>condition</th><th>message</th></tr></thead>';
  const row = (c: CheckResult) => {
    const title = c.title && c.title !== c.name ? `<div class="note">${escapeHtml(c.title)}</div>` : '';
    // A relative condition reads better in the user's words, under its resolved bound.
    const words =
      c.condition?.referenceValue !== undefined
        ? `<div class="note">${escapeHtml(c.condition.description)}</div>`
        : '';
    return `<tr class="${c.status}"><td>${statusBadge[c.status]}</td><th scope="row"><code>${escapeHtml(
      c.name,
    )}</code>${title}</th><td class="num">${formatNumber(c.value)}</td><td>${escapeHtml(
      formatCondition(c.condition),
    )}${words}</td><td class="message">${escapeHtml(c.message ?? '')}</td></tr>`;
  };
  const out = ['<section id="checks"><h2>Checks</h2>'];
  out.push(
    `<p>Suite <b>${escapeHtml(suite.name)}</b>: ${suiteCounts(suite.summary)}.${
      suite.checks.length > 1 ? ' Failed and errored checks first, then warnings.' : ''
    }</p>`,
  );
  if (ordered.length > 0)
    out.push(
      `<table class="checks">${head}<tbody>${ordered.slice(0, VISIBLE_ROWS).map(row).join('')}</tbody></table>`,
    );
  if (ordered.length > VISIBLE_ROWS) {
    const rest = ordered.slice(VISIBLE_ROWS);
    out.push(
      `<details class="more"><summary>Show the other ${plural(rest.length, 'check')}</summary><table class="checks">${head}<tbody>${rest
        .map(row)
        .join('')}</tbody></table></details>`,
    );
  }
  out.push('</section>');
  return out.join('\n');
}

function qualitySection(q: FrameProfile): string {
  const head =
    '<thead><tr><th>column</th><th>type</th><th class="num">missing</th><th class="num">unique</th><th class="num">min</th><th class="num">max</th><th class="num">mean</th></tr></thead>';
  const row = (c: ColumnProfile) => {
    const missing = c.missing > 0 ? `<b>${c.missing.toLocaleString('en-US')}</b>` : '0';
    const share = Number.isNaN(c.missingShare) ? '' : ` (${percent(c.missingShare)})`;
    const stats =
      c.kind === 'numeric'
        ? [c.min, c.max, c.mean].map((v) => `<td class="num">${statValue(v, c.type)}</td>`).join('')
        : '<td></td><td></td><td></td>';
    return `<tr><th scope="row">${escapeHtml(c.name)}</th><td>${c.type}</td><td class="num">${missing}${share}</td><td class="num">${c.unique.toLocaleString(
      'en-US',
    )}</td>${stats}</tr>`;
  };
  const out = ['<section id="data-quality"><h2>Data quality</h2>'];
  out.push(
    `<p>${plural(q.nRows, 'row')} × ${plural(q.nColumns, 'column')}; ${plural(
      q.columnsWithMissing,
      'column',
    )} with missing values; ${plural(q.duplicatedRows.count, 'duplicated row')}. Min, max and mean are over the finite values of numerical columns.</p>`,
  );
  const visible = q.columns.slice(0, VISIBLE_ROWS);
  out.push(`<table class="quality">${head}<tbody>${visible.map(row).join('')}</tbody></table>`);
  if (q.columns.length > VISIBLE_ROWS) {
    const rest = q.columns.slice(VISIBLE_ROWS);
    out.push(
      `<details class="more"><summary>Show the other ${plural(rest.length, 'column')}</summary><table class="quality">${head}<tbody>${rest
        .map(row)
        .join('')}</tbody></table></details>`,
    );
  }
  const notes: string[] = [];
  if (q.constantColumns.length > 0)
    notes.push(`Constant: ${q.constantColumns.map((n) => `<code>${escapeHtml(n)}</code>`).join(', ')}.`);
  for (const l of q.targetLeakage)
    notes.push(
      `<code>${escapeHtml(l.column)}</code> may leak the target <code>${escapeHtml(q.target ?? '')}</code> (${
        l.method
      } ${formatNumber(l.value)}).`,
    );
  for (const n of q.notes) notes.push(escapeHtml(n));
  if (notes.length > 0) out.push(`<ul class="notes">${notes.map((n) => `<li>${n}</li>`).join('')}</ul>`);
  out.push('</section>');
  return out.join('\n');
}

/** Datetimes are profiled as epoch milliseconds: shown as ISO 8601 dates. */
function statValue(value: number, type: ColumnProfile['type']): string {
  if (type === 'datetime' && Number.isFinite(value)) return new Date(value).toISOString();
  return formatNumber(value);
}

function footer(versions: Record<string, string>): string {
  const list = Object.entries(versions)
    .map(([k, v]) => `${escapeHtml(k)} ${escapeHtml(v)}`)
    .join(', ');
  return `<footer>Made by Vigil${list ? ` (${list})` : ''}. This file is self-contained: it loads nothing from the network and runs no script.</footer>`;
}
