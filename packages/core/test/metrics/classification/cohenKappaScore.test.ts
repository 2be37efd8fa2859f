import { describe, expect, it } from 'vitest';
import { cohenKappaScore } from '../../../src/metrics/classification/cohenKappaScore.js';
import { expectClose } from '../../helpers/close.js';
import { golden, num, thrown } from './golden.js';

describe('cohenKappaScore golden (sklearn.metrics.cohen_kappa_score 1.2.1)', () => {
  for (const c of golden.binaryLabelCases) {
    it(`cohenKappaScore(${c.name}) matches sklearn`, () => {
      expectClose(cohenKappaScore(c.yTrue, c.yPred, { sampleWeight: c.sampleWeight }), num(c.expected.kappa));
    });
  }
  for (const c of golden.multiclassLabelCases) {
    const sampleWeight = c.sampleWeight;
    for (const weights of [undefined, 'linear', 'quadratic'] as const) {
      const key = weights ?? 'none';
      it(`cohenKappaScore(${c.name}, weights ${key}) matches sklearn with default labels`, () => {
        expectClose(
          cohenKappaScore(c.yTrue, c.yPred, { weights, sampleWeight }),
          num(c.expected.kappaDefault[key]),
        );
      });
      it(`cohenKappaScore(${c.name}, weights ${key}, nClasses) matches sklearn with labels=range(k)`, () => {
        expectClose(
          cohenKappaScore(c.yTrue, c.yPred, { weights, sampleWeight, nClasses: c.nClasses }),
          num(c.expected.kappaAll[key]),
        );
      });
    }
  }
});

describe('cohenKappaScore behaviour', () => {
  it('cohenKappaScore(doc example) is 0.5', () => {
    expect(cohenKappaScore([0, 1, 1, 0], [0, 1, 0, 0])).toBe(0.5);
  });
  it('cohenKappaScore(both constant, same class) is NaN (0/0, as sklearn)', () => {
    expect(cohenKappaScore([1, 1], [1, 1])).toBeNaN();
  });
  it("cohenKappaScore(weights 'cubic') throws INVALID_ARGUMENT", () => {
    // @ts-expect-error: not a weighting
    expect(thrown(() => cohenKappaScore([0, 1], [0, 1], { weights: 'cubic' })).code).toBe('INVALID_ARGUMENT');
  });
  it('cohenKappaScore([], []) throws EMPTY_INPUT', () => {
    expect(thrown(() => cohenKappaScore([], [])).code).toBe('EMPTY_INPUT');
  });
});
