/**
 * Every check a suite can name: what it computes, on which data, which way it improves and how it reads the
 * cached computations of a {@link SuiteContext}. The README's "Suite checks" table lists the same names.
 */
import { driftTests } from '../drift/driftTests.js';
import type { Condition, Direction } from './conditions.js';
import type { Side, SuiteContext } from './suiteContext.js';

/** Parameters a check takes in the suite besides its condition. */
export interface CheckParams {
  column?: string;
}

export interface CheckDefinition {
  /** What is checked, for people. */
  title: (params: CheckParams) => string;
  /**
   * The value's name in a failure message ("accuracy", "missing share", "ks p-value"), which reads
   * "<value name> <value> is not ≥ 0.8 (column age)"; default: the check's name.
   */
  valueName?: (context: SuiteContext, params: CheckParams) => string;
  /** `current`: computed on the current data (and on the reference for relative conditions). */
  needs: 'current' | 'reference+current';
  /** How the value improves; decides `notWorseThanReference`. */
  direction: Direction;
  /** Whether the check takes a `column`. */
  column: 'required' | 'optional' | 'none';
  /** The value on one side (`reference` only for checks that need `current` alone). */
  compute: (context: SuiteContext, params: CheckParams, side: Side) => number;
  /** The condition when the suite gives none; absent: a condition is required. */
  defaultCondition?: (context: SuiteContext, params: CheckParams) => Condition;
  /** Extra facts for reports. */
  details?: (context: SuiteContext, params: CheckParams) => Record<string, unknown>;
}

/**
 * Metric keys of `vigil eval` that are better higher (scores, `…Score`-like keys); all other metric keys are
 * losses or errors, better lower. Ranking keys `<name>At<k>` take the direction of `<name>`.
 */
const higherIsBetter = new Set([
  'accuracy',
  'balancedAccuracy',
  'precision',
  'recall',
  'f1',
  'specificity',
  'mcc',
  'cohenKappa',
  'rocAuc',
  'prAuc',
  'precisionMacro',
  'precisionMicro',
  'precisionWeighted',
  'recallMacro',
  'recallMicro',
  'recallWeighted',
  'f1Macro',
  'f1Micro',
  'f1Weighted',
  'rocAucOvrMacro',
  'rocAucOvrWeighted',
  'r2',
  'adjustedR2',
  'explainedVariance',
  'silhouette',
  'calinskiHarabasz',
  'mrr',
]);

const lowerIsBetter = new Set([
  'logLoss',
  'brier',
  'mse',
  'rmse',
  'mae',
  'mape',
  'medianAe',
  'maxError',
  'daviesBouldin',
]);

const rankingKey = /^(ndcg|precision|recall|map|hitRate)At([1-9][0-9]*)$/;

/** Metric keys named in suites (ranking keys shown for k = 5 and 10; any k ≥ 1 is accepted). */
export const metricCheckNames: readonly string[] = [
  ...higherIsBetter,
  ...lowerIsBetter,
  ...['ndcg', 'precision', 'recall', 'map', 'hitRate'].flatMap((m) => [`${m}At5`, `${m}At10`]),
];

/** Direction of a metric key of `vigil eval`; undefined when the key is not a metric. */
export function metricDirection(key: string): Direction | undefined {
  if (higherIsBetter.has(key) || rankingKey.test(key)) return 'higher';
  if (lowerIsBetter.has(key)) return 'lower';
  return undefined;
}

const quality = (side: Side, context: SuiteContext) => context.quality(side);

