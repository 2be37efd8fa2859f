import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { createDuckDbStore } from '../../src/store/duckdb/createDuckDbStore.js';
import { openDb } from '../../src/store/duckdb/db.js';
import { Journal } from '../../src/store/duckdb/journal.js';
import { openStore } from '../../src/store/openStore.js';
import { predictionColumns } from '../../src/store/predictionColumns.js';
import type { Store } from '../../src/store/types.js';
import { runStoreContract } from './contract.js';

const HOUR = 3_600_000;
const dir = mkdtempSync(join(tmpdir(), 'vigil-duckdb-store-'));
let files = 0;
const freshPath = () => join(dir, `store-${files++}.duckdb`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStoreContract('duckdb :memory:', () => createDuckDbStore({ path: ':memory:' }));
runStoreContract('duckdb file', () => createDuckDbStore({ path: freshPath() }));

async function opened(path: string): Promise<Store> {
  const store = await createDuckDbStore({ path });
  await store.migrate();
  return store;
}

describe('createDuckDbStore (file)', () => {
  it('createDuckDbStore({path}) reopened keeps every record, the feature columns and the id sequences', async () => {
    const path = freshPath();
    const first = await opened(path);
    await first.createModel({ name: 'm', task: 'binary', windowMs: HOUR });
    await first.insertPredictions(
      'm',
      [
        { id: 'a', timestamp: 10, features: { x: 1.5, c: 'red' }, prediction: 1, probas: { yes: 0.7 } },
        { id: 'b', timestamp: 20, features: { x: 2.5, c: 4 }, prediction: 0 },
      ],
      100,
    );
    await first.insertLabels('m', [{ id: 'a', label: 1 }], 200);
    const reference = await first.createReference(
      { model: 'm', source: 'ref.csv', schema: { features: [{ name: 'x', kind: 'numerical' }] } },
      [{ features: { x: 9 }, label: 0 }],
    );
    const monitor = await first.createMonitor({
      model: 'm',
      name: 'd',
      kind: 'drift',
      config: {},
      enabled: true,
    });
    await first.close();

    const second = await opened(path);
    const spec = {
      features: [
        { name: 'x', kind: 'numerical' as const },
        { name: 'c', kind: 'categorical' as const },
      ],
      probaClasses: ['yes'],
    };
    const rows = await second.readRows('m', { from: 0, to: HOUR }, spec);
    expect(rows.ids).toEqual(['a', 'b']);
    expect(Array.from(rows.features.x as Float64Array)).toEqual([1.5, 2.5]);
    expect(rows.features.c).toEqual(['red', '4']);
    expect(Array.from(rows.probas.yes)).toEqual([0.7, Number.NaN]);
    expect(rows.labelText).toEqual(['1', null]);
    expect(await second.dirtyWindows()).toEqual([
      { model: 'm', windowStart: 0, windowMs: HOUR, lastDataAt: 200 },
    ]);
    expect(Array.from((await second.readReference(reference.id, spec)).features.x as Float64Array)).toEqual([
      9,
    ]);
    // Writing again after the reopen: known columns reused, new ones added, ids continue.
    expect(
      await second.insertPredictions(
        'm',
        [
          { id: 'a', timestamp: 30, features: { x: 7 }, prediction: 1 },
          { id: 'c', timestamp: 30, features: { x: 3.5, y: 1 }, prediction: 1 },
        ],
        300,
      ),
    ).toEqual({ inserted: 1, duplicates: 1 });
    const again = await second.createMonitor({
      model: 'm',
      name: 'e',
      kind: 'volume',
      config: {},
      enabled: true,
    });
    expect(again.id).toBeGreaterThan(monitor.id);
    const more = await second.readRows(
      'm',
      { from: 0, to: HOUR },
      { features: [{ name: 'y', kind: 'numerical' }] },
    );
    expect(Array.from(more.features.y as Float64Array)).toEqual([Number.NaN, Number.NaN, 1]);
    await second.close();
  });

  it('createDuckDbStore({path, rowGroupSize}) writes row groups of that many rows, and a file written with another size reopens and grows', async () => {
    const path = freshPath();
    const predictions = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        id: String(from + i),
        timestamp: from + i,
        features: { x: from + i },
        prediction: 1,
      }));
    // Written with DuckDB's own row-group size, as files of earlier versions were.
    const first = await createDuckDbStore({ path, rowGroupSize: 122_880 });
    await first.migrate();
    await first.createModel({ name: 'm', task: 'binary', windowMs: HOUR });
    await first.insertPredictions('m', predictions(0, 5000), 1);
    await first.close();
    const second = await createDuckDbStore({ path, rowGroupSize: 2048 });
    await second.migrate();
    await second.insertPredictions('m', predictions(5000, 5000), 2);
    const rows = await second.readRows(
      'm',
      { from: 0, to: HOUR },
      { features: [{ name: 'x', kind: 'numerical' }] },
    );
    expect(rows.ids.length).toBe(10_000);
    expect(Array.from(rows.features.x as Float64Array)).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
    await second.close();
    // Closing checkpoints the rows into the file: 5000 rows in one group as written first, 5000 more in groups of 2048.
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    const groups = await conn.runAndReadAll(
      `SELECT row_group_id, max(count)::INTEGER AS rows FROM pragma_storage_info('pred_1') GROUP BY 1 ORDER BY 1`,
    );
    expect(groups.getRowObjectsJS().map((row) => row.rows)).toEqual([5000, 2048, 2048, 904]);
    conn.closeSync();
    instance.closeSync();
  });

  it('openDb(path, {memoryLimit, rowGroupSize}) bounds DuckDB memory and spills beside the file, not in the working folder', async () => {
    const path = freshPath();
    const db = await openDb(path, { memoryLimit: '256MiB', rowGroupSize: 2048 });
    const [settings] = await db.all(
      "SELECT current_setting('memory_limit') AS memory, current_setting('temp_directory') AS spill, current_database() AS name",
    );
    expect(settings).toEqual({ memory: '256.0 MiB', spill: `${path}.tmp`, name: 'vigil' });
    await db.close();
  });

  it('createDuckDbStore({path in a missing folder}) rejects, naming the path', async () => {
    const path = join(dir, 'no-such-folder', 'x.duckdb');
    await expect(createDuckDbStore({ path })).rejects.toThrow(
      `createDuckDbStore: path must name a DuckDB database this process can open; got ${JSON.stringify(path)}`,
    );
  });

  it('createDuckDbStore({path of a file that is not a database}) rejects', async () => {
    const path = join(dir, 'not-a-database.duckdb');
    writeFileSync(path, 'hello, I am a text file and no DuckDB database at all'.repeat(100));
    await expect(createDuckDbStore({ path })).rejects.toThrow(
      /createDuckDbStore: path must name a DuckDB database/,
    );
  });

  it('a store method after close() rejects instead of touching a closed database', async () => {
    const store = await opened(':memory:');
    await store.close();
    await expect(store.listModels()).rejects.toThrow(/store must be open/);
    await expect(store.insertPredictions('m', [], 1)).rejects.toThrow(/store must be open/);
  });

  it('close() waits for the writes already queued', async () => {
    const path = freshPath();
    const store = await opened(path);
    await store.createModel({ name: 'm', task: 'binary' });
    const writes = Array.from({ length: 5 }, (_, b) =>
      store.insertPredictions(
        'm',
        Array.from({ length: 200 }, (_, i) => ({
          id: `${b}-${i}`,
          timestamp: i,
          features: { x: i },
          prediction: 1,
        })),
        1,
      ),
    );
    await store.close();
    expect((await Promise.all(writes)).map((r) => r.inserted)).toEqual([200, 200, 200, 200, 200]);
    const reopened = await opened(path);
    expect(await reopened.countPredictions('m')).toBe(1000);
    await reopened.close();
  });
});

