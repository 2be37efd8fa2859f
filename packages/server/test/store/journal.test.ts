import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Journal } from '../../src/store/duckdb/journal.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-journal-'));
let dbs = 0;
const freshDb = () => join(dir, `db-${dbs++}.duckdb`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SMALL = 4096;
const segmentsOf = (db: string) =>
  readdirSync(dir).filter((name) => name.startsWith(`${db.split('/').at(-1)}.journal.`));

describe('Journal', () => {
  it('Journal.open() returns the records a process appended and never released, in order, typed arrays included', async () => {
    const db = freshDb();
    const { journal, records } = Journal.open(db);
    expect(records).toEqual([]);
    const written = Array.from({ length: 5 }, (_, k) => ({
      k,
      values: Float64Array.of(k, Number.NaN),
      ids: [`${k}`],
    }));
    await Promise.all(written.map((record) => journal.append(record)));
    // No close: as if the process were killed here.
    const again = Journal.open(db);
    expect(again.records).toEqual(written);
    expect((again.records[1] as { values: Float64Array }).values).toBeInstanceOf(Float64Array);
    await journal.close();
    again.discardOld();
    expect(segmentsOf(db)).toEqual([]);
  });

  it('Journal.open() ignores a torn record at the end and stops at a record whose checksum does not match', async () => {
    const db = freshDb();
    const { journal } = Journal.open(db, SMALL);
    const ticket = await journal.append({ k: 1 });
    await journal.append({ k: 2 });
    await journal.close();
    const [segment] = segmentsOf(db);
    const path = join(dir, segment);
    const bytes = readFileSync(path);
    // The second record's first byte of payload changed: it and everything after it are ignored.
    const firstLength = bytes.readUInt32LE(0);
    const secondPayload = 8 + firstLength + 8;
    const corrupt = Buffer.from(bytes);
    corrupt[secondPayload] ^= 0xff;
    writeFileSync(path, corrupt);
    expect(Journal.open(db, SMALL).records).toEqual([{ k: 1 }]);
    // A header promising more bytes than the file holds (a crash during an append) ends the records too.
    writeFileSync(path, bytes.subarray(0, 8 + firstLength));
    appendFileSync(path, Buffer.from([0xff, 0xff, 0, 0, 1, 2, 3, 4, 5]));
    expect(Journal.open(db, SMALL).records).toEqual([{ k: 1 }]);
    expect(ticket.pending).toBe(2);
  });

  it('Journal deletes a full segment once its records are released, and close() keeps only segments with unreleased records', async () => {
    const db = freshDb();
    const { journal } = Journal.open(db, SMALL);
    // Each record fills a segment, so each starts a new one.
    const big = { text: 'x'.repeat(5000) };
    const first = await journal.append(big);
    const second = await journal.append(big);
    const third = await journal.append(big);
    expect(new Set([first, second, third]).size).toBe(3);
    expect(segmentsOf(db).length).toBe(4); // three with records, and a spare written ahead
    journal.release(first);
    journal.release(second);
    await new Promise((done) => setTimeout(done, 50));
    expect(segmentsOf(db).length).toBe(2);
    await journal.close();
    // The segment of the unreleased third record stays; the spare is gone.
    expect(segmentsOf(db).length).toBe(1);
    expect(Journal.open(db, SMALL).records).toEqual([big]);
    expect(third.pending).toBe(1);
  });

  it('Journal.append() called as soon as the previous append resolved is written too (no lost wake-up)', async () => {
    const db = freshDb();
    const { journal } = Journal.open(db);
    for (let k = 0; k < 300; k++) await journal.append({ k });
    const burst = await Promise.all(Array.from({ length: 50 }, (_, k) => journal.append({ k })));
    expect(burst.length).toBe(50);
    expect(Journal.open(db).records.length).toBe(350);
    await journal.close();
  });

  it('Journal.append() after close() rejects', async () => {
    const { journal } = Journal.open(freshDb());
    await journal.close();
    await expect(journal.append({})).rejects.toThrow('journal must be open');
  });
});
