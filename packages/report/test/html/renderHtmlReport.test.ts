import { type CheckResult, type Evaluation, summarizeChecks } from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { escapeHtml, formatNumber, histogramColumns, renderHtmlReport } from '../../src/index.js';
import { suiteFixture } from '../helpers/suiteFixture.js';
import { referenceEvaluationFixture, reportFixture } from './reportFixture.js';

const small = reportFixture(25);
const html = renderHtmlReport(small);

/** The HTML with every user-supplied string (escaped, as it appears) removed, to search what Vigil wrote. */
function withoutUserText(page: string, input: typeof small): string {
  const user = [
    input.title,
    ...input.drift!.result.columns.map((c) => c.column),
    ...Object.values(input.drift!.histograms ?? {}).flatMap((h) => (h.keys ?? []).map(String)),
  ];
  let out = page;
  for (const text of user) out = out.split(escapeHtml(text)).join('');
  return out;
}

describe('renderHtmlReport', () => {
  it('renderHtmlReport(drift + eval) starts with a plain-words summary', () => {
    const drifted = small.drift!.result.driftedColumns;
    expect(drifted).toBeGreaterThan(0);
    const summary = html.slice(html.indexOf('class="summary"'), html.indexOf('id="quality"'));
    expect(summary).toContain(`<b>${drifted} of 25 columns</b> drifted`);
    expect(summary).toMatch(/accuracy <b>0\.\d+<\/b>/);
    expect(html.indexOf('class="summary"')).toBeLessThan(html.indexOf('<svg'));
  });

  it('renderHtmlReport(input) contains no script and no URL but the ones the user wrote', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers either
    // The fixture has a column named "… https://example.com": it appears, escaped, and nothing else does.
    expect(html).toContain('segment (see https://example.com)');
    const own = withoutUserText(html, small);
    expect(own).not.toMatch(/https?:\/\//);
    expect(own).not.toMatch(/\b(src|href)="(?!#)/);
    expect(own).not.toMatch(/url\((?!#)/); // only in-document references (clip paths)
  });

  it('renderHtmlReport(input) escapes column names, categories and the title', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('<title>Weekly check &lt;of&gt; &quot;churn&quot; model</title>');
    expect(html).not.toContain('<b>bold</b>');
    // Category labels inside the SVG (ECharts writes them as text nodes, escaped).
    expect(html).toMatch(/&lt;b&gt;bold&lt;\/b&gt;|&lt;b&gt;bold…/);
    expect(html).toContain('churn &lt;&amp;&gt;');
  });

  it('renderHtmlReport(drift + eval) draws the confusion matrix, ROC, PR, calibration and the drift histograms as inline SVG', () => {
    const svgs = html.match(/<svg /g) ?? [];
    const histograms = Object.keys(small.drift!.histograms!).length;
    expect(histograms).toBe(25); // 25 columns: all drawn (drifted + top 50)
    expect(svgs.length).toBe(4 + histograms);
    expect(html).toContain('ROC curve');
    expect(html).toContain('Precision–recall curve');
    expect(html).toContain('Calibration curve');
    expect(html).toContain('@media print');
    expect(html).not.toContain('xmlns=');
  });

  it('renderHtmlReport(100 columns) stays under 5 MB', () => {
    const size = Buffer.byteLength(renderHtmlReport(reportFixture(100)));
    expect(size).toBeLessThan(5 * 1024 * 1024);
  });

  it('renderHtmlReport(1000 columns) lists every column, folds the table and says how many charts are omitted', () => {
    const input = reportFixture(1000, 200);
    const page = renderHtmlReport(input);
    const rows = page.match(/<tr class="(drift)?">/g) ?? [];
    expect(rows.length).toBe(1000);
    expect(page).toContain('Show the other 900 columns</summary>');
    const { columns, omitted } = histogramColumns(input.drift!.result);
    expect(columns.length).toBeLessThanOrEqual(200);
    expect(omitted).toBe(1000 - columns.length);
    expect(page).toContain(`${omitted.toLocaleString('en-US')} columns without a chart`);
    // Many histograms: all folded.
    expect(page).not.toMatch(/<details class="hist"[^>]* open>/);
    expect(Buffer.byteLength(page)).toBeLessThan(10 * 1024 * 1024);
  });
});

describe('histogramColumns', () => {
  it('histogramColumns(result) takes drifted columns and the top 50, strongest evidence first', () => {
    const result = reportFixture(120, 200).drift!.result;
    const { columns, omitted } = histogramColumns(result);
    const drifted = result.columns.filter((c) => c.drift).map((c) => c.column);
    for (const name of drifted) expect(columns).toContain(name);
    expect(columns.length).toBe(Math.max(drifted.length, 50));
    expect(omitted).toBe(120 - columns.length);
    expect(histogramColumns(result, { top: 0, max: 3 }).columns).toEqual(
      drifted.slice(0, 3).length === 3 ? columns.slice(0, 3) : drifted,
    );
  });
});

describe('escapeHtml', () => {
  it('escapeHtml(text) replaces the five HTML-special characters', () => {
    expect(escapeHtml(`a<b & "c" 'd'>`)).toBe('a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;');
  });
});

/** The text of one section of `page`, from its opening tag to its `</section>`. */
function section(page: string, id: string): string {
  const start = page.indexOf(`<section id="${id}">`);
  expect(start).toBeGreaterThanOrEqual(0);
  return page.slice(start, page.indexOf('</section>', start));
}

const bare = { title: 't', generatedAt: '2024-01-01T00:00:00Z', versions: {} };

describe('renderHtmlReport checks and data quality', () => {
  it('renderHtmlReport(checks) puts the Checks section right after the summary', () => {
    const summaryEnd = html.indexOf('</section>', html.indexOf('class="summary"'));
    expect(html.indexOf('<section id="checks">')).toBe(summaryEnd + '</section>\n'.length);
    expect(html.indexOf('<section id="checks">')).toBeLessThan(html.indexOf('<section id="quality">'));
  });

  it('renderHtmlReport(checks) says in the summary how many checks failed, and which', () => {
    const summary = html.slice(html.indexOf('class="summary"'), html.indexOf('<section id="checks">'));
    expect(summary).toContain(
      '<li class="bad"><span class="label">Checks</span> <b>1 of 6 checks failed, 1 errored, 1 warned</b>: accuracy 0.838 (needs ≥ 0.9), missingShare[age] errored, drift.share 0.36 (needs ≤ 0.2).</li>',
    );
    const passing = renderHtmlReport({ ...bare, checks: suiteFixture() });
    expect(passing).toContain('<b>2 of 7 checks failed, 1 errored, 1 warned</b>');
    expect(passing).toContain(', and 1 more.</li>');
  });

  it('renderHtmlReport(checks) lists every check failed first, with badge, value and condition', () => {
    const page = renderHtmlReport({ ...bare, checks: suiteFixture() });
    const checks = section(page, 'checks');
    const rows = [
      ...checks.matchAll(
        /<tr class="(\w+)">.*?<code>(.*?)<\/code>.*?<td class="num">(.*?)<\/td><td>(.*?)<\/td>/g,
      ),
    ];
    expect(rows.map((m) => [m[1], m[2], m[3]])).toEqual([
      ['fail', 'accuracy', '0.78'],
      ['fail', 'f1', '0.61'],
      ['error', 'missingShare[age]', '—'],
      ['warn', 'drift.share', '0.4'],
      ['pass', 'rocAuc', '0.912'],
      ['pass', 'a&lt;b &amp; &quot;c&quot;', '3'],
      ['pass', 'rmse', '1.235e-5'],
    ]);
    expect(rows[1][4]).toBe(
      '≥ 0.6175 (reference 0.65)<div class="note">not worse than reference by more than 5%</div>',
    );
    expect(checks).toContain('<span class="badge warn">warn</span>');
    expect(checks).toContain('<div class="note">Rows where a &lt; b &amp; &#39;c&#39;</div>');
    expect(page).not.toContain('a<b');
  });

  it('renderHtmlReport(warnings only) marks the summary line as a warning; all passed as good', () => {
    const check = (status: CheckResult['status']): CheckResult => ({
      name: status,
      title: status,
      status,
      value: 1,
      severity: status === 'warn' ? 'warn' : 'fail',
    });
    const suite = (checks: CheckResult[]) => ({
      name: 's',
      checks,
      summary: summarizeChecks(checks),
      metadata: {},
    });
    expect(renderHtmlReport({ ...bare, checks: suite([check('pass'), check('warn')]) })).toContain(
      '<li class="warn"><span class="label">Checks</span> <b>1 of 2 checks warned</b>: warn 1.</li>',
    );
    expect(renderHtmlReport({ ...bare, checks: suite([check('pass'), check('pass')]) })).toContain(
      '<li class="good"><span class="label">Checks</span> <b>All 2 checks passed</b>.</li>',
    );
  });

  it('renderHtmlReport(150 checks) folds the checks after the first 100', () => {
    const checks = Array.from(
      { length: 150 },
      (_, i): CheckResult => ({ name: `c${i}`, title: `c${i}`, status: 'pass', value: i, severity: 'fail' }),
    );
    const page = renderHtmlReport({
      ...bare,
      checks: { name: 's', checks, summary: summarizeChecks(checks), metadata: {} },
    });
    expect(page.match(/<tr class="pass">/g)).toHaveLength(150);
    expect(page).toContain('Show the other 50 checks</summary>');
  });

  it('renderHtmlReport(quality) shows missing share, unique and numerical min/max/mean per column', () => {
    const quality = small.quality!;
    const part = section(html, 'data-quality');
    expect(part).toContain(
      `<p>400 rows × ${quality.nColumns} columns; 1 column with missing values; 0 duplicated rows.`,
    );
    const rows = part.match(/<tr><th scope="row">/g) ?? [];
    expect(rows).toHaveLength(quality.nColumns);
    const income = quality.columns.find((c) => c.name === 'income')!;
    expect(income.kind).toBe('numeric');
    if (income.kind !== 'numeric') return;
    expect(income.missing).toBe(44); // rows 4, 13, …, 391 of 400
    expect(part).toContain(
      `<tr><th scope="row">income</th><td>numerical</td><td class="num"><b>44</b> (11%)</td><td class="num">356</td><td class="num">${formatNumber(
        income.min,
      )}</td><td class="num">${formatNumber(income.max)}</td><td class="num">${formatNumber(income.mean)}</td></tr>`,
    );
    // Categorical columns: counts only, escaped name.
    expect(part).toMatch(
      /<tr><th scope="row">&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;<\/th><td>categorical<\/td><td class="num">0 \(0%\)<\/td><td class="num">3<\/td><td><\/td><td><\/td><td><\/td><\/tr>/,
    );
    expect(html).toContain('<span class="label">Data quality</span> 400 rows × 26 columns;');
  });

  it('renderHtmlReport(input without checks or quality) has neither section', () => {
    const page = renderHtmlReport({ ...small, checks: undefined, quality: undefined });
    expect(page).not.toContain('id="checks"');
    expect(page).not.toContain('id="data-quality"');
    expect(page).not.toContain('<span class="label">Checks</span>');
    expect(page).not.toContain('<span class="label">Data quality</span>');
  });
});

/** A binary evaluation with the given headline metrics. */
function binary(n: number, metrics: Record<string, number>): Evaluation {
  return { task: 'binary', n, metrics };
}

describe('renderHtmlReport calibration curve', () => {
  it('renderHtmlReport(calibration) draws one marker per bin and the diagonal, after the PR curve', () => {
    const part = section(html, 'quality');
    const calibration = small.evaluation!.curves!.calibration!;
    expect(calibration.probPred.length).toBeGreaterThan(3);
    const svgs = part.split('<figure>').slice(1);
    expect(svgs).toHaveLength(4);
    expect(svgs[2]).toContain('Precision–recall curve');
    const chart = svgs[3];
    expect(chart).toContain('Calibration curve');
    expect(chart).toContain('mean predicted probability');
    expect(chart).toContain('fraction of positives');
    expect(chart).toContain('stroke-dasharray'); // the diagonal
    // ECharts draws each point's marker as its own path, tagged with its series and data index.
    const markers = chart.match(/<path [^>]*ecmeta_series_index="0" ecmeta_data_index="\d+"/g) ?? [];
    expect(markers.length).toBe(calibration.probPred.length);
  });

  it('renderHtmlReport(no calibration, or no bins) draws no calibration chart', () => {
    const curves = small.evaluation!.curves!;
    for (const calibration of [undefined, { probTrue: [], probPred: [] }]) {
      const page = renderHtmlReport({
        ...bare,
        evaluation: { result: small.evaluation!.result, curves: { ...curves, calibration } },
      });
      expect(page).not.toContain('Calibration curve');
      expect(page.match(/<svg /g)).toHaveLength(3);
    }
  });
});

describe('renderHtmlReport with a reference evaluation', () => {
  const current = binary(1000, { accuracy: 0.91, f1: 0.8, rocAuc: 0.9 });
  const reference = binary(2000, { accuracy: 0.94, f1: 0.8, rocAuc: 0.88 });

  it('renderHtmlReport(reference) says in words how each headline metric compares', () => {
    const page = renderHtmlReport({
      ...bare,
      evaluation: { result: current },
      referenceEvaluation: reference,
    });
    expect(page).toContain(
      '<li class="neutral"><span class="label">Model quality</span> binary classification on 1,000 rows (reference: 2,000 rows): accuracy <b>0.91</b>, 0.03 below the reference; F1 <b>0.8</b>, same as the reference; ROC AUC <b>0.9</b>, 0.02 above the reference.</li>',
    );
  });

  it('renderHtmlReport(reference) adds a reference and a signed difference column to the metrics table', () => {
    const page = renderHtmlReport({
      ...bare,
      evaluation: { result: binary(1000, { ...current.metrics, logLoss: 0.3 }) },
      referenceEvaluation: reference,
    });
    const part = section(page, 'quality');
    expect(part).toContain(
      '<thead><tr><th>metric</th><th class="num">value</th><th class="num">reference</th><th class="num">difference</th></tr></thead>',
    );
    expect(part).toContain(
      '<tr><th scope="row">accuracy</th><td class="num">0.91</td><td class="num">0.94</td><td class="num">-0.03</td></tr>',
    );
    expect(part).toContain(
      '<tr><th scope="row">f1</th><td class="num">0.8</td><td class="num">0.8</td><td class="num">0</td></tr>',
    );
    expect(part).toContain(
      '<tr><th scope="row">rocAuc</th><td class="num">0.9</td><td class="num">0.88</td><td class="num">+0.02</td></tr>',
    );
    // A metric the reference lacks: no reference value, no difference.
    expect(part).toContain(
      '<tr><th scope="row">logLoss</th><td class="num">0.3</td><td class="num">—</td><td class="num">—</td></tr>',
    );
    expect(part).toContain('compared with the same model on the reference data (2,000 rows)');
  });

  it('renderHtmlReport(reference with NaN metric) shows the value without a comparison', () => {
    const page = renderHtmlReport({
      ...bare,
      evaluation: { result: binary(10, { accuracy: 0.5 }) },
      referenceEvaluation: binary(10, { accuracy: Number.NaN }),
    });
    expect(page).toContain('accuracy <b>0.5</b>, reference NaN.</li>');
    expect(page).toContain('<td class="num">0.5</td><td class="num">NaN</td><td class="num">—</td>');
  });

  it('renderHtmlReport(fixture with reference) compares the computed metrics', () => {
    const ref = referenceEvaluationFixture();
    const page = renderHtmlReport({ ...small, referenceEvaluation: ref });
    const accuracy = small.evaluation!.result.metrics.accuracy;
    const difference = accuracy - ref.metrics.accuracy;
    expect(difference).toBeLessThan(0); // the reference scorer separates the classes better
    const words = page.match(/accuracy <b>([\d.]+)<\/b>, ([\d.]+) below the reference;/);
    expect(words?.[1]).toBe(formatNumber(accuracy));
    // Two significant digits in words.
    expect(Number(words?.[2])).toBe(Number((-difference).toPrecision(2)));
  });

  it('renderHtmlReport(reference, tiny difference) writes it in plain decimals, not scientific notation', () => {
    const page = renderHtmlReport({
      ...bare,
      evaluation: { result: binary(10, { accuracy: 0.8276 }) },
      referenceEvaluation: binary(10, { accuracy: 0.82718 }),
    });
    expect(page).toContain('accuracy <b>0.8276</b>, 0.00042 above the reference.</li>');
    expect(page).toContain('<td class="num">+4.2e-4</td>');
  });

  it('renderHtmlReport(without reference) keeps the two-column metrics table', () => {
    const part = section(html, 'quality');
    expect(part).toContain('<thead><tr><th>metric</th><th class="num">value</th></tr></thead>');
    expect(html).not.toContain('the reference');
  });
});