describe('createDuckDbStore ingest journal', () => {
  const batch = (ids: string[], t = 1) =>
    ids.map((id) => ({ id, timestamp: t, features: { x: 1 }, prediction: 1 }));

  /** The table number of model `name` in the (closed) store file at `path`. */
  async function tableNo(path: string, name: string): Promise<number> {
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    const rows = await conn.runAndReadAll(`SELECT table_no::INTEGER AS n FROM models WHERE name = '${name}'`);
    conn.closeSync();
    instance.closeSync();
    return rows.getRowObjectsJS()[0].n as number;
  }

  it('createDuckDbStore({path}).migrate() stores what a killed process left in the journal, skipping ids DuckDB has, and drops records of models gone since', async () => {
    const path = freshPath();
    const first = await opened(path);
    await first.createModel({ name: 'm', task: 'binary', windowMs: HOUR });
    await first.insertPredictions('m', batch(['a', 'b']), 1);
    await first.close();
    const table = await tableNo(path, 'm');
    // What a process killed after answering, before DuckDB stored the batches, leaves behind.
    const { journal } = Journal.open(path);
    const columns = (ids: string[]) => predictionColumns(batch(ids, 2));
    await journal.append({ model: 'm', tableNo: table, receivedAt: 5, columns: columns(['b', 'c']) });
    await journal.append({ model: 'm', tableNo: table + 1, receivedAt: 5, columns: columns(['old']) });
    await journal.append({ model: 'gone', tableNo: table, receivedAt: 5, columns: columns(['x']) });
    await journal.close();
    expect(readdirSync(dir).filter((name) => name.startsWith(`${basename(path)}.journal.`)).length).toBe(1);

    const second = await opened(path);
    const rows = await second.readRows('m', { from: 0, to: HOUR }, { features: [] });
    expect([...rows.ids].sort()).toEqual(['a', 'b', 'c']);
    expect(await second.dirtyWindows()).toEqual([
      { model: 'm', windowStart: 0, windowMs: HOUR, lastDataAt: 5 },
    ]);
    expect(readdirSync(dir).filter((name) => name.startsWith(`${basename(path)}.journal.`)).length).toBe(0);
    await second.close();
  });

  it('insertPredictions() right after a reopen, while the stored ids are being read, answers exact counts; so do batches after', async () => {
    const path = freshPath();
    const first = await opened(path);
    await first.createModel({ name: 'm', task: 'binary', windowMs: HOUR });
    await first.insertPredictions('m', batch(Array.from({ length: 20_000 }, (_, i) => `old-${i}`)), 1);
    await first.close();
    const second = await opened(path);
    const during = await Promise.all([
      second.insertPredictions('m', batch(['old-19999', 'new-1']), 2),
      second.insertPredictions('m', batch(['new-1', 'new-2', 'old-0']), 2),
    ]);
    expect(during).toEqual([
      { inserted: 1, duplicates: 1 },
      { inserted: 1, duplicates: 2 },
    ]);
    // Once the ids are read, batches are answered from the journal, still exactly.
    await new Promise((done) => setTimeout(done, 500));
    expect(await second.insertPredictions('m', batch(['old-5', 'new-2', 'new-3']), 3)).toEqual({
      inserted: 1,
      duplicates: 2,
    });
    expect(await second.countPredictions('m')).toBe(20_003);
    await second.close();
  });

  it('insertPredictions(concurrent batches sharing ids) answers exact counts, and a read right after an answer sees its rows', async () => {
    const store = await opened(freshPath());
    await store.createModel({ name: 'm', task: 'binary', windowMs: HOUR });
    expect(await store.insertPredictions('m', batch(['s']), 1)).toEqual({ inserted: 1, duplicates: 0 });
    const results = await Promise.all([
      store.insertPredictions('m', batch(['a', 'b']), 2),
      store.insertPredictions('m', batch(['b', 'c', 'c']), 2),
      store.insertPredictions('m', batch(['c', 'd', 's']), 2),
      store.insertPredictions('m', batch(['e']), 2),
    ]);
    expect(results).toEqual([
      { inserted: 2, duplicates: 0 },
      { inserted: 1, duplicates: 2 },
      { inserted: 1, duplicates: 2 },
      { inserted: 1, duplicates: 0 },
    ]);
    expect(await store.countPredictions('m')).toBe(6);
    await store.close();
  });
});

