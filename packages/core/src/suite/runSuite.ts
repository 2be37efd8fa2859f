/**
 * Runs a suite of checks (issue 3 §3): presets expanded, explicit checks overriding preset checks of the same id,
 * each value computed from the cached computations of a {@link SuiteContext} and judged by its condition.
 */
import { ErrorCodes, isVigilError, VigilError } from '../errors.js';
import { closestNames } from '../frame/closestNames.js';
import { columnNames, findColumn } from '../frame/frame.js';
import { type CheckDefinition, checkNames, findCheck, isMetricCheck } from './checkRegistry.js';
import type { CheckResult, ResolvedCondition, SuiteResult } from './checkResult.js';
import { summarizeChecks } from './checkResult.js';
import { type Condition, conditionHolds, isRelativeCondition, resolveCondition } from './conditions.js';
import { type PresetName, presetChecks } from './presets.js';
import {
  createSuiteContext,
  defaultSuiteEngines,
  type SuiteContext,
  type SuiteData,
  type SuiteEngines,
} from './suiteContext.js';

/** One check as written in a suite (or produced by a preset). */
export interface SuiteCheck {
  /** A name from the check registry or a metric key (`accuracy`, `drift.share`, …). */
  check: string;
  /** Absent: the check's default condition (only `drift.column` has one). */
  condition?: Condition;
  /** Default `fail`. */
  severity?: 'fail' | 'warn';
  column?: string;
  /**
   * The check's id in results (JUnit testcase name, text and JSON), instead of `check` or `check[column]`; lets a
   * suite keep two conditions on one value (e.g. warn below 0.75, fail below 0.7).
   */
  name?: string;
  /** Line in the suite file, for messages. */
  line?: number;
  preset?: string;
}

export interface Suite {
  name: string;
  /** The suite file, for messages. */
  file?: string;
  presets?: { name: PresetName; line?: number }[];
  checks: SuiteCheck[];
}

/**
 * The id of a check in results: its `name` when given, else `check`, or `check[column]`. Explicit checks override
 * preset checks with their id; two explicit checks may not share one (see {@link assertUniqueCheckIds}).
 */
export function checkId(check: Pick<SuiteCheck, 'check' | 'column' | 'name'>): string {
  if (check.name !== undefined) return check.name;
  return check.column === undefined ? check.check : `${check.check}[${check.column}]`;
}

/**
 * Rejects a suite whose explicit checks share an id (same check and column, no distinguishing `name`): the second
 * would silently shadow the first.
 * @param suite - the suite (its explicit checks; preset checks are overridden, not duplicated).
 * @throws VigilError INVALID_ARGUMENT located at the later check's line, naming the earlier check's line.
 * @example
 * assertUniqueCheckIds({ name: 's', checks: [{ check: 'rows', line: 3 }, { check: 'rows', line: 5 }] });
 * // throws "checks: "rows" at line 5 repeats the check at line 3 (same check and column); …"
 */
export function assertUniqueCheckIds(suite: Pick<Suite, 'checks' | 'file'>): void {
  const seen = new Map<string, SuiteCheck>();
  for (const check of suite.checks) {
    const id = checkId(check);
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, check);
      continue;
    }
    const where = (c: SuiteCheck) => (c.line === undefined ? 'earlier' : `at line ${c.line}`);
    throw located(
      ErrorCodes.INVALID_ARGUMENT,
      `checks: ${JSON.stringify(id)} ${where(check)} repeats the check ${where(first)} (${
        check.name === undefined ? 'same check and column' : 'same name'
      }); each check needs its own id`,
      suite.file,
      check.line,
      check.name === undefined
        ? `to keep both conditions, give one of them a \`name:\` (e.g. \`name: ${check.check}-warning\`)`
        : 'give the checks different `name:` values',
    );
  }
}

/**
 * Runs a suite on data: no I/O, every computation cached (drift, quality figures, schema validation and metrics
 * once per frame, however many checks read them).
 *
 * A check whose value cannot be computed from valid input (e.g. ROC AUC of a one-class current set) gets status
 * `error` with the message; its value is null. A NaN value (a metric undefined on the data) fails.
 *
 * @param suite - the checks (and presets).
 * @param data - frames, column selection, metric function, drift options, schema; see {@link SuiteData}.
 * @param engines - the computations (tests replace them to count calls).
 * @returns a {@link SuiteResult} with one result per check, in order: preset checks, then explicit ones.
 * @throws VigilError (with `location.line` and `location.file` from the suite) when the suite cannot run: an
 *   unknown check name (INVALID_ARGUMENT, closest names as hint), a column missing from the data
 *   (UNKNOWN_COLUMN), a check or preset that needs a reference when none is given, a relative condition on a
 *   check without a reference value, a metric the data roles do not provide, a check without a condition, two
 *   explicit checks with one id ({@link assertUniqueCheckIds}).
 */
