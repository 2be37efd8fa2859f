import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatNumber } from '@vigil/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, runCli } from '../helpers/runCli.js';

/** `vigil report` end to end on the committed demo data (examples/employment: 68,785 and 208,892 rows). */
const example = (name: string) =>
  fileURLToPath(new URL(`../../../../examples/employment/${name}`, import.meta.url));
const production = example('production.parquet');
const reference = example('reference.parquet');
const model = [
  '--task',
  'binary',
  '--target',
  'employed',
  '--prediction',
  'prediction',
  '--score',
  'predicted_probability',
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-report-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text of one section of `page`, from its opening tag to its `</section>`. */
function section(page: string, id: string): string {
  const start = page.indexOf(`<section id="${id}">`);
  expect(start, `section ${id}`).toBeGreaterThanOrEqual(0);
  return page.slice(start, page.indexOf('</section>', start));
}

describe('vigil report', () => {
  let run: CliRun;
  let html: string;
  let file: string;
  beforeAll(async () => {
    file = join(dir, 'full.html');
    run = await runCli([
      'report',
      '--current',
      production,
      '--reference',
      reference,
      ...model,
      '--html',
      file,
      '--title',
      'Employment <model>',
    ]);
    html = existsSync(file) ? readFileSync(file, 'utf8') : '';
  }, 60_000);

  it('report(current, reference, task) exits 0 and says in one line where the report went', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `Report written to ${file} (summary, model quality, data drift, data quality).\n`,
    );
  });

  it('report(current, reference, task) writes one self-contained file with every section in order', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>Employment &lt;model&gt;</title>');
    expect(html).not.toMatch(/<script/i);
    const order = ['class="summary"', 'id="quality"', 'id="drift"', 'id="data-quality"'].map((s) =>
      html.indexOf(s),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('report(current, reference, task) compares the model with the reference and draws its curves', async () => {
    const quality = section(html, 'quality');
    expect(quality).toContain('<th class="num">reference</th><th class="num">difference</th>');
    expect(quality).toContain('Calibration curve');
    expect(quality).toContain('ROC curve');
    expect(quality).toContain('Precision–recall curve');
    expect(quality.match(/<svg /g)).toHaveLength(4); // confusion matrix, ROC, PR, calibration
    // The numbers are those of `vigil eval` on each file.
    const evalJson = async (data: string) =>
      JSON.parse((await runCli(['eval', '--data', data, ...model, '--format', 'json'])).stdout);
    const [current, ref] = await Promise.all([evalJson(production), evalJson(reference)]);
    expect(current.n).toBe(208_892);
    expect(quality).toContain(
      `<tr><th scope="row">accuracy</th><td class="num">${formatNumber(current.metrics.accuracy)}</td><td class="num">${formatNumber(ref.metrics.accuracy)}</td>`,
    );
    const difference = current.metrics.accuracy - ref.metrics.accuracy;
    expect(html).toMatch(
      new RegExp(
        `accuracy <b>${formatNumber(current.metrics.accuracy)}</b>, [\\d.]+ ${difference > 0 ? 'above' : 'below'} the reference`,
      ),
    );
    expect(html).toContain('binary classification on 208,892 rows (reference: 68,785 rows)');
  }, 60_000);

  it('report(current, reference) has the drift of `vigil drift` with its histograms', async () => {
    const drift = JSON.parse(
      (await runCli(['drift', '--reference', reference, '--current', production, '--format', 'json'])).stdout,
    );
    const part = section(html, 'drift');
    expect(part).toContain(`<p>${drift.driftedColumns} of ${drift.columns.length} columns drifted (`);
    expect(html).toContain(`<b>${drift.driftedColumns} of ${drift.columns.length} columns</b> drifted`);
    // One row per column, the drifted ones marked.
    expect(part.match(/<tr class="(drift)?">/g)).toHaveLength(drift.columns.length);
    expect(part.match(/<tr class="drift">/g)).toHaveLength(drift.driftedColumns);
    expect(part).toContain('<details class="hist"');
  }, 60_000);

  it('report(current, reference) has the data quality of the current data', () => {
    const part = section(html, 'data-quality');
    expect(part).toContain('<p>208,892 rows × 21 columns;');
    expect(part.match(/<tr><th scope="row">/g)).toHaveLength(21);
  });
});

describe('vigil report without a reference or task', () => {
  it('report(current, --columns) writes a summary and data quality of those columns only', async () => {
    const file = join(dir, 'current.html');
    const run = await runCli([
      'report',
      '--current',
      production,
      '--columns',
      'AGEP,SCHL,SEX',
      '--html',
      file,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Report written to ${file} (summary, data quality).\n`);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<title>Report: ');
    expect(html).not.toContain('id="quality"');
    expect(html).not.toContain('id="drift"');
    const rows = [...section(html, 'data-quality').matchAll(/<tr><th scope="row">([^<]+)<\/th>/g)].map(
      (m) => m[1],
    );
    expect(rows).toEqual(['AGEP', 'SCHL', 'SEX']);
  }, 60_000);
});

describe('vigil report bad input', () => {
  it('report(no --html) exits 2 and names the missing option', async () => {
    const run = await runCli(['report', '--current', production]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("required option '--html <file>' not specified");
  });

  it('report(--columns with an unknown column) exits 2, names the file and suggests a column, writes nothing', async () => {
    const file = join(dir, 'unknown-column.html');
    const run = await runCli([
      'report',
      '--current',
      production,
      '--reference',
      reference,
      '--columns',
      'AGEP,AGE',
      '--html',
      file,
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('error: --columns must name a column of the data; got "AGE"');
    expect(run.stderr).toContain(`file:   ${production}`);
    expect(run.stderr).toContain('hint:   did you mean "AGEP"');
    expect(existsSync(file)).toBe(false);
  }, 60_000);

  it('report(--target of no column) exits 2 with the eval message', async () => {
    const file = join(dir, 'unknown-target.html');
    const run = await runCli([
      'report',
      '--current',
      production,
      '--task',
      'binary',
      '--target',
      'employd',
      '--score',
      'predicted_probability',
      '--html',
      file,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: --target must name a column of the data; got "employd"');
    expect(run.stderr).toContain('did you mean "employed"');
    expect(existsSync(file)).toBe(false);
  }, 60_000);

  it('report(--target without --task) exits 2 before reading any data', async () => {
    const run = await runCli([
      'report',
      '--current',
      'no-such-file.parquet',
      '--target',
      'employed',
      '--score',
      'predicted_probability',
      '--html',
      join(dir, 'x.html'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: report: --task is required with --target, --score; got no --task');
  });

  it('report(--html in a missing directory) exits 2 with a clear message', async () => {
    const file = join(dir, 'no-such-dir', 'r.html');
    const run = await runCli(['report', '--current', production, '--columns', 'AGEP', '--html', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `error: report: --html must be a file that can be written; got ${JSON.stringify(file)} (ENOENT)`,
    );
  }, 60_000);

  it('report(--task with a bad choice) exits 2 and lists the tasks', async () => {
    const run = await runCli(['report', '--current', production, '--task', 'binry', '--html', 'x.html']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument 'binry' is invalid. Allowed choices are binary, multiclass");
  });
});
