/**
 * The `auto` rule: which test a column gets when the user does not choose. These are Evidently's defaults
 * (evidently 0.4, `get_default_stattest`), kept so its users get the same verdicts:
 * - reference of at most 1000 rows: KS for numerical columns with more than 5 distinct values; otherwise
 *   chi-square, or the two-proportion z-test when there are at most 2 distinct values (p < 0.05 is drift);
 * - larger reference: normed Wasserstein for numerical columns with more than 5 distinct values, Jensen–Shannon
 *   otherwise (drift at 0.1 or more).
 * Distinct values are counted over reference and current together, missing values excluded.
 */
import type { DriftTestName } from './driftTests.js';

export function chooseDriftTest(
  kind: 'numerical' | 'categorical',
  referenceSize: number,
  nUnique: number,
): DriftTestName {
  const numerical = kind === 'numerical' && nUnique > 5;
  if (referenceSize <= 1000) {
    if (numerical) return 'ks';
    return nUnique > 2 ? 'chisquare' : 'ztest';
  }
  return numerical ? 'wasserstein' : 'jensenshannon';
}
