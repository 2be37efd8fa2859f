/**
 * The profile of a whole data set: every column's profile, duplicated rows, constant columns, correlated pairs and
 * columns that leak the target. The result object is what `vigil profile --format json` writes (README).
 */
import { ErrorCodes, VigilError } from '../errors.js';
import { closestNames } from '../frame/closestNames.js';
import { type Column, columnNames, type Frame, findColumn, type NumericColumn } from '../frame/frame.js';
import { sortFloat64 } from '../sort/sortFloat64.js';
import { pearsonUnchecked } from '../stats/pearsonCorrelation.js';
import { rankdata, rankdataSorted } from '../stats/rankdata.js';
import { checkArgument } from '../validation.js';
import { type ColumnProfile, type ColumnProfileOptions, columnProfile } from './columnProfile.js';
import { cramersV } from './cramersV.js';
import { type DuplicatedRowsResult, duplicatedRows } from './duplicatedRows.js';
import { finiteValues } from './outlierResult.js';

/** Options of {@link profileFrame}. */
export interface ProfileFrameOptions extends Omit<ColumnProfileOptions, 'sorted'> {
  /** Profile only these columns (in this order); default: all. */
  columns?: readonly string[];
  /** The target column, checked for leakage by every other column. */
  target?: string;
  /** |correlation| (or Cramér's V) from which a pair is "highly correlated"; default 0.9. */
  corrThreshold?: number;
  /** |correlation| (or Cramér's V) with the target from which a column "leaks" it; default 0.95. */
  leakThreshold?: number;
  /** Share of the present values held by the most frequent one from which a column is "almost constant"; 0.95. */
  almostConstantShare?: number;
  /** Correlation matrices cover at most this many numerical (and categorical) columns, the first ones; 50. */
  maxCorrelationColumns?: number;
}

/** A symmetric matrix of pairwise associations; NaN where undefined. */
export interface AssociationMatrix {
  columns: string[];
  values: number[][];
}

/** One pair at or above a threshold. */
export interface AssociatedPair {
  a: string;
  b: string;
  method: 'pearson' | 'spearman' | 'cramersV';
  value: number;
}

/** What {@link profileFrame} returns. */
export interface FrameProfile {
  nRows: number;
  nColumns: number;
  duplicatedRows: DuplicatedRowsResult;
  /** Number of profiled columns with at least one missing value. */
  columnsWithMissing: number;
  /** Columns with at most one distinct present value (an all-missing column included). */
  constantColumns: string[];
  /** Columns, not constant, whose most frequent value holds ≥ `almostConstantShare` of the present values. */
  almostConstantColumns: { column: string; value: number | string; share: number }[];
  correlations: { pearson: AssociationMatrix; spearman: AssociationMatrix; cramersV: AssociationMatrix };
  /** Pairs with |value| ≥ `corrThreshold`, one entry per method. */
  highlyCorrelated: AssociatedPair[];
  /** Distinct column pairs among `highlyCorrelated`. */
  highlyCorrelatedPairs: number;
  /** The target, when given. */
  target?: string;
  /** Columns whose |association| with the target is ≥ `leakThreshold` (empty without a target). */
  targetLeakage: { column: string; method: AssociatedPair['method']; value: number }[];
  columns: ColumnProfile[];
  /** What was simplified or skipped, in words. */
  notes: string[];
  thresholds: { corr: number; leak: number; almostConstant: number };
}

/**
 * Profiles a frame: {@link columnProfile} per column, {@link duplicatedRows}, constant and almost-constant columns,
 * Pearson and Spearman correlations between numerical columns (type `numerical` or `boolean`; datetimes are left
 * out), Cramér's V between categorical columns (type `categorical`; free text is left out), and target leakage.
 *
 * Correlations use the rows where both values are finite (pairwise deletion, as `pandas.DataFrame.corr`); a
 * column's ranks come from its one sort when it has no missing or infinite value. Matrices cover the first
 * `maxCorrelationColumns` columns of each kind (O(k²·n) work), with a note when more were left out; leakage is
 * checked against every column. A numerical target is compared with numerical columns (max of |Pearson| and
 * |Spearman|), a categorical target with categorical ones (Cramér's V); mixed pairs are not compared (noted).
 *
 * @param frame the data.
 * @param options see {@link ProfileFrameOptions}.
 * @returns a {@link FrameProfile}.
 * @throws UNKNOWN_COLUMN when `columns` or `target` names a column the frame lacks (`hint` suggests the closest
 *   names); INVALID_ARGUMENT on thresholds outside (0, 1] or invalid column options.
 * A frame without rows gets a profile of counts 0 and NaN statistics, rather than an error.
 * Matches pandas 1.5 / scipy 1.10.1 as described on each part; golden cases in scripts/golden/quality.py.
 * @example
 * profileFrame(createFrame([numericFromNumbers('x', [1, 2, 2])])).duplicatedRows.count; // => 1
 */
