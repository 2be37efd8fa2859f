import { describe, expect, it } from 'vitest';
import { chooseDriftTest } from '../../src/drift/chooseDriftTest.js';

// Evidently 0.4 registry._get_default_stattest: reference ≤ 1000 → KS / chi-square / z-test by distinct
// values (> 5, > 2, ≤ 2); larger → Wasserstein (numerical, > 5 distinct) or Jensen–Shannon.
describe('chooseDriftTest', () => {
  it('chooseDriftTest(numerical, 1000 vs 1001 reference values) switches from KS to Wasserstein', () => {
    expect(chooseDriftTest('numerical', 1000, 6)).toBe('ks');
    expect(chooseDriftTest('numerical', 1001, 6)).toBe('wasserstein');
  });
  it('chooseDriftTest(numerical, 5 vs 6 distinct values) treats 5 as categorical', () => {
    expect(chooseDriftTest('numerical', 1000, 5)).toBe('chisquare');
    expect(chooseDriftTest('numerical', 1000, 6)).toBe('ks');
    expect(chooseDriftTest('numerical', 1001, 5)).toBe('jensenshannon');
    expect(chooseDriftTest('numerical', 1001, 6)).toBe('wasserstein');
  });
  it('chooseDriftTest(2 vs 3 distinct values) switches from the z-test to chi-square', () => {
    for (const kind of ['numerical', 'categorical'] as const) {
      expect(chooseDriftTest(kind, 1000, 1)).toBe('ztest');
      expect(chooseDriftTest(kind, 1000, 2)).toBe('ztest');
      expect(chooseDriftTest(kind, 1000, 3)).toBe('chisquare');
    }
  });
  it('chooseDriftTest(categorical) never picks a numerical-only test, however many categories', () => {
    expect(chooseDriftTest('categorical', 10, 500)).toBe('chisquare');
    expect(chooseDriftTest('categorical', 1001, 2)).toBe('jensenshannon');
    expect(chooseDriftTest('categorical', 1_000_000, 500)).toBe('jensenshannon');
  });
  it('chooseDriftTest(tiny reference) still follows the small-data rule', () => {
    expect(chooseDriftTest('numerical', 1, 7)).toBe('ks');
  });
});
