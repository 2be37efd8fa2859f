/**
 * Drift of one column: runs the chosen (or `auto`) test on a prepared reference/current pair and reads the verdict.
 */
import { ErrorCodes, isVigilError, VigilError } from '../errors.js';
import type { Column } from '../frame/frame.js';
import { andersonKSamp } from '../stats/andersonKSamp.js';
import { binnedProportions, countProportions } from '../stats/binnedProportions.js';
import { chiSquareTest } from '../stats/chiSquareTest.js';
import { cramerVonMises2SampSorted } from '../stats/cramerVonMises2Samp.js';
import { energyDistanceSorted } from '../stats/energyDistance.js';
import { hellingerDistance } from '../stats/hellingerDistance.js';
import { jensenShannonDistance } from '../stats/jensenShannonDistance.js';
import { klDivergence } from '../stats/klDivergence.js';
import { ks2sampSorted } from '../stats/ks2samp.js';
import { mannWhitneyU } from '../stats/mannWhitneyU.js';
import { populationStabilityIndex } from '../stats/populationStabilityIndex.js';
import { totalVariationDistance } from '../stats/totalVariationDistance.js';
import { wassersteinDistanceSorted } from '../stats/wassersteinDistance.js';
import { welchTTest } from '../stats/welchTTest.js';
import { zTestTwoProportions } from '../stats/zTestTwoProportions.js';
import { checkArgument } from '../validation.js';
import { chooseDriftTest } from './chooseDriftTest.js';
import { type DriftTestName, driftTestNames, driftTests, isDriftTestName } from './driftTests.js';
import { type PreparedColumn, prepareDriftColumn } from './prepareDriftColumn.js';

export interface ColumnDriftOptions {
  /** A test name, or `auto` (default) for {@link chooseDriftTest}'s rule. */
  test?: DriftTestName | 'auto';
  /**
   * Verdict threshold for the requested test, or, under `auto`, for every auto-chosen test (as Evidently's
   * `stattest_threshold`; the auto rule never mixes p-value tests and distances in one data set, since it picks
   * by reference size). A column whose requested test could not apply (a categorical column under `ks`) keeps
   * its replacement's default, and its note says so. Default: the test's own (0.05 for p-value tests, 0.1 for
   * distances).
   */
  threshold?: number;
}

export interface ColumnDriftResult {
  column: string;
  type: 'numerical' | 'categorical';
  test: DriftTestName;
  /** The test statistic or distance; may be Infinity (chi-square with a category unseen in the reference). */
  statistic: number;
  /** Null for distances. */
  pValue: number | null;
  threshold: number;
  drift: boolean;
  referenceSize: number;
  currentSize: number;
  /** Distinct non-missing values over both samples. */
  uniqueValues: number;
  /** Current categories never seen in the reference (categorical columns). */
  unseenCategories?: string[];
  /** Set when a p-value correction is applied. */
  pValueAdjusted?: number;
  /** Why the test differs from the one asked for, when it does. */
  note?: string;
}

/**
 * Drift between a reference and a current column of the same name and kind. Missing values (NaN, code −1) and
 * ±Infinity are dropped first, as Evidently does.
 * @throws SCHEMA_MISMATCH when one column is numerical and the other categorical; EMPTY_INPUT when a side has no
 *   value left (the message names the column and the side); INVALID_ARGUMENT on an unknown `test`, a `threshold`
 *   that is not a finite number ≥ 0, or a forced test the data cannot take (named with the column).
 */
export function columnDrift(
  reference: Column,
  current: Column,
  options: ColumnDriftOptions = {},
): ColumnDriftResult {
  const prepared = prepareDriftColumn(reference, current);
  return preparedColumnDrift(reference.name, prepared, options);
}

