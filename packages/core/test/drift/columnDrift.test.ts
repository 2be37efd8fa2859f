import { describe, expect, it } from 'vitest';
import { columnDrift } from '../../src/drift/columnDrift.js';
import { type DriftTestName, driftTests } from '../../src/drift/driftTests.js';
import {
  type CategoricalColumn,
  categoricalFromStrings,
  findColumn,
  numericFromNumbers,
} from '../../src/frame/frame.js';
import { jensenShannonDistance } from '../../src/stats/jensenShannonDistance.js';
import { zTestTwoProportions } from '../../src/stats/zTestTwoProportions.js';
import { expectClose } from '../helpers/close.js';
import { num } from '../helpers/goldenNumber.js';
import { golden, goldenFrames } from './driftGolden.js';

// The asymptotic Cramér–von Mises p-value is 1 − V(T*): it agrees with scipy's to rounding of that difference,
// ~1e-15 absolute, which is more than 1e-9 relative below p ≈ 1e-6 (as in test/stats/cramerVonMises2Samp).
const CVM_P_ATOL = 1e-14;

describe('columnDrift golden (Evidently 0.4 stattests re-implemented on scipy 1.10.1 / statsmodels 0.13.5)', () => {
  it('golden file pins the reference versions', () => {
    expect(golden.versions.scipy).toBe('1.10.1');
    expect(golden.versions.statsmodels.startsWith('0.13')).toBe(true);
  });
  for (const dataset of golden.datasets) {
    const { reference, current } = goldenFrames(dataset);
    for (const column of dataset.columns) {
      const ref = findColumn(reference, column.name)!;
      const cur = findColumn(current, column.name)!;
      for (const [asked, e] of Object.entries(column.expected)) {
        it(`columnDrift(${dataset.name}.${column.name}, ${asked}) runs ${e.test} and matches the reference`, () => {
          const r = columnDrift(ref, cur, asked === 'auto' ? {} : { test: asked as DriftTestName });
          expect(r.column).toBe(column.name);
          expect(r.type).toBe(column.type);
          expect(r.test).toBe(e.test);
          expect(r.referenceSize).toBe(column.referenceSize);
          expect(r.currentSize).toBe(column.currentSize);
          expect(r.uniqueValues).toBe(column.uniqueValues);
          expectClose(r.statistic, num(e.statistic), 1e-9, 1e-15);
          if (driftTests[r.test].verdict === 'distance') {
            expect(r.pValue).toBeNull();
            expect(r.threshold).toBe(0.1);
          } else {
            // null in the JSON is a NaN p-value here (chi-square with one category, t-test of constants)
            expectClose(r.pValue as number, num(e.pValue), 1e-9, e.test === 'cvm' ? CVM_P_ATOL : 0);
            expect(r.threshold).toBe(0.05);
          }
          expect(r.drift).toBe(e.drift);
          if (column.unseenCategories === null) expect(r.unseenCategories).toBeUndefined();
          else expect([...(r.unseenCategories ?? [])].sort()).toEqual(column.unseenCategories);
          if (e.fallback) expect(r.note).toContain(`${asked} needs numbers`);
          else expect(r.note).toBeUndefined();
        });
      }
    }
  }
});

/** n distinct values spread over [shift, shift + 1) (golden-ratio sequence): enough unique values for KS. */
const spread = (n: number, shift: number) =>
  Array.from({ length: n }, (_, i) => shift + ((i * 0.6180339887) % 1));

describe('columnDrift auto rule through real columns', () => {
  it('columnDrift(1001 rows with one NaN) counts 1000 reference values and uses KS', () => {
    const values = spread(1001, 0);
    values[5] = Number.NaN;
    const r = columnDrift(numericFromNumbers('x', values), numericFromNumbers('x', spread(300, 0.1)));
    expect(r.referenceSize).toBe(1000);
    expect(r.test).toBe('ks');
  });
  it('columnDrift(1001 reference values) uses the normed Wasserstein distance', () => {
    const r = columnDrift(
      numericFromNumbers('x', spread(1001, 0)),
      numericFromNumbers('x', spread(300, 0.1)),
    );
    expect(r.referenceSize).toBe(1001);
    expect(r.test).toBe('wasserstein');
    expect(r.pValue).toBeNull();
  });
  it('columnDrift counts distinct values over both samples (5 in reference + 1 new in current → KS)', () => {
    const ref = numericFromNumbers('k', [0, 1, 2, 3, 4, 0, 1, 2]);
    const r5 = columnDrift(ref, numericFromNumbers('k', [0, 1, 2, 3, 4]));
    const r6 = columnDrift(ref, numericFromNumbers('k', [0, 1, 2, 3, 5]));
    expect([r5.uniqueValues, r5.test]).toEqual([5, 'chisquare']);
    expect([r6.uniqueValues, r6.test]).toEqual([6, 'ks']);
  });
  it('columnDrift on a binary column uses the z-test; with a third value chi-square', () => {
    const ref = categoricalFromStrings('b', ['y', 'n', 'y', 'y']);
    expect(columnDrift(ref, categoricalFromStrings('b', ['n', 'n', 'y'])).test).toBe('ztest');
    expect(columnDrift(ref, categoricalFromStrings('b', ['n', 'maybe', 'y'])).test).toBe('chisquare');
  });
});

