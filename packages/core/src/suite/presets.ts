/**
 * Presets: ready-made groups of checks whose thresholds come from the reference data, as users know them from
 * Evidently's presets and Deepchecks' suites. The README's "Presets" table lists the same rules.
 */
import { columnNames } from '../frame/frame.js';
import type { SuiteCheck } from './runSuite.js';
import type { SuiteContext } from './suiteContext.js';

export const presetNames = [
  'data-quality',
  'data-drift',
  'binary-classification',
  'multiclass-classification',
  'regression',
  'ranking',
] as const;

export type PresetName = (typeof presetNames)[number];

export function isPresetName(name: string): name is PresetName {
  return (presetNames as readonly string[]).includes(name);
}

const notWorse = (by: number, relative: boolean) =>
  ({ type: 'notWorseThanReference', by, relative }) as const;

/**
 * The checks of a preset, with conditions relative to the reference (resolved by {@link runSuite}):
 * - `binary-classification`: accuracy, f1, rocAuc not worse than reference by 5% (relative); logLoss by 10%;
 * - `multiclass-classification`: accuracy, f1Macro, rocAucOvrMacro by 5%; logLoss by 10%;
 * - `regression`: rmse, mae not worse by 10% (relative); r2 not worse by 0.05 (absolute);
 * - `ranking`: every ndcgAt<k> and mapAt<k>, and mrr, by 5%;
 * - `data-drift`: drift.share lt the dataset threshold (0.5 unless `driftShare` is set), and drift.column of every
 *   drift column with the test's own threshold;
 * - `data-quality`: per column, missing share not above the reference's + 0.05; constant columns not more than
 *   the reference's; duplicated-row share not above the reference's + 0.01; schema.violations eq 0 (warn).
 * Metric presets include only the metrics the data roles allow (no rocAuc without a score column).
 *
 * @param name - the preset.
 * @param context - the suite's data; metric presets read the reference metrics to see which keys exist.
 * @returns checks tagged with `preset`.
 */
export function presetChecks(name: PresetName, context: SuiteContext): SuiteCheck[] {
  const tag = (checks: Omit<SuiteCheck, 'preset'>[]): SuiteCheck[] =>
    checks.map((c) => ({ ...c, preset: name }));
  const available = (keys: string[]) => {
    const metrics = context.metrics('reference');
    return keys.filter((k) => metrics[k] !== undefined);
  };
  switch (name) {
    case 'binary-classification':
      return tag([
        ...available(['accuracy', 'f1', 'rocAuc']).map((check) => ({
          check,
          condition: notWorse(0.05, true),
        })),
        ...available(['logLoss']).map((check) => ({ check, condition: notWorse(0.1, true) })),
      ]);
    case 'multiclass-classification':
      return tag([
        ...available(['accuracy', 'f1Macro', 'rocAucOvrMacro']).map((check) => ({
          check,
          condition: notWorse(0.05, true),
        })),
        ...available(['logLoss']).map((check) => ({ check, condition: notWorse(0.1, true) })),
      ]);
    case 'regression':
      return tag([
        ...available(['rmse', 'mae']).map((check) => ({ check, condition: notWorse(0.1, true) })),
        ...available(['r2']).map((check) => ({ check, condition: notWorse(0.05, false) })),
      ]);
    case 'ranking': {
      const keys = Object.keys(context.metrics('reference')).filter(
        (k) => /^(ndcg|map)At\d+$/.test(k) || k === 'mrr',
      );
      return tag(keys.map((check) => ({ check, condition: notWorse(0.05, true) })));
    }
    case 'data-drift': {
      const columns = context.data.columns ?? columnNames(context.frame('reference'));
      return tag([
        {
          check: 'drift.share',
          condition: {
            type: 'absolute',
            operator: 'lt',
            value: context.data.driftOptions?.driftShare ?? 0.5,
          },
        },
        ...columns.map((column) => ({ check: 'drift.column', column })),
      ]);
    }
    case 'data-quality': {
      const columns = context.data.columns ?? columnNames(context.frame('current'));
      return tag([
        ...columns.map((column) => ({
          check: 'quality.missingShare',
          column,
          condition: notWorse(0.05, false),
        })),
        { check: 'quality.constantColumns', condition: notWorse(0, false) },
        { check: 'quality.duplicatedShare', condition: notWorse(0.01, false) },
        {
          check: 'schema.violations',
          condition: { type: 'absolute', operator: 'eq', value: 0 },
          severity: 'warn',
        },
      ]);
    }
  }
}
