import type { EvaluationTask } from '@vigil/core';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { nonNegativeInteger, openUnitInterval, positiveInteger } from './commands/numberOptions.js';
import { list, nonEmptyList } from './dataOptions.js';

/** The tasks `--task` accepts. */
export const evaluationTasks: readonly EvaluationTask[] = [
  'binary',
  'multiclass',
  'regression',
  'clustering',
  'ranking',
];

/** Parsed values of the options {@link addModelOptions} adds. */
export interface ModelOptionValues {
  task?: EvaluationTask;
  target?: string;
  prediction?: string;
  score?: string;
  probas?: string;
  positive?: string;
  threshold?: number;
  features?: string[];
  nFeatures?: number;
  query?: string;
  relevance?: string;
  k: number[];
}

/**
 * The options that say what a model does and where its columns are (`--task`, `--target`, `--prediction`,
 * `--score`, …), shared by `vigil eval` (task required) and `vigil report` (task optional: no model section
 * without it).
 */
export function addModelOptions(command: Command, { taskRequired }: { taskRequired: boolean }): Command {
  const task = new Option('--task <task>', 'what the model does').choices([...evaluationTasks]);
  return command
    .addOption(taskRequired ? task.makeOptionMandatory() : task)
    .option('--target <column>', 'ground truth (ranking: graded relevance, unless --relevance)')
    .option('--prediction <column>', 'predicted label / value (clustering: cluster id)')
    .option('--score <column>', 'binary: probability of the positive class; ranking: the model score')
    .option('--probas <prefix>', 'multiclass: one probability column per class, named <prefix><class>')
    .option('--positive <label>', 'binary: the positive class (default: 1 or true)')
    .addOption(
      new Option(
        '--threshold <t>',
        'binary: predict positive when score >= t (default 0.5, used when no --prediction)',
      ).argParser(openUnitInterval('--threshold')),
    )
    .addOption(
      new Option(
        '--features <columns>',
        'clustering: feature columns (default: every numerical column)',
      ).argParser(nonEmptyList('--features')),
    )
    .addOption(
      new Option(
        '--n-features <n>',
        'regression: number of model features, for adjusted R² (default: the other columns)',
      ).argParser(nonNegativeInteger('--n-features')),
    )
    .option('--query <column>', 'ranking: query (group) id')
    .option('--relevance <column>', 'ranking: graded relevance (default: --target)')
    .addOption(
      new Option('--k <list>', 'ranking: cut-offs, comma-separated').argParser(kList).default([5, 10]),
    );
}

/** `--k 1,5,10`: cut-offs, positive integers, at least one. */
function kList(value: string): number[] {
  const ks = list(value).map(positiveInteger('--k'));
  if (ks.length === 0) throw new InvalidArgumentError(`--k must list at least one cut-off; got "${value}".`);
  return ks;
}