describe('createDuckDbStore group commit', () => {
  it('insertPredictions(concurrent calls beyond one group) writes every call, counting duplicates across calls', async () => {
    const store = await opened(':memory:');
    try {
      await store.createModel({ name: 'm', task: 'binary' });
      const call = (from: number, count: number) =>
        store.insertPredictions(
          'm',
          Array.from({ length: count }, (_, i) => ({
            id: `r${from + i}`,
            timestamp: from + i,
            features: { x: from + i },
            prediction: 1,
          })),
          from,
        );
      // 6 calls of 9000 rows (more than one group of 20 000), the last two overlapping the first ones.
      const results = await Promise.all([
        call(0, 9000),
        call(9000, 9000),
        call(18_000, 9000),
        call(27_000, 9000),
        call(4000, 9000),
        call(31_000, 9000),
      ]);
      expect(results).toEqual([
        { inserted: 9000, duplicates: 0 },
        { inserted: 9000, duplicates: 0 },
        { inserted: 9000, duplicates: 0 },
        { inserted: 9000, duplicates: 0 },
        { inserted: 0, duplicates: 9000 },
        { inserted: 4000, duplicates: 5000 },
      ]);
      const rows = await store.readRows(
        'm',
        { from: 0, to: 1e6 },
        { features: [{ name: 'x', kind: 'numerical' }] },
      );
      expect(rows.n).toBe(40_000);
      expect(Array.from(rows.features.x as Float64Array)).toEqual(
        Array.from({ length: 40_000 }, (_, i) => i),
      );
    } finally {
      await store.close();
    }
  });
});

