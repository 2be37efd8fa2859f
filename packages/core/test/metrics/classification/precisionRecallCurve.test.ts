import { describe, expect, it } from 'vitest';
import { precisionRecallCurve } from '../../../src/metrics/classification/precisionRecallCurve.js';
import { expectAllClose, golden, thrown } from './golden.js';

describe('precisionRecallCurve golden (sklearn.metrics.precision_recall_curve 1.2.1)', () => {
  for (const c of golden.binaryScoreCases) {
    const expected = c.expected.prCurve;
    if (expected === undefined) continue;
    it(`precisionRecallCurve(${c.name}) matches sklearn`, () => {
      const curve = precisionRecallCurve(c.yTrue, c.yScore);
      expectAllClose(curve.precision, expected.precision);
      expectAllClose(curve.recall, expected.recall);
      expectAllClose(curve.thresholds, expected.thresholds);
    });
  }
});

describe('precisionRecallCurve behaviour', () => {
  it('precisionRecallCurve(doc example) ends at recall 0, precision 1', () => {
    const curve = precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    expectAllClose(curve.precision, [0.5, 2 / 3, 0.5, 1, 1]);
    expect(Array.from(curve.recall)).toEqual([1, 1, 0.5, 0.5, 0]);
    expect(Array.from(curve.thresholds)).toEqual([0.1, 0.35, 0.4, 0.8]);
  });
  it('precisionRecallCurve(all positive) has precision 1 everywhere', () => {
    expect(Array.from(precisionRecallCurve([1, 1], [0.2, 0.6]).precision)).toEqual([1, 1, 1]);
  });
  it('precisionRecallCurve(no positives) throws ONE_CLASS (sklearn sets recall to 1 with a warning)', () => {
    const error = thrown(() => precisionRecallCurve([0, 0], [0.1, 0.2]));
    expect(error.code).toBe('ONE_CLASS');
    expect(error.message).toMatch(
      /^precisionRecallCurve: yTrue must contain at least one positive \(class 1\)/,
    );
  });
  it('precisionRecallCurve(lengths 2 and 1) throws LENGTH_MISMATCH', () => {
    expect(thrown(() => precisionRecallCurve([0, 1], [0.1])).code).toBe('LENGTH_MISMATCH');
  });
});
