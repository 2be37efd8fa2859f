import { describe, expect, it } from 'vitest';
import { adjustedR2Score } from '../../../src/metrics/regression/adjustedR2Score.js';
import { expectClose } from '../../helpers/close.js';
import { regressionCases } from './regressionCases.js';

describe('adjustedR2Score golden (formula on scikit-learn 1.2.1 r2_score)', () => {
  for (const c of regressionCases) {
    for (const { nFeatures, value } of c.adjusted) {
      it(`adjustedR2Score(${c.name}, nFeatures = ${nFeatures}) matches`, () => {
        expectClose(adjustedR2Score(c.yTrue, c.yPred, { nFeatures }), value);
      });
    }
  }
});

describe('adjustedR2Score edge cases', () => {
  it('adjustedR2Score(nFeatures = 0) equals r2Score', () => {
    expect(adjustedR2Score([3, -0.5, 2, 7], [2.5, 0, 2, 8], { nFeatures: 0 })).toBe(0.9486081370449679);
  });
  it('adjustedR2Score(n - p - 1 = 0) is NaN (undefined)', () => {
    expect(adjustedR2Score([1, 2, 3], [1, 2, 4], { nFeatures: 2 })).toBeNaN();
    expect(adjustedR2Score([1, 2, 3], [1, 2, 4], { nFeatures: 5 })).toBeNaN();
  });
  it('adjustedR2Score(n = 1) is NaN', () => {
    expect(adjustedR2Score([1], [1], { nFeatures: 0 })).toBeNaN();
  });
  it('adjustedR2Score(bad nFeatures) throws INVALID_ARGUMENT', () => {
    for (const nFeatures of [-1, 1.5, Number.NaN]) {
      expect(() => adjustedR2Score([1, 2, 3], [1, 2, 3], { nFeatures })).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      );
    }
    // @ts-expect-error: nFeatures is required
    expect(() => adjustedR2Score([1, 2, 3], [1, 2, 3], {})).toThrow(
      /nFeatures must be a non-negative integer/,
    );
  });
  it('adjustedR2Score(NaN in yTrue) throws NON_FINITE', () => {
    expect(() => adjustedR2Score([Number.NaN, 1, 2], [1, 1, 2], { nFeatures: 0 })).toThrow(
      expect.objectContaining({
        code: 'NON_FINITE',
        message: 'adjustedR2Score: yTrue must be finite numbers; got NaN at index 0',
      }),
    );
    expect(() => adjustedR2Score([], [], { nFeatures: 0 })).toThrow(
      expect.objectContaining({ code: 'EMPTY_INPUT' }),
    );
  });
});