describe('createDuckDbStore durability', () => {
  const registerTs = fileURLToPath(new URL('../helpers/registerTs.mjs', import.meta.url));
  const child = fileURLToPath(new URL('./durabilityChild.mjs', import.meta.url));

  it('insertPredictions() resolved before a SIGKILL is stored: every acknowledged batch, whole batches only', async () => {
    expect(existsSync(registerTs)).toBe(true);
    const path = freshPath();
    const proc = spawn(process.execPath, ['--import', registerTs, child, path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let acked = 0;
    let killing = false;
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      proc.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      proc.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) acked = Math.max(acked, Number(line));
        // Kill somewhere inside a later write, not right after an acknowledgement.
        if (acked >= 10_000 && !killing) {
          killing = true;
          setTimeout(() => proc.kill('SIGKILL'), Math.random() * 15);
          resolve();
        }
      });
      proc.on('exit', () =>
        acked >= 10_000 ? resolve() : reject(new Error(`child exited early: ${stderr}`)),
      );
    });
    expect(await exited).toBe('SIGKILL');

    const store = await opened(path);
    try {
      const count = await store.countPredictions('m');
      expect(count).toBeGreaterThanOrEqual(acked);
      expect(count % 500).toBe(0);
      expect(count).toBeLessThanOrEqual(acked + 1000);
      const rows = await store.readRows(
        'm',
        { from: 0, to: 2e12 },
        { features: [{ name: 'f1', kind: 'numerical' }] },
      );
      expect(rows.n).toBe(count);
      expect(rows.features.f1[0]).toBe(0.01);
      expect(
        await store.insertPredictions('m', [{ id: 'after', timestamp: 1, features: {}, prediction: 1 }], 1),
      ).toEqual({ inserted: 1, duplicates: 0 });
    } finally {
      await store.close();
    }
  }, 120_000);
});

describe('createDuckDbStore appender', () => {
  it('insertPredictions(duplicates) leaves no rows in a failed appender to abort a later write at GC', async () => {
    const registerTs = fileURLToPath(new URL('../helpers/registerTs.mjs', import.meta.url));
    const child = fileURLToPath(new URL('./appenderGcChild.mjs', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--expose-gc',
      '--import',
      registerTs,
      child,
    ]);
    expect(JSON.parse(stdout)).toEqual([]);
  }, 60_000);
});

describe('openStore', () => {
  it('openStore("duckdb:PATH") creates the folder, opens and migrates the store', async () => {
    const path = join(dir, 'nested', 'deeper', 'vigil.duckdb');
    const store = await openStore(`duckdb:${path}`);
    try {
      expect(store.kind).toBe('duckdb');
      expect(existsSync(path)).toBe(true);
      await store.createModel({ name: 'm', task: 'binary' });
      expect((await store.listModels()).map((m) => m.name)).toEqual(['m']);
    } finally {
      await store.close();
    }
  });

  it('openStore("duckdb::memory:") opens an in-memory store', async () => {
    const store = await openStore('duckdb::memory:');
    try {
      expect(await store.listModels()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('openStore(postgres URL) opens the PostgreSQL store (its error names the URL)', async () => {
    await expect(openStore('postgres://vigil:s3cret@127.0.0.1:1/none')).rejects.toThrow(
      /createPostgresStore: url must reach a PostgreSQL server; got postgres:\/\/vigil:\*\*\*@127\.0\.0\.1:1\/none/,
    );
    await expect(openStore('postgresql://vigil@127.0.0.1:1/none')).rejects.toThrow(/createPostgresStore/);
  });

  it('openStore(anything else) rejects, saying which specs exist', async () => {
    await expect(openStore('sqlite:./x.db')).rejects.toThrow(
      'openStore: spec must be "duckdb:PATH" or a postgres:// URL; got "sqlite:./x.db"',
    );
    await expect(openStore('duckdb:')).rejects.toThrow(/openStore: spec must name a file after "duckdb:"/);
  });
});
