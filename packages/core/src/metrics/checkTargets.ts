/**
 * Target validation for classification metrics (STYLE.md §3, after scikit-learn's `_check_targets`): every
 * classification metric calls one of these first, so that bad labels, scores and probabilities get the same
 * precise message everywhere: `<function>: <parameter> must be <rule>; got <value> at index <i>`.
 *
 * Labels are integer class codes (the CLI encodes string labels into codes with a dictionary first); binary
 * metrics take codes in {0, 1} with 1 the positive class; probabilities of a multiclass model are columnar, one
 * `ArrayLike<number>` per class, indexed by class code.
 */
import { ErrorCodes, VigilError } from '../errors.js';
import { checkArgument, checkNotEmpty, checkSameLength, describeValue } from '../validation.js';

/** How per-class scores are combined (scikit-learn's `average`). */
export type Average = 'binary' | 'macro' | 'micro' | 'weighted';

/**
 * Value returned where a ratio is 0/0 (scikit-learn's `zero_division`). scikit-learn 1.2.1 defaults to `'warn'`,
 * which returns 0 and warns; Vigil's default is 0 and nothing is written to the console.
 */
export type ZeroDivision = 0 | 1 | 'nan';

/** Which classes a multiclass metric covers. */
export interface LabelOptions {
  /**
   * Class codes to report, in this order. Default: the sorted codes present in `yTrue` or `yPred`
   * (scikit-learn's default), or `0 … nClasses - 1` when `nClasses` is given.
   */
  labels?: readonly number[];
  /** Number of classes in the dictionary: every code must be below it and every class is reported. */
  nClasses?: number;
}

/** Largest class code accepted without `nClasses`; guards against allocating count tables for a stray value. */
export const MAX_CLASS_CODE = 16_777_215;

/** Validated pair of label vectors with the classes to report. */
export interface CheckedLabels {
  /** Classes to report, in order. */
  labels: number[];
  /** One more than the largest code seen or allowed: size of per-code count tables. */
  nCodes: number;
}

/**
 * Throws unless `codes` are class codes: NON_FINITE for NaN/±Infinity, INVALID_ARGUMENT for non-integers,
 * negative codes (a missing category is -1 in a frame: drop those rows first) or codes ≥ `nClasses`.
 * Returns the largest code (or -1 when empty).
 */
export function checkClassCodes(
  fn: string,
  name: string,
  codes: ArrayLike<number>,
  nClasses?: number,
): number {
  const limit = nClasses ?? MAX_CLASS_CODE + 1;
  let max = -1;
  for (let i = 0; i < codes.length; i++) {
    const v = codes[i];
    // `v | 0` equals v only for 32-bit integers, so this one test rejects NaN, ±Infinity and fractions.
    if (v !== (v | 0) || v < 0 || v >= limit) throw badCode(fn, name, v, i, nClasses);
    if (v > max) max = v;
  }
  return max;
}

function badCode(fn: string, name: string, v: number, i: number, nClasses: number | undefined): VigilError {
  const details = { index: i, value: v };
  if (!Number.isFinite(v)) {
    return new VigilError(
      ErrorCodes.NON_FINITE,
      `${fn}: ${name} must be finite class codes; got ${describeValue(v)} at index ${i}`,
      { details, hint: 'Drop or impute rows with a missing label before computing the metric.' },
    );
  }
  const rule =
    nClasses === undefined
      ? `integer class codes from 0 to ${MAX_CLASS_CODE}`
      : `integer class codes from 0 to ${nClasses - 1} (nClasses = ${nClasses})`;
  return new VigilError(
    ErrorCodes.INVALID_ARGUMENT,
    `${fn}: ${name} must be ${rule}; got ${v} at index ${i}`,
    {
      details,
      hint:
        v === -1
          ? 'Code -1 marks a missing category: drop those rows first.'
          : 'Encode labels as class codes 0 … k-1 with a dictionary.',
    },
  );
}

/**
 * Throws unless `y` holds binary class codes 0 or 1 (1 = the positive class). Returns the number of ones.
 */
export function checkBinaryCodes(fn: string, name: string, y: ArrayLike<number>): number {
  let ones = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v === 1) ones++;
    else if (v !== 0) {
      if (!Number.isFinite(v)) throw badCode(fn, name, v, i, 2);
      throw new VigilError(
        ErrorCodes.INVALID_ARGUMENT,
        `${fn}: ${name} must be binary class codes 0 or 1; got ${describeValue(v)} at index ${i}`,
        {
          details: { index: i, value: v },
          hint: 'For more than two classes use a multiclass metric or average "macro", "micro" or "weighted".',
        },
      );
    }
  }
  return ones;
}

