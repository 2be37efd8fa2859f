import { describe, expect, it } from 'vitest';
import { cramerVonMisesLimitCdf } from '../../../src/stats/distributions/cramerVonMisesLimitCdf.js';
import golden from '../../golden/stats_distances.json' with { type: 'json' };
import { expectClose } from '../../helpers/close.js';

describe('cramerVonMisesLimitCdf golden (scipy.stats._hypotests._cdf_cvm_inf, scipy 1.10.1)', () => {
  for (const c of golden.cramerVonMisesLimitCdf) {
    it(`cramerVonMisesLimitCdf(${c.x}) matches scipy's series`, () => {
      // Same terms, same stopping rule: only rounding differs (absolute ~1e-16 on values ≤ 1).
      expectClose(cramerVonMisesLimitCdf(c.x), c.cdf, 1e-12, 1e-15);
    });
  }
});

describe('cramerVonMisesLimitCdf behaviour', () => {
  it('cramerVonMisesLimitCdf(0.46136) is 0.95 (the classical 5% critical value, Anderson & Darling 1952)', () => {
    expectClose(cramerVonMisesLimitCdf(0.46136), 0.95, 1e-4);
  });
  it('cramerVonMisesLimitCdf(x ≤ 0) is 0 and NaN stays NaN', () => {
    expect(cramerVonMisesLimitCdf(0)).toBe(0);
    expect(cramerVonMisesLimitCdf(-1)).toBe(0);
    expect(cramerVonMisesLimitCdf(Number.NaN)).toBeNaN();
  });
  it('cramerVonMisesLimitCdf is increasing', () => {
    let previous = 0;
    for (let x = 0.01; x < 3; x += 0.01) {
      const v = cramerVonMisesLimitCdf(x);
      expect(v).toBeGreaterThanOrEqual(previous);
      previous = v;
    }
  });
});
