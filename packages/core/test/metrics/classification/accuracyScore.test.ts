import { describe, expect, it } from 'vitest';
import { accuracyScore } from '../../../src/metrics/classification/accuracyScore.js';
import { expectClose } from '../../helpers/close.js';
import { golden, num, thrown } from './golden.js';

describe('accuracyScore golden (sklearn.metrics.accuracy_score 1.2.1)', () => {
  for (const c of [...golden.binaryLabelCases, ...golden.multiclassLabelCases]) {
    it(`accuracyScore(${c.name}) matches sklearn`, () => {
      expectClose(
        accuracyScore(c.yTrue, c.yPred, { sampleWeight: c.sampleWeight }),
        num(c.expected.accuracy),
      );
    });
  }
});

describe('accuracyScore behaviour', () => {
  it('accuracyScore(doc example) is 0.75', () => {
    expect(accuracyScore([0, 1, 2, 1], [0, 2, 2, 1])).toBe(0.75);
  });
  it('accuracyScore(weights) counts each sample by its weight', () => {
    expect(accuracyScore([0, 1], [0, 0], { sampleWeight: [3, 1] })).toBe(0.75);
  });
  it('accuracyScore([], []) throws EMPTY_INPUT', () => {
    expect(thrown(() => accuracyScore([], [])).code).toBe('EMPTY_INPUT');
  });
  it('accuracyScore(fractional code) throws INVALID_ARGUMENT with the index', () => {
    const error = thrown(() => accuracyScore([0, 1.5], [0, 1]));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.details).toEqual({ index: 1, value: 1.5 });
  });
  it('accuracyScore(-1, a missing category) throws INVALID_ARGUMENT with a hint to drop those rows', () => {
    const error = thrown(() => accuracyScore([0, 1], [-1, 1]));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.hint).toMatch(/missing category/);
  });
  it('accuracyScore(weights summing to 0) throws INVALID_ARGUMENT', () => {
    expect(thrown(() => accuracyScore([0, 1], [0, 1], { sampleWeight: [0, 0] })).code).toBe(
      'INVALID_ARGUMENT',
    );
  });
  it('accuracyScore(NaN weight) throws NON_FINITE', () => {
    expect(thrown(() => accuracyScore([0, 1], [0, 1], { sampleWeight: [1, Number.NaN] })).code).toBe(
      'NON_FINITE',
    );
  });
});
