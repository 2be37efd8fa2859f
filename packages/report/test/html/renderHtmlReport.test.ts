import { describe, expect, it } from 'vitest';
import { escapeHtml, histogramColumns, renderHtmlReport } from '../../src/index.js';
import { reportFixture } from './reportFixture.js';

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

  it('renderHtmlReport(drift + eval) draws the confusion matrix, ROC, PR and the drift histograms as inline SVG', () => {
    const svgs = html.match(/<svg /g) ?? [];
    const histograms = Object.keys(small.drift!.histograms!).length;
    expect(histograms).toBe(25); // 25 columns: all drawn (drifted + top 50)
    expect(svgs.length).toBe(3 + histograms);
    expect(html).toContain('ROC curve');
    expect(html).toContain('Precision–recall curve');
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
