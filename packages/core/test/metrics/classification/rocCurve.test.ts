import { describe, expect, it } from 'vitest';
import { rocAucScore } from '../../../src/metrics/classification/rocAucScore.js';
import { rocCurve } from '../../../src/metrics/classification/rocCurve.js';
import { expectClose } from '../../helpers/close.js';
import { expectAllClose, golden, thrown } from './golden.js';

describe('rocCurve golden (sklearn.metrics.roc_curve 1.2.1)', () => {
  for (const c of golden.binaryScoreCases) {
    const { rocCurve: dropped, rocCurveAll: all } = c.expected;
    if (dropped === undefined || all === undefined) continue;
    it(`rocCurve(${c.name}) matches sklearn with drop_intermediate=True`, () => {
      const curve = rocCurve(c.yTrue, c.yScore);
      expectAllClose(curve.fpr, dropped.fpr);
      expectAllClose(curve.tpr, dropped.tpr);
      expectAllClose(curve.thresholds, dropped.thresholds);
    });
    it(`rocCurve(${c.name}, dropIntermediate false) matches sklearn with every threshold`, () => {
      const curve = rocCurve(c.yTrue, c.yScore, { dropIntermediate: false });
      expectAllClose(curve.fpr, all.fpr);
      expectAllClose(curve.tpr, all.tpr);
      expectAllClose(curve.thresholds, all.thresholds);
    });
  }
});

describe('rocCurve behaviour', () => {
  it('rocCurve(doc example) starts at (0, 0) with threshold max + 1', () => {
    const curve = rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    expect(Array.from(curve.fpr)).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(Array.from(curve.tpr)).toEqual([0, 0.5, 0.5, 1, 1]);
    expectAllClose(curve.thresholds, [1.8, 0.8, 0.4, 0.35, 0.1]);
  });
  it('rocCurve trapezoid area equals rocAucScore', () => {
    const yTrue = [0, 1, 1, 0, 1, 0, 0, 1, 1, 0];
    const yScore = [0.1, 0.9, 0.4, 0.4, 0.7, 0.2, 0.8, 0.4, 0.6, 0.3];
    const { fpr, tpr } = rocCurve(yTrue, yScore);
    let area = 0;
    for (let i = 1; i < fpr.length; i++) area += ((fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1])) / 2;
    expectClose(area, rocAucScore(yTrue, yScore));
  });
  it('rocCurve(one class) throws ONE_CLASS (sklearn returns NaN rates)', () => {
    expect(thrown(() => rocCurve([0, 0], [0.1, 0.2])).code).toBe('ONE_CLASS');
  });
  it('rocCurve(NaN score) throws NON_FINITE', () => {
    expect(thrown(() => rocCurve([0, 1], [Number.NaN, 0.2])).code).toBe('NON_FINITE');
  });
  it('rocCurve([], []) throws EMPTY_INPUT', () => {
    expect(thrown(() => rocCurve([], [])).code).toBe('EMPTY_INPUT');
  });
});
