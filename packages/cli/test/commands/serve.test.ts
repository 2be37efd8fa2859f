import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

/** `vigil serve` option errors (the running server is tested by packages/server/test/app/reliability.test.ts). */
describe('vigil serve', () => {
  it('vigil serve --port 70000 is a usage error', async () => {
    const run = await runCli(['serve', '--port', '70000']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--port must be an integer from 0 to 65535; got "70000".');
  });

  it('vigil serve --pseudonymize without VIGIL_PSEUDONYMIZE_KEY refuses to start', async () => {
    const run = await runCli(['serve', '--pseudonymize', 'customer', '--store', 'duckdb::memory:']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'error: vigil serve: VIGIL_PSEUDONYMIZE_KEY must be set with --pseudonymize; got an empty or unset variable\n' +
        '  hint:   Put the HMAC key in the environment (not in a flag: flags show in ps).\n',
    );
  });

  it('vigil serve --help lists the store, port and host options', async () => {
    const run = await runCli(['serve', '--help']);
    expect(run.code).toBe(0);
    for (const flag of ['--port <n>', '--host <address>', '--store <spec>', '--admin-key-file <file>']) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stdout).toContain('duckdb:./vigil-data/vigil.duckdb');
  });
});
