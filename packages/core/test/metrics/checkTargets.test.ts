import { describe, expect, it } from 'vitest';
import {
  checkBinaryCodes,
  checkBothClasses,
  checkClassCodes,
  checkLabelTargets,
  checkProbabilityColumns,
  checkProbabilityValues,
  checkSampleWeight,
  checkScores,
  checkZeroDivision,
} from '../../src/metrics/checkTargets.js';
import { thrown } from './classification/golden.js';

describe('checkClassCodes', () => {
  it('checkClassCodes(valid codes) returns the largest code', () => {
    expect(checkClassCodes('f', 'y', Int32Array.from([0, 4, 2]))).toBe(4);
    expect(checkClassCodes('f', 'y', [])).toBe(-1);
  });
  it('checkClassCodes(NaN) throws NON_FINITE with index and a hint', () => {
    const error = thrown(() => checkClassCodes('f', 'yTrue', [0, 1, Number.NaN]));
    expect(error.code).toBe('NON_FINITE');
    expect(error.message).toBe('f: yTrue must be finite class codes; got NaN at index 2');
    expect(error.details).toEqual({ index: 2, value: Number.NaN });
  });
  it('checkClassCodes(Infinity) throws NON_FINITE', () => {
    expect(thrown(() => checkClassCodes('f', 'y', [Number.POSITIVE_INFINITY])).code).toBe('NON_FINITE');
  });
  it('checkClassCodes(2.5) throws INVALID_ARGUMENT', () => {
    expect(thrown(() => checkClassCodes('f', 'y', [2.5])).message).toBe(
      'f: y must be integer class codes from 0 to 16777215; got 2.5 at index 0',
    );
  });
  it('checkClassCodes(2³¹, beyond int32) throws INVALID_ARGUMENT', () => {
    expect(thrown(() => checkClassCodes('f', 'y', [2 ** 31])).code).toBe('INVALID_ARGUMENT');
  });
  it('checkClassCodes(code = nClasses) throws INVALID_ARGUMENT', () => {
    expect(thrown(() => checkClassCodes('f', 'y', [0, 2], 2)).details).toEqual({ index: 1, value: 2 });
  });
});

describe('checkBinaryCodes', () => {
  it('checkBinaryCodes(0/1) returns the number of ones', () => {
    expect(checkBinaryCodes('f', 'y', [0, 1, 1, 0, 1])).toBe(3);
  });
  it('checkBinaryCodes(true/false as numbers 1/0 typed) accepts Uint8Array', () => {
    expect(checkBinaryCodes('f', 'y', Uint8Array.from([1, 0, 1]))).toBe(2);
  });
  it('checkBinaryCodes(NaN) throws NON_FINITE; (-1) throws INVALID_ARGUMENT', () => {
    expect(thrown(() => checkBinaryCodes('f', 'y', [Number.NaN])).code).toBe('NON_FINITE');
    expect(thrown(() => checkBinaryCodes('f', 'y', [0, -1])).message).toBe(
      'f: y must be binary class codes 0 or 1; got -1 at index 1',
    );
  });
});

describe('checkLabelTargets', () => {
  it('checkLabelTargets(default) reports the sorted classes present in either vector', () => {
    expect(checkLabelTargets('f', [4, 0, 4], [2, 0, 0])).toEqual({ labels: [0, 2, 4], nCodes: 5 });
  });
  it('checkLabelTargets(nClasses) reports every class', () => {
    expect(checkLabelTargets('f', [1], [1], { nClasses: 3 })).toEqual({ labels: [0, 1, 2], nCodes: 3 });
  });
  it('checkLabelTargets(labels beyond the data) widens the count tables', () => {
    expect(checkLabelTargets('f', [0], [1], { labels: [5, 0] })).toEqual({ labels: [5, 0], nCodes: 6 });
  });
  it('checkLabelTargets(empty labels, negative label, nClasses 0) throw INVALID_ARGUMENT', () => {
    expect(thrown(() => checkLabelTargets('f', [0], [0], { labels: [] })).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => checkLabelTargets('f', [0], [0], { labels: [-1] })).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => checkLabelTargets('f', [0], [0], { nClasses: 0 })).code).toBe('INVALID_ARGUMENT');
  });
  it('checkLabelTargets(different lengths, empty) throw LENGTH_MISMATCH, EMPTY_INPUT', () => {
    expect(thrown(() => checkLabelTargets('f', [0], [0, 1])).code).toBe('LENGTH_MISMATCH');
    expect(thrown(() => checkLabelTargets('f', [], [])).code).toBe('EMPTY_INPUT');
  });
});

