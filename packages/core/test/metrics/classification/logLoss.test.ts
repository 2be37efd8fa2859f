import { describe, expect, it } from 'vitest';
import { logLoss, logLossMulticlass } from '../../../src/metrics/classification/logLoss.js';
import { expectClose } from '../../helpers/close.js';
import { golden, thrown } from './golden.js';

describe('logLoss golden (sklearn.metrics.log_loss 1.2.1, labels=[0, 1])', () => {
  for (const c of golden.binaryScoreCases) {
    const { logLoss: expected, logLossWeighted } = c.expected;
    if (expected === undefined) continue;
    it(`logLoss(${c.name}) matches sklearn`, () => {
      expectClose(logLoss(c.yTrue, c.yScore), expected);
    });
    if (logLossWeighted !== undefined) {
      it(`logLoss(${c.name}, sampleWeight) matches sklearn`, () => {
        expectClose(logLoss(c.yTrue, c.yScore, { sampleWeight: c.sampleWeight }), logLossWeighted);
      });
    }
  }
});

describe('logLossMulticlass golden (sklearn.metrics.log_loss 1.2.1, labels=range(k))', () => {
  for (const c of golden.probaCases) {
    it(`logLossMulticlass(${c.name}) matches sklearn`, () => {
      expectClose(logLossMulticlass(c.yTrue, c.yProba), c.expected.logLoss);
    });
  }
});

describe('logLoss behaviour', () => {
  it('logLoss(doc example) matches the sklearn docstring value 0.21616…', () => {
    expectClose(logLoss([1, 0, 0, 1], [0.9, 0.1, 0.2, 0.65]), 0.21616187468057912);
  });
  it('logLoss(p = 0 for a positive) is −log(eps) with the default eps = 2⁻⁵²', () => {
    expectClose(logLoss([1], [0]), -Math.log(Number.EPSILON));
  });
  it('logLoss(p = 0 for a positive, eps 1e-15) uses the given clipping (sklearn < 1.2 default)', () => {
    expectClose(logLoss([1], [0], { eps: 1e-15 }), -Math.log(1e-15), 1e-12);
  });
  it('logLoss(perfect 0/1 predictions) is about eps, not exactly 0', () => {
    expectClose(logLoss([0, 1], [0, 1]), Number.EPSILON, 0.01);
  });
  it('logLoss(only class 0 in yTrue) is defined (classes are always {0, 1})', () => {
    expectClose(logLoss([0, 0], [0.5, 0.5]), Math.LN2);
  });
  it('logLoss(1.2) throws INVALID_PROBABILITY with the index', () => {
    const error = thrown(() => logLoss([0, 1], [0.5, 1.2]));
    expect(error.code).toBe('INVALID_PROBABILITY');
    expect(error.message).toBe('logLoss: yScore must be probabilities in [0, 1]; got 1.2 at index 1');
  });
  it('logLoss(NaN) throws NON_FINITE', () => {
    expect(thrown(() => logLoss([0, 1], [Number.NaN, 0.5])).code).toBe('NON_FINITE');
  });
  it('logLoss(eps 0.5) throws INVALID_ARGUMENT', () => {
    expect(thrown(() => logLoss([0], [0.5], { eps: 0.5 })).code).toBe('INVALID_ARGUMENT');
  });
  it('logLoss([], []) throws EMPTY_INPUT', () => {
    expect(thrown(() => logLoss([], [])).code).toBe('EMPTY_INPUT');
  });
});

describe('logLossMulticlass behaviour', () => {
  const proba = [
    [0.8, 0.1, 0.2],
    [0.1, 0.6, 0.3],
    [0.1, 0.3, 0.5],
  ];
  it('logLossMulticlass(doc example) is −mean(log 0.8, log 0.6, log 0.5)', () => {
    expectClose(logLossMulticlass([0, 1, 2], proba), -(Math.log(0.8) + Math.log(0.6) + Math.log(0.5)) / 3);
  });
  it('logLossMulticlass(two columns) equals the binary logLoss of column 1', () => {
    const p1 = [0.25, 0.5, 0.875];
    expectClose(logLossMulticlass([0, 1, 1], [p1.map((p) => 1 - p), p1]), logLoss([0, 1, 1], p1));
  });
  it('logLossMulticlass(weights) weights each row', () => {
    const w = [1, 0, 3];
    expectClose(
      logLossMulticlass([0, 1, 2], proba, { sampleWeight: w }),
      -(Math.log(0.8) + 3 * Math.log(0.5)) / 4,
    );
  });
  it('logLossMulticlass(row summing to 1.1) throws INVALID_PROBABILITY naming the row', () => {
    const error = thrown(() =>
      logLossMulticlass(
        [0, 1],
        [
          [0.5, 0.5],
          [0.5, 0.6],
        ],
      ),
    );
    expect(error.code).toBe('INVALID_PROBABILITY');
    expect(error.details).toEqual({ index: 1, sum: 1.1 });
  });
  it('logLossMulticlass(row summing to 1 + 5e-7) renormalises the row, as sklearn', () => {
    // Within the 1e-6 tolerance, so accepted; the loss uses p / rowSum (without it: −log 0.5000005).
    expectClose(logLossMulticlass([0], [[0.5000005], [0.5]]), -Math.log(0.5000005 / 1.0000005), 1e-12);
  });
  it('logLossMulticlass(row off by 1e-9) is accepted', () => {
    expect(Number.isFinite(logLossMulticlass([0], [[0.5 + 1e-9], [0.5]]))).toBe(true);
  });
  it('logLossMulticlass(code 3 with 3 columns) throws INVALID_ARGUMENT', () => {
    expect(thrown(() => logLossMulticlass([3, 0, 1], proba)).code).toBe('INVALID_ARGUMENT');
  });
  it('logLossMulticlass(NaN probability) throws NON_FINITE naming the column', () => {
    const error = thrown(() =>
      logLossMulticlass(
        [0, 1],
        [
          [0.5, Number.NaN],
          [0.5, 0.5],
        ],
      ),
    );
    expect(error.code).toBe('NON_FINITE');
    expect(error.message).toBe('logLossMulticlass: yProba[0] must be finite numbers; got NaN at index 1');
  });
  it('logLossMulticlass(NaN label) throws NON_FINITE', () => {
    expect(thrown(() => logLossMulticlass([0, Number.NaN, 1], proba)).code).toBe('NON_FINITE');
  });
});
