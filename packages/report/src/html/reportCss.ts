/** The report's whole stylesheet, inlined into its `<style>`: system fonts only, print rules included. */
export const reportCss = `
:root { color-scheme: light; --fg: #111827; --muted: #6b7280; --line: #e5e7eb; --bad: #b91c1c; --bad-bg: #fee2e2;
  --good: #15803d; --good-bg: #dcfce7; --warn: #b45309; --warn-bg: #fef3c7; --accent: #1d4ed8; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: #f9fafb;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1280px; margin: 0 auto; padding: 24px 28px 40px; background: #fff; min-height: 100vh; }
h1 { font-size: 24px; margin: 0 0 2px; }
h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 15px; margin: 22px 0 8px; }
.meta, figcaption, footer, .note { color: var(--muted); }
.meta { margin: 0; font-size: 13px; }
.summary h2 { margin-top: 18px; }
.summary ul { list-style: none; padding: 0; margin: 0; display: grid; gap: 8px; }
.summary li { padding: 10px 14px; border-radius: 6px; border-left: 5px solid #9ca3af; background: #f3f4f6; font-size: 15px; }
.summary li.bad { border-color: var(--bad); background: var(--bad-bg); }
.summary li.good { border-color: var(--good); background: var(--good-bg); }
.summary li.warn { border-color: var(--warn); background: var(--warn-bg); }
.summary .label { display: inline-block; min-width: 120px; font-weight: 600; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 6px 0 12px; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #d1d5db; font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: #374151; }
tbody th { font-weight: 500; }
td.num, th.num { text-align: right; }
table.drift { width: 100%; }
table.drift tr.drift { background: #fff7f7; }
table.drift th[scope=row] { max-width: 360px; overflow-wrap: anywhere; }
table.checks { width: 100%; }
table.checks tr.fail, table.checks tr.error { background: #fff7f7; }
table.checks tr.warn { background: #fffbeb; }
table.checks th[scope=row], table.quality th[scope=row] { max-width: 360px; overflow-wrap: anywhere; }
table.checks td.message { max-width: 480px; overflow-wrap: anywhere; white-space: pre-line; }
.note { font-size: 12px; font-weight: 400; }
a { color: var(--accent); text-decoration: none; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; }
.badge.bad { color: var(--bad); background: var(--bad-bg); }
.badge.good { color: var(--good); background: var(--good-bg); }
.badge.warn { color: var(--warn); background: var(--warn-bg); }
.columns { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: flex-start; }
figure { margin: 0; max-width: 100%; }
figcaption { font-size: 12px; max-width: 300px; }
svg.chart { display: block; max-width: 100%; height: auto; }
details { margin: 6px 0; }
.histograms { display: grid; grid-template-columns: repeat(auto-fill, minmax(540px, 1fr)); gap: 0 16px; align-items: start; }
details > summary { cursor: pointer; padding: 6px 8px; border-radius: 4px; background: #f3f4f6; }
details.hist { border: 1px solid var(--line); border-radius: 6px; padding: 0 0 6px; }
details.hist > summary { background: #f9fafb; }
details.hist .name { font-weight: 600; overflow-wrap: anywhere; }
details.hist svg.chart { margin: 6px 8px 0; }
.legend .swatch { display: inline-block; width: 12px; height: 10px; margin: 0 4px 0 8px; border-radius: 2px; opacity: .7; }
.notes { color: var(--muted); font-size: 13px; }
footer { margin-top: 32px; padding-top: 10px; border-top: 1px solid var(--line); font-size: 12px; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; min-height: 0; }
  a { color: inherit; }
  details > summary { background: none; padding: 2px 0; }
  details.hist { border: none; }
  figure, details.hist, tr, .summary li { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .summary li, .badge, table.drift tr.drift, table.checks tr, .legend .swatch { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
