import { describe, expect, it } from 'vitest';
import type { ColumnDriftResult } from '../../src/drift/columnDrift.js';
import { dataDrift, driftColumns, summarizeDrift } from '../../src/drift/dataDrift.js';
import type { DriftTestName } from '../../src/drift/driftTests.js';
import { categoricalFromStrings, createFrame, numericFromNumbers } from '../../src/frame/frame.js';
import { expectClose } from '../helpers/close.js';
import { golden, goldenFrames } from './driftGolden.js';

describe('dataDrift golden (dataset verdict; statsmodels 0.13.5 multipletests on the p-value tests)', () => {
  for (const dataset of golden.datasets) {
    const { reference, current } = goldenFrames(dataset);
    for (const s of dataset.summaries) {
      it(`dataDrift(${dataset.name}, ${s.test}, ${s.correction}) finds ${s.driftedColumns} of ${s.drift.length} drifted`, () => {
        const r = dataDrift(reference, current, {
          test: s.test as DriftTestName | 'auto',
          correction: s.correction,
        });
        expect(r.correction).toBe(s.correction);
        expect(r.driftShareThreshold).toBe(0.5);
        expect(r.columns.map((c) => c.column)).toEqual(dataset.columns.map((c) => c.name));
        expect(r.columns.map((c) => c.drift)).toEqual(s.drift);
        r.columns.forEach((c, i) => {
          const adjusted = s.pValueAdjusted[i];
          if (adjusted === null) expect(c.pValueAdjusted).toBeUndefined();
          else expectClose(c.pValueAdjusted as number, adjusted, 1e-9, 1e-14);
        });
        expect(r.driftedColumns).toBe(s.driftedColumns);
        expectClose(r.driftShare, s.driftShare, 1e-15);
        expect(r.datasetDrift).toBe(s.datasetDrift);
      });
    }
  }
  it('dataDrift golden cases include a correction that flips the dataset verdict', () => {
    const flips = golden.datasets.flatMap((d) =>
      d.summaries.filter(
        (s) =>
          s.correction !== 'none' &&
          s.datasetDrift !==
            d.summaries.find((t) => t.test === s.test && t.correction === 'none')!.datasetDrift,
      ),
    );
    expect(flips.length).toBeGreaterThan(0);
  });
});

/** A column result as columnDrift returns it, for summarizeDrift. */
function result(
  column: string,
  test: DriftTestName,
  pValue: number | null,
  drift: boolean,
): ColumnDriftResult {
  return {
    column,
    type: 'numerical',
    test,
    statistic: pValue === null ? 0.3 : 1,
    pValue,
    threshold: pValue === null ? 0.1 : 0.05,
    drift,
    referenceSize: 10,
    currentSize: 10,
    uniqueValues: 10,
  };
}

