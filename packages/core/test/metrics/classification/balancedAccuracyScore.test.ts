import { describe, expect, it } from 'vitest';
import { balancedAccuracyScore } from '../../../src/metrics/classification/balancedAccuracyScore.js';
import { expectClose } from '../../helpers/close.js';
import { golden, num, thrown } from './golden.js';

describe('balancedAccuracyScore golden (sklearn.metrics.balanced_accuracy_score 1.2.1)', () => {
  for (const c of [...golden.binaryLabelCases, ...golden.multiclassLabelCases]) {
    const sampleWeight = c.sampleWeight;
    it(`balancedAccuracyScore(${c.name}) matches sklearn`, () => {
      expectClose(
        balancedAccuracyScore(c.yTrue, c.yPred, { sampleWeight }),
        num(c.expected.balancedAccuracy),
      );
    });
    it(`balancedAccuracyScore(${c.name}, adjusted) matches sklearn`, () => {
      expectClose(
        balancedAccuracyScore(c.yTrue, c.yPred, { sampleWeight, adjusted: true }),
        num(c.expected.balancedAccuracyAdjusted),
      );
    });
  }
});

describe('balancedAccuracyScore behaviour', () => {
  it('balancedAccuracyScore(doc example) is 0.625', () => {
    expect(balancedAccuracyScore([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1])).toBe(0.625);
  });
  it('balancedAccuracyScore(class only predicted) leaves that class out of the mean', () => {
    // Class 2 is never true: the mean is over classes 0 and 1 only (recalls 1 and 0.5).
    expect(balancedAccuracyScore([0, 1, 1], [0, 1, 2])).toBe(0.75);
  });
  it('balancedAccuracyScore([], []) throws EMPTY_INPUT', () => {
    expect(thrown(() => balancedAccuracyScore([], [])).code).toBe('EMPTY_INPUT');
  });
  it('balancedAccuracyScore(NaN) throws NON_FINITE', () => {
    expect(thrown(() => balancedAccuracyScore([Number.NaN], [0])).code).toBe('NON_FINITE');
  });
});
