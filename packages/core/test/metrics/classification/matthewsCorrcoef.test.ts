import { describe, expect, it } from 'vitest';
import { matthewsCorrcoef } from '../../../src/metrics/classification/matthewsCorrcoef.js';
import { expectClose } from '../../helpers/close.js';
import { golden, num, thrown } from './golden.js';

describe('matthewsCorrcoef golden (sklearn.metrics.matthews_corrcoef 1.2.1)', () => {
  for (const c of [...golden.binaryLabelCases, ...golden.multiclassLabelCases]) {
    it(`matthewsCorrcoef(${c.name}) matches sklearn`, () => {
      expectClose(matthewsCorrcoef(c.yTrue, c.yPred, { sampleWeight: c.sampleWeight }), num(c.expected.mcc));
    });
  }
});

describe('matthewsCorrcoef behaviour', () => {
  it('matthewsCorrcoef(doc example) is -1/3', () => {
    expectClose(matthewsCorrcoef([1, 1, 1, 0], [1, 0, 1, 1]), -1 / 3);
  });
  it('matthewsCorrcoef(perfect, inverted) is 1 and -1', () => {
    expect(matthewsCorrcoef([0, 1, 0, 1], [0, 1, 0, 1])).toBe(1);
    expect(matthewsCorrcoef([0, 1, 0, 1], [1, 0, 1, 0])).toBe(-1);
  });
  it('matthewsCorrcoef(constant prediction) is 0 (undefined, as sklearn)', () => {
    expect(matthewsCorrcoef([0, 1, 0, 1], [1, 1, 1, 1])).toBe(0);
  });
  it('matthewsCorrcoef is symmetric in yTrue and yPred', () => {
    const a = [0, 1, 2, 2, 1, 0, 2];
    const b = [0, 2, 2, 1, 1, 0, 0];
    expect(matthewsCorrcoef(a, b)).toBe(matthewsCorrcoef(b, a));
  });
  it('matthewsCorrcoef([], []) throws EMPTY_INPUT', () => {
    expect(thrown(() => matthewsCorrcoef([], [])).code).toBe('EMPTY_INPUT');
  });
});
