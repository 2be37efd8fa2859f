import {
  accuracyScore,
  f1Score,
  meanAbsoluteError,
  rocAucOvr,
  rocAucScore,
  rootMeanSquaredError,
} from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { evaluatePerformance } from '../../src/monitors/evaluatePerformance.js';
import type { ModelSchema } from '../../src/store/types.js';
import { categories, contextOf, monitorOf, normals, rowsOf, uniforms } from './rows.js';

const schema: ModelSchema = { features: [{ name: 'x', kind: 'numerical' }], positive: 'yes' };

/** A binary data set: labels yes/no, a score that ranks positives higher, predictions = score ≥ 0.5. */
function binaryData(n: number, seed: number, noise: number) {
  const u = uniforms(n, seed);
  const v = uniforms(n, seed + 1);
  const label = Array.from(u, (x) => (x < 0.4 ? 'yes' : 'no'));
  const score = Float64Array.from(label, (l, i) =>
    Math.min(1, Math.max(0, (l === 'yes' ? 0.65 : 0.35) + noise * (v[i] - 0.5))),
  );
  const prediction = Array.from(score, (s) => (s >= 0.5 ? 'yes' : 'no'));
  return { label, score, prediction };
}

describe('evaluatePerformance(monitor, reference, window, context)', () => {
  const ref = binaryData(400, 1, 0.6);
  const cur = binaryData(300, 3, 1.4);
  const reference = rowsOf({ prediction: ref.prediction, label: ref.label, score: ref.score });
  const codes = (v: string[]) => v.map((l) => (l === 'yes' ? 1 : 0));

  it('computes accuracy, f1 and rocAuc as the core metrics on the labelled rows', () => {
    // Only the first 200 of 300 predictions have their label yet.
    const label = cur.label.map((l, i) => (i < 200 ? l : null));
    const window = rowsOf({ prediction: cur.prediction, label, score: cur.score });
    const monitor = monitorOf('performance', {
      metrics: ['accuracy', 'f1', 'rocAuc'],
      alertMetric: 'accuracy',
    });
    const points = evaluatePerformance(monitor, reference, window, contextOf('binary', schema));
    const t = codes(cur.label.slice(0, 200));
    const p = codes(cur.prediction.slice(0, 200));
    const by = (m: string) => points.find((x) => x.metric === m)!;
    expect(by('labelCoverage')).toMatchObject({ feature: '', value: 200 / 300, status: 'ok' });
    expect(by('accuracy').value).toBe(accuracyScore(t, p));
    expect(by('f1').value).toBe(f1Score(t, p));
    expect(by('rocAuc').value).toBe(rocAucScore(t, cur.score.slice(0, 200)));
    expect(by('accuracy').details).toMatchObject({
      reference: accuracyScore(codes(ref.label), codes(ref.prediction)),
      labelled: 200,
    });
  });

  it('judges relative to the same metric on the reference (rule.value × reference)', () => {
    const window = rowsOf({ prediction: cur.prediction, label: cur.label, score: cur.score });
    const refAccuracy = accuracyScore(codes(ref.label), codes(ref.prediction));
    const accuracy = accuracyScore(codes(cur.label), codes(cur.prediction));
    expect(accuracy).toBeLessThan(0.95 * refAccuracy);
    const rule = { operator: 'lt', value: 0.95, relativeToReference: true, severity: 'critical' } as const;
    const monitor = monitorOf('performance', { metrics: ['accuracy'], alertMetric: 'accuracy' }, rule);
    const [, point] = evaluatePerformance(monitor, reference, window, contextOf('binary', schema));
    expect(point).toMatchObject({ metric: 'accuracy', value: accuracy, status: 'breach' });
    expect(point.details).toMatchObject({ reference: refAccuracy, threshold: 0.95 * refAccuracy });
    const self = evaluatePerformance(monitor, reference, reference, contextOf('binary', schema));
    expect(self[1]).toMatchObject({ value: refAccuracy, status: 'ok' });
  });

  it('is insufficient below the minimum label coverage, and reports the coverage', () => {
    const label = cur.label.map((l, i) => (i < 100 ? l : null));
    const window = rowsOf({ prediction: cur.prediction, label, score: cur.score });
    const rule = { operator: 'lt', value: 0.99, severity: 'critical' } as const;
    const monitor = monitorOf(
      'performance',
      { metrics: ['accuracy'], minLabelCoverage: 0.5, alertMetric: 'accuracy' },
      rule,
    );
    const [coverage, accuracy] = evaluatePerformance(monitor, reference, window, contextOf('binary', schema));
    expect(coverage).toMatchObject({ metric: 'labelCoverage', value: 100 / 300, status: 'insufficient' });
    expect(accuracy.status).toBe('insufficient');
    expect(accuracy.value).toBe(
      accuracyScore(codes(cur.label.slice(0, 100)), codes(cur.prediction.slice(0, 100))),
    );
    const none = evaluatePerformance(
      monitor,
      reference,
      rowsOf({ prediction: cur.prediction }),
      contextOf('binary', schema),
    );
    expect(none[0]).toMatchObject({ value: 0, status: 'insufficient' });
    expect(none[1]).toMatchObject({ value: null, status: 'insufficient' });
    expect(none[1].details?.reason).toMatch(/no labelled prediction/);
    const empty = evaluatePerformance(monitor, reference, rowsOf({ n: 0 }), contextOf('binary', schema));
    expect(empty[0]).toMatchObject({ value: null, status: 'insufficient' });
  });

  it('keeps the label metrics when the labels hold one class (ROC AUC undefined)', () => {
    const window = rowsOf({
      prediction: ['yes', 'no', 'yes'],
      label: ['yes', 'yes', 'yes'],
      score: [0.9, 0.2, 0.7],
    });
    const monitor = monitorOf('performance', { metrics: ['accuracy', 'rocAuc'], alertMetric: 'accuracy' });
    const points = evaluatePerformance(monitor, reference, window, contextOf('binary', schema));
    expect(points[1].value).toBe(accuracyScore([1, 1, 1], [1, 0, 1]));
    expect(points[2]).toMatchObject({ metric: 'rocAuc', value: null, status: 'insufficient' });
    expect(points[2].details?.reason).toMatch(/rocAucScore/);
  });

  it('guesses the positive class 1 / true when the schema names none', () => {
    const window = rowsOf({ prediction: [1, 0, 1, 1], label: [1, 0, 0, 1] });
    const monitor = monitorOf('performance', { metrics: ['f1'] });
    const points = evaluatePerformance(monitor, window, window, contextOf('binary', { features: [] }));
    expect(points[1].value).toBe(f1Score([1, 0, 0, 1], [1, 0, 1, 1]));
    const named = rowsOf({ prediction: ['a', 'b'], label: ['a', 'a'] });
    const unnamed = evaluatePerformance(monitor, named, named, contextOf('binary', { features: [] }));
    expect(unnamed[1].details?.reason).toMatch(/positive class/);
  });

  it('computes multiclass accuracy and f1Macro over the classes present, as vigil eval', () => {
    const label = categories(200, 5, ['a', 'b', 'c'], [3, 2, 1]);
    const prediction = label.map((l, i) => (i % 4 === 0 ? 'b' : l));
    const window = rowsOf({ prediction, label });
    const monitor = monitorOf('performance', { metrics: ['accuracy', 'f1Macro'] });
    const points = evaluatePerformance(monitor, window, window, contextOf('multiclass', { features: [] }));
    const code = (v: string[]) => v.map((l) => ['a', 'b', 'c'].indexOf(l));
    expect(points[1].value).toBe(accuracyScore(code(label), code(prediction)));
    expect(points[2].value).toBe(
      f1Score(code(label), code(prediction), { average: 'macro', labels: [0, 1, 2] }),
    );
  });

  it('computes multiclass ROC AUC from the probas of the schema classes', () => {
    const label = categories(150, 6, ['a', 'b', 'c'], [1, 1, 1]);
    const u = uniforms(150, 7);
    const probas = { a: [] as number[], b: [] as number[], c: [] as number[] };
    label.forEach((l, i) => {
      const hit = 0.5 + 0.4 * u[i];
      for (const c of ['a', 'b', 'c'] as const) probas[c].push(c === l ? hit : (1 - hit) / 2);
    });
    const window = rowsOf({ prediction: label, label, probas });
    const s: ModelSchema = { features: [], classes: ['a', 'b', 'c'] };
    const monitor = monitorOf('performance', { metrics: ['rocAucOvrMacro'] });
    const [, auc] = evaluatePerformance(monitor, window, window, contextOf('multiclass', s));
    const codes3 = label.map((l) => ['a', 'b', 'c'].indexOf(l));
    expect(auc.value).toBe(rocAucOvr(codes3, [probas.a, probas.b, probas.c], { average: 'macro' }));
  });

  it('computes regression rmse and mae on rows with a numeric label, lower-is-better rules relative', () => {
    const truth = Array.from(normals(120, 8, 10, 2));
    const refPred = truth.map((t, i) => t + (i % 2 === 0 ? 0.5 : -0.5));
    const curPred = truth.map((t, i) => t + (i % 2 === 0 ? 1.5 : -1));
    const label = truth.map((t, i) => (i < 100 ? t : null));
    const rule = { operator: 'gt', value: 1.25, relativeToReference: true, severity: 'critical' } as const;
    const monitor = monitorOf('performance', { metrics: ['rmse', 'mae'], alertMetric: 'rmse' }, rule);
    const points = evaluatePerformance(
      monitor,
      rowsOf({ prediction: refPred, label: truth }),
      rowsOf({ prediction: curPred, label }),
      contextOf('regression', { features: [] }),
    );
    const rmse = rootMeanSquaredError(truth.slice(0, 100), curPred.slice(0, 100));
    expect(points[1]).toMatchObject({ metric: 'rmse', value: rmse, status: 'breach' });
    expect(points[1].details).toMatchObject({ reference: rootMeanSquaredError(truth, refPred) });
    // mae is reported but not judged (the rule is on rmse).
    expect(points[2]).toMatchObject({
      metric: 'mae',
      value: meanAbsoluteError(truth.slice(0, 100), curPred.slice(0, 100)),
      status: 'ok',
    });
  });
});