/** {@link columnDrift} on an already prepared column (lets a caller reuse one preparation for several tests). */
export function preparedColumnDrift(
  name: string,
  prepared: PreparedColumn,
  options: ColumnDriftOptions = {},
): ColumnDriftResult {
  // Options come from users (library callers, config files), not only from the CLI's checked choices.
  const requested = options.test ?? 'auto';
  checkArgument(
    'columnDrift',
    'options.test',
    requested,
    requested === 'auto' || isDriftTestName(requested),
    `'auto' or one of ${driftTestNames.join(', ')}`,
  );
  if (options.threshold !== undefined) {
    checkArgument(
      'columnDrift',
      'options.threshold',
      options.threshold,
      Number.isFinite(options.threshold) && options.threshold >= 0,
      'a finite number ≥ 0',
    );
  }
  const referenceSize =
    prepared.kind === 'numerical' ? prepared.reference.length : sum(prepared.referenceCounts);
  const currentSize = prepared.kind === 'numerical' ? prepared.current.length : sum(prepared.currentCounts);
  for (const [which, size] of [
    ['reference', referenceSize],
    ['current', currentSize],
  ] as const) {
    if (size === 0) {
      throw new VigilError(
        ErrorCodes.EMPTY_INPUT,
        `columnDrift: ${which} column "${name}" must have values; got only missing values`,
        {
          location: { column: name },
          hint: `leave the column out with --columns, or check why it is empty in the ${which} data`,
        },
      );
    }
  }
  const auto = chooseDriftTest(prepared.kind, referenceSize, prepared.nUnique);
  let test = options.test === undefined || options.test === 'auto' ? auto : options.test;
  let note: string | undefined;
  let thresholdApplies = options.threshold !== undefined;
  if (prepared.kind === 'categorical' && !driftTests[test].categorical) {
    note = `${test} needs numbers; "${name}" is categorical, so the auto choice ${auto} was used`;
    test = auto;
    if (thresholdApplies) note += ` (with its default threshold ${driftTests[auto].defaultThreshold})`;
    thresholdApplies = false;
  }
  const spec = driftTests[test];
  const threshold = thresholdApplies ? (options.threshold as number) : spec.defaultThreshold;
  const { statistic, pValue } = runNamedTest(name, test, prepared);
  const drift = spec.verdict === 'pValue' ? (pValue as number) < threshold : statistic >= threshold;
  const result: ColumnDriftResult = {
    column: name,
    type: prepared.kind,
    test,
    statistic,
    pValue,
    threshold,
    drift,
    referenceSize,
    currentSize,
    uniqueValues: prepared.nUnique,
  };
  if (prepared.kind === 'categorical') result.unseenCategories = [...prepared.unseenCategories];
  if (note) result.note = note;
  return result;
}

/**
 * {@link runTest}, with the column named in the errors of the statistics (a forced test on data it cannot take,
 * e.g. Cramér–von Mises on one value or Anderson–Darling on a constant column), so the user knows which column
 * to leave out or test differently.
 */
function runNamedTest(
  name: string,
  test: DriftTestName,
  prepared: PreparedColumn,
): { statistic: number; pValue: number | null } {
  try {
    return runTest(test, prepared);
  } catch (error) {
    if (!isVigilError(error)) throw error;
    throw new VigilError(error.code, `columnDrift: column "${name}" (${test}): ${error.message}`, {
      location: { ...error.location, column: name },
      hint: error.hint ?? `choose another test with --test, or leave "${name}" out with --columns`,
      details: error.details,
      cause: error,
    });
  }
}

function runTest(
  test: DriftTestName,
  prepared: PreparedColumn,
): { statistic: number; pValue: number | null } {
  switch (test) {
    case 'chisquare':
      return chiSquareDrift(countsOf(prepared));
    case 'ztest':
      return zTestDrift(countsOf(prepared), prepared.kind === 'categorical' ? prepared.keys : undefined);
    case 'jensenshannon':
      // Evidently 0.4 bins Jensen–Shannon without zero filling (`get_binned_data(..., feel_zeroes=False)`),
      // unlike PSI and KL: an empty bin is a true 0 here, which the distance handles.
      return distance(jensenShannonDistance, prepared, false);
    case 'psi':
      return distance(populationStabilityIndex, prepared, true);
    case 'kl':
      return distance(klDivergence, prepared, true);
    case 'hellinger':
      return distance(hellingerDistance, prepared, false);
    case 'tvd':
      return distance(totalVariationDistance, prepared, false);
  }
  if (prepared.kind !== 'numerical') throw new Error(`unreachable: ${test} on categories`);
  const { reference: ref, current: cur } = prepared;
  switch (test) {
    case 'ks':
      return ks2sampSorted(ref, cur);
    case 'mannwhitney':
      return mannWhitneyU(ref, cur);
    case 'cvm':
      return cramerVonMises2SampSorted(ref, cur);
    case 'anderson':
      return andersonKSamp([ref, cur]);
    case 'ttest':
      return welchTTest(ref, cur);
    case 'energy':
      return { statistic: energyDistanceSorted(ref, cur), pValue: null };
    case 'wasserstein':
      return {
        statistic: wassersteinDistanceSorted(ref, cur) / Math.max(populationStd(ref), 0.001),
        pValue: null,
      };
  }
}