describe('checkScores and checkProbabilityValues', () => {
  it('checkScores(decision values) accepts any finite number', () => {
    expect(() => checkScores('f', 's', [-3, 0, 1e300])).not.toThrow();
  });
  it('checkScores(-Infinity) throws NON_FINITE with the index', () => {
    expect(thrown(() => checkScores('f', 's', [0, Number.NEGATIVE_INFINITY])).details).toEqual({
      index: 1,
      value: Number.NEGATIVE_INFINITY,
    });
  });
  it('checkProbabilityValues(NaN) throws NON_FINITE, (1.5) INVALID_PROBABILITY', () => {
    expect(thrown(() => checkProbabilityValues('f', 'p', [Number.NaN])).code).toBe('NON_FINITE');
    expect(thrown(() => checkProbabilityValues('f', 'p', [0, 1.5])).code).toBe('INVALID_PROBABILITY');
  });
});

describe('checkProbabilityColumns', () => {
  it('checkProbabilityColumns(valid) returns the number of classes', () => {
    expect(checkProbabilityColumns('f', 'p', [Float64Array.from([0.5, 1]), [0.5, 0]], 2)).toBe(2);
  });
  it('checkProbabilityColumns(first bad row) names that row index and its sum', () => {
    const error = thrown(() =>
      checkProbabilityColumns(
        'f',
        'p',
        [
          [0.5, 0.5, 0.5],
          [0.5, 0.25, 0.75],
        ],
        3,
      ),
    );
    expect(error.code).toBe('INVALID_PROBABILITY');
    expect(error.message).toBe('f: p rows must sum to 1 (within 1e-6); got 0.75 at row index 1');
    expect(error.details).toEqual({ index: 1, sum: 0.75 });
  });
  it('checkProbabilityColumns(one column) throws INVALID_ARGUMENT', () => {
    expect(thrown(() => checkProbabilityColumns('f', 'p', [[1]], 1)).code).toBe('INVALID_ARGUMENT');
  });
});

describe('checkSampleWeight, checkZeroDivision, checkBothClasses', () => {
  it('checkSampleWeight(undefined) accepts; wrong length throws LENGTH_MISMATCH', () => {
    expect(() => checkSampleWeight('f', undefined, 3)).not.toThrow();
    expect(thrown(() => checkSampleWeight('f', [1], 3)).code).toBe('LENGTH_MISMATCH');
  });
  it("checkZeroDivision(0, 1, 'nan') maps to 0, 1, NaN; 'warn' throws", () => {
    expect(checkZeroDivision('f', 0)).toBe(0);
    expect(checkZeroDivision('f', 1)).toBe(1);
    expect(checkZeroDivision('f', 'nan')).toBeNaN();
    expect(thrown(() => checkZeroDivision('f', 'warn')).code).toBe('INVALID_ARGUMENT');
  });
  it('checkBothClasses(no positives) throws ONE_CLASS with missingClass 1', () => {
    const error = thrown(() => checkBothClasses('f', 0, 4, 'X'));
    expect(error.code).toBe('ONE_CLASS');
    expect(error.details).toEqual({ missingClass: 1, n: 4 });
    expect(error.hint).toMatch(
      /^X is undefined without positives: evaluate on data that contains both classes/,
    );
  });
  it('checkBothClasses(all positive, negatives not needed) passes', () => {
    expect(() => checkBothClasses('f', 4, 4, 'X', false)).not.toThrow();
  });
});
