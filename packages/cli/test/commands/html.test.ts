import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--html', () => {
  it('vigil drift --html FILE writes the report and leaves stdout unchanged', async () => {
    const args = [
      'drift',
      '--reference',
      fixture('drift_reference.csv'),
      '--current',
      fixture('drift_current.csv'),
    ];
    const file = join(dir, 'drift.html');
    const plain = await runCli([...args, '--workers', '1']);
    const withHtml = await runCli([...args, '--workers', '1', '--html', file]);
    expect(withHtml.code).toBe(plain.code);
    expect(withHtml.stdout).toBe(plain.stdout);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('3 of 6 columns</b> drifted');
    // One histogram per column (6 columns: all drawn), from the core's binning.
    expect(html.match(/<details class="hist"/g)?.length).toBe(6);
    expect(html).not.toMatch(/<script/i);
  });

  it('vigil eval --task binary --score --html FILE draws the confusion matrix, ROC, PR and calibration curves', async () => {
    const file = join(dir, 'binary.html');
    const args = [
      'eval',
      '--task',
      'binary',
      '--data',
      fixture('binary.csv'),
      '--target',
      'churned',
      '--score',
      'score',
    ];
    const plain = await runCli(args);
    const run = await runCli([...args, '--html', file]);
    expect(run.stdout).toBe(plain.stdout);
    const html = readFileSync(file, 'utf8');
    expect(html.match(/<svg /g)?.length).toBe(4);
    expect(html).toContain('ROC curve (area');
    expect(html).toContain('Precision–recall curve');
    expect(html).toContain('Calibration curve');
  });

  it('vigil eval --task regression --html FILE draws predicted vs actual and the residual histogram', async () => {
    const file = join(dir, 'regression.html');
    const run = await runCli([
      'eval',
      '--task',
      'regression',
      '--data',
      fixture('regression.csv'),
      '--target',
      'y',
      '--prediction',
      'y_pred',
      '--html',
      file,
    ]);
    expect(run.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('Predicted against actual values');
    expect(html).toContain('Residuals (actual − predicted)');
    expect(html.match(/<svg /g)?.length).toBe(2);
  });

  it('vigil drift with an error writes no report', async () => {
    const file = join(dir, 'none.html');
    const run = await runCli([
      'drift',
      '--reference',
      fixture('nope.csv'),
      '--current',
      fixture('drift_current.csv'),
      '--html',
      file,
    ]);
    expect(run.code).not.toBe(0);
    expect(existsSync(file)).toBe(false);
  });
});
