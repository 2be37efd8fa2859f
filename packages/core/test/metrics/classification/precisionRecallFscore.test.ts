import { describe, expect, it } from 'vitest';
import {
  f1Score,
  fbetaScore,
  type PrecisionRecallOptions,
  precisionRecallFscoreSupport,
  precisionScore,
  recallScore,
} from '../../../src/metrics/classification/precisionRecallFscore.js';
import { expectClose } from '../../helpers/close.js';
import { type Averages, expectAllClose, golden, num, type PrfAll, thrown } from './golden.js';

type Scorer = (yTrue: number[], yPred: number[], options: PrecisionRecallOptions) => number;

/** Each averaged metric of the family with its key in the golden file. */
const scorers: [keyof Averages, string, Scorer][] = [
  ['precision', 'precisionScore', precisionScore],
  ['recall', 'recallScore', recallScore],
  ['f1', 'f1Score', f1Score],
  ['fbeta05', 'fbetaScore β=0.5', (t, p, o) => fbetaScore(t, p, { ...o, beta: 0.5 })],
  ['fbeta2', 'fbetaScore β=2', (t, p, o) => fbetaScore(t, p, { ...o, beta: 2 })],
];

/** expectClose with the quantity named in the failure message. */
function check(label: string, actual: number, expected: number): void {
  try {
    expectClose(actual, expected);
  } catch (error) {
    throw new Error(`${label}: ${(error as Error).message}`);
  }
}

function checkAll(
  name: string,
  yTrue: number[],
  yPred: number[],
  expected: PrfAll,
  options: Omit<PrecisionRecallOptions, 'average'>,
): void {
  it(`precision/recall/F(${name}, macro, micro, weighted) match sklearn`, () => {
    for (const average of ['macro', 'micro', 'weighted'] as const) {
      for (const [key, label, score] of scorers) {
        check(
          `${label} ${average}`,
          score(yTrue, yPred, { ...options, average }),
          num(expected[average][key]),
        );
      }
    }
  });
  it(`precisionRecallFscoreSupport(${name}) matches sklearn's average=None`, () => {
    const { zeroDivision, sampleWeight, labels, nClasses } = options;
    const result = precisionRecallFscoreSupport(yTrue, yPred, {
      zeroDivision,
      sampleWeight,
      labels,
      nClasses,
    });
    expectAllClose(result.precision, expected.perClass.precision);
    expectAllClose(result.recall, expected.perClass.recall);
    expectAllClose(result.fScore, expected.perClass.fScore);
    expectAllClose(result.support, expected.perClass.support);
  });
}

describe('precision/recall/F golden, binary codes (sklearn.metrics *_score 1.2.1)', () => {
  for (const c of golden.binaryLabelCases) {
    const sampleWeight = c.sampleWeight;
    for (const zeroDivision of [0, 1] as const) {
      const expected = c.expected[`zd${zeroDivision}`];
      it(`precision/recall/F(${c.name}, binary, zeroDivision ${zeroDivision}) match sklearn`, () => {
        for (const [key, label, score] of scorers) {
          check(label, score(c.yTrue, c.yPred, { zeroDivision, sampleWeight }), num(expected[key]));
        }
        check(
          'fbetaScore β=0',
          fbetaScore(c.yTrue, c.yPred, { beta: 0, zeroDivision, sampleWeight }),
          num(expected.fbeta0),
        );
      });
      checkAll(`${c.name}, zeroDivision ${zeroDivision}`, c.yTrue, c.yPred, expected.multiclass, {
        zeroDivision,
        sampleWeight,
      });
    }
  }
});

describe('precision/recall/F golden, multiclass (sklearn.metrics *_score 1.2.1)', () => {
  for (const c of golden.multiclassLabelCases) {
    const sampleWeight = c.sampleWeight;
    for (const zeroDivision of [0, 1] as const) {
      const expected = c.expected[`zd${zeroDivision}`];
      checkAll(`${c.name}, zeroDivision ${zeroDivision}`, c.yTrue, c.yPred, expected.default, {
        zeroDivision,
        sampleWeight,
      });
      checkAll(`${c.name}, nClasses, zeroDivision ${zeroDivision}`, c.yTrue, c.yPred, expected.all, {
        zeroDivision,
        sampleWeight,
        nClasses: c.nClasses,
      });
    }
    checkAll(`${c.name}, labels ${c.expected.subsetLabels}`, c.yTrue, c.yPred, c.expected.zd0Subset, {
      sampleWeight,
      labels: c.expected.subsetLabels,
    });
  }
});

