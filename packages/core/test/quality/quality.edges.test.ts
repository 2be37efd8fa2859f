import { describe, expect, it } from 'vitest';
import {
  categoricalFromStrings,
  cramersV,
  createFrame,
  duplicatedRows,
  iqrOutliers,
  modifiedZScoreOutliers,
  numericFromNumbers,
  pearsonCorrelation,
  profileFrame,
  rankdata,
  zScoreOutliers,
} from '../../src/index.js';

describe('quality edges', () => {
  it('profileFrame(frame, {columns: unknown}) throws UNKNOWN_COLUMN with the closest names', () => {
    const frame = createFrame([numericFromNumbers('income', [1, 2])]);
    expect(() => profileFrame(frame, { columns: ['incom'] })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_COLUMN', hint: 'did you mean "income"?' }),
    );
    expect(() => profileFrame(frame, { target: 'x' })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_COLUMN' }),
    );
  });

  it('profileFrame notes when more than maxCorrelationColumns numerical columns exist', () => {
    const cols = [0, 1, 2].map((k) => numericFromNumbers(`c${k}`, [1, 2 + k, 3, 5]));
    const p = profileFrame(createFrame(cols), { maxCorrelationColumns: 2 });
    expect(p.correlations.pearson.columns).toEqual(['c0', 'c1']);
    expect(p.notes[0]).toContain('first 2 of 3 numerical columns');
  });

  it('duplicatedRows(frame) treats NaN as NaN, −0 as +0 and compares every column', () => {
    const frame = createFrame([
      numericFromNumbers('x', [1, Number.NaN, -0, 1, Number.NaN, 0, 1]),
      categoricalFromStrings('c', ['a', null, 'b', 'a', null, 'b', 'z']),
    ]);
    expect(duplicatedRows(frame)).toEqual({ count: 3, rows: [3, 4, 5] });
    expect(duplicatedRows(createFrame([]))).toEqual({ count: 0, rows: [] });
  });

  it('duplicatedRows(100 000 distinct rows) finds none, and the copies appended after them', () => {
    const n = 100_000;
    const x = Float64Array.from({ length: n }, (_, i) => i * 0.5);
    const frame = createFrame([{ kind: 'numeric', name: 'x', type: 'numerical', values: x }]);
    expect(duplicatedRows(frame).count).toBe(0);
    const twice = Float64Array.from({ length: 2 * n }, (_, i) => (i % n) * 0.5);
    const frame2 = createFrame([{ kind: 'numeric', name: 'x', type: 'numerical', values: twice }]);
    expect(duplicatedRows(frame2, { maxRows: 2 })).toEqual({ count: n, rows: [n, n + 1] });
  });

  it('outlier detectors reject bad thresholds and skip non-finite values', () => {
    expect(() => zScoreOutliers([1, 2], { threshold: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => iqrOutliers([1, 2], { k: -1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 100, Number.NaN, Number.POSITIVE_INFINITY];
    expect(iqrOutliers(values).rows).toEqual([8]);
    expect(modifiedZScoreOutliers(values).rows).toEqual([8]);
    expect(modifiedZScoreOutliers([0, 0, 0, 5]).note).toContain('MAD is 0');
    expect(zScoreOutliers([Number.NaN]).count).toBe(0);
  });

  it('primitives throw on empty, mismatched or non-finite input', () => {
    expect(() => rankdata([])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(() => pearsonCorrelation([1, 2], [1])).toThrow(
      expect.objectContaining({ code: 'LENGTH_MISMATCH' }),
    );
    expect(() => pearsonCorrelation([1, Number.NaN], [1, 2])).toThrow(
      expect.objectContaining({ code: 'NON_FINITE' }),
    );
    expect(pearsonCorrelation([1], [2])).toBeNaN();
    expect(() => cramersV([0, 1.5], [0, 1])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(cramersV([-1, -1], [0, 1])).toBeNaN();
  });
});
