import { describe, expect, it } from 'vitest';
import { rocAucOvr, rocAucScore } from '../../../src/metrics/classification/rocAucScore.js';
import { createRandom } from '../../../src/stats/random.js';
import { expectClose } from '../../helpers/close.js';
import { golden, thrown } from './golden.js';

describe('rocAucScore golden (sklearn.metrics.roc_auc_score 1.2.1)', () => {
  for (const c of golden.binaryScoreCases) {
    const expected = c.expected.rocAuc;
    if (expected === null) {
      it(`rocAucScore(${c.name}) throws ONE_CLASS where sklearn raises`, () => {
        expect(thrown(() => rocAucScore(c.yTrue, c.yScore)).code).toBe('ONE_CLASS');
      });
    } else {
      it(`rocAucScore(${c.name}) matches sklearn`, () => {
        expectClose(rocAucScore(c.yTrue, c.yScore), expected);
      });
    }
  }
});

describe('rocAucOvr golden (sklearn.metrics.roc_auc_score multi_class="ovr" 1.2.1)', () => {
  for (const c of golden.probaCases) {
    const { rocAucOvrMacro, rocAucOvrWeighted } = c.expected;
    if (rocAucOvrMacro === undefined || rocAucOvrWeighted === undefined) continue;
    it(`rocAucOvr(${c.name}, macro) matches sklearn`, () => {
      expectClose(rocAucOvr(c.yTrue, c.yProba), rocAucOvrMacro);
    });
    it(`rocAucOvr(${c.name}, weighted) matches sklearn`, () => {
      expectClose(rocAucOvr(c.yTrue, c.yProba, { average: 'weighted' }), rocAucOvrWeighted);
    });
  }
});

/** AUC by definition: P(s+ > s-) + ½ P(s+ = s-), over all pairs (O(P·N), for checking). */
function pairwiseAuc(yTrue: ArrayLike<number>, yScore: ArrayLike<number>): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < yTrue.length; i++) {
    if (yTrue[i] !== 1) continue;
    for (let j = 0; j < yTrue.length; j++) {
      if (yTrue[j] !== 0) continue;
      pairs++;
      if (yScore[i] > yScore[j]) wins += 1;
      else if (yScore[i] === yScore[j]) wins += 0.5;
    }
  }
  return wins / pairs;
}

describe('rocAucScore behaviour', () => {
  it('rocAucScore(doc example) is 0.75', () => {
    expect(rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
  });
  it('rocAucScore(200 000 scores with ties) equals the pairwise and rank-sum (Mann–Whitney) definitions', () => {
    // n = 200 000 puts both classes above the radix-sort threshold (65 536), so that path is checked too.
    const random = createRandom(7);
    const n = 200_000;
    const yTrue = new Int32Array(n);
    const yScore = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      yTrue[i] = random.next() < 0.45 ? 1 : 0;
      // Rounded to 3 decimals so that ties across classes are common; some negative decision values.
      yScore[i] = Math.round((random.next() + 0.3 * yTrue[i] - 0.2) * 1000) / 1000;
    }
    const sub = 3000;
    const [t, s] = [yTrue.subarray(0, sub), yScore.subarray(0, sub)];
    expectClose(rocAucScore(t, s), pairwiseAuc(t, s));
    // Full-size AUC against the rank-sum (Mann–Whitney U) formula with mid-ranks.
    expectClose(rocAucScore(yTrue, yScore), rankSumAuc(yTrue, yScore));
  });
  it('rocAucScore(constant score) is 0.5', () => {
    expect(rocAucScore([0, 1, 0, 1, 1], [0.3, 0.3, 0.3, 0.3, 0.3])).toBe(0.5);
  });
  it('rocAucScore(-0 and +0 scores) treats them as one tie', () => {
    expect(rocAucScore([0, 1], [0, -0])).toBe(0.5);
  });
  it('rocAucScore(only class 1) throws ONE_CLASS naming the missing class and what to do', () => {
    const error = thrown(() => rocAucScore([1, 1, 1], [0.2, 0.5, 0.9]));
    expect(error.code).toBe('ONE_CLASS');
    expect(error.message).toBe(
      'rocAucScore: yTrue must contain both classes 0 and 1; got only class 1 in 3 samples (class 0, the negatives, ' +
        'is missing). ROC AUC is undefined without negatives: evaluate on data that contains both classes (a ' +
        'longer window, a larger or stratified sample).',
    );
    expect(error.details).toEqual({ missingClass: 0, n: 3 });
  });
  it('rocAucScore(n = 1) throws ONE_CLASS', () => {
    expect(thrown(() => rocAucScore([0], [0.5])).code).toBe('ONE_CLASS');
  });
  it('rocAucScore([], []) throws EMPTY_INPUT', () => {
    expect(thrown(() => rocAucScore([], [])).code).toBe('EMPTY_INPUT');
  });
  it('rocAucScore(NaN score) throws NON_FINITE with the index', () => {
    const error = thrown(() => rocAucScore([0, 1, 1], [0.1, 0.2, Number.NaN]));
    expect(error.code).toBe('NON_FINITE');
    expect(error.message).toBe('rocAucScore: yScore must be finite numbers; got NaN at index 2');
  });
  it('rocAucScore(Infinity score) throws NON_FINITE', () => {
    expect(thrown(() => rocAucScore([0, 1], [0.1, Number.POSITIVE_INFINITY])).code).toBe('NON_FINITE');
  });
  it('rocAucScore(label 2) throws INVALID_ARGUMENT', () => {
    expect(thrown(() => rocAucScore([0, 2], [0.1, 0.2])).code).toBe('INVALID_ARGUMENT');
  });
});