/** Throws unless `yTrue` and `yPred` have the same, non-zero length. */
export function checkPairLength(
  fn: string,
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  predName = 'yPred',
): void {
  checkSameLength(fn, 'yTrue', yTrue, predName, yPred);
  checkNotEmpty(fn, 'yTrue', yTrue);
}

/**
 * Validates a pair of label vectors and resolves which classes to report (see {@link LabelOptions}).
 * Throws LENGTH_MISMATCH, EMPTY_INPUT, NON_FINITE or INVALID_ARGUMENT.
 */
export function checkLabelTargets(
  fn: string,
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: LabelOptions = {},
): CheckedLabels {
  checkPairLength(fn, yTrue, yPred);
  const { labels, nClasses } = options;
  if (nClasses !== undefined) {
    checkArgument(
      fn,
      'nClasses',
      nClasses,
      Number.isInteger(nClasses) && nClasses >= 1 && nClasses <= MAX_CLASS_CODE + 1,
      'a positive integer',
    );
    checkArgument(
      fn,
      'labels',
      'given with nClasses',
      labels === undefined,
      'omitted when nClasses is given',
    );
  }
  const maxTrue = checkClassCodes(fn, 'yTrue', yTrue, nClasses);
  const maxPred = checkClassCodes(fn, 'yPred', yPred, nClasses);
  let nCodes = nClasses ?? Math.max(maxTrue, maxPred) + 1;
  if (labels !== undefined) {
    checkArgument(fn, 'labels', '[]', labels.length > 0, 'a non-empty list of class codes');
    const seen = new Set<number>();
    for (const label of labels) {
      checkArgument(
        fn,
        'labels',
        label,
        Number.isInteger(label) && label >= 0 && label <= MAX_CLASS_CODE,
        'class codes (integers ≥ 0)',
      );
      checkArgument(fn, 'labels', `${label} twice`, !seen.has(label), 'distinct class codes');
      seen.add(label);
      if (label + 1 > nCodes) nCodes = label + 1;
    }
    return { labels: [...labels], nCodes };
  }
  if (nClasses !== undefined) return { labels: Array.from({ length: nClasses }, (_, c) => c), nCodes };
  // scikit-learn's default: the classes present in yTrue or yPred, sorted.
  const present = new Uint8Array(nCodes);
  for (let i = 0; i < yTrue.length; i++) {
    present[yTrue[i]] = 1;
    present[yPred[i]] = 1;
  }
  const found: number[] = [];
  for (let c = 0; c < nCodes; c++) if (present[c] === 1) found.push(c);
  return { labels: found, nCodes };
}

/** Throws NON_FINITE at the first NaN or ±Infinity score (decision values may be any finite number). */
export function checkScores(fn: string, name: string, yScore: ArrayLike<number>): void {
  for (let i = 0; i < yScore.length; i++) {
    const v = yScore[i];
    // v - v is 0 for finite numbers and NaN for NaN and ±Infinity: one comparison in the hot loop.
    if (v - v !== 0) {
      throw new VigilError(
        ErrorCodes.NON_FINITE,
        `${fn}: ${name} must be finite numbers; got ${describeValue(v)} at index ${i}`,
        { details: { index: i, value: v } },
      );
    }
  }
}

/** Throws NON_FINITE for NaN and INVALID_PROBABILITY for values outside [0, 1], naming the first index. */
export function checkProbabilityValues(fn: string, name: string, p: ArrayLike<number>): void {
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (!(v >= 0 && v <= 1)) {
      if (Number.isNaN(v)) {
        throw new VigilError(
          ErrorCodes.NON_FINITE,
          `${fn}: ${name} must be finite numbers; got NaN at index ${i}`,
          {
            details: { index: i, value: v },
          },
        );
      }
      throw new VigilError(
        ErrorCodes.INVALID_PROBABILITY,
        `${fn}: ${name} must be probabilities in [0, 1]; got ${describeValue(v)} at index ${i}`,
        { details: { index: i, value: v } },
      );
    }
  }
}

/** Largest accepted |row sum - 1| for multiclass probabilities. */
export const ROW_SUM_TOLERANCE = 1e-6;

/**
 * Validates columnar class probabilities against `n` samples: at least two columns, each of length `n`, values
 * in [0, 1], and every row summing to 1 within {@link ROW_SUM_TOLERANCE}. Rows that clearly do not sum to 1 are
 * rejected (scikit-learn 1.2.1's `log_loss` silently renormalises them) because they usually mean the columns
 * are not the model's class probabilities, or are in the wrong order. Returns the number of classes.
 */