describe('precision/recall/F behaviour', () => {
  it('precisionScore and recallScore(doc example) are 0.5', () => {
    expect(precisionScore([0, 1, 1, 0], [1, 1, 0, 0])).toBe(0.5);
    expect(recallScore([0, 1, 1, 0], [1, 1, 0, 0])).toBe(0.5);
  });
  it('fbetaScore(doc example, β=2) is 2/3', () => {
    expectClose(fbetaScore([0, 1, 1, 1], [1, 1, 0, 1], { beta: 2 }), 2 / 3);
  });
  it('f1Score(doc example, macro) is 4/15', () => {
    expectClose(f1Score([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], { average: 'macro' }), 4 / 15);
  });
  it('precisionRecallFscoreSupport(doc example) gives per-class values', () => {
    const r = precisionRecallFscoreSupport([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1]);
    expect(r.labels).toEqual([0, 1, 2]);
    expectAllClose(r.precision, [2 / 3, 0, 0]);
    expect(r.recall).toEqual([1, 0, 0]);
    expectAllClose(r.fScore, [0.8, 0, 0]);
    expect(r.support).toEqual([2, 2, 2]);
  });
  it('fbetaScore(β = Infinity) equals recall', () => {
    const t = [0, 1, 1, 1, 0];
    const p = [1, 1, 0, 1, 0];
    expect(fbetaScore(t, p, { beta: Number.POSITIVE_INFINITY })).toBe(recallScore(t, p));
  });
  it('recallScore(micro over all classes) equals accuracy', () => {
    expect(recallScore([0, 1, 2, 2], [0, 2, 2, 1], { average: 'micro' })).toBe(0.5);
  });
  it("precisionScore(nothing predicted positive, zeroDivision 'nan') is NaN", () => {
    expect(precisionScore([0, 1], [0, 0], { zeroDivision: 'nan' })).toBeNaN();
  });
  it("f1Score(positives but none predicted, zeroDivision 'nan') is 0, not NaN (F from counts)", () => {
    expect(f1Score([0, 1], [0, 0], { zeroDivision: 'nan' })).toBe(0);
  });
  it("f1Score(no positives and none predicted, zeroDivision 'nan') is NaN", () => {
    expect(f1Score([0, 0], [0, 0], { zeroDivision: 'nan' })).toBeNaN();
  });
  it("precisionScore(macro, zeroDivision 'nan') averages over the defined classes only", () => {
    // Class 2 is never predicted: its precision is NaN and left out; classes 0 and 1 have precision 1 and 0.5.
    expect(precisionScore([0, 1, 2], [0, 1, 1], { average: 'macro', zeroDivision: 'nan' })).toBe(0.75);
  });
  it('precisionScore(code 2, binary) throws INVALID_ARGUMENT suggesting a multiclass average', () => {
    const error = thrown(() => precisionScore([0, 2], [0, 1]));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.hint).toMatch(/average "macro"/);
  });
  it('precisionScore(binary with nClasses) throws INVALID_ARGUMENT', () => {
    expect(thrown(() => precisionScore([0, 1], [0, 1], { nClasses: 2 })).code).toBe('INVALID_ARGUMENT');
  });
  it("precisionScore(average 'samples') throws INVALID_ARGUMENT", () => {
    // @ts-expect-error: not an average we support
    expect(thrown(() => precisionScore([0, 1], [0, 1], { average: 'samples' })).code).toBe(
      'INVALID_ARGUMENT',
    );
  });
  it('fbetaScore(β = -1) throws INVALID_ARGUMENT', () => {
    expect(thrown(() => fbetaScore([0, 1], [0, 1], { beta: -1 })).code).toBe('INVALID_ARGUMENT');
  });
  it('f1Score([], []) throws EMPTY_INPUT', () => {
    expect(thrown(() => f1Score([], [])).code).toBe('EMPTY_INPUT');
  });
  it('recallScore(NaN in yTrue) throws NON_FINITE with the index', () => {
    expect(thrown(() => recallScore([0, Number.NaN], [0, 1])).details).toEqual({
      index: 1,
      value: Number.NaN,
    });
  });
});