describe('summarizeDrift', () => {
  const four = [
    result('a', 'ks', 0.01, true),
    result('b', 'wasserstein', null, true),
    result('c', 'ks', 0.2, false),
    result('d', 'psi', null, false),
  ];
  it('summarizeDrift(2 of 4 drifted) is dataset drift at driftShare 0.5 (share ≥ threshold)', () => {
    const r = summarizeDrift(four);
    expect([r.driftedColumns, r.driftShare, r.datasetDrift]).toEqual([2, 0.5, true]);
  });
  it('summarizeDrift(2 of 4 drifted, driftShare just above 0.5) is no dataset drift', () => {
    expect(summarizeDrift(four, { driftShare: 0.5000001 }).datasetDrift).toBe(false);
    expect(summarizeDrift(four, { driftShare: 0.25 }).datasetDrift).toBe(true);
  });
  it('summarizeDrift(driftShare 1) needs every column drifted', () => {
    expect(summarizeDrift(four, { driftShare: 1 }).datasetDrift).toBe(false);
    expect(summarizeDrift(four.slice(0, 2), { driftShare: 1 }).datasetDrift).toBe(true);
  });
  it('summarizeDrift(driftShare outside (0, 1]) throws INVALID_ARGUMENT', () => {
    for (const driftShare of [0, -0.1, 1.01, Number.NaN]) {
      expect(() => summarizeDrift(four, { driftShare })).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('driftShare') }),
      );
    }
  });
  it('summarizeDrift(bonferroni) adjusts p-value tests only and keeps the raw p-value', () => {
    const r = summarizeDrift(four, { correction: 'bonferroni' });
    // two p-value tests: p·2
    expect(r.columns[0]).toMatchObject({ pValue: 0.01, pValueAdjusted: 0.02, drift: true });
    expect(r.columns[2]).toMatchObject({ pValue: 0.2, pValueAdjusted: 0.4, drift: false });
    expect(r.columns[1].pValueAdjusted).toBeUndefined();
    expect(r.columns[3].pValueAdjusted).toBeUndefined();
    expect(r.columns[1].drift).toBe(true);
  });
  it('summarizeDrift(correction) decides drift on the adjusted p-value', () => {
    const r = summarizeDrift([result('a', 'ks', 0.03, true), result('b', 'chisquare', 0.04, true)], {
      correction: 'holm',
    });
    expect(r.columns.map((c) => c.drift)).toEqual([false, false]);
    expect(r.datasetDrift).toBe(false);
  });
  it('summarizeDrift does not change the results it was given', () => {
    const input = [result('a', 'ks', 0.03, true)];
    summarizeDrift(input, { correction: 'bonferroni' });
    expect(input[0].pValueAdjusted).toBeUndefined();
  });
  it('summarizeDrift(correction, distances only) leaves every result as it was', () => {
    const distances = [result('a', 'wasserstein', null, true), result('b', 'jensenshannon', null, false)];
    const r = summarizeDrift(distances, { correction: 'fdr_bh' });
    expect(r.columns).toEqual(distances);
    expect(r.datasetDrift).toBe(true);
  });
  it('summarizeDrift(correction) leaves a NaN p-value out of the family', () => {
    const r = summarizeDrift(
      [result('a', 'ttest', Number.NaN, false), result('b', 'ks', 0.03, true), result('c', 'ks', 0.5, false)],
      { correction: 'bonferroni' },
    );
    expect(r.columns[0].pValueAdjusted).toBeUndefined();
    expect(r.columns[0].drift).toBe(false);
    expect(r.columns[1].pValueAdjusted).toBeCloseTo(0.06, 15);
    expect(r.columns[2].pValueAdjusted).toBe(1);
  });
  it('summarizeDrift(unknown correction) throws INVALID_ARGUMENT', () => {
    expect(() => summarizeDrift(four, { correction: 'bh' as 'holm' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('correction') }),
    );
  });
  it('summarizeDrift(no results) is no dataset drift with share 0', () => {
    expect(summarizeDrift([])).toMatchObject({ driftedColumns: 0, driftShare: 0, datasetDrift: false });
  });
});

