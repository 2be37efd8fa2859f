import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, verifyApiKey } from '@vigil/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

/** `vigil keys create | list | revoke` on a DuckDB store in a temporary directory. */
let dir: string;
let spec: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-keys-'));
  spec = `duckdb:${join(dir, 'vigil.duckdb')}`;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function keyOf(key: string) {
  const store = await openStore(spec);
  try {
    await store.migrate();
    return await verifyApiKey(store, key);
  } finally {
    await store.close();
  }
}

describe('vigil keys', () => {
  it('vigil keys create prints a key of the role that the store then accepts', async () => {
    const run = await runCli(['keys', 'create', '--role', 'ingest', '--name', 'scorer', '--store', spec]);
    expect(run.code).toBe(0);
    const key = run.stdout.trim();
    expect(key).toMatch(/^vgl_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(run.stderr).toBe('created key 1 "scorer" (role ingest); it is not shown again\n');
    expect(await keyOf(key)).toMatchObject({ id: 1, name: 'scorer', role: 'ingest' });
  });

  it('vigil keys list shows prefixes and roles, never secrets; --format json too', async () => {
    await runCli(['keys', 'create', '--role', 'read', '--name', 'dashboard', '--store', spec]);
    const text = await runCli(['keys', 'list', '--store', spec]);
    expect(text.code).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+prefix\s+role\s+name\s+created\s+last used\s+revoked$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 4))).toEqual([
      ['1', expect.stringMatching(/^vgl_[a-z0-9]{8}$/), 'ingest', 'scorer'],
      ['2', expect.stringMatching(/^vgl_[a-z0-9]{8}$/), 'read', 'dashboard'],
    ]);
    const json = await runCli(['keys', 'list', '--format', 'json', '--store', spec]);
    const keys = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(keys.map((k) => [k.id, k.role, k.name])).toEqual([
      [1, 'ingest', 'scorer'],
      [2, 'read', 'dashboard'],
    ]);
    expect(keys.every((k) => !('hash' in k))).toBe(true);
  });

  it('vigil keys revoke ID makes the key unusable; an unknown id is an error', async () => {
    const created = await runCli(['keys', 'create', '--role', 'admin', '--name', 'ops', '--store', spec]);
    const key = created.stdout.trim();
    const run = await runCli(['keys', 'revoke', '3', '--store', spec]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^revoked key 3 "ops" \(vgl_[a-z0-9]{8}\)\n$/);
    expect(await keyOf(key)).toBeUndefined();
    const unknown = await runCli(['keys', 'revoke', '99', '--store', spec]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'error: vigil keys revoke: id must name an API key; got 99\n  hint:   List the keys with `vigil keys list`.\n',
    );
    const bad = await runCli(['keys', 'revoke', 'x', '--store', spec]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('ID must be a key id');
  });

  it('vigil keys create refuses an unknown role', async () => {
    const run = await runCli(['keys', 'create', '--role', 'root', '--name', 'x', '--store', spec]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument 'root' is invalid. Allowed choices are admin, ingest, read.");
  });
});