describe('columnDrift missing and empty data', () => {
  it('columnDrift(reference of only NaN) throws EMPTY_INPUT naming the column and the side', () => {
    const call = () =>
      columnDrift(numericFromNumbers('income', [null, Number.NaN]), numericFromNumbers('income', [1, 2]));
    expect(call).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT', location: { column: 'income' } }));
    expect(call).toThrow(/reference column "income"/);
  });
  it('columnDrift(current of only missing categories) throws EMPTY_INPUT naming the column and the side', () => {
    const call = () =>
      columnDrift(categoricalFromStrings('city', ['a', 'b']), categoricalFromStrings('city', [null, null]));
    expect(call).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(call).toThrow(/current column "city"/);
  });
  it('columnDrift(zero rows) throws EMPTY_INPUT', () => {
    expect(() => columnDrift(numericFromNumbers('x', []), numericFromNumbers('x', [1]))).toThrow(
      expect.objectContaining({ code: 'EMPTY_INPUT' }),
    );
  });
  it('columnDrift drops NaN and ±Infinity before testing (Evidently turns ±inf into NaN, then drops)', () => {
    const clean = columnDrift(
      numericFromNumbers('x', [1, 2, 3, 4, 5, 6]),
      numericFromNumbers('x', [2, 3, 4, 9]),
    );
    const dirty = columnDrift(
      numericFromNumbers('x', [1, Number.POSITIVE_INFINITY, 2, 3, null, 4, 5, 6, Number.NEGATIVE_INFINITY]),
      numericFromNumbers('x', [2, Number.NaN, 3, 4, Number.POSITIVE_INFINITY, 9]),
    );
    expect(dirty).toEqual(clean);
    expect(dirty.referenceSize).toBe(6);
    expect(dirty.currentSize).toBe(4);
  });
  it('columnDrift(all values ±Infinity) throws EMPTY_INPUT', () => {
    expect(() =>
      columnDrift(numericFromNumbers('x', [Number.POSITIVE_INFINITY]), numericFromNumbers('x', [1])),
    ).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
  });
  it('columnDrift(numerical reference, categorical current) throws SCHEMA_MISMATCH', () => {
    expect(() => columnDrift(numericFromNumbers('x', [1]), categoricalFromStrings('x', ['1']))).toThrow(
      expect.objectContaining({ code: 'SCHEMA_MISMATCH' }),
    );
  });
});