/** AUC = (R₊ − P(P+1)/2) / (P·N) with mid-ranks for ties (Mann & Whitney 1947), via a plain sort. */
function rankSumAuc(yTrue: ArrayLike<number>, yScore: ArrayLike<number>): number {
  const n = yTrue.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => yScore[a] - yScore[b]);
  let rankSum = 0;
  let nPos = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && yScore[order[j]] === yScore[order[i]]) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (yTrue[order[k]] === 1) rankSum += midRank;
    i = j;
  }
  for (let i = 0; i < n; i++) nPos += yTrue[i];
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * (n - nPos));
}

describe('rocAucOvr behaviour', () => {
  it('rocAucOvr(doc example) is 1', () => {
    expect(
      rocAucOvr(
        [0, 1, 2, 2],
        [
          [0.8, 0.1, 0.1, 0.2],
          [0.1, 0.7, 0.2, 0.2],
          [0.1, 0.2, 0.7, 0.6],
        ],
      ),
    ).toBe(1);
  });
  it('rocAucOvr(k = 2) equals the binary AUC of column 1', () => {
    const yTrue = [0, 1, 1, 0, 1, 0];
    const p1 = [0.25, 0.5, 0.75, 0.5, 0.875, 0.125];
    const p0 = p1.map((p) => 1 - p);
    expect(rocAucOvr(yTrue, [p0, p1])).toBe(rocAucScore(yTrue, p1));
  });
  it('rocAucOvr(class never in yTrue) throws ONE_CLASS naming the class', () => {
    const error = thrown(() =>
      rocAucOvr(
        [0, 0, 2],
        [
          [0.5, 0.6, 0.1],
          [0.2, 0.2, 0.2],
          [0.3, 0.2, 0.7],
        ],
      ),
    );
    expect(error.code).toBe('ONE_CLASS');
    expect(error.message).toMatch(
      /^rocAucOvr: yTrue must contain every class 0 … 2; got no sample of class 1 in 3/,
    );
  });
  it('rocAucOvr(row summing to 0.9) throws INVALID_PROBABILITY naming the row and its sum', () => {
    const error = thrown(() =>
      rocAucOvr(
        [0, 1, 2],
        [
          [0.5, 0.2, 0.1],
          [0.3, 0.7, 0.2],
          [0.2, 0.0, 0.7],
        ],
      ),
    );
    expect(error.code).toBe('INVALID_PROBABILITY');
    expect(error.details?.index).toBe(1);
    expectClose(error.details?.sum as number, 0.9, 1e-12);
    expect(error.message).toBe(
      // Row 1 is (0.2, 0.7, 0.0); 0.2 + 0.7 is 0.8999999999999999 in binary floating point.
      'rocAucOvr: yProba rows must sum to 1 (within 1e-6); got 0.8999999999999999 at row index 1',
    );
  });
  it('rocAucOvr(code ≥ number of columns) throws INVALID_ARGUMENT', () => {
    expect(
      thrown(() =>
        rocAucOvr(
          [0, 3],
          [
            [1, 0],
            [0, 1],
          ],
        ),
      ).code,
    ).toBe('INVALID_ARGUMENT');
  });
  it('rocAucOvr(columns of different length) throws LENGTH_MISMATCH', () => {
    expect(thrown(() => rocAucOvr([0, 1], [[1, 0], [0]])).code).toBe('LENGTH_MISMATCH');
  });
  it('rocAucOvr(one column) throws INVALID_ARGUMENT', () => {
    expect(thrown(() => rocAucOvr([0, 0], [[1, 1]])).code).toBe('INVALID_ARGUMENT');
  });
});