export function checkProbabilityColumns(
  fn: string,
  name: string,
  yProba: readonly ArrayLike<number>[],
  n: number,
): number {
  const k = yProba.length;
  checkArgument(fn, `${name}.length`, k, k >= 2, 'at least 2 (one probability column per class)');
  for (let c = 0; c < k; c++) {
    const column = yProba[c];
    if (column.length !== n) {
      throw new VigilError(
        ErrorCodes.LENGTH_MISMATCH,
        `${fn}: yTrue and ${name}[${c}] must have the same length; got ${n} and ${column.length}`,
      );
    }
    checkProbabilityValues(fn, `${name}[${c}]`, column);
  }
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let c = 0; c < k; c++) sum += yProba[c][i];
    if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
      throw new VigilError(
        ErrorCodes.INVALID_PROBABILITY,
        `${fn}: ${name} rows must sum to 1 (within ${ROW_SUM_TOLERANCE.toExponential()}); got ${sum} at row index ${i}`,
        {
          details: { index: i, sum },
          hint: 'Pass one column per class, in class-code order, from the model’s predicted probabilities.',
        },
      );
    }
  }
  return k;
}

/**
 * Throws unless `sampleWeight` (when given) has `n` finite, non-negative values with a positive sum.
 */
export function checkSampleWeight(fn: string, sampleWeight: ArrayLike<number> | undefined, n: number): void {
  if (sampleWeight === undefined) return;
  if (sampleWeight.length !== n) {
    throw new VigilError(
      ErrorCodes.LENGTH_MISMATCH,
      `${fn}: yTrue and sampleWeight must have the same length; got ${n} and ${sampleWeight.length}`,
    );
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = sampleWeight[i];
    if (w - w !== 0) {
      throw new VigilError(
        ErrorCodes.NON_FINITE,
        `${fn}: sampleWeight must be finite numbers; got ${describeValue(w)} at index ${i}`,
        { details: { index: i, value: w } },
      );
    }
    if (w < 0) {
      throw new VigilError(
        ErrorCodes.INVALID_ARGUMENT,
        `${fn}: sampleWeight must be non-negative; got ${w} at index ${i}`,
        { details: { index: i, value: w } },
      );
    }
    total += w;
  }
  checkArgument(fn, 'sum of sampleWeight', total, total > 0, 'positive');
}

/** Throws INVALID_ARGUMENT unless `zeroDivision` is 0, 1 or 'nan'; returns the value to use for 0/0. */
export function checkZeroDivision(fn: string, zeroDivision: unknown): number {
  checkArgument(
    fn,
    'zeroDivision',
    zeroDivision,
    zeroDivision === 0 || zeroDivision === 1 || zeroDivision === 'nan',
    "0, 1 or 'nan'",
  );
  return zeroDivision === 'nan' ? Number.NaN : (zeroDivision as number);
}

/**
 * Validates binary targets with real-valued scores: same non-zero length, yTrue codes 0/1, finite scores.
 * Returns the number of positives.
 */
export function checkBinaryScoreTargets(
  fn: string,
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  scoreName = 'yScore',
): number {
  checkPairLength(fn, yTrue, yScore, scoreName);
  const nPos = checkBinaryCodes(fn, 'yTrue', yTrue);
  checkScores(fn, scoreName, yScore);
  return nPos;
}

/**
 * Throws ONE_CLASS when `yTrue` lacks positives (`nPos` = 0) or, if `needNegatives`, negatives. `what` names the
 * quantity that is undefined, for the message.
 */
export function checkBothClasses(
  fn: string,
  nPos: number,
  n: number,
  what: string,
  needNegatives = true,
): void {
  const missing = nPos === 0 ? 1 : needNegatives && nPos === n ? 0 : -1;
  if (missing === -1) return;
  const present = 1 - missing;
  const role = missing === 1 ? 'positives' : 'negatives';
  const rule = needNegatives ? 'both classes 0 and 1' : 'at least one positive (class 1)';
  const wanted = needNegatives ? 'both classes' : 'positives';
  const fix =
    `${what.charAt(0).toUpperCase()}${what.slice(1)} is undefined without ${role}: evaluate on data that contains ` +
    `${wanted} (a longer window, a larger or stratified sample)`;
  throw new VigilError(
    ErrorCodes.ONE_CLASS,
    `${fn}: yTrue must contain ${rule}; got only class ${present} in ${n} samples ` +
      `(class ${missing}, the ${role}, is missing). ${fix}.`,
    { details: { missingClass: missing, n }, hint: `${fix}.` },
  );
}
