import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatNumber } from '@vigil/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/runCli.js';

/** `vigil check SUITE.yaml --html FILE`: the model section of the report, beside the checks. */
let dir: string;
const at = (name: string) => join(dir, name);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-check-html-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const model = `  task: binary
  target: label
  prediction: predicted
  score: score
  positive: churn
`;

async function checkHtml(name: string, yaml: string) {
  writeFileSync(at(`${name}.yaml`), yaml);
  const file = at(`${name}.html`);
  const run = await runCli(['check', at(`${name}.yaml`), '--html', file]);
  return { ...run, html: readFileSync(file, 'utf8') };
}

/** The text of one section of `page`, from its opening tag to its `</section>`. */
function section(page: string, id: string): string {
  const start = page.indexOf(`<section id="${id}">`);
  expect(start, `section ${id}`).toBeGreaterThanOrEqual(0);
  return page.slice(start, page.indexOf('</section>', start));
}

describe('vigil check --html with a task', () => {
  it('check(task, reference, metric checks) reports the model with its curves, compared with the reference', async () => {
    const run = await checkHtml(
      'metrics',
      `name: model gate
data:
  reference: ${fixture('binary.csv')}
  current: ${fixture('binary.csv')}
${model}checks:
  - accuracy: { gte: 0.5 }
  - rocAuc: { notWorseThanReference: { by: 0.01 } }
`,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const evalRun = await runCli([
      'eval',
      '--data',
      fixture('binary.csv'),
      '--task',
      'binary',
      '--target',
      'label',
      '--prediction',
      'predicted',
      '--score',
      'score',
      '--positive',
      'churn',
      '--format',
      'json',
    ]);
    const metrics = JSON.parse(evalRun.stdout).metrics;
    // The same file on both sides: every metric is the same as the reference.
    expect(run.html).toContain(
      `accuracy <b>${formatNumber(metrics.accuracy)}</b>, same as the reference; F1 <b>${formatNumber(metrics.f1)}</b>, same as the reference`,
    );
    const quality = section(run.html, 'quality');
    expect(quality).toContain('<th class="num">reference</th><th class="num">difference</th>');
    expect(quality).toContain(
      `<tr><th scope="row">rocAuc</th><td class="num">${formatNumber(metrics.rocAuc)}</td><td class="num">${formatNumber(metrics.rocAuc)}</td><td class="num">0</td></tr>`,
    );
    expect(quality.match(/<svg /g)).toHaveLength(4);
    expect(quality).toContain('Calibration curve');
    // Checks first, then the model.
    expect(run.html.indexOf('<section id="checks">')).toBeLessThan(
      run.html.indexOf('<section id="quality">'),
    );
  });

  it('check(task, no metric check) still reports the model, computed for the report', async () => {
    const run = await checkHtml(
      'rows',
      `data:
  current: ${fixture('binary.csv')}
${model}checks:
  - rows: { eq: 150 }
`,
    );
    expect(run.code).toBe(0);
    const quality = section(run.html, 'quality');
    expect(quality).toContain('Binary classification on 150 rows.');
    expect(quality).toContain('<thead><tr><th>metric</th><th class="num">value</th></tr></thead>');
    expect(run.html).not.toContain('the reference');
  });

  it('check(no task) has no model section', async () => {
    const run = await checkHtml(
      'no-task',
      `data:
  current: ${fixture('binary.csv')}
checks:
  - rows: { eq: 150 }
`,
    );
    expect(run.code).toBe(0);
    expect(run.html).not.toContain('id="quality"');
  });

  it('check(task whose evaluation fails) writes the report without the model section and says why', async () => {
    // A score outside [0, 1]: the metric check errors, the report has no model section.
    writeFileSync(at('bad.csv'), 'label,score\nchurn,0.2\nstay,1.5\nchurn,0.9\n');
    const run = await checkHtml(
      'bad',
      `data:
  current: ${at('bad.csv')}
  task: binary
  target: label
  score: score
  positive: churn
checks:
  - rocAuc: { gte: 0.5 }
`,
    );
    expect(run.code).toBe(1); // the check errored
    expect(run.stderr).toContain('check: the HTML report has no current model evaluation: ');
    expect(run.stderr).toContain('must hold probabilities in [0, 1]; got 1.5 at row 2');
    expect(run.html).toContain('<section id="checks">');
    expect(run.html).not.toContain('id="quality"');
  });
});
