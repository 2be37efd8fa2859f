import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type CalibrationStrategy,
  calibrationCurve,
} from '../../../src/metrics/classification/calibrationCurve.js';
import { expectAllClose, thrown } from './golden.js';

/** test/golden/calibration.json, written by scripts/golden/calibration.py (scikit-learn 1.2.1). */
interface CalibrationCase {
  name: string;
  yTrue: number[];
  yProb: number[];
  nBins: number;
  strategy: CalibrationStrategy;
  posLabel?: 0 | 1;
  expected: { probTrue: number[]; probPred: number[]; counts: number[]; edges: number[] };
}

const golden: { versions: Record<string, string>; cases: CalibrationCase[] } = JSON.parse(
  readFileSync(new URL('../../golden/calibration.json', import.meta.url), 'utf8'),
);

describe('calibrationCurve golden (sklearn.calibration.calibration_curve 1.2.1)', () => {
  it('the golden file was written by scikit-learn 1.2.1 and has cases', () => {
    expect(golden.versions.sklearn).toBe('1.2.1');
    expect(golden.cases.length).toBeGreaterThan(30);
  });
  for (const c of golden.cases) {
    it(`calibrationCurve(${c.name}) matches sklearn`, () => {
      const curve = calibrationCurve(c.yTrue, c.yProb, {
        nBins: c.nBins,
        strategy: c.strategy,
        posLabel: c.posLabel,
      });
      expectAllClose(curve.probTrue, c.expected.probTrue);
      expectAllClose(curve.probPred, c.expected.probPred);
      // Bin membership must be exactly scikit-learn's: the counts and the edges are compared without tolerance.
      expect(Array.from(curve.counts)).toEqual(c.expected.counts);
      expect(Array.from(curve.edges)).toEqual(c.expected.edges);
    });
  }
});

describe('calibrationCurve behaviour', () => {
  const docTrue = [0, 0, 0, 0, 1, 1, 1, 1, 1];
  const docProb = [0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1];

  it('calibrationCurve(doc example, nBins 3) gives the documented points', () => {
    const curve = calibrationCurve(docTrue, docProb, { nBins: 3 });
    expectAllClose(curve.probTrue, [0, 0.5, 1]);
    expectAllClose(curve.probPred, [0.2, 0.525, 0.85]);
    expect(Array.from(curve.counts)).toEqual([3, 2, 4]);
  });
  it('calibrationCurve(defaults) uses 10 uniform bins', () => {
    const curve = calibrationCurve(docTrue, docProb);
    expect(curve.edges.length).toBe(11);
    expect(curve.edges[3]).toBe(3 * 0.1); // numpy.linspace's edge, 0.30000000000000004
    // 0.1 … 0.4 sit on (or just below) inner edges and fall into the lower bin, 0.65 and 0.7 share
    // (0.6, 0.7000000000000001], 1 is in the last bin (numpy.searchsorted gives bins 0 1 2 3 6 6 7 8 9).
    expect(Array.from(curve.counts)).toEqual([1, 1, 1, 1, 2, 1, 1, 1]);
  });
  it('calibrationCurve(a value on an inner edge) puts it in the lower bin', () => {
    const curve = calibrationCurve([0, 1], [0.5, 0.5000000000000001], { nBins: 2 });
    expect(Array.from(curve.counts)).toEqual([1, 1]);
    expect(Array.from(curve.probTrue)).toEqual([0, 1]);
  });
  it('calibrationCurve(0 and 1) puts 0 in the first bin and 1 in the last', () => {
    const curve = calibrationCurve([0, 1], [0, 1], { nBins: 4 });
    expect(Array.from(curve.probPred)).toEqual([0, 1]);
    expect(Array.from(curve.counts)).toEqual([1, 1]);
  });
  it('calibrationCurve(n=1) has one point', () => {
    const curve = calibrationCurve([1], [0.7], { strategy: 'quantile' });
    expect(Array.from(curve.probTrue)).toEqual([1]);
    expect(Array.from(curve.probPred)).toEqual([0.7]);
  });
  it('calibrationCurve(one class) is allowed, as in scikit-learn', () => {
    const curve = calibrationCurve([0, 0, 0], [0.1, 0.5, 0.9], { nBins: 2 });
    expect(Array.from(curve.probTrue)).toEqual([0, 0]);
  });
  it('calibrationCurve(posLabel 0) counts class 0 as positive', () => {
    const one = calibrationCurve([0, 1, 1], [0.2, 0.2, 0.9], { nBins: 2 });
    const zero = calibrationCurve([0, 1, 1], [0.2, 0.2, 0.9], { nBins: 2, posLabel: 0 });
    expect(Array.from(one.probTrue)).toEqual([0.5, 1]);
    expect(Array.from(zero.probTrue)).toEqual([0.5, 0]);
  });
  it('calibrationCurve(constant probabilities, quantile) has one bin (repeated edges)', () => {
    const curve = calibrationCurve([0, 1, 1, 0], [0.3, 0.3, 0.3, 0.3], { nBins: 5, strategy: 'quantile' });
    expect(Array.from(curve.counts)).toEqual([4]);
    expect(new Set(curve.edges).size).toBe(1);
  });
  it('calibrationCurve(counts) sum to n', () => {
    const yProb = Array.from({ length: 50 }, (_, i) => ((i * 7919) % 101) / 100);
    const yTrue = yProb.map((p) => (p > 0.5 ? 1 : 0));
    for (const strategy of ['uniform', 'quantile'] as const) {
      const { counts } = calibrationCurve(yTrue, yProb, { nBins: 7, strategy });
      expect(counts.reduce((a, b) => a + b, 0)).toBe(50);
    }
  });
});

