import { type CheckResult, type SuiteResult, summarizeChecks } from '@vigil/core';

/**
 * A `vigil check` result with every status: two failures (one against a condition relative to the reference), an
 * error with a two-line message, a warning, and passes (one with a name full of XML/HTML specials, one tiny value).
 * Suite order differs from status order so sorting is visible.
 */
export function suiteFixture(): SuiteResult {
  const checks: CheckResult[] = [
    {
      name: 'rocAuc',
      title: 'ROC AUC on current data',
      status: 'pass',
      value: 0.912,
      condition: { operator: 'gte', threshold: 0.85, description: 'gte 0.85' },
      severity: 'fail',
      preset: 'model',
      line: 3,
    },
    {
      name: 'accuracy',
      title: 'Accuracy on current data',
      status: 'fail',
      value: 0.78,
      condition: { operator: 'gte', threshold: 0.8, description: 'gte 0.8' },
      severity: 'fail',
      message: 'accuracy 0.78 is below 0.8',
      preset: 'model',
      line: 4,
    },
    {
      name: 'drift.share',
      title: 'Share of drifted columns',
      status: 'warn',
      value: 0.4,
      condition: { operator: 'lte', threshold: 0.3, description: 'lte 0.3' },
      severity: 'warn',
      message: '4 of 10 columns drifted',
      preset: 'drift',
    },
    {
      name: 'missingShare[age]',
      title: 'Missing values in age',
      status: 'error',
      value: null,
      condition: { operator: 'lte', threshold: 0.05, description: 'lte 0.05' },
      severity: 'fail',
      message: 'missingShare: column "age" not found;\ndid you mean "Age"?',
      line: 9,
    },
    {
      name: 'a<b & "c"',
      title: "Rows where a < b & 'c'",
      status: 'pass',
      value: 3,
      condition: { operator: 'between', threshold: [1, 5], description: 'between 1 and 5' },
      severity: 'fail',
    },
    {
      name: 'f1',
      title: 'F1 against the reference',
      status: 'fail',
      value: 0.61,
      condition: {
        operator: 'gte',
        threshold: 0.6175,
        description: 'not worse than reference by more than 5%',
        referenceValue: 0.65,
      },
      severity: 'fail',
      message: 'f1 0.61 is more than 5% below the reference 0.65',
      preset: 'model',
    },
    {
      name: 'rmse',
      title: 'RMSE',
      status: 'pass',
      value: 0.000012346,
      condition: { operator: 'lt', threshold: 0.001, description: 'lt 0.001' },
      severity: 'fail',
    },
  ];
  return {
    name: 'churn model gate',
    checks,
    summary: summarizeChecks(checks),
    metadata: {
      rows: { reference: 1000, current: 800 },
      files: ['ref.csv', 'cur.csv'],
      durationMs: 1234.5,
      versions: { vigil: '0.1.0' },
    },
  };
}
