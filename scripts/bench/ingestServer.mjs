// The server of the server-ingest workload (ingestWorkload.mjs), in its own process as in production: `vigil serve`
// on a fresh DuckDB file, or on a fresh schema of PostgreSQL (dropped at exit). Prints one JSON line
// {url, key}; SIGTERM closes it (draining) and exits.
//   node scripts/bench/ingestServer.mjs duckdb|postgres
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { createPostgresStore, startServer } from '@vigil/server';
import pg from 'pg';

const kind = process.argv[2] ?? 'duckdb';
const postgresUrl = process.env.VIGIL_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const folder = mkdtempSync(resolve(tmpdir(), 'vigil-ingest-'));
const schema = `vigil_bench_${randomBytes(4).toString('hex')}`;
let store = `duckdb:${folder}/vigil.duckdb`;
if (kind === 'postgres') {
  store = await createPostgresStore({ url: postgresUrl, schema });
  await store.migrate();
}
const server = await startServer({
  port: 0,
  store,
  adminKeyFile: `${folder}/admin.key`,
  logLevel: 'warn',
  print: () => {},
  handleSignals: false,
});
process.stdout.write(`${JSON.stringify({ url: server.url, key: server.adminKey.key })}\n`);
process.on('SIGTERM', async () => {
  await server.close();
  if (kind === 'postgres') {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
    await client.end();
  }
  rmSync(folder, { recursive: true, force: true });
  process.exit(0);
});
