import type { ColumnDriftResult, DataDriftResult } from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { renderDriftText } from '../../src/text/renderDriftText.js';

function column(
  name: string,
  test: ColumnDriftResult['test'],
  statistic: number,
  pValue: number | null,
  drift: boolean,
  extra: Partial<ColumnDriftResult> = {},
): ColumnDriftResult {
  return {
    column: name,
    type: 'numerical',
    test,
    statistic,
    pValue,
    threshold: pValue === null ? 0.1 : 0.05,
    drift,
    referenceSize: 100,
    currentSize: 100,
    uniqueValues: 50,
    ...extra,
  };
}

function result(columns: ColumnDriftResult[], extra: Partial<DataDriftResult> = {}): DataDriftResult {
  const driftedColumns = columns.filter((c) => c.drift).length;
  const driftShare = driftedColumns / columns.length;
  return {
    columns,
    driftedColumns,
    driftShare,
    datasetDrift: driftShare >= 0.5,
    driftShareThreshold: 0.5,
    correction: 'none',
    ...extra,
  };
}

const rowsOf = (text: string) =>
  text
    .split('\n')
    .slice(4)
    .filter((l) => l !== '' && !l.includes(':'))
    .map((l) => l.split(/\s+/)[0]);

describe('renderDriftText', () => {
  const mixed = result([
    column('ok_p_small', 'ks', 0.1, 0.2, false),
    column('drift_dist_weak', 'wasserstein', 0.12, null, true),
    column('drift_p_weak', 'ks', 0.3, 0.01, true),
    column('ok_dist', 'jensenshannon', 0.05, null, false),
    column('drift_p_strong', 'chisquare', 40, 1e-8, true),
    column('drift_dist_strong', 'psi', 0.9, null, true),
    column('ok_p_large', 'ztest', 0.2, 0.9, false),
  ]);

  it('renderDriftText(result) starts with a one-line summary', () => {
    expect(renderDriftText(mixed).split('\n')[0]).toBe(
      'Dataset drift detected: 4 of 7 columns drifted (share 0.5714, threshold 0.5).',
    );
    const calm = result([column('a', 'ks', 0.1, 0.5, false), column('b', 'ks', 0.1, 0.01, true)], {
      driftShareThreshold: 0.75,
      datasetDrift: false,
    });
    expect(renderDriftText(calm).split('\n')[0]).toBe(
      'No dataset drift: 1 of 2 columns drifted (share 0.5, threshold 0.75).',
    );
  });

  it('renderDriftText(result) lists drifted columns first, each group by strongest evidence', () => {
    expect(rowsOf(renderDriftText(mixed))).toEqual([
      'drift_p_strong',
      'drift_p_weak',
      'drift_dist_strong',
      'drift_dist_weak',
      'ok_p_small',
      'ok_p_large',
      'ok_dist',
    ]);
  });

  it('renderDriftText(result) ranks distances relative to their thresholds, and keeps ties in input order', () => {
    const r = result([
      column('first_inf', 'kl', Number.POSITIVE_INFINITY, null, true),
      column('half', 'psi', 0.1, null, true, { threshold: 0.2 }),
      column('double', 'psi', 0.2, null, true),
      column('second_inf', 'kl', Number.POSITIVE_INFINITY, null, true),
      column('p0_a', 'chisquare', Number.POSITIVE_INFINITY, 0, true),
      column('p0_b', 'chisquare', 50, 0, true),
    ]);
    expect(rowsOf(renderDriftText(r))).toEqual(['p0_a', 'p0_b', 'first_inf', 'second_inf', 'double', 'half']);
  });

  it('renderDriftText(result) puts NaN statistics and p-values last in their group', () => {
    const r = result([
      column('nan_p', 'ttest', Number.NaN, Number.NaN, false),
      column('p', 'ttest', 1, 0.5, false),
      column('nan_dist', 'wasserstein', Number.NaN, null, false),
      column('dist', 'wasserstein', 0.01, null, false),
    ]);
    expect(rowsOf(renderDriftText(r))).toEqual(['p', 'nan_p', 'dist', 'nan_dist']);
  });

  it('renderDriftText(result) aligns the table under its header', () => {
    const text = renderDriftText(
      result([
        column('age', 'ks', 0.2533, 2.625e-5, true),
        column('city', 'chisquare', Number.POSITIVE_INFINITY, 0, true),
      ]),
    );
    expect(text.split('\n').slice(1)).toEqual([
      '',
      'column  type       test       statistic   p-value  threshold  verdict',
      '------  ---------  ---------  ---------  --------  ---------  -------',
      'city    numerical  chisquare          ∞         0       0.05  DRIFT',
      'age     numerical  ks            0.2533  2.625e-5       0.05  DRIFT',
    ]);
  });

  it('renderDriftText(corrected result) shows and sorts by the adjusted p-values', () => {
    const r = result(
      [
        column('a', 'ks', 0.3, 0.001, false, { pValueAdjusted: 0.2 }),
        column('b', 'ks', 0.3, 0.002, false, { pValueAdjusted: 0.1 }),
      ],
      { correction: 'fdr_bh' },
    );
    const lines = renderDriftText(r).split('\n');
    expect(lines[0]).toBe(
      'No dataset drift: 0 of 2 columns drifted (share 0, threshold 0.5), p-values corrected by fdr_bh.',
    );
    expect(lines[2]).toMatch(/ p \(adj\.\) {2}threshold {2}verdict$/);
    expect(rowsOf(lines.join('\n'))).toEqual(['b', 'a']);
    expect(lines[4]).toMatch(/^b .* 0\.1 +0\.05 {2}ok$/);
  });

  it('renderDriftText(result) lists unseen categories (at most 5) and notes after the table', () => {
    const r = result([
      column('city', 'chisquare', Number.POSITIVE_INFINITY, 0, true, {
        type: 'categorical',
        unseenCategories: ['d', 'e', 'f', 'g', 'h', 'i', 'j'],
        note: 'ks needs numbers; "city" is categorical, so the auto choice chisquare was used',
      }),
    ]);
    expect(renderDriftText(r).split('\n').slice(-3)).toEqual([
      '',
      'city: categories not in the reference: "d", "e", "f", "g", "h" and 2 more',
      'city: ks needs numbers; "city" is categorical, so the auto choice chisquare was used',
    ]);
  });

  it('renderDriftText(result, {color}) paints the verdicts, and adds no escape codes without colour', () => {
    const coloured = renderDriftText(mixed, { color: true });
    expect(coloured.startsWith('\x1b[1m\x1b[31mDataset drift detected\x1b[39m\x1b[22m: ')).toBe(true);
    expect(coloured).toContain('\x1b[31mDRIFT\x1b[39m');
    expect(coloured).toContain('\x1b[32mok\x1b[39m');
    expect(renderDriftText(mixed)).not.toContain('\x1b[');
    expect(renderDriftText(mixed, { color: false })).not.toContain('\x1b[');
  });
});
