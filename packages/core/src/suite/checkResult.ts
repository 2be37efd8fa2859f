/**
 * The result objects of `vigil check` (DESIGN.md: every check returns `{ name, status, value, threshold?, details }`;
 * a report is a list of them plus metadata). Text, JSON, JUnit XML and HTML are renderings of a SuiteResult.
 */

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'error';

export type ConditionOperator = 'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'between';

/** What a check's value must satisfy, as written in the suite (relative conditions already resolved). */
export interface ResolvedCondition {
  operator: ConditionOperator;
  /** The bound (`between`: [low, high]) after resolving a condition relative to the reference. */
  threshold: number | [number, number];
  /** The condition as the user wrote it, in words, e.g. "gte 0.8" or "not worse than reference by more than 5%". */
  description: string;
  /** For relative conditions: the reference value the bound was derived from. */
  referenceValue?: number;
}

export interface CheckResult {
  /** Unique within the suite: the check's id, e.g. "accuracy" or "drift.share" or "missingShare[age]". */
  name: string;
  /** What was checked, for people: "Accuracy on current data". */
  title: string;
  status: CheckStatus;
  /** The computed value; null when it could not be computed (status 'error'). */
  value: number | null;
  condition?: ResolvedCondition;
  /** 'fail' checks make the suite fail; 'warn' checks only warn. */
  severity: 'fail' | 'warn';
  /** Why it failed or errored, in words; for 'error' the error message. */
  message?: string;
  /** Line of the check in the suite file (1-based), when it came from a file. */
  line?: number;
  /** The preset that produced it, if any. */
  preset?: string;
  details?: Record<string, unknown>;
}

export interface SuiteResult {
  name: string;
  checks: CheckResult[];
  summary: { total: number; passed: number; failed: number; warned: number; errored: number };
  /** Data set sizes, files, timings (ms), versions. */
  metadata: Record<string, unknown>;
}

/** Exit code of `vigil check`: 0 all pass (warnings allowed), 1 a check failed (or errored), 2 the suite could not run. */
export function suiteExitCode(result: SuiteResult): 0 | 1 {
  return result.summary.failed > 0 || result.summary.errored > 0 ? 1 : 0;
}

/** Counts statuses into a summary. */
export function summarizeChecks(checks: readonly CheckResult[]): SuiteResult['summary'] {
  const summary = { total: checks.length, passed: 0, failed: 0, warned: 0, errored: 0 };
  for (const c of checks) {
    if (c.status === 'pass') summary.passed++;
    else if (c.status === 'fail') summary.failed++;
    else if (c.status === 'warn') summary.warned++;
    else summary.errored++;
  }
  return summary;
}
