import { describe, expect, it } from 'vitest';
import { averagePrecisionScore } from '../../../src/metrics/classification/averagePrecisionScore.js';
import { precisionRecallCurve } from '../../../src/metrics/classification/precisionRecallCurve.js';
import { createRandom } from '../../../src/stats/random.js';
import { expectClose } from '../../helpers/close.js';
import { golden, thrown } from './golden.js';

describe('averagePrecisionScore golden (sklearn.metrics.average_precision_score 1.2.1)', () => {
  for (const c of golden.binaryScoreCases) {
    const expected = c.expected.prAuc;
    if (expected === null) {
      it(`averagePrecisionScore(${c.name}) throws ONE_CLASS (no positives; sklearn warns and returns 0)`, () => {
        expect(thrown(() => averagePrecisionScore(c.yTrue, c.yScore)).code).toBe('ONE_CLASS');
      });
    } else {
      it(`averagePrecisionScore(${c.name}) matches sklearn`, () => {
        expectClose(averagePrecisionScore(c.yTrue, c.yScore), expected);
      });
    }
  }
});

describe('averagePrecisionScore behaviour', () => {
  it('averagePrecisionScore(doc example) is 5/6', () => {
    expectClose(averagePrecisionScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 5 / 6);
  });
  it('averagePrecisionScore(150 000 rows) equals −Σ Δrecall · precision over precisionRecallCurve', () => {
    // Large enough for the radix-sort path; the curve is computed independently of the AP loop.
    const random = createRandom(11);
    const n = 150_000;
    const yTrue = new Int32Array(n);
    const yScore = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      yTrue[i] = random.next() < 0.5 ? 1 : 0;
      yScore[i] = Math.round((random.next() + 0.4 * yTrue[i]) * 500) / 500;
    }
    const { precision, recall } = precisionRecallCurve(yTrue, yScore);
    let ap = 0;
    for (let i = 0; i < recall.length - 1; i++) ap -= (recall[i + 1] - recall[i]) * precision[i];
    expectClose(averagePrecisionScore(yTrue, yScore), ap, 1e-12);
  });
  it('averagePrecisionScore(all positive) is 1', () => {
    expect(averagePrecisionScore([1, 1, 1], [0.1, 0.5, 0.5])).toBe(1);
  });
  it('averagePrecisionScore(no positives) throws ONE_CLASS saying the positives are missing', () => {
    const error = thrown(() => averagePrecisionScore([0, 0, 0], [0.1, 0.5, 0.3]));
    expect(error.code).toBe('ONE_CLASS');
    expect(error.message).toMatch(/class 1, the positives, is missing/);
  });
  it('averagePrecisionScore(NaN) throws NON_FINITE', () => {
    expect(thrown(() => averagePrecisionScore([0, 1], [0.1, Number.NaN])).code).toBe('NON_FINITE');
  });
});