describe('columnDrift forced tests, fallback and thresholds', () => {
  const ref = categoricalFromStrings('colour', [
    'red',
    'red',
    'blue',
    'green',
    'blue',
    'red',
    'green',
    'red',
  ]);
  const cur = categoricalFromStrings('colour', ['blue', 'blue', 'green', 'red', 'blue', 'green']);

  it('columnDrift(categorical, ks) falls back to the auto test with a note', () => {
    const auto = columnDrift(ref, cur);
    const r = columnDrift(ref, cur, { test: 'ks' });
    expect(auto.test).toBe('chisquare');
    expect(r.test).toBe('chisquare');
    expect(r.statistic).toBe(auto.statistic);
    expect(r.note).toBe('ks needs numbers; "colour" is categorical, so the auto choice chisquare was used');
  });
  it("columnDrift(categorical, ks, threshold) keeps the fallback test's default threshold and says so", () => {
    const r = columnDrift(ref, cur, { test: 'ks', threshold: 0.9 });
    expect(r.threshold).toBe(0.05);
    expect(r.note).toBe(
      'ks needs numbers; "colour" is categorical, so the auto choice chisquare was used (with its default threshold 0.05)',
    );
  });
  it('columnDrift(auto, threshold) applies the threshold to the auto-chosen test', () => {
    const base = columnDrift(ref, cur);
    expect(columnDrift(ref, cur, { threshold: 0.9 }).threshold).toBe(0.9);
    const strict = columnDrift(ref, cur, { test: 'auto', threshold: (base.pValue as number) / 2 });
    expect(strict.threshold).toBe((base.pValue as number) / 2);
    expect(strict.drift).toBe(false);
    expect(columnDrift(ref, cur, { threshold: (base.pValue as number) * 2 }).drift).toBe(true);
  });
  it('columnDrift(forced test, threshold) uses the threshold for the verdict', () => {
    const base = columnDrift(ref, cur, { test: 'psi' });
    const above = columnDrift(ref, cur, { test: 'psi', threshold: base.statistic * 1.01 });
    expect(base.drift).toBe(true);
    expect(above.threshold).toBe(base.statistic * 1.01);
    expect(above.drift).toBe(false);
  });
  it('columnDrift distance verdict is statistic ≥ threshold; p-value verdict is p < threshold', () => {
    const d = columnDrift(ref, cur, { test: 'tvd' });
    expect(columnDrift(ref, cur, { test: 'tvd', threshold: d.statistic }).drift).toBe(true);
    const p = columnDrift(ref, cur, { test: 'chisquare' });
    expect(columnDrift(ref, cur, { test: 'chisquare', threshold: p.pValue as number }).drift).toBe(false);
    expect(columnDrift(ref, cur, { test: 'chisquare', threshold: (p.pValue as number) * 1.0001 }).drift).toBe(
      true,
    );
  });
  it('columnDrift(forced test the data cannot take) names the column in the error', () => {
    const constant = numericFromNumbers('k', [3, 3, 3]);
    const call = () => columnDrift(constant, numericFromNumbers('k', [3, 3]), { test: 'anderson' });
    expect(call).toThrow(
      expect.objectContaining({
        code: 'INVALID_ARGUMENT',
        message: expect.stringMatching(/^columnDrift: column "k" \(anderson\): andersonKSamp: /),
        location: { column: 'k' },
        hint: expect.stringContaining('--test'),
      }),
    );
    expect(() =>
      columnDrift(numericFromNumbers('one', [1]), numericFromNumbers('one', [2]), { test: 'cvm' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', location: { column: 'one' } }));
  });
  it('columnDrift(unknown test) throws INVALID_ARGUMENT listing the tests', () => {
    expect(() => columnDrift(ref, cur, { test: 'kolmogorov' as DriftTestName })).toThrow(
      expect.objectContaining({
        code: 'INVALID_ARGUMENT',
        message: expect.stringMatching(/options\.test.*ks, chisquare/),
      }),
    );
  });
  it('columnDrift(threshold NaN or negative) throws INVALID_ARGUMENT', () => {
    for (const threshold of [Number.NaN, -0.1, Number.POSITIVE_INFINITY]) {
      expect(() => columnDrift(ref, cur, { test: 'psi', threshold })).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      );
    }
  });
});

describe('columnDrift categorical details', () => {
  it('columnDrift(unseen category) gives chi-square statistic Infinity, p 0, and lists the category', () => {
    const r = columnDrift(
      categoricalFromStrings('c', ['a', 'b', 'a', 'b', 'c']),
      categoricalFromStrings('c', ['a', 'new', 'b', 'c', 'newer', 'new']),
    );
    expect(r.test).toBe('chisquare');
    expect(r.statistic).toBe(Number.POSITIVE_INFINITY);
    expect(r.pValue).toBe(0);
    expect(r.drift).toBe(true);
    expect(r.unseenCategories).toEqual(['new', 'newer']);
  });
  it('columnDrift z-test counts the first category in sorted order, whatever the row order', () => {
    const rows = ['yes', 'no', 'yes', 'yes', 'no', 'yes', 'yes'];
    const cur = categoricalFromStrings('b', ['no', 'no', 'yes', 'no']);
    const a = columnDrift(categoricalFromStrings('b', rows), cur);
    const b = columnDrift(categoricalFromStrings('b', [...rows].reverse().sort()), cur);
    // share of "no" (first in sorted order): 2/7 in the reference, 3/4 in the current
    const expected = zTestTwoProportions(2, 7, 3, 4);
    expect(a.test).toBe('ztest');
    expect(a.statistic).toBe(expected.statistic);
    expect(a.pValue).toBe(expected.pValue);
    expect(b.statistic).toBe(expected.statistic);
  });
  it('columnDrift z-test orders names by code point as Python does (astral character after U+FFFD)', () => {
    // UTF-16 code units put "😀" (U+1F600, surrogates D83D DE00) before "\uFFFD"; code points put it after.
    const ref = categoricalFromStrings('e', ['😀', '\uFFFD', '\uFFFD']);
    const cur = categoricalFromStrings('e', ['😀', '😀', '\uFFFD']);
    const r = columnDrift(ref, cur, { test: 'ztest' });
    expect(r.statistic).toBe(zTestTwoProportions(2, 3, 1, 3).statistic);
  });
  it('columnDrift Jensen–Shannon uses unfilled proportions (Evidently: get_binned_data(..., False))', () => {
    const ref: CategoricalColumn = categoricalFromStrings('c', ['a', 'a', 'b', 'old']);
    const cur = categoricalFromStrings('c', ['a', 'b', 'b', 'b', 'new']);
    const r = columnDrift(ref, cur, { test: 'jensenshannon' });
    // keys a, b, old, new
    expect(r.statistic).toBe(jensenShannonDistance([2 / 4, 1 / 4, 1 / 4, 0], [1 / 5, 3 / 5, 0, 1 / 5]));
  });
  it('columnDrift on a constant column: z-test p = 1, no drift', () => {
    const r = columnDrift(numericFromNumbers('k', [3, 3, 3]), numericFromNumbers('k', [3, 3]));
    expect(r).toMatchObject({ test: 'ztest', statistic: 0, pValue: 1, drift: false, uniqueValues: 1 });
  });
});