/**
 * Chi-square of current counts against reference proportions scaled to the current size, as Evidently's
 * `chi_stat_test` does. A category unseen in the reference has expected count 0: the statistic is infinite and
 * the p-value 0 (drift), and the category is listed in `unseenCategories`.
 */
function chiSquareDrift(counts: Counts): { statistic: number; pValue: number } {
  const scale = sum(counts.current) / sum(counts.reference);
  const expected = counts.reference.map((c) => c * scale);
  const { statistic, pValue } = chiSquareTest(counts.current, expected);
  return { statistic, pValue };
}

/**
 * Two-proportion z-test on the share of the first category in sorted order (Evidently's `z_stat_test` sorts the
 * keys and counts the first one: the smallest value, or the first name in code-point order as Python's `sorted`
 * orders strings), so the result does not depend on the order of the rows. With two categories the p-value does
 * not depend on which one is counted; the sign of z does. One and the same value on both sides is no drift
 * (p = 1).
 */
function zTestDrift(counts: Counts, keys?: readonly string[]): { statistic: number; pValue: number } {
  const nRef = sum(counts.reference);
  const nCur = sum(counts.current);
  const k = keys === undefined ? 0 : firstInCodePointOrder(keys);
  return zTestTwoProportions(counts.reference[k], nRef, counts.current[k], nCur);
}

/** Index of the smallest string in Unicode code-point order (Python's string order; `<` compares UTF-16 units). */
function firstInCodePointOrder(keys: readonly string[]): number {
  let best = 0;
  for (let k = 1; k < keys.length; k++) if (compareCodePoints(keys[k], keys[best]) < 0) best = k;
  return best;
}

function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x - y;
    if (x > 0xffff) i++; // both are the same astral character: skip its low surrogate
  }
  return a.length - b.length;
}

function distance(
  fn: (p: Float64Array, q: Float64Array) => number,
  prepared: PreparedColumn,
  fillZeros: boolean,
): { statistic: number; pValue: null } {
  const { reference, current } =
    prepared.kind === 'numerical'
      ? binnedProportions(prepared.reference, prepared.current, { kind: 'numerical', fillZeros })
      : countProportions(prepared.referenceCounts, prepared.currentCounts, { fillZeros });
  return { statistic: fn(reference, current), pValue: null };
}

interface Counts {
  reference: Float64Array;
  current: Float64Array;
}

/** Category counts; for a numerical column, one category per distinct value (merge of the two sorted arrays). */
function countsOf(prepared: PreparedColumn): Counts {
  if (prepared.kind === 'categorical')
    return { reference: prepared.referenceCounts, current: prepared.currentCounts };
  const a = prepared.reference;
  const b = prepared.current;
  const reference = new Float64Array(prepared.nUnique);
  const current = new Float64Array(prepared.nUnique);
  let i = 0;
  let j = 0;
  let k = -1;
  let last = Number.NaN;
  while (i < a.length || j < b.length) {
    const fromA = j >= b.length || (i < a.length && a[i] <= b[j]);
    const v = fromA ? a[i++] : b[j++];
    if (v !== last) {
      k++;
      last = v;
    }
    if (fromA) reference[k]++;
    else current[k]++;
  }
  return { reference, current };
}

function sum(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

/** Population standard deviation (numpy's `np.std`, ddof = 0), two-pass for accuracy. */
function populationStd(values: Float64Array): number {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i];
  mean /= values.length;
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += (values[i] - mean) ** 2;
  return Math.sqrt(ss / values.length);
}
