import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

/**
 * Bad input to `vigil eval`: exit code 2, one message on stderr naming the file, column and row with a hint, no
 * stack trace, and nothing on stdout. The whole message is asserted, so a change in wording is a decision.
 */
const files: Record<string, string> = {
  'one-class.csv': 'label,score\n1,0.2\n1,0.9\n',
  'out-of-range.csv': 'label,score\n1,0.2\n0,1.3\n',
  'header-only.csv': 'label,score\n',
  'empty.csv': '',
  'missing-label.csv': 'label,score\n1,0.2\n,0.3\n0,0.1\n',
  'text-score.csv': 'label,score\n1,0.2\n0,abc\n0,0.1\n',
  'missing-target.csv': 'y,yhat\n1.5,1.2\nNA,2.5\n3.2,3.0\n',
  'corrupt.parquet': 'PAR1garbage',
  'data.xlsx': 'a,b\n1,2\n',
  'row-sum.csv': 'y,proba_a,proba_b,proba_c\na,0.5,0.3,0.2\nb,0.2,0.5,0.2\nc,0.1,0.1,0.8\n',
  'absent-class.csv': 'y,proba_a,proba_b,proba_c\na,0.5,0.3,0.2\nb,0.2,0.6,0.2\na,0.1,0.1,0.8\n',
  'unknown-class.csv': 'y,proba_a,proba_b\na,0.5,0.5\nd,0.2,0.8\n',
  'negative-relevance.csv': 'query,rel,score\nq1,1,0.5\nq1,-1,0.2\n',
  'one-cluster.csv': 'x,cluster\n0,1\n1,1\n2,1\n',
  'foreign-label.csv': 'y,pred\na,a\nb,c\na,b\n',
  'three-classes.csv': 'y,pred\na,a\nb,b\nc,a\n',
  'strings.csv': 'label,score\nchurn,0.2\nstay,0.3\n',
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-eval-errors-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** [title, arguments after `eval --data <file>`, file, expected stderr lines (given the file's path)]. */
type Case = [string, string, string[], (path: string) => string[]];

const cases: Case[] = [
  [
    'missing file',
    'no-such-file.csv',
    ['--task', 'binary', '--target', 'label', '--score', 'score'],
    (f) => [
      `error: loadFrame: file must exist; got "${f}"`,
      `  file:   ${f}`,
      `  hint:   Check the path; a relative path is resolved from ${process.cwd()}.`,
    ],
  ],
  [
    'unreadable Parquet',
    'corrupt.parquet',
    ['--task', 'binary', '--target', 'label', '--score', 'score'],
    (f) => [
      `error: loadFrame: file must be valid Parquet; got "${f}" (File '${f}' too small to be a Parquet file)`,
      `  file:   ${f}`,
      '  hint:   Check that the file is complete and really is Parquet. Supported formats: csv, tsv, parquet, jsonl, json, arrow; the extension decides unless a format is named (--format).',
    ],
  ],
  [
    'unsupported format',
    'data.xlsx',
    ['--task', 'binary', '--target', 'label', '--score', 'score'],
    (f) => [
      `error: loadFrame: file must have a supported extension; got ".xlsx" in "${f}"`,
      `  file:   ${f}`,
      '  hint:   Supported: .csv.gz .tsv.gz .csv .tsv .txt .parquet .jsonl .ndjson .json .arrow .feather .ipc. To read another extension, name the format (--format csv|tsv|parquet|jsonl|json|arrow).',
    ],
  ],
  [
    'empty file',
    'empty.csv',
    ['--task', 'binary', '--target', 'label', '--score', 'score'],
    (f) => [
      `error: loadFrame: file must have at least one data row; got no data rows in "${f}" (the file is empty)`,
      `  file:   ${f}`,
      '  hint:   Check that the file was written completely; a CSV needs a header line and at least one data row.',
    ],
  ],
  [
    'header without data rows',
    'header-only.csv',
    ['--task', 'binary', '--target', 'label', '--score', 'score'],
    (f) => [
      `error: loadFrame: file must have at least one data row; got no data rows in "${f}"`,
      `  file:   ${f}`,
      '  hint:   Check that the file was written completely; a CSV needs a header line and at least one data row.',
    ],
  ],
  [
    'unknown column, with the closest names',
    'one-class.csv',
    ['--task', 'binary', '--target', 'lable', '--score', 'score'],
    (f) => [
      'error: --target must name a column of the data; got "lable"',
      `  file:   ${f}`,
      '  column: lable',
      '  hint:   did you mean "label", "score"?',
    ],
  ],
  [
    'non-numeric value in a score column',
    'text-score.csv',
    ['--task', 'binary', '--target', 'label', '--score', 'score'],
    (f) => [
      'error: eval: score column "score" must be numerical; got "abc" at row 2',
      `  file:   ${f}`,
      '  column: score',
      '  row:    2',
      '  hint:   fix the value or declare the column --numerical score',
    ],
  ],
  [
    'one class where ROC AUC needs two',
    'one-class.csv',
    ['--task', 'binary', '--target', 'label', '--score', 'score'],
    (f) => [
      'error: eval: target column "label" must hold both classes for rocAuc and prAuc (--score); got only "1" in 2 rows',
      `  file:   ${f}`,
      '  column: label',
      '  hint:   evaluate on data that holds both classes, or leave out --score (the label metrics need only --prediction)',
    ],
  ],
  [
    'multiclass class without rows where one-vs-rest AUC needs it',
    'absent-class.csv',
    ['--task', 'multiclass', '--target', 'y', '--probas', 'proba_'],
    (f) => [
      'error: eval: target column "y" must hold every class that has a probability column, for rocAucOvr; got no row of "c"',
      `  file:   ${f}`,
      '  column: y',
      '  hint:   evaluate on data where every class occurs, or drop the column "proba_c"',
    ],
  ],
  [
    'probability outside [0, 1]',
    'out-of-range.csv',
    ['--task', 'binary', '--target', 'label', '--score', 'score'],
    (f) => [
      'error: eval: score column "score" must hold probabilities in [0, 1]; got 1.3 at row 2',
      `  file:   ${f}`,
      '  column: score',
      '  row:    2',
      '  hint:   pass probabilities in [0, 1] (apply a sigmoid / softmax to raw scores)',
    ],
  ],
  [
    'multiclass probabilities not summing to 1',
    'row-sum.csv',
    ['--task', 'multiclass', '--target', 'y', '--probas', 'proba_'],
    (f) => [
      'error: eval: probability columns "proba_a", "proba_b", "proba_c" must sum to 1 in every row; got 0.9 at row 2',
      `  file:   ${f}`,
      '  column: proba_a, proba_b, proba_c',
      '  row:    2',
      '  hint:   pass the model’s class probabilities, one column per class (apply a softmax to raw scores); a class without its column makes rows sum to less than 1',
    ],
  ],
  [
    'multiclass label without a probability column',
    'unknown-class.csv',
    ['--task', 'multiclass', '--target', 'y', '--probas', 'proba_'],
    (f) => [
      'error: eval: target column "y" must hold one of the classes "a", "b"; got "d" at row 2',
      `  file:   ${f}`,
      '  column: y',
      '  row:    2',
      '  hint:   every class needs its probability column: add "proba_d", or check --probas',
    ],
  ],
  [
    'missing value in a label target',
    'missing-label.csv',
    ['--task', 'binary', '--target', 'label', '--score', 'score'],
    (f) => [
      'error: eval: target column "label" must not have missing values; got one at row 2',
      `  file:   ${f}`,
      '  column: label',
      '  row:    2',
      '  hint:   drop or fill the rows without a label before evaluating',
    ],
  ],
  [
    'NaN in a regression target',
    'missing-target.csv',
    ['--task', 'regression', '--target', 'y', '--prediction', 'yhat'],
    (f) => [
      'error: eval: target column "y" must have finite numbers; got a missing value at row 2',
      `  file:   ${f}`,
      '  column: y',
      '  row:    2',
      '  hint:   drop or fill those rows before evaluating',
    ],
  ],
  [
    'negative ranking relevance',
    'negative-relevance.csv',
    ['--task', 'ranking', '--query', 'query', '--target', 'rel', '--score', 'score'],
    (f) => [
      'error: eval: relevance column "rel" must hold numbers >= 0; got -1 at row 2',
      `  file:   ${f}`,
      '  column: rel',
      '  row:    2',
      '  hint:   relevance grades are 0 (not relevant) or more (more relevant)',
    ],
  ],
  [
    'one cluster',
    'one-cluster.csv',
    ['--task', 'clustering', '--prediction', 'cluster'],
    (f) => [
      'error: eval: cluster id column "cluster" must hold between 2 and n - 1 = 2 clusters; got 1',
      `  file:   ${f}`,
      '  column: cluster',
      '  hint:   silhouette, Davies–Bouldin and Calinski–Harabasz compare clusters: evaluate a clustering with at least 2',
    ],
  ],
  [
    'a predicted label that is not a class of the target',
    'foreign-label.csv',
    ['--task', 'binary', '--target', 'y', '--prediction', 'pred', '--positive', 'a'],
    (f) => [
      'error: eval: prediction column "pred" must hold one of the classes "a", "b"; got "c" at row 2',
      `  file:   ${f}`,
      '  column: pred',
      '  row:    2',
      '  hint:   check that the column holds labels of the same classes as the target',
    ],
  ],
  [
    'three classes for --task binary',
    'three-classes.csv',
    ['--task', 'binary', '--target', 'y', '--prediction', 'pred'],
    (f) => [
      'error: eval: --task binary needs at most 2 classes; got 3: "a", "b", "c"',
      `  file:   ${f}`,
      '  column: y',
      '  hint:   use --task multiclass',
    ],
  ],
  [
    'string classes without --positive',
    'strings.csv',
    ['--task', 'binary', '--target', 'label', '--score', 'score'],
    (f) => [
      'error: eval: --positive is required when the classes are not 0/1 or false/true; got "churn", "stay"',
      `  file:   ${f}`,
      '  column: label',
      '  hint:   add --positive "stay" (or the other class)',
    ],
  ],
  [
    '--positive that is not a class',
    'strings.csv',
    ['--task', 'binary', '--target', 'label', '--score', 'score', '--positive', 'Churn'],
    (f) => [
      'error: eval: --positive must be one of the classes "churn", "stay"; got "Churn"',
      `  file:   ${f}`,
      '  column: label',
      '  hint:   class names are case-sensitive; numbers are written as in the file without trailing zeros (1, not 1.0)',
    ],
  ],
  [
    'binary without --prediction or --score',
    'strings.csv',
    ['--task', 'binary', '--target', 'label'],
    (f) => [
      'error: eval: --prediction or --score is required for --task binary',
      `  file:   ${f}`,
      '  hint:   add --prediction <label column>, --score <probability column>, or both',
    ],
  ],
  [
    'regression without --target',
    'strings.csv',
    ['--task', 'regression', '--prediction', 'score'],
    (f) => [
      'error: eval: --target is required for --task regression',
      `  file:   ${f}`,
      '  hint:   add --target <column>',
    ],
  ],
];

describe('vigil eval with bad input', () => {
  it.each(cases)('eval exits 2 on %s, with the whole message on stderr', async (_, file, args, expected) => {
    const path = join(dir, file);
    const run = await runCli(['eval', '--data', path, ...args, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${expected(path).join('\n')}\n`);
    expect(run.stderr).not.toMatch(/\n {4}at /);
  });
});

describe('vigil eval with bad input on a terminal', () => {
  it('eval stops the progress bar (cursor shown again, line cleared) before printing the error', async () => {
    const path = join(dir, 'corrupt.parquet');
    const run = await runCli(['eval', '--data', path, '--task', 'binary', '--target', 'y', '--score', 's'], {
      stderrIsTTY: true,
    });
    expect(run.code).toBe(2);
    const hidden = run.stderr.indexOf('\x1b[?25l');
    const shown = run.stderr.lastIndexOf('\x1b[?25h');
    const message = run.stderr.indexOf('error: loadFrame');
    expect(hidden).toBeGreaterThanOrEqual(0);
    expect(shown).toBeGreaterThan(hidden);
    expect(message).toBeGreaterThan(shown);
    expect(run.stderr.slice(0, message).endsWith('\x1b[2K')).toBe(true);
  });
});