export function runSuite(
  suite: Suite,
  data: SuiteData,
  engines: SuiteEngines = defaultSuiteEngines,
): SuiteResult {
  const context = createSuiteContext(data, engines);
  const checks = expandChecks(suite, context);
  const plans = checks.map((check) => plan(check, context, suite.file));
  const results = plans.map(({ check, definition }) => runCheck(check, definition, context));
  return {
    name: suite.name,
    checks: results,
    summary: summarizeChecks(results),
    metadata: {
      currentRows: data.current.nRows,
      ...(data.reference ? { referenceRows: data.reference.nRows } : {}),
      presets: (suite.presets ?? []).map((p) => p.name),
    },
  };
}

function expandChecks(suite: Suite, context: SuiteContext): SuiteCheck[] {
  assertUniqueCheckIds(suite);
  const explicit = new Map(suite.checks.map((c) => [checkId(c), c]));
  const out: SuiteCheck[] = [];
  const used = new Set<string>();
  for (const preset of suite.presets ?? []) {
    if (!context.hasReference) {
      throw located(
        ErrorCodes.INVALID_ARGUMENT,
        `runSuite: preset ${preset.name} needs reference data; got none`,
        suite.file,
        preset.line,
        'add `reference:` under `data:`: presets derive their thresholds from it',
      );
    }
    const expanded = withLocation(suite.file, preset.line, () => presetChecks(preset.name, context));
    for (const check of expanded) {
      const id = checkId(check);
      if (used.has(id)) continue;
      used.add(id);
      // An explicit check with the same id replaces the preset's, in the preset's place.
      const override = explicit.get(id);
      out.push(override ?? { ...check, line: check.line ?? preset.line });
    }
  }
  for (const check of suite.checks) {
    const id = checkId(check);
    if (used.has(id)) continue;
    used.add(id);
    out.push(check);
  }
  return out;
}