describe('calibrationCurve bad input', () => {
  it('calibrationCurve([], []) throws EMPTY_INPUT', () => {
    expect(thrown(() => calibrationCurve([], [])).code).toBe('EMPTY_INPUT');
  });
  it('calibrationCurve(different lengths) throws LENGTH_MISMATCH', () => {
    expect(thrown(() => calibrationCurve([0, 1], [0.5])).code).toBe('LENGTH_MISMATCH');
  });
  it('calibrationCurve(1.1) throws INVALID_PROBABILITY naming the index', () => {
    const error = thrown(() => calibrationCurve([0, 1, 1], [0.5, 0.2, 1.1]));
    expect(error.code).toBe('INVALID_PROBABILITY');
    expect(error.message).toBe('calibrationCurve: yProb must be probabilities in [0, 1]; got 1.1 at index 2');
  });
  it('calibrationCurve(NaN probability) throws NON_FINITE', () => {
    expect(thrown(() => calibrationCurve([0, 1], [0.5, Number.NaN])).code).toBe('NON_FINITE');
  });
  it('calibrationCurve(label 2) throws INVALID_ARGUMENT', () => {
    const error = thrown(() => calibrationCurve([0, 2], [0.5, 0.5]));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('yTrue must be binary class codes 0 or 1; got 2 at index 1');
  });
  it('calibrationCurve(nBins 0 or 2.5) throws INVALID_ARGUMENT', () => {
    expect(thrown(() => calibrationCurve([0], [0.5], { nBins: 0 })).message).toBe(
      'calibrationCurve: nBins must be an integer ≥ 1; got 0',
    );
    expect(thrown(() => calibrationCurve([0], [0.5], { nBins: 2.5 })).code).toBe('INVALID_ARGUMENT');
  });
  it('calibrationCurve(strategy "kmeans") throws INVALID_ARGUMENT', () => {
    const error = thrown(() =>
      calibrationCurve([0], [0.5], { strategy: 'kmeans' as unknown as CalibrationStrategy }),
    );
    expect(error.message).toBe(`calibrationCurve: strategy must be 'uniform' or 'quantile'; got "kmeans"`);
  });
  it('calibrationCurve(posLabel 2) throws INVALID_ARGUMENT', () => {
    expect(thrown(() => calibrationCurve([0], [0.5], { posLabel: 2 as 1 })).code).toBe('INVALID_ARGUMENT');
  });
});
