import { describe, expect, it } from 'vitest';
import { confusionMatrix } from '../../../src/metrics/classification/confusionMatrix.js';
import { expectAllClose, golden, thrown } from './golden.js';

function expectMatrix(actual: number[][], expected: number[][]): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) expectAllClose(actual[i], expected[i]);
}

describe('confusionMatrix golden (sklearn.metrics.confusion_matrix 1.2.1)', () => {
  for (const c of golden.binaryLabelCases) {
    it(`confusionMatrix(${c.name}, labels [0, 1]) matches sklearn`, () => {
      const { matrix, labels } = confusionMatrix(c.yTrue, c.yPred, {
        labels: [0, 1],
        sampleWeight: c.sampleWeight,
      });
      expect(labels).toEqual([0, 1]);
      expectMatrix(matrix, c.expected.confusionMatrix);
    });
  }
  for (const c of golden.multiclassLabelCases) {
    const w = c.sampleWeight;
    it(`confusionMatrix(${c.name}) uses the classes present, like sklearn's default`, () => {
      const { matrix, labels } = confusionMatrix(c.yTrue, c.yPred, { sampleWeight: w });
      expect(labels).toEqual(c.expected.defaultLabels);
      expectMatrix(matrix, c.expected.confusionMatrixDefault);
    });
    it(`confusionMatrix(${c.name}, nClasses ${c.nClasses}) has a row and column per class`, () => {
      const { matrix, labels } = confusionMatrix(c.yTrue, c.yPred, { nClasses: c.nClasses, sampleWeight: w });
      expect(labels).toHaveLength(c.nClasses);
      expectMatrix(matrix, c.expected.confusionMatrixAll);
    });
    it(`confusionMatrix(${c.name}, labels ${c.expected.subsetLabels}) keeps the given order and drops other samples`, () => {
      const { matrix } = confusionMatrix(c.yTrue, c.yPred, {
        labels: c.expected.subsetLabels,
        sampleWeight: w,
      });
      expectMatrix(matrix, c.expected.confusionMatrixSubset);
    });
  }
});

describe('confusionMatrix behaviour', () => {
  it('confusionMatrix(doc example) gives rows = true class, columns = predicted class', () => {
    expect(confusionMatrix([0, 1, 1, 2], [0, 1, 2, 2], { nClasses: 3 })).toEqual({
      matrix: [
        [1, 0, 0],
        [0, 1, 1],
        [0, 0, 1],
      ],
      labels: [0, 1, 2],
    });
  });
  it('confusionMatrix(Int32Array codes) accepts typed arrays', () => {
    const { matrix } = confusionMatrix(Int32Array.from([0, 0, 1]), Int32Array.from([0, 1, 1]));
    expect(matrix).toEqual([
      [1, 1],
      [0, 1],
    ]);
  });
  it('confusionMatrix(n = 1) is a 1×1 matrix by default', () => {
    expect(confusionMatrix([3], [3]).matrix).toEqual([[1]]);
  });
  it('confusionMatrix([], []) throws EMPTY_INPUT', () => {
    expect(thrown(() => confusionMatrix([], [])).code).toBe('EMPTY_INPUT');
  });
  it('confusionMatrix(lengths 3 and 2) throws LENGTH_MISMATCH', () => {
    expect(thrown(() => confusionMatrix([0, 1, 1], [0, 1])).code).toBe('LENGTH_MISMATCH');
  });
  it('confusionMatrix(NaN label) throws NON_FINITE with its index', () => {
    const error = thrown(() => confusionMatrix([0, 1, 1], [0, Number.NaN, 1]));
    expect(error.code).toBe('NON_FINITE');
    expect(error.message).toBe('confusionMatrix: yPred must be finite class codes; got NaN at index 1');
    expect(error.details).toEqual({ index: 1, value: Number.NaN });
  });
  it('confusionMatrix(code ≥ nClasses) throws INVALID_ARGUMENT naming the range', () => {
    const error = thrown(() => confusionMatrix([0, 3], [0, 1], { nClasses: 3 }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toBe(
      'confusionMatrix: yTrue must be integer class codes from 0 to 2 (nClasses = 3); got 3 at index 1',
    );
  });
  it('confusionMatrix(labels and nClasses) throws INVALID_ARGUMENT', () => {
    expect(thrown(() => confusionMatrix([0], [0], { labels: [0], nClasses: 1 })).code).toBe(
      'INVALID_ARGUMENT',
    );
  });
  it('confusionMatrix(duplicate labels) throws INVALID_ARGUMENT', () => {
    expect(thrown(() => confusionMatrix([0], [0], { labels: [0, 0] })).message).toMatch(
      /distinct class codes/,
    );
  });
  it('confusionMatrix(negative sample weight) throws INVALID_ARGUMENT', () => {
    expect(thrown(() => confusionMatrix([0, 1], [0, 1], { sampleWeight: [1, -1] })).code).toBe(
      'INVALID_ARGUMENT',
    );
  });
});
