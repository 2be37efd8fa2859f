import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { copyOut, type TupleReader } from '../../../src/store/postgres/copyOut.js';
import { ensurePostgres, postgresUrl } from '../postgresHarness.js';

const clients: pg.Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.end();
});

async function connect(): Promise<pg.Client> {
  await ensurePostgres();
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  clients.push(client);
  return client;
}

/** A reader of (int4, text) tuples into `out`. */
function pairs(out: [number | null, string | null][]): TupleReader {
  return (bytes, view, start, fields) => {
    expect(fields).toBe(2);
    let at = start;
    const size = view.getInt32(at);
    at += 4;
    const number = size < 0 ? null : view.getInt32(at);
    at += Math.max(size, 0);
    const length = view.getInt32(at);
    at += 4;
    const text = length < 0 ? null : bytes.toString('utf8', at, at + length);
    out.push([number, text]);
    return at + Math.max(length, 0);
  };
}

const copy = (select: string) => `COPY (${select}) TO STDOUT (FORMAT binary)`;

describe('copyOut', () => {
  it('copyOut(client, COPY … TO STDOUT binary, reader) hands over every tuple in order, NULLs as size -1', async () => {
    const client = await connect();
    const out: [number | null, string | null][] = [];
    const rows = await copyOut(
      client,
      copy(
        `SELECT g, CASE WHEN g % 3 = 0 THEN NULL ELSE repeat('é', g) END FROM generate_series(1, 7) g ORDER BY g`,
      ),
      pairs(out),
    );
    expect(rows).toBe(7);
    expect(out).toEqual(
      Array.from({ length: 7 }, (_, i) => [i + 1, (i + 1) % 3 === 0 ? null : 'é'.repeat(i + 1)]),
    );
  });

  it('copyOut(no rows) resolves to 0 without calling the reader', async () => {
    const client = await connect();
    const out: [number | null, string | null][] = [];
    expect(await copyOut(client, copy('SELECT 1, NULL::text WHERE false'), pairs(out))).toBe(0);
    expect(out).toEqual([]);
  });

  it('copyOut(many rows, across many socket reads) reads them all', async () => {
    const client = await connect();
    const out: [number | null, string | null][] = [];
    const n = 50_000;
    expect(
      await copyOut(client, copy(`SELECT g, 'row ' || g FROM generate_series(1, ${n}) g`), pairs(out)),
    ).toBe(n);
    expect(out.length).toBe(n);
    expect(out.reduce((sum, [g]) => sum + (g ?? 0), 0)).toBe((n * (n + 1)) / 2);
    expect(out[n - 1]).toEqual([n, `row ${n}`]);
  });

  it('copyOut(a statement failing half-way) rejects with the server error; the client stays usable', async () => {
    const client = await connect();
    const out: [number | null, string | null][] = [];
    await expect(
      copyOut(client, copy('SELECT 10 / (3 - g), NULL::text FROM generate_series(1, 5) g'), pairs(out)),
    ).rejects.toThrow('division by zero');
    expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('copyOut(reader that throws) rejects with the reader error once the server is done; the client stays usable', async () => {
    const client = await connect();
    let calls = 0;
    await expect(
      copyOut(client, copy('SELECT g, NULL::text FROM generate_series(1, 100) g'), () => {
        calls++;
        throw new Error('bad tuple');
      }),
    ).rejects.toThrow('bad tuple');
    expect(calls).toBe(1);
    expect((await client.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }]);
  });

  it('copyOut(a query that is not a COPY) rejects; the client stays usable', async () => {
    const client = await connect();
    await expect(copyOut(client, 'SELECT 1', pairs([]))).rejects.toThrow(
      'copyOut: the statement must be a COPY … TO STDOUT, not a query',
    );
    await expect(
      copyOut(client, copy('SELECT 1, NULL::text').replace('(FORMAT binary)', ''), pairs([])),
    ).rejects.toThrow('copyOut: the data must start with the binary COPY signature');
    expect((await client.query('SELECT 3 AS three')).rows).toEqual([{ three: 3 }]);
  });
});
