import {
  categoricalFromStrings,
  columnDrift,
  ks2samp,
  numericFromNumbers,
  summarizeDrift,
} from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { evaluateDrift } from '../../src/monitors/evaluateDrift.js';
import { PREDICTION_FEATURE, SCORE_FEATURE } from '../../src/monitors/monitorConfig.js';
import type { ModelSchema } from '../../src/store/types.js';
import { categories, contextOf, monitorOf, normals, rowsOf, uniforms } from './rows.js';

const schema: ModelSchema = {
  features: [
    { name: 'x', kind: 'numerical' },
    { name: 'color', kind: 'categorical' },
  ],
};
const rule = { operator: 'gte', value: 1, severity: 'warning' } as const;

describe('evaluateDrift(monitor, reference, window, context)', () => {
  const refX = normals(500, 1);
  const curX = normals(400, 2, 0.4);
  const refColor = categories(500, 3, ['red', 'green', 'blue'], [5, 3, 2]);
  const curColor = categories(400, 4, ['red', 'green', 'blue'], [5, 3, 2]);
  const reference = rowsOf({ features: { x: refX, color: refColor } });
  const window = rowsOf({ features: { x: curX, color: curColor } });

  it('equals columnDrift under auto (KS p-value for a numerical column of a small reference)', () => {
    const points = evaluateDrift(
      monitorOf('drift', { alertMetric: 'drift' }, rule),
      reference,
      window,
      contextOf('binary', schema),
    );
    const x = points.find((p) => p.feature === 'x' && p.metric === 'driftScore')!;
    const expected = columnDrift(numericFromNumbers('x', refX), numericFromNumbers('x', curX));
    expect(expected.test).toBe('ks');
    // KS is golden-tested against scipy in core: the monitor's number is the same call's.
    expect(x.value).toBe(ks2samp(refX, curX).pValue);
    expect(x.details).toMatchObject({ test: 'ks', statistic: expected.statistic, threshold: 0.05 });
    expect(x.status).toBe(expected.drift ? 'breach' : 'ok');
    expect(expected.drift).toBe(true);
    const flag = points.find((p) => p.feature === 'x' && p.metric === 'drift')!;
    expect(flag).toMatchObject({ value: 1, status: 'breach' });
  });

  it('equals columnDrift on a categorical column (chi-square), no drift between two draws of one distribution', () => {
    const points = evaluateDrift(
      monitorOf('drift', {}, rule),
      reference,
      window,
      contextOf('binary', schema),
    );
    const color = points.find((p) => p.feature === 'color' && p.metric === 'driftScore')!;
    const expected = columnDrift(
      categoricalFromStrings('color', refColor),
      categoricalFromStrings('color', curColor),
    );
    expect(expected.test).toBe('chisquare');
    expect(color.value).toBe(expected.pValue);
    expect(color.status).toBe(expected.drift ? 'breach' : 'ok');
    expect(expected.drift).toBe(false);
  });

  it('reports driftShare as summarizeDrift does, judged by the rule', () => {
    const monitor = monitorOf(
      'drift',
      { alertMetric: 'driftShare' },
      { operator: 'gte', value: 0.5, severity: 'warning' },
    );
    const points = evaluateDrift(monitor, reference, window, contextOf('binary', schema));
    const share = points.find((p) => p.metric === 'driftShare')!;
    const expected = summarizeDrift([
      columnDrift(numericFromNumbers('x', refX), numericFromNumbers('x', curX)),
      columnDrift(categoricalFromStrings('color', refColor), categoricalFromStrings('color', curColor)),
    ]);
    expect(share).toMatchObject({ feature: '', value: expected.driftShare, status: 'breach' });
    expect(share.details).toMatchObject({ driftedColumns: ['x'], testedColumns: 2 });
    // The flag is not judged by this rule: it carries the test's verdict.
    expect(points.find((p) => p.feature === 'color' && p.metric === 'drift')).toMatchObject({
      value: 0,
      status: 'ok',
    });
  });

  it('uses the normed Wasserstein distance above 1000 reference rows, as vigil drift', () => {
    const big = rowsOf({ features: { x: normals(2000, 5) } });
    const cur = rowsOf({ features: { x: normals(300, 6, 0.05) } });
    const s: ModelSchema = { features: [{ name: 'x', kind: 'numerical' }] };
    const [flag, score] = evaluateDrift(monitorOf('drift', {}, rule), big, cur, contextOf('regression', s));
    const expected = columnDrift(
      numericFromNumbers('x', big.features.x as Float64Array),
      numericFromNumbers('x', cur.features.x as Float64Array),
    );
    expect(expected.test).toBe('wasserstein');
    expect(score.value).toBe(expected.statistic);
    expect(flag.value).toBe(expected.drift ? 1 : 0);
    expect(score.details).toMatchObject({
      test: 'wasserstein',
      pValue: null,
      threshold: 0.1,
      referenceSize: 2000,
    });
  });

  it('honours config.test, config.threshold and config.features', () => {
    const monitor = monitorOf('drift', { features: ['x'], test: 'psi', threshold: 0.2 }, rule);
    const points = evaluateDrift(monitor, reference, window, contextOf('binary', schema));
    expect(new Set(points.map((p) => p.feature))).toEqual(new Set(['x', '']));
    const expected = columnDrift(numericFromNumbers('x', refX), numericFromNumbers('x', curX), {
      test: 'psi',
      threshold: 0.2,
    });
    const score = points.find((p) => p.metric === 'driftScore')!;
    expect(score.value).toBe(expected.statistic);
    expect(score.details).toMatchObject({ test: 'psi', threshold: 0.2, pValue: null });
  });

  it('applies the p-value correction of summarizeDrift and reports the corrected p-value', () => {
    const monitor = monitorOf('drift', { correction: 'bonferroni' }, rule);
    const points = evaluateDrift(monitor, reference, window, contextOf('binary', schema));
    const x = points.find((p) => p.feature === 'x' && p.metric === 'driftScore')!;
    expect(x.value).toBe(Math.min(1, 2 * ks2samp(refX, curX).pValue));
    expect(x.details).toMatchObject({ pValue: ks2samp(refX, curX).pValue });
  });

  it('tests the prediction (categorical for classifiers) and the binary score', () => {
    const ref = rowsOf({ prediction: categories(300, 7, ['0', '1'], [1, 1]), score: uniforms(300, 8) });
    const cur = rowsOf({ prediction: categories(300, 9, ['0', '1'], [1, 4]), score: uniforms(300, 10) });
    const monitor = monitorOf('drift', { features: [], prediction: true, score: true }, rule);
    const points = evaluateDrift(monitor, ref, cur, contextOf('binary', schema));
    const prediction = points.find((p) => p.feature === PREDICTION_FEATURE && p.metric === 'driftScore')!;
    const expected = columnDrift(
      categoricalFromStrings(PREDICTION_FEATURE, ref.predictionText),
      categoricalFromStrings(PREDICTION_FEATURE, cur.predictionText),
    );
    expect(expected.test).toBe('ztest');
    expect(prediction.value).toBe(expected.pValue);
    expect(prediction.status).toBe('breach');
    const score = points.find((p) => p.feature === SCORE_FEATURE && p.metric === 'driftScore')!;
    expect(score.value).toBe(ks2samp(ref.score, cur.score).pValue);
  });

  it('tests a regression prediction as numbers', () => {
    const p1 = Array.from(normals(200, 11));
    const p2 = Array.from(normals(200, 12, 1));
    const points = evaluateDrift(
      monitorOf('drift', { features: [], prediction: true }, rule),
      rowsOf({ prediction: p1 }),
      rowsOf({ prediction: p2 }),
      contextOf('regression', schema),
    );
    expect(points.find((p) => p.metric === 'driftScore')!.value).toBe(ks2samp(p1, p2).pValue);
  });

  it('marks a column missing in every window row insufficient and leaves it out of driftShare', () => {
    const cur = rowsOf({
      features: { x: new Float64Array(50).fill(Number.NaN), color: categories(50, 13, ['red'], [1]) },
    });
    const points = evaluateDrift(monitorOf('drift', {}, rule), reference, cur, contextOf('binary', schema));
    const x = points.filter((p) => p.feature === 'x');
    expect(x.map((p) => p.status)).toEqual(['insufficient', 'insufficient']);
    expect(x[0].details?.reason).toMatch(/current column "x" must have values/);
    expect(points.find((p) => p.metric === 'driftShare')!.details).toMatchObject({ testedColumns: 1 });
  });

  it('lists unseen categories in the details, and a window without rows is insufficient', () => {
    const cur = rowsOf({
      features: { x: normals(100, 14), color: categories(100, 15, ['red', 'purple'], [1, 1]) },
    });
    const points = evaluateDrift(monitorOf('drift', {}, rule), reference, cur, contextOf('binary', schema));
    const color = points.find((p) => p.feature === 'color' && p.metric === 'driftScore')!;
    expect(color.details).toMatchObject({
      unseenCategories: ['purple'],
      unseenCategoryCount: 1,
      statistic: 'Infinity',
    });
    expect(color).toMatchObject({ value: 0, status: 'breach' });
    const empty = evaluateDrift(
      monitorOf('drift', {}, rule),
      reference,
      rowsOf({ features: { x: new Float64Array(0), color: [] }, n: 0 }),
      contextOf('binary', schema),
    );
    expect(empty.every((p) => p.status === 'insufficient')).toBe(true);
  });

  it('names a configured feature that is not in the schema', () => {
    const points = evaluateDrift(
      monitorOf('drift', { features: ['nope'] }, rule),
      reference,
      window,
      contextOf('binary', schema),
    );
    expect(points[0]).toMatchObject({ feature: 'nope', status: 'insufficient', value: null });
    expect(points[0].details?.reason).toMatch(/not a feature of the model schema/);
  });
});
