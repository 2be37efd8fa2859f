import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../../core/test/helpers/close.js';
import { fixture, runCli } from '../helpers/runCli.js';

/**
 * `vigil eval --format json` end to end against scikit-learn 1.2.1, on the fixtures that
 * scripts/golden/cli_eval.py writes (it also computes the expected values from the same CSV text).
 */
interface GoldenCase {
  name: string;
  data: string;
  task: string;
  args: string[];
  n: number;
  metrics: Record<string, number | null>;
  confusionMatrix?: { labels: string[]; matrix: number[][] };
  segments?: Record<string, { n: number; metrics: Record<string, number | null> }>;
}

const golden: { versions: Record<string, string>; cases: GoldenCase[] } = JSON.parse(
  readFileSync(new URL('../golden/cli_eval.json', import.meta.url), 'utf8'),
);

/** The metric keys of the JSON contract (issue text), per task; ranking's depend on --k. */
const binaryKeys = [
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
  'logLoss',
  'brier',
];
const multiclassKeys = [
  'accuracy',
  'balancedAccuracy',
  'precisionMacro',
  'recallMacro',
  'f1Macro',
  'precisionMicro',
  'recallMicro',
  'f1Micro',
  'precisionWeighted',
  'recallWeighted',
  'f1Weighted',
  'cohenKappa',
  'mcc',
];
const multiclassProbaKeys = ['rocAucOvrMacro', 'rocAucOvrWeighted', 'logLoss'];
const regressionKeys = [
  'mse',
  'rmse',
  'mae',
  'mape',
  'r2',
  'adjustedR2',
  'explainedVariance',
  'medianAe',
  'maxError',
];
const clusteringKeys = ['silhouette', 'daviesBouldin', 'calinskiHarabasz'];
const rankingKeys = (ks: number[]) => [
  ...ks.flatMap((k) => [`ndcgAt${k}`, `precisionAt${k}`, `recallAt${k}`, `mapAt${k}`, `hitRateAt${k}`]),
  'mrr',
];

function contractKeys(c: GoldenCase): string[] {
  switch (c.task) {
    case 'binary':
      return binaryKeys;
    case 'multiclass':
      return c.args.includes('--probas') ? [...multiclassKeys, ...multiclassProbaKeys] : multiclassKeys;
    case 'regression':
      return regressionKeys;
    case 'clustering':
      return clusteringKeys;
    default:
      return rankingKeys(c.args[c.args.indexOf('--k') + 1].split(',').map(Number));
  }
}

function expectMetrics(actual: Record<string, number | null>, expected: Record<string, number | null>) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    if (value === null) expect(actual[key], key).toBeNull();
    else expectClose(actual[key] as number, value);
  }
}

describe('vigil eval --format json (golden: scikit-learn 1.2.1)', () => {
  it('golden file pins the reference versions', () => {
    expect(golden.versions.sklearn).toBe('1.2.1');
    expect(golden.cases.length).toBeGreaterThanOrEqual(11);
  });

  it.each(golden.cases.map((c) => [c.name, c] as const))('eval %s', async (_, c) => {
    const run = await runCli([
      'eval',
      '--data',
      fixture(c.data),
      '--task',
      c.task,
      ...c.args,
      '--format',
      'json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.task).toBe(c.task);
    expect(out.n).toBe(c.n);
    // The output has exactly the contract's keys, and the golden file covers every one of them.
    expect(Object.keys(out.metrics).sort()).toEqual([...contractKeys(c)].sort());
    expectMetrics(out.metrics, c.metrics);
    if (c.confusionMatrix) expect(out.confusionMatrix).toEqual(c.confusionMatrix);
    else expect(out.confusionMatrix).toBeUndefined();
    if (c.segments) {
      expect(Object.keys(out.segments).sort()).toEqual(Object.keys(c.segments).sort());
      for (const [name, segment] of Object.entries(c.segments)) {
        expect(out.segments[name].n, name).toBe(segment.n);
        expectMetrics(out.segments[name].metrics, segment.metrics);
      }
    } else {
      expect(out.segments).toBeUndefined();
    }
    expect(out.intervals).toBeUndefined();
  });
});