/** The checks that are not evaluation metrics. */
export const checkRegistry: Readonly<Record<string, CheckDefinition>> = {
  rows: {
    title: () => 'Rows in the current data',
    valueName: () => 'rows',
    needs: 'current',
    direction: 'none',
    column: 'none',
    compute: (context, _params, side) => context.frame(side).nRows,
  },
  'drift.share': {
    title: () => 'Share of drifted columns',
    valueName: () => 'drift share',
    needs: 'reference+current',
    direction: 'lower',
    column: 'none',
    compute: (context) => context.drift().driftShare,
    details: (context) => {
      const drift = context.drift();
      return {
        driftedColumns: drift.columns.filter((c) => c.drift).map((c) => c.column),
        columns: drift.columns.length,
      };
    },
  },
  'drift.columns': {
    title: () => 'Number of drifted columns',
    valueName: () => 'drifted columns',
    needs: 'reference+current',
    direction: 'lower',
    column: 'none',
    compute: (context) => context.drift().driftedColumns,
    details: (context) => ({
      driftedColumns: context
        .drift()
        .columns.filter((c) => c.drift)
        .map((c) => c.column),
    }),
  },
  'drift.column': {
    title: (p) => `Drift of column ${p.column}`,
    valueName: (context, p) => {
      const r = context.columnDrift(p.column!);
      return driftTests[r.test].verdict === 'pValue' ? `${r.test} p-value` : `${r.test} drift score`;
    },
    needs: 'reference+current',
    direction: 'none',
    column: 'required',
    // The number the test's verdict reads: the p-value of a p-value test, the distance of a distance.
    compute: (context, p) => {
      const r = context.columnDrift(p.column!);
      return driftTests[r.test].verdict === 'pValue'
        ? (r.pValueAdjusted ?? r.pValue ?? Number.NaN)
        : r.statistic;
    },
    defaultCondition: (context, p) => {
      const r = context.columnDrift(p.column!);
      return driftTests[r.test].verdict === 'pValue'
        ? { type: 'absolute', operator: 'gte', value: r.threshold }
        : { type: 'absolute', operator: 'lt', value: r.threshold };
    },
    details: (context, p) => {
      const r = context.columnDrift(p.column!);
      return {
        test: r.test,
        statistic: r.statistic,
        pValue: r.pValue,
        drift: r.drift,
        threshold: r.threshold,
      };
    },
  },
  'quality.missingShare': {
    title: (p) => (p.column ? `Share of missing values in ${p.column}` : 'Share of missing cells'),
    valueName: (_context, p) => (p.column ? 'missing share' : 'missing share of all cells'),
    needs: 'current',
    direction: 'lower',
    column: 'optional',
    compute: (context, p, side) => {
      const q = quality(side, context);
      return p.column === undefined ? q.datasetMissingShare : (q.missingShare.get(p.column) ?? Number.NaN);
    },
  },
  'quality.duplicatedRows': {
    title: () => 'Duplicated rows',
    valueName: () => 'duplicated rows',
    needs: 'current',
    direction: 'lower',
    column: 'none',
    compute: (context, _p, side) => quality(side, context).duplicatedRows,
  },
  'quality.duplicatedShare': {
    title: () => 'Share of duplicated rows',
    valueName: () => 'duplicated-row share',
    needs: 'current',
    direction: 'lower',
    column: 'none',
    compute: (context, _p, side) => {
      const q = quality(side, context);
      return q.nRows === 0 ? Number.NaN : q.duplicatedRows / q.nRows;
    },
  },
  'quality.constantColumns': {
    title: () => 'Constant columns',
    valueName: () => 'constant columns',
    needs: 'current',
    direction: 'lower',
    column: 'none',
    compute: (context, _p, side) => quality(side, context).constantColumns.length,
    details: (context) => ({ constantColumns: quality('current', context).constantColumns }),
  },
  'schema.violations': {
    title: () => 'Broken schema rules',
    valueName: () => 'broken schema rules',
    needs: 'current',
    direction: 'lower',
    column: 'none',
    // Only the current data is validated: the schema is usually inferred from the reference.
    compute: (context, _p, side) => (side === 'current' ? context.schemaValidation().violations.length : 0),
    details: (context) => ({
      violations: context
        .schemaValidation()
        .violations.slice(0, 10)
        .map((v) => ({ column: v.column, rule: v.rule, count: v.count, message: v.message })),
    }),
  },
};

/** A metric of `vigil eval` as a check. */
function metricCheck(key: string, direction: Direction): CheckDefinition {
  return {
    title: () => `${key} on current data`,
    valueName: () => key,
    needs: 'current',
    direction,
    column: 'none',
    compute: (context, _p, side) => {
      const value = context.metrics(side)[key];
      return value === undefined ? Number.NaN : value;
    },
  };
}

/** Whether the check reads evaluation metrics. */
export function isMetricCheck(name: string): boolean {
  return !(name in checkRegistry) && metricDirection(name) !== undefined;
}

/** The definition of a check name, or undefined for an unknown name. */
export function findCheck(name: string): CheckDefinition | undefined {
  if (Object.hasOwn(checkRegistry, name)) return checkRegistry[name];
  const direction = metricDirection(name);
  return direction === undefined ? undefined : metricCheck(name, direction);
}

/** Every check name, for suggestions ("did you mean …?"). */
export function checkNames(): string[] {
  return [...Object.keys(checkRegistry), ...metricCheckNames];
}