describe('dataDrift columns and schema', () => {
  const reference = createFrame([
    numericFromNumbers('age', [30, 40, 50, 60]),
    categoricalFromStrings('city', ['a', 'b', 'a', 'b']),
    numericFromNumbers('income', [1, 2, 3, 4]),
  ]);
  const current = createFrame([
    numericFromNumbers('age', [31, 41, 51, 61]),
    categoricalFromStrings('city', ['b', 'b', 'a', 'b']),
    numericFromNumbers('salary', [1, 2, 3, 4]),
  ]);

  it('dataDrift(columns naming a missing column) throws UNKNOWN_COLUMN with a suggestion', () => {
    const call = () => dataDrift(reference, current, { columns: ['age', 'agee'] });
    expect(call).toThrow(
      expect.objectContaining({
        code: 'UNKNOWN_COLUMN',
        message: 'dataDrift: column "agee" must exist in the reference data',
        location: { column: 'agee' },
        hint: expect.stringMatching(/^did you mean "age"/),
      }),
    );
  });
  it('dataDrift(columns naming a column only in the reference) says it is missing in the current data', () => {
    expect(() => dataDrift(reference, current, { columns: ['income'] })).toThrow(
      expect.objectContaining({
        code: 'UNKNOWN_COLUMN',
        message: expect.stringContaining('in the current data'),
        hint: expect.stringContaining('"salary"'),
      }),
    );
  });
  it('dataDrift(frames with different columns) throws SCHEMA_MISMATCH listing both sides', () => {
    const call = () => dataDrift(reference, current);
    expect(call).toThrow(
      expect.objectContaining({
        code: 'SCHEMA_MISMATCH',
        message:
          'dataDrift: reference and current must have the same columns; only in reference: income; only in current: salary',
        details: { onlyReference: ['income'], onlyCurrent: ['salary'] },
      }),
    );
  });
  it('dataDrift(columns) compares only the named columns, in the order given', () => {
    const r = dataDrift(reference, current, { columns: ['city', 'age'] });
    expect(r.columns.map((c) => c.column)).toEqual(['city', 'age']);
    expect(driftColumns(reference, current, ['city'])).toEqual(['city']);
  });
  it('dataDrift passes test and threshold to every column (categorical falls back with a note)', () => {
    const r = dataDrift(reference, current, { columns: ['age', 'city'], test: 'ks', threshold: 0.2 });
    expect(r.columns[0]).toMatchObject({ test: 'ks', threshold: 0.2 });
    expect(r.columns[1]).toMatchObject({ test: 'ztest', threshold: 0.05 });
    expect(r.columns[1].note).toContain('ks needs numbers');
  });
  it('dataDrift(driftShare) judges the dataset against it', () => {
    const same = createFrame([
      numericFromNumbers('x', [1, 2, 3, 4, 5, 6]),
      numericFromNumbers('y', [1, 2, 3, 4, 5, 6]),
    ]);
    const moved = createFrame([
      numericFromNumbers('x', [11, 12, 13, 14, 15, 16]),
      numericFromNumbers('y', [1, 2, 3, 4, 5, 6]),
    ]);
    const r = dataDrift(same, moved, { driftShare: 0.5 });
    expect(r.columns.map((c) => c.drift)).toEqual([true, false]);
    expect(r.datasetDrift).toBe(true);
    expect(dataDrift(same, moved, { driftShare: 0.51 }).datasetDrift).toBe(false);
  });
});

describe('dataDrift empty input', () => {
  it('dataDrift(frames without columns) throws EMPTY_INPUT', () => {
    expect(() => dataDrift(createFrame([]), createFrame([]))).toThrow(
      expect.objectContaining({
        code: 'EMPTY_INPUT',
        message: expect.stringContaining('at least one column'),
      }),
    );
  });
  it('dataDrift(columns: []) throws EMPTY_INPUT', () => {
    const f = createFrame([numericFromNumbers('x', [1])]);
    expect(() => dataDrift(f, f, { columns: [] })).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
  });
  it('dataDrift(reference without columns, current with some) throws SCHEMA_MISMATCH', () => {
    expect(() => dataDrift(createFrame([]), createFrame([numericFromNumbers('x', [1])]))).toThrow(
      expect.objectContaining({
        code: 'SCHEMA_MISMATCH',
        message: expect.stringContaining('only in current: x'),
      }),
    );
  });
  it('dataDrift(frames of zero rows) throws EMPTY_INPUT naming the column', () => {
    const empty = createFrame([numericFromNumbers('x', []), categoricalFromStrings('c', [])]);
    expect(() => dataDrift(empty, empty)).toThrow(
      expect.objectContaining({ code: 'EMPTY_INPUT', location: { column: 'x' } }),
    );
  });
});

describe('dataDrift threshold under auto', () => {
  const dense = Array.from({ length: 1001 }, (_, i) => i);
  const sparse = Array.from({ length: 1001 }, (_, i) => (i < 10 ? i : null));
  const frame = createFrame([numericFromNumbers('x', dense), numericFromNumbers('sparse', sparse)]);

  it('dataDrift(auto choosing KS and Wasserstein, threshold) throws INVALID_ARGUMENT naming both kinds', () => {
    expect(() => dataDrift(frame, frame, { threshold: 0.01 })).toThrow(
      expect.objectContaining({
        code: 'INVALID_ARGUMENT',
        message:
          'dataDrift: threshold must apply to one kind of test; auto chose p-value tests (ks) and distances (wasserstein)',
      }),
    );
  });

  it('dataDrift(one kind under auto, threshold) applies it to every column', () => {
    const result = dataDrift(frame, frame, { columns: ['x'], threshold: 0.01 });
    expect(result.columns[0].threshold).toBe(0.01);
    expect(() => dataDrift(frame, frame)).not.toThrow();
  });
});