/** Checks everything that can be checked before computing: the suite cannot run when any of this fails. */
function plan(
  check: SuiteCheck,
  context: SuiteContext,
  file: string | undefined,
): { check: SuiteCheck; definition: CheckDefinition } {
  const fail = (code: (typeof ErrorCodes)[keyof typeof ErrorCodes], message: string, hint?: string) =>
    located(code, `${check.check}: ${message}`, file, check.line, hint, check.column);
  const definition = findCheck(check.check);
  if (!definition) {
    const near = closestNames(check.check, checkNames());
    throw fail(ErrorCodes.INVALID_ARGUMENT, 'is not a known check', `did you mean ${near.join(', ')}?`);
  }
  if (definition.column === 'required' && check.column === undefined) {
    throw fail(ErrorCodes.INVALID_ARGUMENT, 'needs `column: <name>`');
  }
  if (definition.column === 'none' && check.column !== undefined) {
    throw fail(ErrorCodes.INVALID_ARGUMENT, `takes no column; got column ${JSON.stringify(check.column)}`);
  }
  const relative = check.condition !== undefined && isRelativeCondition(check.condition);
  const needsReference = definition.needs === 'reference+current' || relative;
  if (needsReference && !context.hasReference) {
    throw fail(
      ErrorCodes.INVALID_ARGUMENT,
      relative ? `${check.condition!.type} needs reference data; got none` : 'needs reference data; got none',
      'add `reference:` under `data:`, or use an absolute condition (gte, lte, between, …)',
    );
  }
  if (relative && definition.needs === 'reference+current') {
    throw fail(
      ErrorCodes.INVALID_ARGUMENT,
      `${check.condition!.type} does not apply: the check already compares reference and current`,
      'use an absolute condition (lt, gte, between, …)',
    );
  }
  if (check.condition?.type === 'notWorseThanReference' && definition.direction === 'none') {
    throw fail(
      ErrorCodes.INVALID_ARGUMENT,
      'notWorseThanReference needs a value that is better higher or lower; this one has no direction',
      'use closeToReference or an absolute condition',
    );
  }
  if (check.condition === undefined && definition.defaultCondition === undefined) {
    throw fail(ErrorCodes.INVALID_ARGUMENT, 'needs a condition', 'e.g. `- accuracy: { gte: 0.8 }`');
  }
  if (check.column !== undefined) {
    const sides = needsReference ? (['current', 'reference'] as const) : (['current'] as const);
    for (const side of sides) {
      const frame = context.frame(side);
      if (!findColumn(frame, check.column)) {
        const near = closestNames(check.column, columnNames(frame));
        throw fail(
          ErrorCodes.UNKNOWN_COLUMN,
          `column ${JSON.stringify(check.column)} must exist in the ${side} data`,
          near.length > 0 ? `did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : undefined,
        );
      }
    }
  }
  if (isMetricCheck(check.check)) {
    if (context.data.metrics === undefined) {
      throw fail(
        ErrorCodes.INVALID_ARGUMENT,
        'metric checks need the data roles; got no task',
        'add `task:`, `target:` and `prediction:` (or `score:`) under `data:`',
      );
    }
    let metrics: Record<string, number> | undefined;
    try {
      metrics = context.metrics('current');
    } catch (error) {
      // A metric that fails on the data (e.g. one class) is the check's error, reported when it runs.
      if (!isVigilError(error)) throw error;
    }
    if (metrics && !(check.check in metrics)) {
      throw fail(
        ErrorCodes.INVALID_ARGUMENT,
        'is not computed for this data',
        `metrics available: ${Object.keys(metrics).join(', ')} (check the task and the score / prediction roles)`,
      );
    }
  }
  return { check, definition };
}

function runCheck(check: SuiteCheck, definition: CheckDefinition, context: SuiteContext): CheckResult {
  const params = { column: check.column };
  const severity = check.severity ?? 'fail';
  const base = {
    name: checkId(check),
    title: definition.title(params),
    severity,
    ...(check.line === undefined ? {} : { line: check.line }),
    ...(check.preset === undefined ? {} : { preset: check.preset }),
  };
  try {
    const value = definition.compute(context, params, 'current');
    const condition = check.condition ?? definition.defaultCondition!(context, params);
    const referenceValue = isRelativeCondition(condition)
      ? definition.compute(context, params, 'reference')
      : undefined;
    if (referenceValue !== undefined && !Number.isFinite(referenceValue)) {
      return {
        ...base,
        status: 'error',
        value: Number.isFinite(value) ? value : null,
        message: `the reference value is ${referenceValue}, so ${condition.type} has no bound`,
      };
    }
    const resolved = resolveCondition(condition, definition.direction, referenceValue);
    const details = definition.details?.(context, params);
    const holds = conditionHolds(value, resolved);
    return {
      ...base,
      status: holds ? 'pass' : severity,
      value: Number.isNaN(value) ? null : value,
      condition: resolved,
      ...(holds
        ? {}
        : {
            message: failureMessage(
              definition.valueName?.(context, params) ?? check.check,
              value,
              condition,
              resolved,
              check.column,
            ),
          }),
      ...(details === undefined ? {} : { details }),
    };
  } catch (error) {
    if (!isVigilError(error)) throw error;
    return { ...base, status: 'error', value: null, message: error.message };
  }
}

const symbols = { gt: '>', gte: '≥', lt: '<', lte: '≤', eq: '=' } as const;

/**
 * Why a value fails its condition, in words: "accuracy 0.770106 is not ≥ 0.8", "ks p-value 0.0012 is not ≥ 0.05
 * (column age)", "f1 0.61 is worse than the reference (0.65) by more than 5% (needs ≥ 0.6175)".
 */
function failureMessage(
  subject: string,
  value: number,
  condition: Condition,
  resolved: ResolvedCondition,
  column: string | undefined,
): string {
  const where = column === undefined ? '' : ` (column ${column})`;
  if (Number.isNaN(value)) return `${subject} is undefined on the current data${where}`;
  const t = resolved.threshold;
  const bound = Array.isArray(t)
    ? `between ${formatValue(t[0])} and ${formatValue(t[1])}`
    : `${symbols[resolved.operator as keyof typeof symbols]} ${formatValue(t)}`;
  const head = `${subject} ${formatValue(value)}`;
  if (condition.type === 'absolute') return `${head} is not ${bound}${where}`;
  const ref = `the reference (${formatValue(resolved.referenceValue!)})`;
  const by = condition.relative ? `${formatValue(condition.by * 100)}%` : formatValue(condition.by);
  const needs = ` (needs ${bound}${column === undefined ? '' : `, column ${column}`})`;
  return condition.type === 'notWorseThanReference'
    ? `${head} is worse than ${ref} by more than ${by}${needs}`
    : `${head} is not within ${by} of ${ref}${needs}`;
}

function formatValue(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}

function located(
  code: (typeof ErrorCodes)[keyof typeof ErrorCodes],
  message: string,
  file: string | undefined,
  line: number | undefined,
  hint?: string,
  column?: string,
): VigilError {
  return new VigilError(code, message, {
    hint,
    location: {
      ...(file === undefined ? {} : { file }),
      ...(line === undefined ? {} : { line }),
      ...(column === undefined ? {} : { column }),
    },
  });
}

/** Errors raised while expanding a preset get the preset's line. */
function withLocation<T>(file: string | undefined, line: number | undefined, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isVigilError(error) && error.location.line === undefined) {
      throw new VigilError(error.code, error.message, {
        hint: error.hint,
        location: {
          ...error.location,
          ...(file === undefined ? {} : { file }),
          ...(line === undefined ? {} : { line }),
        },
        details: error.details,
        cause: error,
      });
    }
    throw error;
  }
}
