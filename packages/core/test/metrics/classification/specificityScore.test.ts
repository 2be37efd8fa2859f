import { describe, expect, it } from 'vitest';
import { specificityScore } from '../../../src/metrics/classification/specificityScore.js';
import { expectClose } from '../../helpers/close.js';
import { golden, num, thrown } from './golden.js';

describe('specificityScore golden (TN / (TN + FP) from sklearn.metrics.confusion_matrix 1.2.1)', () => {
  for (const c of golden.binaryLabelCases) {
    for (const zeroDivision of [0, 1] as const) {
      it(`specificityScore(${c.name}, zeroDivision ${zeroDivision}) matches`, () => {
        expectClose(
          specificityScore(c.yTrue, c.yPred, { zeroDivision, sampleWeight: c.sampleWeight }),
          num(c.expected[`zd${zeroDivision}`].specificity),
        );
      });
    }
  }
});

describe('specificityScore behaviour', () => {
  it('specificityScore(doc example) is 2/3', () => {
    expect(specificityScore([0, 0, 0, 1], [0, 1, 0, 1])).toBe(2 / 3);
  });
  it("specificityScore(no negatives, zeroDivision 'nan') is NaN", () => {
    expect(specificityScore([1, 1], [1, 0], { zeroDivision: 'nan' })).toBeNaN();
  });
  it('specificityScore(code 2) throws INVALID_ARGUMENT: binary only', () => {
    const error = thrown(() => specificityScore([0, 2], [0, 1]));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toBe('specificityScore: yTrue must be binary class codes 0 or 1; got 2 at index 1');
  });
  it('specificityScore(zeroDivision 2) throws INVALID_ARGUMENT', () => {
    // @ts-expect-error: 2 is not a ZeroDivision
    expect(thrown(() => specificityScore([0], [0], { zeroDivision: 2 })).code).toBe('INVALID_ARGUMENT');
  });
  it('specificityScore([], []) throws EMPTY_INPUT', () => {
    expect(thrown(() => specificityScore([], [])).code).toBe('EMPTY_INPUT');
  });
});