export function profileFrame(frame: Frame, options: ProfileFrameOptions = {}): FrameProfile {
  const fn = 'profileFrame';
  const corr = options.corrThreshold ?? 0.9;
  const leak = options.leakThreshold ?? 0.95;
  const almost = options.almostConstantShare ?? 0.95;
  const maxK = options.maxCorrelationColumns ?? 50;
  checkArgument(fn, 'corrThreshold', corr, corr > 0 && corr <= 1, 'in (0, 1]');
  checkArgument(fn, 'leakThreshold', leak, leak > 0 && leak <= 1, 'in (0, 1]');
  checkArgument(fn, 'almostConstantShare', almost, almost > 0 && almost <= 1, 'in (0, 1]');
  checkArgument(fn, 'maxCorrelationColumns', maxK, Number.isInteger(maxK) && maxK >= 2, 'an integer ≥ 2');
  const target = options.target === undefined ? undefined : requireName(frame, options.target, 'target');
  const selected = (options.columns ?? columnNames(frame)).map((name) => requireName(frame, name, 'columns'));
  const columns = [...new Set(selected)];
  if (target && !columns.includes(target)) columns.push(target);
  const notes: string[] = [];

  // One sort per numeric column, shared by its profile and its ranks.
  const sortedOf = new Map<string, Float64Array>();
  const profiles: ColumnProfile[] = [];
  const almostConstant: FrameProfile['almostConstantColumns'] = [];
  const top = options.top ?? 10;
  for (const name of columns) {
    const column = findColumn(frame, name)!;
    let sorted: Float64Array | undefined;
    if (column.kind === 'numeric') {
      sorted = sortFloat64(finiteValues(column.values));
      sortedOf.set(name, sorted);
    }
    // At least one top value, to decide "almost constant"; trimmed back to `top` in the result.
    const profile = columnProfile(column, { ...options, top: Math.max(top, 1), sorted });
    const mode = profile.topValues[0];
    profiles.push({ ...profile, topValues: profile.topValues.slice(0, top) } as ColumnProfile);
    if (profile.unique > 1 && mode && mode.count / profile.count >= almost) {
      almostConstant.push({ column: name, value: mode.value, share: mode.count / profile.count });
    }
  }
  const constantColumns = profiles.filter((p) => p.unique <= 1).map((p) => p.name);

  const projected = columns.map((name) => findColumn(frame, name)!);
  const numerical = projected.filter(
    (c): c is NumericColumn => c.kind === 'numeric' && (c.type === 'numerical' || c.type === 'boolean'),
  );
  const categorical = projected.filter((c) => c.kind === 'categorical' && c.type === 'categorical');
  const ranks = new RankCache(sortedOf);
  const numMatrix = numerical.slice(0, maxK);
  const catMatrix = categorical.slice(0, maxK);
  if (numerical.length > maxK)
    notes.push(
      `correlations computed among the first ${maxK} of ${numerical.length} numerical columns (O(k²·n) work)`,
    );
  if (categorical.length > maxK)
    notes.push(`Cramér's V computed among the first ${maxK} of ${categorical.length} categorical columns`);
  const pearson = squareMatrix(numMatrix.length);
  const spearman = squareMatrix(numMatrix.length);
  for (let i = 0; i < numMatrix.length; i++) {
    const self =
      (sortedOf.get(numMatrix[i].name)?.length ?? 0) >= 2 && hasSpread(sortedOf.get(numMatrix[i].name)!);
    pearson[i][i] = spearman[i][i] = self ? 1 : Number.NaN;
    for (let j = i + 1; j < numMatrix.length; j++) {
      const [p, s] = numericPair(numMatrix[i], numMatrix[j], ranks);
      pearson[i][j] = pearson[j][i] = p;
      spearman[i][j] = spearman[j][i] = s;
    }
  }
  const cramer = squareMatrix(catMatrix.length);
  for (let i = 0; i < catMatrix.length; i++) {
    for (let j = i; j < catMatrix.length; j++) {
      const v = frame.nRows === 0 ? Number.NaN : cramersV(codesOf(catMatrix[i]), codesOf(catMatrix[j]));
      cramer[i][j] = cramer[j][i] = v;
    }
  }
  const highlyCorrelated: AssociatedPair[] = [];
  const collect = (matrix: number[][], names: Column[], method: AssociatedPair['method']) => {
    for (let i = 0; i < names.length; i++)
      for (let j = i + 1; j < names.length; j++)
        if (Math.abs(matrix[i][j]) >= corr)
          highlyCorrelated.push({ a: names[i].name, b: names[j].name, method, value: matrix[i][j] });
  };
  collect(pearson, numMatrix, 'pearson');
  collect(spearman, numMatrix, 'spearman');
  collect(cramer, catMatrix, 'cramersV');
  const pairKeys = new Set(highlyCorrelated.map((p) => `${p.a}\u0000${p.b}`));

  const targetLeakage: FrameProfile['targetLeakage'] = [];
  if (target !== undefined) {
    const t = findColumn(frame, target)!;
    if (numerical.includes(t as NumericColumn)) {
      for (const c of numerical) {
        if (c === t) continue;
        const [p, s] = numericPair(t as NumericColumn, c, ranks);
        const [method, value] =
          Math.abs(s) > Math.abs(p) ? (['spearman', s] as const) : (['pearson', p] as const);
        if (Math.abs(value) >= leak) targetLeakage.push({ column: c.name, method, value });
      }
      if (categorical.length > 0)
        notes.push('target leakage: categorical columns not compared with a numerical target');
    } else if (categorical.includes(t)) {
      for (const c of categorical) {
        if (c === t || frame.nRows === 0) continue;
        const v = cramersV(codesOf(t), codesOf(c));
        if (v >= leak) targetLeakage.push({ column: c.name, method: 'cramersV', value: v });
      }
      if (numerical.length > 0)
        notes.push('target leakage: numerical columns not compared with a categorical target');
    } else {
      notes.push(`target leakage: target "${target}" is of type ${t.type}, which is not compared`);
    }
  }

  return {
    nRows: frame.nRows,
    nColumns: columns.length,
    duplicatedRows: duplicatedRows(
      { nRows: frame.nRows, columns: projected },
      { maxRows: options.maxRows ?? 10 },
    ),
    columnsWithMissing: profiles.filter((p) => p.missing > 0).length,
    constantColumns,
    almostConstantColumns: almostConstant,
    correlations: {
      pearson: { columns: numMatrix.map((c) => c.name), values: pearson },
      spearman: { columns: numMatrix.map((c) => c.name), values: spearman },
      cramersV: { columns: catMatrix.map((c) => c.name), values: cramer },
    },
    highlyCorrelated,
    highlyCorrelatedPairs: pairKeys.size,
    ...(target === undefined ? {} : { target }),
    targetLeakage,
    columns: profiles,
    notes,
    thresholds: { corr, leak, almostConstant: almost },
  };
}

