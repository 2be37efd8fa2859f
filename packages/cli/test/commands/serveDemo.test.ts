import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

/** The built CLI (`npm test` builds first), as `npm start` runs it. */
const bin = fileURLToPath(new URL('../../bin/vigil.js', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../../dist/bin.js', import.meta.url)));
if (!built) console.warn('skipping vigil serve --demo in a child process: run "npx tsc -b" first');

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!built)('vigil serve --demo (child process)', () => {
  it('vigil serve --demo --port 0 prints the URL and the admin key, serves the demo model, and stops on SIGINT', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigil-cli-demo-'));
    dirs.push(dir);
    const child = spawn(
      process.execPath,
      [bin, 'serve', '--demo', '--port', '0', '--store', `duckdb:${join(dir, 'demo.duckdb')}`],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const until = Date.now() + 40_000;
      while (!/admin key {2}vgl_\S+/.test(stdout) && Date.now() < until && child.exitCode === null) {
        await new Promise((r) => setTimeout(r, 200));
      }
      const url = /dashboard {2}(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      const key = /admin key {2}(vgl_\S+)/.exec(stdout)?.[1];
      expect(url, `stdout:\n${stdout}\nstderr:\n${stderr}`).toBeDefined();
      expect(key).toBeDefined();
      expect(stdout).toContain(`saved to ${join(dir, 'admin.key')}`);
      expect(stdout).toContain('What is happening');
      // The key works on the API, and the demo model is there.
      const response = await fetch(`${url}/api/v1/models/employment`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ name: 'employment', task: 'binary', windowMs: 10_000 });
    } finally {
      if (child.exitCode === null) child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stdout).toContain('stopping the demo');
    expect(stdout).toMatch(/stopped\n$/);
  }, 60_000);
});
