import { describe, expect, it } from 'vitest';
import { equalWidthEdges, histogramBinEdges, histogramCounts } from '../../src/stats/histogram.js';
import golden from '../golden/stats_distances.json' with { type: 'json' };

describe('histogram golden (numpy.histogram_bin_edges / numpy.histogram, numpy 1.24)', () => {
  for (const c of golden.histogram) {
    it(`histogramBinEdges(${c.name}, ${c.bins}) equals numpy's edges bit for bit`, () => {
      expect(Array.from(histogramBinEdges(c.values, c.bins as number | 'sturges'))).toEqual(c.edges);
    });
    it(`histogramCounts(${c.name} + the edges themselves + outliers) equals numpy's counts`, () => {
      expect(Array.from(histogramCounts(c.probe, c.edges))).toEqual(c.counts);
    });
  }
});

describe('histogram behaviour', () => {
  it('histogramBinEdges(1..5, sturges) gives ⌈log₂ 5 + 1⌉ = 4 bins', () => {
    expect(Array.from(histogramBinEdges([1, 2, 3, 4, 5], 'sturges'))).toEqual([1, 2, 3, 4, 5]);
  });
  it('histogramBinEdges(constant, b) spans [v − ½, v + ½]', () => {
    expect(Array.from(histogramBinEdges([3, 3, 3], 2))).toEqual([2.5, 3, 3.5]);
  });
  it('histogramCounts puts a value on an inner edge in the right bin and the top edge in the last bin', () => {
    expect(Array.from(histogramCounts([0, 1, 1.5, 2, 3], [0, 1, 2]))).toEqual([1, 3]);
  });
  it('histogramCounts ignores NaN and values outside the edges', () => {
    expect(Array.from(histogramCounts([Number.NaN, -1, 0.5, 9, Number.POSITIVE_INFINITY], [0, 1]))).toEqual([
      1,
    ]);
  });
  it('histogramCounts with repeated edges leaves the empty bin empty, as numpy', () => {
    expect(Array.from(histogramCounts([0.5, 1, 1, 1.5], [0, 1, 1, 2]))).toEqual([1, 0, 3]);
  });
  it('histogramCounts total is the number of values inside the edges', () => {
    const values = Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 3);
    const edges = histogramBinEdges(values, 'sturges');
    const counts = histogramCounts(values, edges);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
  });
  it('equalWidthEdges(min, max, n, bins) equals histogramBinEdges on data with that min, max and size', () => {
    const values = [0.25, 7.5, 3, 3, 1];
    expect(equalWidthEdges(0.25, 7.5, 5, 'sturges')).toEqual(histogramBinEdges(values, 'sturges'));
  });
  it('histogramBinEdges(empty) throws EMPTY_INPUT', () => {
    expect(() => histogramBinEdges([], 'sturges')).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
  });
  it('histogramBinEdges with NaN throws NON_FINITE', () => {
    expect(() => histogramBinEdges([1, Number.NaN], 3)).toThrow(
      expect.objectContaining({ code: 'NON_FINITE' }),
    );
  });
  it('histogramBinEdges with 0 or fractional bins throws INVALID_ARGUMENT', () => {
    expect(() => histogramBinEdges([1, 2], 0)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => histogramBinEdges([1, 2], 2.5)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
  it('histogramCounts with decreasing or too few edges throws INVALID_ARGUMENT', () => {
    expect(() => histogramCounts([1], [2, 1])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => histogramCounts([1], [1])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
