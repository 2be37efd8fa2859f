import { describe, expect, it } from 'vitest';
import { EXIT_OK, EXIT_USAGE } from '../src/main.js';
import { fixture, runCli } from './helpers/runCli.js';

/** `main(argv, terminal)`: exit codes, usage errors, help, and --debug. */

const data = fixture('binary.csv');
const binary = ['eval', '--data', data, '--task', 'binary', '--target', 'label', '--score', 'score'];

describe('main usage errors', () => {
  it.each([
    ['an unknown option', [...binary, '--bogus'], "error: unknown option '--bogus'"],
    [
      'a missing required option',
      ['drift', '--current', data],
      "error: required option '--reference <file>' not specified",
    ],
    ['a missing --task', ['eval', '--data', data], "error: required option '--task <task>' not specified"],
    [
      'a bad --task value',
      ['eval', '--data', data, '--task', 'classification'],
      "error: option '--task <task>' argument 'classification' is invalid. Allowed choices are binary, multiclass, regression, clustering, ranking.",
    ],
    [
      '--ci 1.5',
      [...binary, '--ci', '1.5'],
      `error: option '--ci <level>' argument '1.5' is invalid. --ci must be between 0 and 1; got "1.5".`,
    ],
    [
      '--k 2.5',
      [...binary, '--k', '2.5'],
      `error: option '--k <list>' argument '2.5' is invalid. --k must be an integer >= 1; got "2.5".`,
    ],
    [
      '--resamples 0',
      [...binary, '--resamples', '0'],
      `error: option '--resamples <n>' argument '0' is invalid. --resamples must be an integer >= 1; got "0".`,
    ],
    [
      '--seed abc',
      [...binary, '--seed', 'abc'],
      `error: option '--seed <n>' argument 'abc' is invalid. --seed must be an integer; got "abc".`,
    ],
    [
      '--threshold 1',
      [...binary, '--threshold', '1'],
      `error: option '--threshold <t>' argument '1' is invalid. --threshold must be between 0 and 1; got "1".`,
    ],
    [
      '--workers 1.5',
      ['drift', '--reference', data, '--current', data, '--workers', '1.5'],
      `error: option '--workers <n>' argument '1.5' is invalid. --workers must be an integer >= 1; got "1.5".`,
    ],
    [
      '--test with an unknown test',
      ['drift', '--reference', data, '--current', data, '--test', 'kss'],
      "error: option '--test <name>' argument 'kss' is invalid. Allowed choices are auto, ks, chisquare, ztest, mannwhitney, cvm, anderson, ttest, energy, wasserstein, jensenshannon, psi, kl, hellinger, tvd.",
    ],
    [
      'an empty --columns',
      ['drift', '--reference', data, '--current', data, '--columns', ' , '],
      `error: option '--columns <names>' argument ' , ' is invalid. --columns must name at least one column; got " , ".`,
    ],
    [
      'an empty --features',
      ['eval', '--data', data, '--task', 'clustering', '--prediction', 'id', '--features', ''],
      `error: option '--features <columns>' argument '' is invalid. --features must name at least one column; got "".`,
    ],
    ['an unknown command', ['evaluate'], "error: unknown command 'evaluate'"],
  ])('main exits 2 on %s, with commander’s message on stderr', async (_, argv, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(EXIT_USAGE);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe(message);
  });

  it('main without a command exits 2 and shows the help on stderr', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Usage: vigil \[options\] \[command\]/);
  });
});

describe('main --help and --version', () => {
  it('main --help exits 0 with the commands on stdout', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(EXIT_OK);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Usage: vigil \[options\] \[command\]/);
    expect(run.stdout).toMatch(/\n {2}eval \[options\] +evaluate predictions against ground truth\n/);
    expect(run.stdout).toMatch(/\n {2}drift \[options\] +compare a current data set with a reference/);
  });

  it.each([['eval'], ['drift']])('main %s --help exits 0 and lists the options', async (command) => {
    const run = await runCli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: vigil ${command} \\[options\\]`));
    expect(run.stdout).toContain('--format <format>');
  });

  it('main --version exits 0 with the version on stdout', async () => {
    const run = await runCli(['--version']);
    expect(run).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });
});

describe('main --debug', () => {
  const missing = ['eval', '--data', 'no-such-file.csv', '--task', 'binary', '--target', 'y', '--score', 's'];

  it('main without --debug prints no stack trace', async () => {
    const run = await runCli(missing);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/\n {4}at /);
  });

  it.each([
    ['before the command', ['--debug', ...missing]],
    ['after the command', [...missing, '--debug']],
  ])('main --debug %s adds the stack trace after the message', async (_, argv) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe('error: loadFrame: file must exist; got "no-such-file.csv"');
    expect(lines[3]).toBe('VigilError: loadFrame: file must exist; got "no-such-file.csv"');
    expect(lines[4]).toMatch(/^ {4}at /);
  });
});
