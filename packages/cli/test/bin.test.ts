import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixture } from './helpers/runCli.js';

/**
 * The built CLI as a child process: the only place where the drift worker threads run (dist/driftWorker.js does
 * not exist when the tests run from source). `npm test` builds first (tsc -b).
 */
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const worker = fileURLToPath(new URL('../dist/driftWorker.js', import.meta.url));
const built = existsSync(bin) && existsSync(worker);
if (!built) {
  console.warn(
    `skipping the child-process tests of the vigil binary: ${bin} is missing (run "npx tsc -b" first)`,
  );
}

/** Runs `node dist/bin.js …` with pipes (not terminals) and no colour variables; never rejects on exit codes. */
async function spawnCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const files = ['--reference', fixture('drift_reference.csv'), '--current', fixture('drift_current.csv')];

describe.skipIf(!built)('vigil (dist/bin.js in a child process)', () => {
  it('drift --workers 2 (worker threads) gives exactly the JSON of --workers 1, on a clean stderr', async () => {
    const [threads, inline] = await Promise.all([
      spawnCli(['drift', ...files, '--format', 'json', '--workers', '2', '--correction', 'holm']),
      spawnCli(['drift', ...files, '--format', 'json', '--workers', '1', '--correction', 'holm']),
    ]);
    expect(threads.stderr).toBe('');
    expect(threads.code).toBe(0);
    expect(inline.code).toBe(0);
    expect(threads.stdout).toBe(inline.stdout);
    const out = JSON.parse(threads.stdout);
    expect(out.columns.map((c: { column: string }) => c.column)).toEqual([
      'age',
      'income',
      'tenure',
      'visits',
      'city',
      'plan',
    ]);
    expect(out.driftedColumns).toBe(3);
  });

  it('drift with a missing file exits 2 with the message on stderr and nothing on stdout', async () => {
    const run = await spawnCli(['drift', '--reference', 'no-such-file.csv', '--current', files[3]]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        'error: loadFrame: file must exist; got "no-such-file.csv"',
        '  file:   no-such-file.csv',
        `  hint:   Check the path; a relative path is resolved from ${process.cwd()}.`,
        '',
      ].join('\n'),
    );
  });
});
