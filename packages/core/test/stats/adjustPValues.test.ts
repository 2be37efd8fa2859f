import { describe, expect, it } from 'vitest';
import { adjustPValues } from '../../src/stats/adjustPValues.js';
import golden from '../golden/stats_distances.json' with { type: 'json' };
import { expectClose } from '../helpers/close.js';

describe('adjustPValues golden (statsmodels multipletests, statsmodels 0.13.5)', () => {
  for (const c of golden.adjustPValues) {
    for (const method of ['bonferroni', 'holm', 'fdr_bh'] as const) {
      it(`adjustPValues(${c.name}, '${method}') matches statsmodels`, () => {
        const r = adjustPValues(c.p, method);
        r.forEach((v, i) => {
          expectClose(v, c[method][i], 1e-12);
        });
      });
    }
  }
});

describe('adjustPValues behaviour', () => {
  it("adjustPValues([0.01, 0.04, 0.03], 'holm') steps down: 3·0.01, then max(2·0.03, …), 1·0.04 → 0.06", () => {
    const r = adjustPValues([0.01, 0.04, 0.03], 'holm');
    expectClose(r[0], 0.03, 1e-15);
    expectClose(r[1], 0.06, 1e-15);
    expectClose(r[2], 0.06, 1e-15);
  });
  it("adjustPValues(p, 'fdr_bh') is monotone in p and never below p", () => {
    const p = [0.2, 0.001, 0.04, 0.03, 0.5];
    const r = adjustPValues(p, 'fdr_bh');
    const order = [1, 3, 2, 0, 4];
    for (let i = 1; i < order.length; i++) expect(r[order[i]]).toBeGreaterThanOrEqual(r[order[i - 1]]);
    p.forEach((v, i) => {
      expect(r[i]).toBeGreaterThanOrEqual(v);
    });
  });
  it("adjustPValues(p, 'bonferroni') caps at 1", () => {
    expect(Array.from(adjustPValues([0.4, 0.9], 'bonferroni'))).toEqual([0.8, 1]);
  });
  it('adjustPValues of one p-value returns it unchanged for every method', () => {
    for (const m of ['bonferroni', 'holm', 'fdr_bh'] as const)
      expect(Array.from(adjustPValues([0.03], m))).toEqual([0.03]);
  });
  it('adjustPValues(empty) throws EMPTY_INPUT', () => {
    expect(() => adjustPValues([], 'holm')).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
  });
  it('adjustPValues with a value outside [0, 1] or NaN throws INVALID_PROBABILITY', () => {
    expect(() => adjustPValues([0.5, 1.5], 'holm')).toThrow(
      expect.objectContaining({ code: 'INVALID_PROBABILITY' }),
    );
    expect(() => adjustPValues([Number.NaN], 'holm')).toThrow(
      expect.objectContaining({ code: 'INVALID_PROBABILITY' }),
    );
  });
  it('adjustPValues with an unknown method throws INVALID_ARGUMENT', () => {
    // @ts-expect-error testing a value outside the type
    expect(() => adjustPValues([0.5], 'fdr_by')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
