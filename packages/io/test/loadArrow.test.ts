import {
  Bool,
  DateDay,
  Dictionary,
  Float32,
  Float64,
  Int32,
  Int64,
  makeTable,
  Table,
  TimestampMicrosecond,
  TimestampMillisecond,
  tableFromArrays,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { closeIo, loadFrame } from '../src/index.js';
import { col, numbers, strings, tempDir } from './helpers/files.js';

const tmp = tempDir();
afterAll(async () => {
  await closeIo();
  tmp.remove();
});

const ms = (iso: string) => Date.parse(iso);

function sample(): Table {
  return new Table({
    f64: vectorFromArray([1.5, null, -2], new Float64()),
    f32: vectorFromArray([0.5, 1, null], new Float32()),
    i32: vectorFromArray([1, 2, null], new Int32()),
    i64: vectorFromArray([10n, null, 30n], new Int64()),
    s: vectorFromArray(['b', null, 'a'], new Utf8()),
    dict: vectorFromArray(['x', 'y', 'x'], new Dictionary(new Utf8(), new Int32())),
    ok: vectorFromArray([true, false, null], new Bool()),
    ts: vectorFromArray([new Date('2024-01-31T10:00:00Z'), null, new Date(0)], new TimestampMillisecond()),
    tsus: vectorFromArray([new Date('2024-01-31T10:00:00.250Z'), null, null], new TimestampMicrosecond()),
    day: vectorFromArray([new Date('2024-01-31T00:00:00Z'), null, null], new DateDay()),
  });
}

describe('loadFrame: Arrow IPC', () => {
  for (const [name, layout] of [
    ['file.arrow', 'file'],
    ['stream.arrow', 'stream'],
    ['file.feather', 'file'],
    ['stream.ipc', 'stream'],
  ] as const) {
    it(`loadFrame(${name}) reads the ${layout} format`, async () => {
      const file = tmp.write(name, tableToIPC(sample(), layout));
      const { frame, format, rowCount, inferred } = await loadFrame(file);
      expect(format).toBe('arrow');
      expect(rowCount).toBe(3);
      expect(numbers(frame, 'f64')).toEqual([1.5, Number.NaN, -2]);
      expect(numbers(frame, 'f32')).toEqual([0.5, 1, Number.NaN]);
      expect(numbers(frame, 'i32')).toEqual([1, 2, Number.NaN]);
      expect(numbers(frame, 'i64')).toEqual([10, Number.NaN, 30]);
      expect(strings(frame, 's')).toEqual(['b', null, 'a']);
      expect(strings(frame, 'dict')).toEqual(['x', 'y', 'x']);
      expect(numbers(frame, 'ok')).toEqual([1, 0, Number.NaN]);
      expect(numbers(frame, 'ts')).toEqual([ms('2024-01-31T10:00:00Z'), Number.NaN, 0]);
      expect(numbers(frame, 'tsus')).toEqual([ms('2024-01-31T10:00:00.250Z'), Number.NaN, Number.NaN]);
      expect(numbers(frame, 'day')).toEqual([ms('2024-01-31T00:00:00Z'), Number.NaN, Number.NaN]);
      expect(Object.fromEntries(Object.entries(inferred).map(([k, v]) => [k, v.type]))).toEqual({
        f64: 'numerical',
        f32: 'numerical',
        i32: 'numerical',
        i64: 'numerical',
        s: 'categorical',
        dict: 'categorical',
        ok: 'boolean',
        ts: 'datetime',
        tsus: 'datetime',
        day: 'datetime',
      });
      expect(inferred.s.reason).toBe('Utf8: 2 distinct of 2 values (100%), average length 1.0');
      expect(inferred.i64.reason).toBe('Int64: numbers');
    });
  }

  it('loadFrame(arrow with several record batches) joins them, dictionaries merged by value', async () => {
    const a = makeTable({ x: Float64Array.from([1, 2]) });
    const b = makeTable({ x: Float64Array.from([3]) });
    const batches = new Table([...a.batches, ...b.batches]);
    const withDict = new Table({
      d: vectorFromArray(['p', 'q'], new Dictionary(new Utf8(), new Int32())),
    }).concat(new Table({ d: vectorFromArray(['q', 'r', 'p'], new Dictionary(new Utf8(), new Int32())) }));
    const f1 = tmp.write('batches.arrow', tableToIPC(batches, 'file'));
    expect(numbers((await loadFrame(f1)).frame, 'x')).toEqual([1, 2, 3]);
    const f2 = tmp.write('dicts.arrow', tableToIPC(withDict, 'stream'));
    const d = col((await loadFrame(f2)).frame, 'd');
    expect(d.kind === 'categorical' && [Array.from(d.codes), d.dictionary]).toEqual([
      [0, 1, 1, 2, 0],
      ['p', 'q', 'r'],
    ]);
  });

  it('loadFrame(arrow, {columns, categorical}) projects and converts', async () => {
    const file = tmp.write('proj.arrow', tableToIPC(sample(), 'file'));
    const { frame, inferred } = await loadFrame(file, { columns: ['i32', 's'], categorical: ['i32'] });
    expect(frame.columns.map((c) => c.name)).toEqual(['i32', 's']);
    expect(strings(frame, 'i32')).toEqual(['1', '2', null]);
    expect(inferred.i32).toEqual({ type: 'categorical', reason: 'declared categorical (stored as Int32)' });
  });

  it('loadFrame(arrow) infers text for long distinct strings', async () => {
    const s = Array.from({ length: 10 }, (_, i) => `a fairly long sentence about item number ${i}`);
    const file = tmp.write('text.arrow', tableToIPC(tableFromArrays({ s }), 'file'));
    const { frame, inferred } = await loadFrame(file);
    expect(col(frame, 's').type).toBe('text');
    expect(inferred.s.reason).toMatch(/so free text$/);
  });
});
