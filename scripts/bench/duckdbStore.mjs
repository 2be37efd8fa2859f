// DuckDB store throughput (issue 4 §6): insertPredictions in batches of 500 rows × 20 features (16 numerical,
// 4 categorical), on a file and in memory, and readRows of a 1M-prediction window. Not a test: never fails on timing.
//   npm run build && node scripts/bench/duckdbStore.mjs [rows for readRows, default 1000000; 0: inserts only]
// Wall times depend on what else runs on the machine; CPU times (user + system, all threads) much less.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDuckDbStore } from '@vigil/server';
import { ingest, readBench } from './storeWorkload.mjs';

const readN = Number(process.argv[2] ?? 1_000_000);

const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-duckdb-'));
try {
  for (const path of [join(dir, 'bench.duckdb'), ':memory:']) {
    console.log(`-- ${path === ':memory:' ? 'in memory' : 'file'}`);
    const store = await createDuckDbStore({ path });
    await store.migrate();
    await store.createModel({ name: 'warm', task: 'binary' });
    await ingest(store, 'warm', 40, 1, true);
    await store.createModel({ name: 'bench', task: 'binary' });
    await ingest(store, 'bench', 100, 1);
    await store.createModel({ name: 'bench4', task: 'binary' });
    await ingest(store, 'bench4', 100, 4);
    await store.close();
  }

  if (readN > 0) {
    const store = await createDuckDbStore({ path: join(dir, 'big.duckdb') });
    await store.migrate();
    await store.createModel({ name: 'big', task: 'binary' });
    await readBench(store, 'big', readN, 1);
    await store.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
