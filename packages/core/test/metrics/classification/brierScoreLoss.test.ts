import { describe, expect, it } from 'vitest';
import { brierScoreLoss } from '../../../src/metrics/classification/brierScoreLoss.js';
import { expectClose } from '../../helpers/close.js';
import { golden, thrown } from './golden.js';

describe('brierScoreLoss golden (sklearn.metrics.brier_score_loss 1.2.1, pos_label=1)', () => {
  for (const c of golden.binaryScoreCases) {
    const { brier, brierWeighted } = c.expected;
    if (brier === undefined) continue;
    it(`brierScoreLoss(${c.name}) matches sklearn`, () => {
      expectClose(brierScoreLoss(c.yTrue, c.yScore), brier);
    });
    if (brierWeighted !== undefined) {
      it(`brierScoreLoss(${c.name}, sampleWeight) matches sklearn`, () => {
        expectClose(brierScoreLoss(c.yTrue, c.yScore, { sampleWeight: c.sampleWeight }), brierWeighted);
      });
    }
  }
});

describe('brierScoreLoss behaviour', () => {
  it('brierScoreLoss(doc example) is 0.0375', () => {
    expectClose(brierScoreLoss([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]), 0.0375);
  });
  it('brierScoreLoss(certain and wrong) is 1', () => {
    expect(brierScoreLoss([0, 1], [1, 0])).toBe(1);
  });
  it('brierScoreLoss(-0.1) throws INVALID_PROBABILITY', () => {
    expect(thrown(() => brierScoreLoss([0, 1], [-0.1, 0.5])).code).toBe('INVALID_PROBABILITY');
  });
  it('brierScoreLoss([], []) throws EMPTY_INPUT', () => {
    expect(thrown(() => brierScoreLoss([], [])).code).toBe('EMPTY_INPUT');
  });
});
