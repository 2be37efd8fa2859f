/**
 * Issue 4 §5 reliability, against the real `vigil serve` process (built: run `npx tsc -b` first; `npm test` does):
 * - `kill -9` during ingestion, restart: every acknowledged row is stored.
 * - SIGTERM drains: requests in flight when it arrives are answered and stored, then the process exits 0.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDuckDbStore } from '../../src/store/duckdb/createDuckDbStore.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = join(root, 'packages/cli/bin/vigil.js');
const BATCH = 500;

interface Serve {
  child: ChildProcess;
  url: string;
  /** The admin key printed at this start, if one was. */
  printedKey?: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `vigil serve` on a DuckDB file and resolves once it printed its URL. */
async function serve(dataDir: string): Promise<Serve> {
  const child = spawn(
    process.execPath,
    [
      bin,
      'serve',
      '--port',
      '0',
      '--store',
      `duckdb:${join(dataDir, 'vigil.duckdb')}`,
      '--log-level',
      'warn',
    ],
    { cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => {
    out += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    err += String(chunk);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const deadline = Date.now() + 30_000;
  while (!/listening on (http:\/\/\S+)/.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`vigil serve did not start (exit ${child.exitCode}):\n${out}\n${err}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  // The key line follows the URL line in the same write.
  await new Promise((r) => setTimeout(r, 50));
  const url = (/listening on (http:\/\/\S+)/.exec(out) as RegExpExecArray)[1];
  const printedKey = /^\s+(vgl_\S+)$/m.exec(out)?.[1];
  return { child, url, printedKey, stdout: () => out, stderr: () => err, exited };
}

function batch(prefix: string, n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`,
    timestamp: 1_700_000_000_000 + i,
    features: { a: i, b: i % 7 === 0 ? 'x' : 'y', c: i / 3 },
    prediction: i % 2,
    score: (i % 100) / 100,
  }));
}

async function post(url: string, key: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => undefined) };
}

const dirs: string[] = [];
const children: ChildProcess[] = [];
beforeAll(() => {
  for (const file of ['packages/cli/dist/bin.js', 'packages/server/dist/serve.js']) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: build first with \`npx tsc -b\``);
  }
});
afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vigil-reliability-'));
  dirs.push(dir);
  return dir;
}

/** Ids stored in the DuckDB file (the server must be stopped: DuckDB locks its file). */
async function storedIds(dir: string): Promise<Set<string>> {
  const store = await createDuckDbStore({ path: join(dir, 'vigil.duckdb') });
  try {
    await store.migrate();
    const rows = await store.readRows('m', { from: 0, to: 8.64e15 }, { features: [] });
    return new Set(rows.ids);
  } finally {
    await store.close();
  }
}

describe('vigil serve reliability', () => {
  test('kill -9 during ingestion loses no acknowledged row; the restart keeps the first admin key', async () => {
    const dir = await dataDir();
    const first = await serve(dir);
    children.push(first.child);
    const admin = first.printedKey as string;
    expect(admin).toMatch(/^vgl_/);
    const keyFile = join(dir, 'admin.key');
    expect(await readFile(keyFile, 'utf8')).toBe(`${admin}\n`);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect((await post(`${first.url}/api/v1/models`, admin, { name: 'm', task: 'binary' })).status).toBe(201);
    const ingest = (
      (await post(`${first.url}/api/v1/keys`, admin, { name: 'loader', role: 'ingest' })).body as {
        key: string;
      }
    ).key;

    // Four writers post batches until the process is killed under them.
    const acked: string[] = [];
    let failures = 0;
    let stop = false;
    const writer = async (w: number) => {
      for (let round = 0; !stop; round++) {
        const prefix = `w${w}r${round}`;
        try {
          const response = await post(
            `${first.url}/api/v1/models/m/predictions`,
            ingest,
            batch(prefix, BATCH),
          );
          if (response.status === 200) {
            expect(response.body).toEqual({ inserted: BATCH, duplicates: 0 });
            acked.push(prefix);
          } else failures++;
        } catch {
          failures++;
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acked.length < 40) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    const killed = await first.exited;
    stop = true;
    await Promise.all(writers);
    expect(killed.signal).toBe('SIGKILL');
    const ackedAtKill = acked.length;

    const second = await serve(dir);
    children.push(second.child);
    expect(second.printedKey).toBeUndefined();
    expect(await readFile(keyFile, 'utf8')).toBe(`${admin}\n`);
    // Every acknowledged batch is there: sent again, all of its rows are duplicates.
    for (const prefix of acked) {
      const again = await post(`${second.url}/api/v1/models/m/predictions`, ingest, batch(prefix, BATCH));
      expect(again, `${prefix}\n${second.stderr()}`).toEqual({
        status: 200,
        body: { inserted: 0, duplicates: BATCH },
      });
    }
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    const ids = await storedIds(dir);
    for (const prefix of acked) {
      for (let i = 0; i < BATCH; i++) expect(ids.has(`${prefix}-${i}`)).toBe(true);
    }
    console.log(
      `kill -9: ${ackedAtKill} batches (${ackedAtKill * BATCH} rows) acknowledged before the kill, ` +
        `${failures} requests cut off by it, ${ids.size} rows stored after restart, none acknowledged missing`,
    );
  }, 120_000);

  test('SIGTERM drains requests in flight, stores them, then exits 0', async () => {
    const dir = await dataDir();
    const server = await serve(dir);
    children.push(server.child);
    const admin = server.printedKey as string;
    await post(`${server.url}/api/v1/models`, admin, { name: 'm', task: 'binary' });
    // Warm up the write path, then send big batches at once and SIGTERM while they are in flight.
    await post(`${server.url}/api/v1/models/m/predictions`, admin, batch('warm', 10));
    const results: { prefix: string; status: number | 'error'; at: number }[] = [];
    const sending = Array.from({ length: 8 }, async (_, i) => {
      const prefix = `t${i}`;
      try {
        const response = await post(`${server.url}/api/v1/models/m/predictions`, admin, batch(prefix, 5000));
        results.push({ prefix, status: response.status, at: Date.now() });
      } catch {
        results.push({ prefix, status: 'error', at: Date.now() });
      }
    });
    await new Promise((r) => setTimeout(r, 150));
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    await Promise.all(sending);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    const ok = results.filter((r) => r.status === 200);
    // Requests in flight at the signal were answered, not dropped.
    expect(ok.filter((r) => r.at >= signalledAt).length).toBeGreaterThan(0);
    expect(results.every((r) => r.status === 200 || r.status === 503 || r.status === 'error')).toBe(true);
    const ids = await storedIds(dir);
    for (const { prefix } of ok) {
      for (let i = 0; i < 5000; i++) expect(ids.has(`${prefix}-${i}`)).toBe(true);
    }
    console.log(
      `SIGTERM: ${ok.length} of 8 batches of 5000 answered 200 (${ok.filter((r) => r.at >= signalledAt).length} after the signal), all stored; exit 0`,
    );
  }, 120_000);
});