/** The column `name`, or UNKNOWN_COLUMN naming the closest columns in `hint`. */
function requireName(frame: Frame, name: string, parameter: string): string {
  if (findColumn(frame, name)) return name;
  const names = columnNames(frame);
  const near = closestNames(name, names);
  throw new VigilError(
    ErrorCodes.UNKNOWN_COLUMN,
    `profileFrame: ${parameter} must name columns of the frame; got ${JSON.stringify(name)}`,
    {
      location: { column: name },
      hint:
        near.length > 0
          ? `did you mean ${near.map((n) => `"${n}"`).join(', ')}?`
          : 'the frame has no columns',
    },
  );
}

function squareMatrix(k: number): number[][] {
  return Array.from({ length: k }, () => new Array<number>(k).fill(Number.NaN));
}

/** True when a sorted, non-empty array holds two distinct values. */
function hasSpread(sorted: Float64Array): boolean {
  return sorted.length > 0 && sorted[0] !== sorted[sorted.length - 1];
}

function codesOf(column: Column): Int32Array {
  return column.kind === 'categorical' ? column.codes : new Int32Array(0);
}

/** Full-column ranks, computed once per column from its sort; only for columns whose values are all finite. */
class RankCache {
  private readonly ranks = new Map<string, Float64Array>();
  constructor(private readonly sortedOf: Map<string, Float64Array>) {}
  /** The ranks of `column`, or undefined when it has a missing or infinite value. */
  get(column: NumericColumn): Float64Array | undefined {
    const sorted = this.sortedOf.get(column.name);
    if (sorted === undefined || sorted.length !== column.values.length || sorted.length === 0)
      return undefined;
    let r = this.ranks.get(column.name);
    if (r === undefined) {
      r = rankdataSorted(column.values, sorted);
      this.ranks.set(column.name, r);
    }
    return r;
  }
}

/** Pearson and Spearman correlations of two numeric columns over the rows where both are finite. */
function numericPair(a: NumericColumn, b: NumericColumn, cache: RankCache): [number, number] {
  const ra = cache.get(a);
  const rb = cache.get(b);
  if (ra && rb) return [pearsonUnchecked(a.values, b.values), pearsonUnchecked(ra, rb)];
  const x = a.values;
  const y = b.values;
  let n = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) n++;
  if (n < 2) return [Number.NaN, Number.NaN];
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
      xs[k] = x[i];
      ys[k] = y[i];
      k++;
    }
  }
  return [pearsonUnchecked(xs, ys), pearsonUnchecked(rankdata(xs), rankdata(ys))];
}
