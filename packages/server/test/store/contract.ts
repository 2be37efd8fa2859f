/**
 * The one contract every Store implementation passes (issue 4 §3): `runStoreContract(name, open, cleanup?)` registers
 * the suite for a store. `open()` returns a new, empty store (migrated or not: the suite runs `migrate()`); each
 * test closes the stores it opened; `cleanup()` runs once after the suite (drop schemas, remove files).
 *
 * Only the Store interface is used here, nothing of DuckDB or PostgreSQL. Names that are sorted are lowercase ASCII
 * (PostgreSQL's default collation and DuckDB's byte order agree on those); prediction ids sort bytewise in both.
 *
 * How values read (both stores keep the same rules):
 * - a numerical feature or a proba reads a JSON number; anything else (a string, even "1.5", a boolean, null,
 *   absent, NaN) reads as NaN;
 * - a categorical feature reads a string as given, a number as JavaScript prints it, a boolean as 'true' / 'false';
 *   null or absent reads as null;
 * - a prediction or label reads as text (strings as given, numbers printed, booleans 'true' / 'false') and as a
 *   number (numbers, booleans 1 / 0, numeric strings parsed; NaN otherwise).
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type {
  MetricPoint,
  NewMonitor,
  PredictionRow,
  ReadSpec,
  Scalar,
  Store,
} from '../../src/store/types.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Float64Array → plain array, so NaN compares equal to NaN in `toEqual`. */
const arr = (values: Float64Array | (string | null)[] | undefined): unknown[] =>
  values === undefined ? [] : [...values];

function prediction(id: string, timestamp: number, extra: Partial<PredictionRow> = {}): PredictionRow {
  return { id, timestamp, features: { x: 1, c: 'a' }, prediction: 1, ...extra };
}

const XC: ReadSpec = {
  features: [
    { name: 'x', kind: 'numerical' },
    { name: 'c', kind: 'categorical' },
  ],
};

function point(monitorId: number, windowStart: number, extra: Partial<MetricPoint> = {}): MetricPoint {
  return {
    model: 'm',
    monitorId,
    windowStart,
    windowEnd: windowStart + HOUR,
    feature: '',
    metric: 'psi',
    value: 0.1,
    status: 'ok',
    computedAt: windowStart + HOUR + 1,
    ...extra,
  };
}

function monitor(extra: Partial<NewMonitor> = {}): NewMonitor {
  return { model: 'm', name: 'drift', kind: 'drift', config: { features: ['x'] }, enabled: true, ...extra };
}

export function runStoreContract(
  name: string,
  open: () => Promise<Store>,
  cleanup?: () => Promise<void> | void,
): void {
  describe(`${name}: Store contract`, () => {
    const opened: Store[] = [];

    /** A new migrated store, closed after the test. */
    async function fresh(): Promise<Store> {
      const store = await open();
      opened.push(store);
      await store.migrate();
      return store;
    }

    /** A new store holding model 'm' (binary, 1 h windows). */
    async function withModel(extra: { windowMs?: number } = {}): Promise<Store> {
      const store = await fresh();
      await store.createModel({ name: 'm', task: 'binary', windowMs: extra.windowMs ?? HOUR });
      return store;
    }

    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });
    if (cleanup !== undefined) afterAll(cleanup);

    describe('lifecycle', () => {
      it('migrate() twice is idempotent and keeps the data', async () => {
        const store = await withModel();
        await store.insertPredictions('m', [prediction('a', 0)], 1);
        await store.migrate();
        await store.migrate();
        expect((await store.listModels()).map((m) => m.name)).toEqual(['m']);
        expect(await store.countPredictions('m')).toBe(1);
      });

      it('ping() answers true while open; close() twice is harmless and ping() then answers false', async () => {
        const store = await fresh();
        expect(typeof store.kind).toBe('string');
        expect(store.kind.length).toBeGreaterThan(0);
        expect(await store.ping()).toBe(true);
        await store.close();
        await store.close();
        expect(await store.ping()).toBe(false);
      });
    });

    describe('models and versions', () => {
      it('createModel(model) fills the defaults and getModel / listModels read it back', async () => {
        const store = await fresh();
        const before = Date.now();
        const created = await store.createModel({ name: 'churn', task: 'binary' });
        const after = Date.now();
        expect(created).toEqual({
          name: 'churn',
          task: 'binary',
          windowMs: HOUR,
          createdAt: created.createdAt,
          updatedAt: created.createdAt,
        });
        expect(created.createdAt).toBeGreaterThanOrEqual(before);
        expect(created.createdAt).toBeLessThanOrEqual(after);
        expect(await store.getModel('churn')).toEqual(created);
        expect(await store.getModel('nope')).toBeUndefined();
      });

      it('createModel(all fields) keeps description, window and schema; listModels sorts by name', async () => {
        const store = await fresh();
        const schema = {
          features: [
            { name: 'age', kind: 'numerical' as const },
            { name: 'plan', kind: 'categorical' as const },
          ],
          positive: 'yes',
          classes: ['no', 'yes'],
        };
        await store.createModel({ name: 'zeta', task: 'regression' });
        const alpha = await store.createModel({
          name: 'alpha',
          task: 'multiclass',
          description: 'the first',
          windowMs: 10 * MINUTE,
          schema,
        });
        expect(alpha).toMatchObject({ description: 'the first', windowMs: 10 * MINUTE, schema });
        expect((await store.listModels()).map((m) => m.name)).toEqual(['alpha', 'zeta']);
        expect(await store.getModel('alpha')).toEqual(alpha);
      });

      it('createModel(existing name) rejects and keeps the first model', async () => {
        const store = await fresh();
        await store.createModel({ name: 'm', task: 'binary', description: 'first' });
        await expect(store.createModel({ name: 'm', task: 'regression' })).rejects.toThrow(/createModel/);
        expect((await store.getModel('m'))?.description).toBe('first');
      });

      it('updateModel(name, patch) changes only the fields given, and updatedAt', async () => {
        const store = await fresh();
        const created = await store.createModel({ name: 'm', task: 'binary', description: 'd' });
        const updated = await store.updateModel('m', { windowMs: 5 * MINUTE, activeVersion: 'v2' });
        expect(updated).toEqual({
          ...created,
          windowMs: 5 * MINUTE,
          activeVersion: 'v2',
          updatedAt: updated.updatedAt,
        });
        expect(updated.updatedAt).toBeGreaterThanOrEqual(created.updatedAt);
        const schema = { features: [{ name: 'x', kind: 'numerical' as const }] };
        const again = await store.updateModel('m', { schema, description: 'new' });
        expect(again).toMatchObject({
          schema,
          description: 'new',
          windowMs: 5 * MINUTE,
          activeVersion: 'v2',
        });
        expect(await store.getModel('m')).toEqual(again);
        expect(await store.updateModel('m', {})).toMatchObject({ description: 'new' });
      });

      it('updateModel(unknown name) rejects', async () => {
        const store = await fresh();
        await expect(store.updateModel('nope', { description: 'x' })).rejects.toThrow(/updateModel/);
      });

      it('deleteModel(name) removes the model and everything of it; the name can then be reused', async () => {
        const store = await withModel();
        await store.createModel({ name: 'other', task: 'binary' });
        await store.createVersion({ model: 'm', version: 'v1' });
        await store.createReference({ model: 'm', source: 'ref.csv', schema: XC }, [{ features: { x: 1 } }]);
        await store.insertPredictions('m', [prediction('a', 0)], 1);
        await store.insertPredictions('other', [prediction('a', 0)], 1);
        await store.insertLabels('m', [{ id: 'a', label: 1 }], 2);
        const mon = await store.createMonitor(monitor());
        await store.writePoints([point(mon.id, 0)]);
        await store.putRuleState({
          monitorId: mon.id,
          feature: '',
          metric: 'psi',
          consecutiveBreaches: 1,
          consecutiveOk: 0,
        });
        await store.createAlert({
          model: 'm',
          monitorId: mon.id,
          feature: '',
          metric: 'psi',
          severity: 'warning',
          state: 'firing',
          value: 0.3,
          threshold: 0.2,
          message: 'drift',
          windowStart: 0,
          firedAt: 5,
        });

        await store.deleteModel('m');
        expect(await store.getModel('m')).toBeUndefined();
        expect(await store.listVersions('m')).toEqual([]);
        expect(await store.listReferences('m')).toEqual([]);
        expect(await store.listMonitors('m')).toEqual([]);
        expect(await store.getMonitor(mon.id)).toBeUndefined();
        expect(await store.readSeries({ monitorId: mon.id })).toEqual([]);
        expect(await store.latestPoints('m')).toEqual([]);
        expect(await store.getRuleState(mon.id, '', 'psi')).toBeUndefined();
        expect(await store.listAlerts({ model: 'm' })).toEqual([]);
        expect((await store.dirtyWindows()).map((w) => w.model)).toEqual(['other']);
        expect(await store.countPredictions('other')).toBe(1);

        await store.createModel({ name: 'm', task: 'binary' });
        expect(await store.countPredictions('m')).toBe(0);
        expect(await store.insertPredictions('m', [prediction('a', 0)], 3)).toEqual({
          inserted: 1,
          duplicates: 0,
        });
        const rows = await store.readRows('m', { from: 0, to: 1 }, XC);
        expect(rows.labelText).toEqual([null]);
      });

      it('deleteModel(unknown name) is harmless', async () => {
        const store = await withModel();
        await store.deleteModel('nope');
        expect((await store.listModels()).map((m) => m.name)).toEqual(['m']);
      });

      it('createVersion(version) / listVersions(model) round-trip in creation order', async () => {
        const store = await withModel();
        const v1 = await store.createVersion({ model: 'm', version: 'v1', description: 'first' });
        expect(v1).toEqual({ model: 'm', version: 'v1', description: 'first', createdAt: v1.createdAt });
        const v2 = await store.createVersion({ model: 'm', version: 'v2' });
        expect(v2).toEqual({ model: 'm', version: 'v2', createdAt: v2.createdAt });
        expect(await store.listVersions('m')).toEqual([v1, v2]);
        expect(await store.listVersions('nope')).toEqual([]);
      });

      it('createVersion(unknown model or existing version) rejects', async () => {
        const store = await withModel();
        await store.createVersion({ model: 'm', version: 'v1' });
        await expect(store.createVersion({ model: 'nope', version: 'v1' })).rejects.toThrow();
        await expect(store.createVersion({ model: 'm', version: 'v1' })).rejects.toThrow();
        expect((await store.listVersions('m')).map((v) => v.version)).toEqual(['v1']);
      });
    });

    describe('references', () => {
      const schema = { features: [{ name: 'x', kind: 'numerical' as const }] };

      it('createReference(reference, rows) stores one record; latestReference / listReferences find it', async () => {
        const store = await withModel();
        const first = await store.createReference({ model: 'm', version: 'v1', source: 'a.csv', schema }, [
          { features: { x: 1 } },
          { features: { x: 2 } },
        ]);
        expect(first).toEqual({
          id: first.id,
          model: 'm',
          version: 'v1',
          source: 'a.csv',
          rows: 2,
          schema,
          createdAt: first.createdAt,
        });
        const second = await store.createReference({ model: 'm', source: 'b.parquet', schema }, [
          { features: { x: 3 } },
        ]);
        expect(second.version).toBeUndefined();
        expect(second.id).not.toBe(first.id);
        expect(await store.listReferences('m')).toEqual([first, second]);
        expect(await store.latestReference('m')).toEqual(second);
        expect(await store.latestReference('m', 'v1')).toEqual(first);
        expect(await store.latestReference('m', 'v9')).toBeUndefined();
        expect(await store.latestReference('nope')).toBeUndefined();
      });

      it('readReference(id, spec) reads the rows in upload order, typed as readRows reads them', async () => {
        const store = await withModel();
        const reference = await store.createReference(
          { model: 'm', source: 'ref.csv', schema: { features: XC.features } },
          [
            {
              features: { x: 3, c: 'red' },
              label: 1,
              score: 0.9,
              prediction: 1,
              probas: { no: 0.1, yes: 0.9 },
            },
            { features: { x: 'bad', c: 7 }, label: 'no', prediction: 'no' },
            { features: { c: true }, label: true, probas: { yes: Number.NaN } },
            { features: { x: null, c: null } },
          ],
        );
        expect(reference.rows).toBe(4);
        const rows = await store.readReference(reference.id, { ...XC, probaClasses: ['yes', 'maybe'] });
        expect(rows.n).toBe(4);
        expect(rows.ids).toEqual([]);
        expect(arr(rows.features.x)).toEqual([3, Number.NaN, Number.NaN, Number.NaN]);
        expect(rows.features.c).toEqual(['red', '7', 'true', null]);
        expect(rows.labelText).toEqual(['1', 'no', 'true', null]);
        expect(arr(rows.labelNumber)).toEqual([1, Number.NaN, 1, Number.NaN]);
        expect(rows.predictionText).toEqual(['1', 'no', null, null]);
        expect(arr(rows.predictionNumber)).toEqual([1, Number.NaN, Number.NaN, Number.NaN]);
        expect(arr(rows.score)).toEqual([0.9, Number.NaN, Number.NaN, Number.NaN]);
        expect(arr(rows.probas.yes)).toEqual([0.9, Number.NaN, Number.NaN, Number.NaN]);
        expect(arr(rows.probas.maybe)).toEqual([Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
        expect(rows.timestamps).toHaveLength(4);
        expect(rows.latencyMs).toHaveLength(4);
      });

      it('readReference(id) of each reference reads only its own rows; an unknown id reads none', async () => {
        const store = await withModel();
        const a = await store.createReference({ model: 'm', source: 'a', schema }, [{ features: { x: 1 } }]);
        const b = await store.createReference({ model: 'm', source: 'b', schema }, [
          { features: { x: 2 } },
          { features: { x: 3 } },
        ]);
        expect(arr((await store.readReference(a.id, XC)).features.x)).toEqual([1]);
        expect(arr((await store.readReference(b.id, XC)).features.x)).toEqual([2, 3]);
        const none = await store.readReference(a.id + b.id + 1000, XC);
        expect(none.n).toBe(0);
        expect(arr(none.features.x)).toEqual([]);
        expect(none.features.c).toEqual([]);
      });

      it('createReference(reference, []) stores an empty reference', async () => {
        const store = await withModel();
        const empty = await store.createReference({ model: 'm', source: 'empty.csv', schema }, []);
        expect(empty.rows).toBe(0);
        expect((await store.readReference(empty.id, XC)).n).toBe(0);
      });

      it('createReference(unknown model) rejects and stores nothing', async () => {
        const store = await withModel();
        await expect(
          store.createReference({ model: 'nope', source: 'a.csv', schema }, [{ features: { x: 1 } }]),
        ).rejects.toThrow(/createReference/);
        expect(await store.listReferences('nope')).toEqual([]);
      });

      it('createReference(rows failing half-way) stores neither the record nor any row', async () => {
        const store = await withModel();
        const poisoned = {
          get features(): Record<string, number> {
            throw new Error('unreadable row');
          },
        };
        const rows = [{ features: { x: 1 } }, { features: { x: 2 } }, poisoned];
        await expect(store.createReference({ model: 'm', source: 'a.csv', schema }, rows)).rejects.toThrow();
        expect(await store.listReferences('m')).toEqual([]);
        const ok = await store.createReference({ model: 'm', source: 'b.csv', schema }, [
          { features: { x: 5 } },
        ]);
        expect(arr((await store.readReference(ok.id, XC)).features.x)).toEqual([5]);
      });
    });

    describe('insertPredictions and readRows', () => {
      it('insertPredictions(rows) round-trips every field through readRows', async () => {
        const store = await withModel();
        const result = await store.insertPredictions(
          'm',
          [
            {
              id: 'p1',
              timestamp: 1000,
              version: 'v1',
              features: { x: 2.5, c: 'red', extra: 'ignored' },
              prediction: 'yes',
              score: 0.75,
              probas: { no: 0.25, yes: 0.75 },
              latencyMs: 12.5,
              tags: { region: 'eu' },
            },
            { id: 'p2', timestamp: 2000, features: {}, prediction: 0 },
          ],
          5000,
        );
        expect(result).toEqual({ inserted: 2, duplicates: 0 });
        const rows = await store.readRows('m', { from: 0, to: HOUR }, { ...XC, probaClasses: ['yes', 'no'] });
        expect(rows.n).toBe(2);
        expect(rows.ids).toEqual(['p1', 'p2']);
        expect(arr(rows.timestamps)).toEqual([1000, 2000]);
        expect(rows.predictionText).toEqual(['yes', '0']);
        expect(arr(rows.predictionNumber)).toEqual([Number.NaN, 0]);
        expect(arr(rows.score)).toEqual([0.75, Number.NaN]);
        expect(arr(rows.latencyMs)).toEqual([12.5, Number.NaN]);
        expect(arr(rows.features.x)).toEqual([2.5, Number.NaN]);
        expect(rows.features.c).toEqual(['red', null]);
        expect(arr(rows.probas.yes)).toEqual([0.75, Number.NaN]);
        expect(arr(rows.probas.no)).toEqual([0.25, Number.NaN]);
        expect(rows.labelText).toEqual([null, null]);
        expect(arr(rows.labelNumber)).toEqual([Number.NaN, Number.NaN]);
        expect(rows.features.x).toBeInstanceOf(Float64Array);
        expect(rows.timestamps).toBeInstanceOf(Float64Array);
      });

      it('readRows(spec) reads missing, null, NaN and wrong-typed values as NaN / null, never failing', async () => {
        const store = await withModel();
        await store.insertPredictions(
          'm',
          [
            { id: 'a', timestamp: 1, features: { x: 'n/a', c: 3 }, prediction: 'cat', probas: { cat: 0.5 } },
            { id: 'b', timestamp: 2, features: { x: true, c: 2.5 }, prediction: true },
            { id: 'c', timestamp: 3, features: { x: null, c: false }, prediction: null },
            { id: 'd', timestamp: 4, features: { x: Number.NaN, c: '' }, prediction: '7' },
            { id: 'e', timestamp: 5, features: { x: '1.5' }, prediction: ' 2.5 ', score: Number.NaN },
            { id: 'f', timestamp: 6, features: { x: -0.5, c: 'z' }, prediction: 1.5, latencyMs: Number.NaN },
          ],
          10,
        );
        const rows = await store.readRows(
          'm',
          { from: 0, to: 10 },
          {
            features: [
              ...XC.features,
              { name: 'never', kind: 'numerical' },
              { name: 'nada', kind: 'categorical' },
            ],
            probaClasses: ['cat', 'dog'],
          },
        );
        expect(rows.n).toBe(6);
        expect(arr(rows.features.x)).toEqual([
          Number.NaN,
          Number.NaN,
          Number.NaN,
          Number.NaN,
          Number.NaN,
          -0.5,
        ]);
        expect(rows.features.c).toEqual(['3', '2.5', 'false', '', null, 'z']);
        expect(arr(rows.features.never)).toEqual(Array(6).fill(Number.NaN));
        expect(rows.features.nada).toEqual(Array(6).fill(null));
        expect(rows.predictionText).toEqual(['cat', 'true', null, '7', ' 2.5 ', '1.5']);
        expect(arr(rows.predictionNumber)).toEqual([Number.NaN, 1, Number.NaN, 7, 2.5, 1.5]);
        expect(arr(rows.probas.cat)).toEqual([
          0.5,
          Number.NaN,
          Number.NaN,
          Number.NaN,
          Number.NaN,
          Number.NaN,
        ]);
        expect(arr(rows.probas.dog)).toEqual(Array(6).fill(Number.NaN));
        expect(arr(rows.score)).toEqual(Array(6).fill(Number.NaN));
        expect(arr(rows.latencyMs)).toEqual(Array(6).fill(Number.NaN));
      });

      it('readRows(range) keeps [from, to), orders by timestamp then id bytewise, filters by version', async () => {
        const store = await withModel();
        await store.insertPredictions(
          'm',
          [
            prediction('b', 5, { version: 'v1' }),
            prediction('a', 5, { version: 'v2' }),
            prediction('B', 5, { version: 'v1' }),
            prediction('z', 1, { version: 'v1' }),
            prediction('late', 10),
            prediction('early', -1),
          ],
          0,
        );
        const all = await store.readRows('m', { from: 0, to: 10 }, XC);
        expect(all.ids).toEqual(['z', 'B', 'a', 'b']);
        expect(arr(all.timestamps)).toEqual([1, 5, 5, 5]);
        const v1 = await store.readRows('m', { from: 0, to: 10, version: 'v1' }, XC);
        expect(v1.ids).toEqual(['z', 'B', 'b']);
        const wide = await store.readRows('m', { from: -HOUR, to: HOUR }, { features: [] });
        expect(wide.ids).toEqual(['early', 'z', 'B', 'a', 'b', 'late']);
        expect(await store.countPredictions('m')).toBe(6);
        expect(await store.countPredictions('m', { from: 0, to: 10 })).toBe(4);
        expect(await store.countPredictions('m', { from: 0, to: 10, version: 'v1' })).toBe(3);
      });

      it('insertPredictions(rows without version) attributes them to the active version', async () => {
        const store = await withModel();
        await store.insertPredictions('m', [prediction('a', 1)], 0);
        await store.updateModel('m', { activeVersion: 'v2' });
        await store.insertPredictions('m', [prediction('b', 2), prediction('c', 3, { version: 'v1' })], 0);
        expect((await store.readRows('m', { from: 0, to: 10, version: 'v2' }, XC)).ids).toEqual(['b']);
        expect((await store.readRows('m', { from: 0, to: 10, version: 'v1' }, XC)).ids).toEqual(['c']);
        expect(await store.countPredictions('m', { from: 0, to: 10 })).toBe(3);
      });

      it('insertPredictions(rows) counts duplicate ids within the batch and across calls; the first row stays', async () => {
        const store = await withModel();
        const first = await store.insertPredictions(
          'm',
          [prediction('a', 0, { features: { x: 1 } }), prediction('a', 1, { features: { x: 2 } })],
          10,
        );
        expect(first).toEqual({ inserted: 1, duplicates: 1 });
        const second = await store.insertPredictions(
          'm',
          [prediction('a', 0, { features: { x: 3 } }), prediction('b', 0, { features: { x: 4 } })],
          10,
        );
        expect(second).toEqual({ inserted: 1, duplicates: 1 });
        const third = await store.insertPredictions('m', [prediction('a', 0), prediction('b', 0)], 10);
        expect(third).toEqual({ inserted: 0, duplicates: 2 });
        expect(await store.countPredictions('m')).toBe(2);
        const rows = await store.readRows('m', { from: 0, to: 10 }, XC);
        expect(rows.ids).toEqual(['a', 'b']);
        expect(arr(rows.features.x)).toEqual([1, 4]);
      });

      it('insertPredictions(model, []) stores nothing and answers zeros', async () => {
        const store = await withModel();
        expect(await store.insertPredictions('m', [], 1)).toEqual({ inserted: 0, duplicates: 0 });
        expect(await store.dirtyWindows()).toEqual([]);
      });

      it('insertPredictions(unknown model) rejects and stores nothing', async () => {
        const store = await withModel();
        await expect(store.insertPredictions('nope', [prediction('a', 0)], 10)).rejects.toThrow(
          /insertPredictions: model must be an existing model/,
        );
        expect(await store.countPredictions('nope')).toBe(0);
        expect(await store.dirtyWindows()).toEqual([]);
      });

      it('insertPredictions(batch with one invalid row) stores nothing, marks no window, and the store keeps working', async () => {
        const store = await withModel();
        await store.insertPredictions('m', [prediction('a', 0)], 1);
        await store.markWindowEvaluated('m', 0, 2);
        const bad = [
          prediction('b', HOUR, { features: { x: 1, fresh: 'new' } }),
          { ...prediction('c', HOUR), id: null as unknown as string },
        ];
        await expect(store.insertPredictions('m', bad, 3)).rejects.toThrow();
        expect(await store.countPredictions('m')).toBe(1);
        expect(await store.dirtyWindows()).toEqual([]);
        const nan = [prediction('d', 2 * HOUR), prediction('e', Number.NaN)];
        await expect(store.insertPredictions('m', nan, 4)).rejects.toThrow();
        expect(await store.countPredictions('m')).toBe(1);
        // The feature first seen in the failed batch works in the next one.
        const ok = await store.insertPredictions(
          'm',
          [prediction('b', HOUR, { features: { fresh: 'new' } })],
          5,
        );
        expect(ok).toEqual({ inserted: 1, duplicates: 0 });
        const rows = await store.readRows(
          'm',
          { from: 0, to: 2 * HOUR },
          {
            features: [{ name: 'fresh', kind: 'categorical' }],
          },
        );
        expect(rows.ids).toEqual(['a', 'b']);
        expect(rows.features.fresh).toEqual([null, 'new']);
      });

      it('insertPredictions(a feature first seen later) reads it as missing in the earlier rows', async () => {
        const store = await withModel();
        await store.insertPredictions('m', [prediction('a', 1, { features: { x: 1 } })], 0);
        await store.insertPredictions('m', [prediction('b', 2, { features: { x: 2, y: 5, c: 'q' } })], 0);
        const rows = await store.readRows(
          'm',
          { from: 0, to: 10 },
          {
            features: [...XC.features, { name: 'y', kind: 'numerical' }],
          },
        );
        expect(arr(rows.features.y)).toEqual([Number.NaN, 5]);
        expect(rows.features.c).toEqual([null, 'q']);
        expect(arr(rows.features.x)).toEqual([1, 2]);
      });

      it('insertPredictions(5000 rows) stores them all, in one call', async () => {
        const store = await withModel();
        const rows = Array.from({ length: 5000 }, (_, i) =>
          prediction(`r${String(i).padStart(5, '0')}`, i, {
            features: { x: i, c: i % 3 === 0 ? null : `k${i % 7}` },
            score: i / 5000,
          }),
        );
        expect(await store.insertPredictions('m', rows, 1)).toEqual({ inserted: 5000, duplicates: 0 });
        const read = await store.readRows('m', { from: 0, to: HOUR }, XC);
        expect(read.n).toBe(5000);
        expect(read.ids[4999]).toBe('r04999');
        expect(arr(read.features.x)).toEqual(rows.map((_r, i) => i));
        expect(read.features.c).toEqual(rows.map((_r, i) => (i % 3 === 0 ? null : `k${i % 7}`)));
        expect(arr(read.score)).toEqual(rows.map((_r, i) => i / 5000));
        // Again, with one new id: the others are counted as duplicates.
        const again = [...rows, prediction('new', 1)];
        expect(await store.insertPredictions('m', again, 2)).toEqual({ inserted: 1, duplicates: 5000 });
      });

      it('insertPredictions(concurrent batches) stores every row once', async () => {
        const store = await withModel();
        const batches = Array.from({ length: 8 }, (_, b) =>
          Array.from({ length: 50 }, (_, i) => prediction(`b${b}-${i}`, b * 100 + i, { features: { x: b } })),
        );
        const results = await Promise.all([
          ...batches.map((rows) => store.insertPredictions('m', rows, 1)),
          store.insertPredictions('m', batches[0], 2),
        ]);
        expect(results.reduce((sum, r) => sum + r.inserted, 0)).toBe(400);
        expect(results.reduce((sum, r) => sum + r.duplicates, 0)).toBe(50);
        expect(await store.countPredictions('m')).toBe(400);
      });

      it('insertPredictions(concurrent batches, one invalid) rejects only that one and stores the others', async () => {
        const store = await withModel();
        await store.createModel({ name: 'other', task: 'binary' });
        const calls = [
          store.insertPredictions('m', [prediction('a', 1), prediction('b', 2)], 10),
          store.insertPredictions(
            'm',
            [prediction('c', 3), { ...prediction('d', 4), id: null as unknown as string }],
            11,
          ),
          store.insertPredictions(
            'm',
            [prediction('b', 5), prediction('e', 6, { features: { late: 1 } })],
            12,
          ),
          store.insertPredictions('nope', [prediction('f', 7)], 13),
          store.insertPredictions('other', [prediction('a', 8)], 14),
          store.insertPredictions('m', [prediction('g', Number.NaN)], 15),
        ];
        const settled = await Promise.allSettled(calls);
        expect(settled.map((s) => s.status)).toEqual([
          'fulfilled',
          'rejected',
          'fulfilled',
          'rejected',
          'fulfilled',
          'rejected',
        ]);
        expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : undefined))).toEqual([
          { inserted: 2, duplicates: 0 },
          undefined,
          { inserted: 1, duplicates: 1 },
          undefined,
          { inserted: 1, duplicates: 0 },
          undefined,
        ]);
        const rows = await store.readRows(
          'm',
          { from: 0, to: 10 },
          { features: [{ name: 'late', kind: 'numerical' }] },
        );
        expect(rows.ids).toEqual(['a', 'b', 'e']);
        expect(arr(rows.features.late)).toEqual([Number.NaN, Number.NaN, 1]);
        expect(await store.countPredictions('other')).toBe(1);
        expect((await store.dirtyWindows()).map((w) => [w.model, w.lastDataAt])).toEqual([
          ['m', 12],
          ['other', 14],
        ]);
      });

      it('readRows(unknown model or empty range) returns n = 0 with empty columns', async () => {
        const store = await withModel();
        await store.insertPredictions('m', [prediction('a', 5)], 0);
        for (const rows of [
          await store.readRows('m', { from: 10, to: 20 }, { ...XC, probaClasses: ['yes'] }),
          await store.readRows('nope', { from: 0, to: 10 }, { ...XC, probaClasses: ['yes'] }),
        ]) {
          expect(rows.n).toBe(0);
          expect(rows.ids).toEqual([]);
          expect(arr(rows.timestamps)).toEqual([]);
          expect(arr(rows.features.x)).toEqual([]);
          expect(rows.features.c).toEqual([]);
          expect(arr(rows.probas.yes)).toEqual([]);
          expect(rows.labelText).toEqual([]);
        }
        expect(await store.countPredictions('nope')).toBe(0);
      });
    });

    describe('labels', () => {
      it('insertLabels(labels) after their predictions matches them and readRows joins them', async () => {
        const store = await withModel();
        await store.insertPredictions('m', [prediction('a', 1), prediction('b', 2), prediction('c', 3)], 0);
        const result = await store.insertLabels(
          'm',
          [
            { id: 'a', label: 1 },
            { id: 'b', label: 'no' },
            { id: 'zz', label: 0 },
          ],
          5,
        );
        expect(result).toEqual({ stored: 3, matched: 2 });
        const rows = await store.readRows('m', { from: 0, to: 10 }, XC);
        expect(rows.labelText).toEqual(['1', 'no', null]);
        expect(arr(rows.labelNumber)).toEqual([1, Number.NaN, Number.NaN]);
      });

      it('insertLabels(labels before predictions) waits for them and joins when they arrive', async () => {
        const store = await withModel();
        expect(await store.insertLabels('m', [{ id: 'a', label: true }], 5)).toEqual({
          stored: 1,
          matched: 0,
        });
        expect(await store.dirtyWindows()).toEqual([]);
        await store.insertPredictions('m', [prediction('a', 2 * HOUR + 5)], 6);
        const rows = await store.readRows('m', { from: 0, to: 3 * HOUR }, { features: [] });
        expect(rows.labelText).toEqual(['true']);
        expect(arr(rows.labelNumber)).toEqual([1]);
      });

      it('insertLabels(same id twice, then again later) keeps the last label', async () => {
        const store = await withModel();
        await store.insertPredictions('m', [prediction('a', 0)], 1);
        const result = await store.insertLabels(
          'm',
          [
            { id: 'a', label: 'no' },
            { id: 'a', label: 'yes' },
          ],
          2,
        );
        expect(result).toEqual({ stored: 1, matched: 1 });
        expect((await store.readRows('m', { from: 0, to: 1 }, XC)).labelText).toEqual(['yes']);
        expect(await store.insertLabels('m', [{ id: 'a', label: 3.5 }], 3)).toEqual({
          stored: 1,
          matched: 1,
        });
        const rows = await store.readRows('m', { from: 0, to: 1 }, XC);
        expect(rows.labelText).toEqual(['3.5']);
        expect(arr(rows.labelNumber)).toEqual([3.5]);
      });

      it('insertLabels(labels of another model) do not join this model', async () => {
        const store = await withModel();
        await store.createModel({ name: 'other', task: 'binary' });
        await store.insertPredictions('m', [prediction('a', 0)], 1);
        expect(await store.insertLabels('other', [{ id: 'a', label: 1 }], 2)).toEqual({
          stored: 1,
          matched: 0,
        });
        expect((await store.readRows('m', { from: 0, to: 1 }, XC)).labelText).toEqual([null]);
      });

      it('insertLabels(unknown model) rejects; insertLabels(model, []) answers zeros', async () => {
        const store = await withModel();
        await expect(store.insertLabels('nope', [{ id: 'a', label: 1 }], 1)).rejects.toThrow(
          /insertLabels: model must be an existing model/,
        );
        expect(await store.insertLabels('m', [], 1)).toEqual({ stored: 0, matched: 0 });
      });
    });

    describe('windows', () => {
      it('insertPredictions(rows) marks their windows dirty, oldest first, floored before 1970 too', async () => {
        const store = await withModel();
        await store.insertPredictions(
          'm',
          [
            prediction('a', HOUR + 1),
            prediction('b', 3 * HOUR),
            prediction('c', -1),
            prediction('d', HOUR + 2),
          ],
          100,
        );
        expect(await store.dirtyWindows()).toEqual([
          { model: 'm', windowStart: -HOUR, windowMs: HOUR, lastDataAt: 100 },
          { model: 'm', windowStart: HOUR, windowMs: HOUR, lastDataAt: 100 },
          { model: 'm', windowStart: 3 * HOUR, windowMs: HOUR, lastDataAt: 100 },
        ]);
        expect((await store.dirtyWindows(2)).map((w) => w.windowStart)).toEqual([-HOUR, HOUR]);
      });

      it('markWindowEvaluated(window) cleans it; new predictions and matched labels dirty it again', async () => {
        const store = await withModel();
        await store.insertPredictions('m', [prediction('a', HOUR + 1), prediction('b', 3 * HOUR)], 100);
        for (const w of await store.dirtyWindows()) await store.markWindowEvaluated('m', w.windowStart, 200);
        expect(await store.dirtyWindows()).toEqual([]);
        await store.insertLabels('m', [{ id: 'a', label: 0 }], 300);
        expect(await store.dirtyWindows()).toEqual([
          { model: 'm', windowStart: HOUR, windowMs: HOUR, lastDataAt: 300, lastEvaluatedAt: 200 },
        ]);
        await store.markWindowEvaluated('m', HOUR, 400);
        await store.insertPredictions('m', [prediction('c', 3 * HOUR + 5)], 500);
        expect(await store.dirtyWindows()).toEqual([
          { model: 'm', windowStart: 3 * HOUR, windowMs: HOUR, lastDataAt: 500, lastEvaluatedAt: 200 },
        ]);
      });

      it('dirtyWindows() ignores batches of duplicates only and labels matching nothing', async () => {
        const store = await withModel();
        await store.insertPredictions('m', [prediction('a', 1)], 100);
        await store.markWindowEvaluated('m', 0, 200);
        await store.insertPredictions('m', [prediction('a', 1)], 300);
        await store.insertLabels('m', [{ id: 'zz', label: 1 }], 300);
        expect(await store.dirtyWindows()).toEqual([]);
      });

      it('dirtyWindows() keeps the latest arrival time (an older receivedAt does not lower it)', async () => {
        const store = await withModel();
        await store.insertPredictions('m', [prediction('a', 1)], 500);
        await store.insertPredictions('m', [prediction('b', 2)], 400);
        expect(await store.dirtyWindows()).toEqual([
          { model: 'm', windowStart: 0, windowMs: HOUR, lastDataAt: 500 },
        ]);
      });

      it('dirtyWindows() uses each model window length and lists models alike', async () => {
        const store = await withModel();
        await store.createModel({ name: 'fast', task: 'regression', windowMs: 10 * MINUTE });
        await store.insertPredictions('fast', [prediction('a', 25 * MINUTE)], 7);
        await store.insertPredictions('m', [prediction('a', 25 * MINUTE)], 8);
        expect(await store.dirtyWindows()).toEqual([
          { model: 'm', windowStart: 0, windowMs: HOUR, lastDataAt: 8 },
          { model: 'fast', windowStart: 20 * MINUTE, windowMs: 10 * MINUTE, lastDataAt: 7 },
        ]);
      });

      it('markWindowEvaluated(unknown window) is harmless', async () => {
        const store = await withModel();
        await store.markWindowEvaluated('m', 12345, 1);
        await store.markWindowEvaluated('nope', 0, 1);
        expect(await store.dirtyWindows()).toEqual([]);
      });
    });

    describe('monitors and series', () => {
      it('createMonitor / getMonitor / listMonitors / updateMonitor / deleteMonitor round-trip', async () => {
        const store = await withModel();
        await store.createModel({ name: 'other', task: 'binary' });
        const rule = { operator: 'gt' as const, value: 0.2, severity: 'warning' as const, fireAfter: 2 };
        const a = await store.createMonitor(monitor({ rule }));
        expect(a).toEqual({
          id: a.id,
          model: 'm',
          name: 'drift',
          kind: 'drift',
          config: { features: ['x'] },
          rule,
          enabled: true,
          createdAt: a.createdAt,
          updatedAt: a.createdAt,
        });
        const b = await store.createMonitor(
          monitor({ name: 'volume', kind: 'volume', config: {}, enabled: false }),
        );
        expect(b.rule).toBeUndefined();
        const c = await store.createMonitor(monitor({ model: 'other' }));
        expect(new Set([a.id, b.id, c.id]).size).toBe(3);
        expect(await store.getMonitor(a.id)).toEqual(a);
        expect(await store.listMonitors('m')).toEqual([a, b]);
        expect((await store.listMonitors()).map((x) => x.id)).toEqual(
          [a.id, b.id, c.id].sort((x, y) => x - y),
        );
        const updated = await store.updateMonitor(b.id, { enabled: true, config: { window: 'rolling' } });
        expect(updated).toEqual({
          ...b,
          enabled: true,
          config: { window: 'rolling' },
          updatedAt: updated.updatedAt,
        });
        expect(await store.getMonitor(b.id)).toEqual(updated);
        await store.deleteMonitor(a.id);
        expect(await store.getMonitor(a.id)).toBeUndefined();
        expect(await store.listMonitors('m')).toEqual([updated]);
        await store.deleteMonitor(a.id);
      });

      it('createMonitor(unknown model) and updateMonitor(unknown id) reject', async () => {
        const store = await withModel();
        await expect(store.createMonitor(monitor({ model: 'nope' }))).rejects.toThrow(/createMonitor/);
        await expect(store.updateMonitor(999_999, { enabled: false })).rejects.toThrow(/updateMonitor/);
      });

      it('writePoints(points) upserts by (monitor, window, feature, metric); readSeries filters and orders', async () => {
        const store = await withModel();
        const mon = await store.createMonitor(monitor());
        await store.writePoints([
          point(mon.id, HOUR, { feature: 'x', metric: 'psi', value: 0.1 }),
          point(mon.id, 0, { feature: 'x', metric: 'psi', value: 0.05, details: { bins: [1, 2] } }),
          point(mon.id, 0, { feature: 'c', metric: 'chi2', value: null, status: 'insufficient' }),
          point(mon.id, 2 * HOUR, { feature: 'x', metric: 'psi', value: 0.3, status: 'breach' }),
        ]);
        await store.writePoints([
          point(mon.id, HOUR, { feature: 'x', metric: 'psi', value: 0.15, computedAt: 99 }),
        ]);
        const all = await store.readSeries({ monitorId: mon.id });
        expect(all.map((p) => [p.windowStart, p.feature, p.metric, p.value])).toEqual([
          [0, 'c', 'chi2', null],
          [0, 'x', 'psi', 0.05],
          [HOUR, 'x', 'psi', 0.15],
          [2 * HOUR, 'x', 'psi', 0.3],
        ]);
        expect(all[1]).toEqual(
          point(mon.id, 0, { feature: 'x', metric: 'psi', value: 0.05, details: { bins: [1, 2] } }),
        );
        expect(all[0].details).toBeUndefined();
        expect(all[0].status).toBe('insufficient');
        expect(all[2].computedAt).toBe(99);
        const x = await store.readSeries({
          monitorId: mon.id,
          feature: 'x',
          metric: 'psi',
          from: HOUR,
          to: 3 * HOUR,
        });
        expect(x.map((p) => p.value)).toEqual([0.15, 0.3]);
        expect((await store.readSeries({ monitorId: mon.id, metric: 'chi2' })).map((p) => p.feature)).toEqual(
          ['c'],
        );
        expect(
          (await store.readSeries({ monitorId: mon.id, feature: 'x', limit: 2 })).map((p) => p.windowStart),
        ).toEqual([0, HOUR]);
        expect(await store.readSeries({ monitorId: mon.id + 1000 })).toEqual([]);
      });

      it('writePoints(same key twice in one call) keeps the last; writePoints([]) is harmless', async () => {
        const store = await withModel();
        const mon = await store.createMonitor(monitor());
        await store.writePoints([]);
        await store.writePoints([point(mon.id, 0, { value: 1 }), point(mon.id, 0, { value: 2 })]);
        expect((await store.readSeries({ monitorId: mon.id })).map((p) => p.value)).toEqual([2]);
      });

      it('writePoints(value NaN, details with text) reads back null and the details as written', async () => {
        const store = await withModel();
        const mon = await store.createMonitor(monitor());
        const details = {
          test: 'ks',
          note: 'it\'s \u00e9t\u00e9 "quoted"',
          sizes: [1, 2.5],
          nested: { ok: true },
        };
        await store.writePoints([
          point(mon.id, 0, { feature: 'x', value: Number.NaN, status: 'insufficient', details }),
          point(mon.id, HOUR, { feature: 'a long feature name beyond twelve bytes', value: -0.25 }),
        ]);
        const [nan, long] = await store.readSeries({ monitorId: mon.id });
        expect(nan).toEqual(point(mon.id, 0, { feature: 'x', value: null, status: 'insufficient', details }));
        expect(long).toEqual(
          point(mon.id, HOUR, { feature: 'a long feature name beyond twelve bytes', value: -0.25 }),
        );
        expect(await store.latestPoints('m')).toEqual([long, nan]);
      });

      it('latestPoints(model?) gives the newest point of each (monitor, feature, metric)', async () => {
        const store = await withModel();
        await store.createModel({ name: 'other', task: 'binary' });
        const a = await store.createMonitor(monitor());
        const b = await store.createMonitor(monitor({ model: 'other' }));
        await store.writePoints([
          point(a.id, 0, { feature: 'x', value: 1 }),
          point(a.id, 2 * HOUR, { feature: 'x', value: 3 }),
          point(a.id, HOUR, { feature: 'x', value: 2 }),
          point(a.id, 0, { feature: 'y', value: 4 }),
          point(b.id, 0, { model: 'other', feature: 'x', value: 5 }),
        ]);
        const latest = await store.latestPoints('m');
        expect(latest.map((p) => [p.monitorId, p.feature, p.value])).toEqual([
          [a.id, 'x', 3],
          [a.id, 'y', 4],
        ]);
        const everything = await store.latestPoints();
        expect(everything.map((p) => p.value).sort()).toEqual([3, 4, 5]);
        expect(await store.latestPoints('nope')).toEqual([]);
      });

      it('deleteMonitor(id) removes its points, rule states and alerts', async () => {
        const store = await withModel();
        const a = await store.createMonitor(monitor());
        const b = await store.createMonitor(monitor({ name: 'kept' }));
        await store.writePoints([point(a.id, 0), point(b.id, 0)]);
        await store.putRuleState({
          monitorId: a.id,
          feature: '',
          metric: 'psi',
          consecutiveBreaches: 2,
          consecutiveOk: 0,
        });
        const alert = await store.createAlert({
          model: 'm',
          monitorId: a.id,
          feature: '',
          metric: 'psi',
          severity: 'critical',
          state: 'firing',
          value: 1,
          threshold: 0.5,
          message: 'm',
          windowStart: 0,
          firedAt: 1,
        });
        await store.deleteMonitor(a.id);
        expect(await store.readSeries({ monitorId: a.id })).toEqual([]);
        expect(await store.getRuleState(a.id, '', 'psi')).toBeUndefined();
        expect(await store.getAlert(alert.id)).toBeUndefined();
        expect((await store.readSeries({ monitorId: b.id })).length).toBe(1);
      });
    });

    describe('rule states and alerts', () => {
      it('putRuleState(state) upserts and getRuleState reads it back', async () => {
        const store = await withModel();
        const mon = await store.createMonitor(monitor());
        expect(await store.getRuleState(mon.id, 'x', 'psi')).toBeUndefined();
        const state = {
          monitorId: mon.id,
          feature: 'x',
          metric: 'psi',
          consecutiveBreaches: 1,
          consecutiveOk: 0,
        };
        await store.putRuleState(state);
        expect(await store.getRuleState(mon.id, 'x', 'psi')).toEqual(state);
        const next = { ...state, consecutiveBreaches: 2, openAlertId: 7, lastWindowStart: HOUR };
        await store.putRuleState(next);
        expect(await store.getRuleState(mon.id, 'x', 'psi')).toEqual(next);
        expect(await store.getRuleState(mon.id, 'y', 'psi')).toBeUndefined();
        await store.putRuleState(state);
        expect(await store.getRuleState(mon.id, 'x', 'psi')).toEqual(state);
      });

      it('createAlert / getAlert / updateAlert round-trip; updateAlert(unknown id) rejects', async () => {
        const store = await withModel();
        const mon = await store.createMonitor(monitor());
        const fields = {
          model: 'm',
          monitorId: mon.id,
          feature: 'x',
          metric: 'psi',
          severity: 'warning' as const,
          state: 'firing' as const,
          value: 0.31,
          threshold: 0.2,
          message: 'psi of x above 0.2',
          windowStart: HOUR,
          firedAt: 2 * HOUR,
        };
        const alert = await store.createAlert(fields);
        expect(alert).toEqual({ id: alert.id, ...fields });
        expect(await store.getAlert(alert.id)).toEqual(alert);
        const acked = await store.updateAlert(alert.id, {
          acknowledgedAt: 5,
          acknowledgedBy: 'ops',
          lastNotifiedAt: 4,
        });
        expect(acked).toEqual({ ...alert, acknowledgedAt: 5, acknowledgedBy: 'ops', lastNotifiedAt: 4 });
        const resolved = await store.updateAlert(alert.id, { state: 'resolved', resolvedAt: 9, value: null });
        expect(resolved).toEqual({ ...acked, state: 'resolved', resolvedAt: 9, value: null });
        expect(await store.updateAlert(alert.id, {})).toEqual(resolved);
        expect(await store.getAlert(alert.id + 1000)).toBeUndefined();
        await expect(store.updateAlert(alert.id + 1000, { state: 'resolved' })).rejects.toThrow(
          /updateAlert/,
        );
      });

      it('listAlerts(query) filters by model, state and severity, newest first, up to limit', async () => {
        const store = await withModel();
        await store.createModel({ name: 'other', task: 'binary' });
        const mon = await store.createMonitor(monitor());
        const base = {
          monitorId: mon.id,
          feature: '',
          metric: 'psi',
          value: 1,
          threshold: 0.5,
          message: 'm',
          windowStart: 0,
        };
        const a = await store.createAlert({
          ...base,
          model: 'm',
          severity: 'warning',
          state: 'firing',
          firedAt: 1,
        });
        const b = await store.createAlert({
          ...base,
          model: 'm',
          severity: 'critical',
          state: 'resolved',
          firedAt: 3,
        });
        const c = await store.createAlert({
          ...base,
          model: 'other',
          severity: 'critical',
          state: 'firing',
          firedAt: 2,
        });
        expect(await store.listAlerts()).toEqual([b, c, a]);
        expect(await store.listAlerts({ model: 'm' })).toEqual([b, a]);
        expect(await store.listAlerts({ state: 'firing' })).toEqual([c, a]);
        expect(await store.listAlerts({ severity: 'critical', model: 'other' })).toEqual([c]);
        expect(await store.listAlerts({ limit: 1 })).toEqual([b]);
        expect(await store.listAlerts({ severity: 'info' })).toEqual([]);
      });
    });

    describe('channels and deliveries', () => {
      async function withAlert(store: Store): Promise<number> {
        const mon = await store.createMonitor(monitor());
        const alert = await store.createAlert({
          model: 'm',
          monitorId: mon.id,
          feature: '',
          metric: 'psi',
          severity: 'warning',
          state: 'firing',
          value: 1,
          threshold: 0.5,
          message: 'm',
          windowStart: 0,
          firedAt: 1,
        });
        return alert.id;
      }

      it('createChannel / listChannels / deleteChannel round-trip', async () => {
        const store = await withModel();
        const hook = await store.createChannel({
          name: 'hook',
          kind: 'webhook',
          url: 'http://127.0.0.1:9/hook',
          secret: 's3cret',
          models: ['m'],
          enabled: true,
        });
        expect(hook).toEqual({
          id: hook.id,
          name: 'hook',
          kind: 'webhook',
          url: 'http://127.0.0.1:9/hook',
          secret: 's3cret',
          models: ['m'],
          enabled: true,
          createdAt: hook.createdAt,
        });
        const slack = await store.createChannel({
          name: 'slack',
          kind: 'slack',
          url: 'http://x/s',
          enabled: false,
        });
        expect(slack.secret).toBeUndefined();
        expect(slack.models).toBeUndefined();
        expect(await store.listChannels()).toEqual([hook, slack]);
        await store.deleteChannel(hook.id);
        expect(await store.listChannels()).toEqual([slack]);
        await store.deleteChannel(hook.id);
      });

      it('updateChannel(id, patch) changes only the fields given and keeps id and createdAt', async () => {
        const store = await withModel();
        const hook = await store.createChannel({
          name: 'hook',
          kind: 'webhook',
          url: 'http://127.0.0.1:9/hook',
          secret: 's3cret',
          models: ['m'],
          enabled: true,
        });
        const other = await store.createChannel({
          name: 'other',
          kind: 'slack',
          url: 'http://x/s',
          enabled: true,
        });
        const renamed = await store.updateChannel(hook.id, { name: 'pager', enabled: false });
        expect(renamed).toEqual({ ...hook, name: 'pager', enabled: false });
        const moved = await store.updateChannel(hook.id, {
          url: 'http://127.0.0.1:9/v2',
          secret: 'rotated',
          models: ['m', 'other'],
        });
        expect(moved).toEqual({
          ...renamed,
          url: 'http://127.0.0.1:9/v2',
          secret: 'rotated',
          models: ['m', 'other'],
        });
        expect(await store.updateChannel(hook.id, {})).toEqual(moved);
        expect(await store.listChannels()).toEqual([moved, other]);
      });

      it('updateChannel(id, { secret: null, models: null, kind }) clears the secret and the model filter', async () => {
        const store = await withModel();
        const hook = await store.createChannel({
          name: 'hook',
          kind: 'webhook',
          url: 'http://127.0.0.1:9/hook',
          secret: 's3cret',
          models: ['m'],
          enabled: true,
        });
        const slack = await store.updateChannel(hook.id, { kind: 'slack', secret: null, models: null });
        expect(slack).toEqual({
          id: hook.id,
          name: 'hook',
          kind: 'slack',
          url: 'http://127.0.0.1:9/hook',
          enabled: true,
          createdAt: hook.createdAt,
        });
        expect(slack.secret).toBeUndefined();
        expect(slack.models).toBeUndefined();
        expect(await store.listChannels()).toEqual([slack]);
      });

      it('updateChannel(unknown id) rejects and changes nothing', async () => {
        const store = await withModel();
        const hook = await store.createChannel({
          name: 'hook',
          kind: 'webhook',
          url: 'http://a',
          enabled: true,
        });
        await expect(store.updateChannel(hook.id + 1000, { name: 'x' })).rejects.toThrow(
          `updateChannel: id must be an existing channel; got ${hook.id + 1000}`,
        );
        await expect(store.updateChannel(hook.id + 1000, {})).rejects.toThrow(/updateChannel/);
        await store.deleteChannel(hook.id);
        await expect(store.updateChannel(hook.id, { enabled: false })).rejects.toThrow(/updateChannel/);
        expect(await store.listChannels()).toEqual([]);
      });

      it('createDelivery / updateDelivery / listDeliveries round-trip; updateDelivery(unknown id) rejects', async () => {
        const store = await withModel();
        const alertId = await withAlert(store);
        const channel = await store.createChannel({
          name: 'h',
          kind: 'webhook',
          url: 'http://x',
          enabled: true,
        });
        const delivery = await store.createDelivery({
          alertId,
          channelId: channel.id,
          event: 'firing',
          status: 'pending',
          attempts: 0,
          nextAttemptAt: 100,
        });
        expect(delivery).toEqual({
          id: delivery.id,
          alertId,
          channelId: channel.id,
          event: 'firing',
          status: 'pending',
          attempts: 0,
          nextAttemptAt: 100,
          createdAt: delivery.createdAt,
        });
        const failed = await store.updateDelivery(delivery.id, {
          attempts: 1,
          lastError: 'HTTP 500',
          nextAttemptAt: 200,
        });
        expect(failed).toEqual({ ...delivery, attempts: 1, lastError: 'HTTP 500', nextAttemptAt: 200 });
        const done = await store.updateDelivery(delivery.id, {
          status: 'delivered',
          deliveredAt: 250,
          attempts: 2,
        });
        expect(done).toEqual({ ...failed, status: 'delivered', deliveredAt: 250, attempts: 2 });
        expect(await store.listDeliveries({ alertId })).toEqual([done]);
        await expect(store.updateDelivery(delivery.id + 1000, { attempts: 1 })).rejects.toThrow(
          /updateDelivery/,
        );
      });

      it('dueDeliveries(now, limit) lists pending deliveries due at now, soonest first', async () => {
        const store = await withModel();
        const alertId = await withAlert(store);
        const channel = await store.createChannel({
          name: 'h',
          kind: 'webhook',
          url: 'http://x',
          enabled: true,
        });
        const make = (nextAttemptAt: number, status: 'pending' | 'delivered' | 'failed' = 'pending') =>
          store.createDelivery({
            alertId,
            channelId: channel.id,
            event: 'firing',
            status,
            attempts: 0,
            nextAttemptAt,
          });
        const late = await make(300);
        const soon = await make(100);
        const exact = await make(200);
        const delivered = await make(50, 'delivered');
        const failed = await make(60, 'failed');
        expect((await store.dueDeliveries(200)).map((d) => d.id)).toEqual([soon.id, exact.id]);
        expect((await store.dueDeliveries(1000, 2)).map((d) => d.id)).toEqual([soon.id, exact.id]);
        expect((await store.dueDeliveries(1000)).map((d) => d.id)).toEqual([soon.id, exact.id, late.id]);
        expect(await store.dueDeliveries(99)).toEqual([]);
        expect(await store.listDeliveries({ status: 'failed' })).toEqual([failed]);
        expect(await store.listDeliveries({ alertId, status: 'delivered' })).toEqual([delivered]);
        expect(await store.listDeliveries()).toEqual([late, soon, exact, delivered, failed]);
        expect(await store.listDeliveries({ alertId: alertId + 1000 })).toEqual([]);
        expect(await store.listDeliveries({ limit: 1 })).toEqual([late]);
      });

      it('deleteChannel(id) removes its deliveries', async () => {
        const store = await withModel();
        const alertId = await withAlert(store);
        const a = await store.createChannel({ name: 'a', kind: 'webhook', url: 'http://a', enabled: true });
        const b = await store.createChannel({ name: 'b', kind: 'slack', url: 'http://b', enabled: true });
        for (const channel of [a, b]) {
          await store.createDelivery({
            alertId,
            channelId: channel.id,
            event: 'firing',
            status: 'pending',
            attempts: 0,
            nextAttemptAt: 0,
          });
        }
        await store.deleteChannel(a.id);
        expect((await store.listDeliveries()).map((d) => d.channelId)).toEqual([b.id]);
      });
    });

    describe('API keys and audit', () => {
      it('createApiKey(key) never returns the hash; findApiKeysByPrefix(prefix) does, for unrevoked keys only', async () => {
        const store = await fresh();
        const admin = await store.createApiKey({
          name: 'admin',
          role: 'admin',
          prefix: 'vk_abc',
          hash: 'h1',
        });
        expect(admin).toEqual({
          id: admin.id,
          name: 'admin',
          role: 'admin',
          prefix: 'vk_abc',
          createdAt: admin.createdAt,
        });
        const twin = await store.createApiKey({ name: 'twin', role: 'ingest', prefix: 'vk_abc', hash: 'h2' });
        const other = await store.createApiKey({
          name: 'reader',
          role: 'read',
          prefix: 'vk_xyz',
          hash: 'h3',
        });
        expect(await store.findApiKeysByPrefix('vk_abc')).toEqual([
          { ...admin, hash: 'h1' },
          { ...twin, hash: 'h2' },
        ]);
        expect(await store.findApiKeysByPrefix('vk_')).toEqual([]);
        await store.revokeApiKey(twin.id, 50);
        expect(await store.findApiKeysByPrefix('vk_abc')).toEqual([{ ...admin, hash: 'h1' }]);
        await store.revokeApiKey(twin.id, 60);
        const listed = await store.listApiKeys();
        expect(listed).toEqual([admin, { ...twin, revokedAt: 50 }, other]);
        expect(listed.some((key) => 'hash' in key)).toBe(false);
      });

      it('touchApiKey(id, at) keeps the latest use', async () => {
        const store = await fresh();
        const key = await store.createApiKey({ name: 'k', role: 'read', prefix: 'vk_1', hash: 'h' });
        await store.touchApiKey(key.id, 100);
        await store.touchApiKey(key.id, 90);
        expect((await store.listApiKeys())[0].lastUsedAt).toBe(100);
        await store.touchApiKey(key.id, 120);
        expect((await store.findApiKeysByPrefix('vk_1'))[0].lastUsedAt).toBe(120);
      });

      it('appendAudit(entry) / listAudit(limit) list entries newest first', async () => {
        const store = await fresh();
        await store.appendAudit({
          at: 10,
          keyId: 1,
          action: 'model.create',
          target: 'm',
          details: { task: 'binary' },
        });
        await store.appendAudit({ at: 30, action: 'key.revoke', target: 'key 2' });
        await store.appendAudit({ at: 20, keyId: 1, action: 'model.delete', target: 'm' });
        const all = await store.listAudit();
        expect(all.map((e) => e.at)).toEqual([30, 20, 10]);
        expect(all[0]).toEqual({ id: all[0].id, at: 30, action: 'key.revoke', target: 'key 2' });
        expect(all[2]).toEqual({
          id: all[2].id,
          at: 10,
          keyId: 1,
          action: 'model.create',
          target: 'm',
          details: { task: 'binary' },
        });
        expect((await store.listAudit(2)).map((e) => e.at)).toEqual([30, 20]);
      });
    });

    // Appended by STORE-PG: values where a SQL store can go wrong (collation, identifiers, decimal round trips).
    describe('edge values', () => {
      it('readRows orders ids with equal timestamps by UTF-8 bytes, also beyond ASCII', async () => {
        const store = await withModel();
        const ids = ['\u{1F600}', '\uFFFD', 'é', 'z', 'Z', 'a b', 'a'];
        await store.insertPredictions(
          'm',
          ids.map((id) => prediction(id, 7)),
          1,
        );
        // Code point order (= UTF-8 byte order); UTF-16 order would put U+1F600 before U+FFFD.
        expect((await store.readRows('m', { from: 0, to: 10 }, { features: [] })).ids).toEqual([
          'Z',
          'a',
          'a b',
          'z',
          'é',
          '\uFFFD',
          '\u{1F600}',
        ]);
      });

      it('readRows(spec) reads feature names and classes that need quoting, case-sensitively', async () => {
        const store = await withModel();
        const features = { "it's": 1, 'a"b': 2, 'a.b': 'dot', Name: 'upper', name: 'lower', 'x y': 3, $1: 4 };
        await store.insertPredictions(
          'm',
          [prediction('a', 1, { features, probas: { "o'k": 0.25, OK: 0.75 } })],
          1,
        );
        const rows = await store.readRows(
          'm',
          { from: 0, to: 10 },
          {
            features: [
              { name: "it's", kind: 'numerical' },
              { name: 'a"b', kind: 'numerical' },
              { name: 'a.b', kind: 'categorical' },
              { name: 'Name', kind: 'categorical' },
              { name: 'name', kind: 'categorical' },
              { name: 'x y', kind: 'numerical' },
              { name: '$1', kind: 'numerical' },
            ],
            probaClasses: ["o'k", 'OK', 'ok'],
          },
        );
        expect(arr(rows.features["it's"])).toEqual([1]);
        expect(arr(rows.features['a"b'])).toEqual([2]);
        expect(rows.features['a.b']).toEqual(['dot']);
        expect(rows.features.Name).toEqual(['upper']);
        expect(rows.features.name).toEqual(['lower']);
        expect(arr(rows.features['x y'])).toEqual([3]);
        expect(arr(rows.features.$1)).toEqual([4]);
        expect(arr(rows.probas["o'k"])).toEqual([0.25]);
        expect(arr(rows.probas.OK)).toEqual([0.75]);
        expect(arr(rows.probas.ok)).toEqual([Number.NaN]);
      });

      it('readRows returns numbers exactly as given: extremes, subnormals, long fractions, large timestamps', async () => {
        const store = await withModel();
        const values = [1e300, -1.7976931348623157e308, 5e-324, 0.1 + 0.2, 123456789.12345679, 2 ** 53 + 2];
        const t = 2 ** 52;
        await store.insertPredictions(
          'm',
          values.map((x, i) =>
            prediction(`p${i}`, t + i, { features: { x }, score: x, latencyMs: x, prediction: x }),
          ),
          1,
        );
        const rows = await store.readRows('m', { from: t, to: t + 10 }, XC);
        expect(arr(rows.timestamps)).toEqual(values.map((_x, i) => t + i));
        expect(arr(rows.features.x)).toEqual(values);
        expect(arr(rows.score)).toEqual(values);
        expect(arr(rows.latencyMs)).toEqual(values);
        expect(arr(rows.predictionNumber)).toEqual(values);
        expect(rows.predictionText).toEqual(values.map(String));
      });
    });

    // Both stores keep feature values in typed places per model (DuckDB: a column per name and kind; PostgreSQL: a
    // slot in a float8[] / text[] per row): these pin that values land in their place whatever the batch history.
    describe('feature values across batches', () => {
      const NUMERICAL_XC: ReadSpec = {
        features: [
          { name: 'x', kind: 'numerical' },
          { name: 'c', kind: 'numerical' },
        ],
      };
      const CATEGORICAL_XC: ReadSpec = {
        features: [
          { name: 'x', kind: 'categorical' },
          { name: 'c', kind: 'categorical' },
        ],
      };

      it('insertPredictions(a feature sent as a number in one batch, a string or boolean in others) reads by the kind asked', async () => {
        const store = await withModel();
        const big = 2 ** 53 + 2;
        await store.insertPredictions('m', [prediction('a', 1, { features: { x: 1.5, c: 'red' } })], 0);
        await store.insertPredictions('m', [prediction('b', 2, { features: { x: 'high', c: 7 } })], 0);
        await store.insertPredictions(
          'm',
          [
            prediction('c', 3, { features: { x: false, c: big } }),
            prediction('d', 4, { features: { x: 2, c: 1e21 } }),
          ],
          0,
        );
        const numbers = await store.readRows('m', { from: 0, to: 10 }, NUMERICAL_XC);
        expect(arr(numbers.features.x)).toEqual([1.5, Number.NaN, Number.NaN, 2]);
        expect(arr(numbers.features.c)).toEqual([Number.NaN, 7, big, 1e21]);
        const texts = await store.readRows('m', { from: 0, to: 10 }, CATEGORICAL_XC);
        expect(texts.features.x).toEqual([String(1.5), 'high', 'false', String(2)]);
        expect(texts.features.c).toEqual(['red', String(7), String(big), String(1e21)]);
      });

      it('insertPredictions(rows holding a few of many features, new ones in later batches) reads every absent value as missing', async () => {
        const store = await withModel();
        const names = Array.from({ length: 24 }, (_, k) => (k % 4 === 3 ? `t${k}` : `n${k}`));
        // Row i holds feature k when (i + k) % 3 === 0; features from 12 on appear from the second batch on; a
        // few values are sent but missing (null, NaN).
        const value = (i: number, k: number): Scalar | undefined => {
          if ((i + k) % 3 !== 0 || (k >= 12 && i < 10)) return undefined;
          if ((i * k) % 7 === 5) return k % 4 === 3 ? null : Number.NaN;
          return k % 4 === 3 ? `v${(i + k) % 5}` : i * 100 + k;
        };
        const rows = Array.from({ length: 30 }, (_, i) => {
          const features: Record<string, Scalar> = {};
          names.forEach((name, k) => {
            const v = value(i, k);
            if (v !== undefined) features[name] = v;
          });
          return prediction(`r${String(i).padStart(2, '0')}`, i, { features });
        });
        for (const batch of [rows.slice(0, 10), rows.slice(10, 20), rows.slice(20)]) {
          await store.insertPredictions('m', batch, 0);
        }
        const spec: ReadSpec = {
          features: names.map((name) => ({ name, kind: name.startsWith('t') ? 'categorical' : 'numerical' })),
        };
        const read = await store.readRows('m', { from: 0, to: 100 }, spec);
        expect(read.n).toBe(30);
        names.forEach((name, k) => {
          const expected = rows.map((_r, i) => {
            const v = value(i, k);
            if (name.startsWith('t')) return typeof v === 'string' ? v : null;
            return typeof v === 'number' ? v : Number.NaN;
          });
          expect([name, arr(read.features[name])]).toEqual([name, expected]);
        });
      });

      it('insertPredictions(probas first sent in a later batch, a class named like a feature) keeps probas and features apart', async () => {
        const store = await withModel();
        await store.insertPredictions('m', [prediction('a', 1, { features: { yes: 'f' } })], 0);
        await store.insertPredictions(
          'm',
          [prediction('b', 2, { features: { yes: 2 }, probas: { yes: 0.75, no: 0.25 } })],
          0,
        );
        const rows = await store.readRows(
          'm',
          { from: 0, to: 10 },
          { features: [{ name: 'yes', kind: 'categorical' }], probaClasses: ['yes', 'no'] },
        );
        expect(rows.features.yes).toEqual(['f', String(2)]);
        expect(arr(rows.probas.yes)).toEqual([Number.NaN, 0.75]);
        expect(arr(rows.probas.no)).toEqual([Number.NaN, 0.25]);
        const numbers = await store.readRows(
          'm',
          { from: 0, to: 10 },
          {
            features: [
              { name: 'yes', kind: 'numerical' },
              { name: 'no', kind: 'numerical' },
            ],
          },
        );
        expect(arr(numbers.features.yes)).toEqual([Number.NaN, 2]);
        expect(arr(numbers.features.no)).toEqual([Number.NaN, Number.NaN]);
      });

      it('createReference / insertPredictions(features the other never had) read each other as missing', async () => {
        const store = await withModel();
        const reference = await store.createReference(
          { model: 'm', source: 'ref.csv', schema: { features: XC.features } },
          [{ features: { x: 1, r: 'only-ref', c: 'a' } }, { features: { r: 'again' } }],
        );
        await store.insertPredictions('m', [prediction('a', 1, { features: { p: 5, x: 2, c: 3 } })], 0);
        const spec: ReadSpec = {
          features: [...XC.features, { name: 'r', kind: 'categorical' }, { name: 'p', kind: 'numerical' }],
        };
        const ref = await store.readReference(reference.id, spec);
        expect(arr(ref.features.x)).toEqual([1, Number.NaN]);
        expect(ref.features.c).toEqual(['a', null]);
        expect(ref.features.r).toEqual(['only-ref', 'again']);
        expect(arr(ref.features.p)).toEqual([Number.NaN, Number.NaN]);
        const rows = await store.readRows('m', { from: 0, to: 10 }, spec);
        expect(arr(rows.features.x)).toEqual([2]);
        expect(rows.features.c).toEqual([String(3)]);
        expect(rows.features.r).toEqual([null]);
        expect(arr(rows.features.p)).toEqual([5]);
      });

      it('deleteModel(name) then createModel(same name) starts from no features', async () => {
        const store = await withModel();
        await store.insertPredictions('m', [prediction('a', 1, { features: { x: 1, c: 'a', old: 4 } })], 0);
        await store.deleteModel('m');
        await store.createModel({ name: 'm', task: 'binary' });
        await store.insertPredictions(
          'm',
          [prediction('a', 2, { features: { y: 2, c: 3, x: 'now text' } })],
          0,
        );
        const rows = await store.readRows(
          'm',
          { from: 0, to: 10 },
          {
            features: [
              ...NUMERICAL_XC.features,
              { name: 'y', kind: 'numerical' },
              { name: 'old', kind: 'numerical' },
            ],
          },
        );
        expect(rows.ids).toEqual(['a']);
        expect(arr(rows.features.x)).toEqual([Number.NaN]);
        expect(arr(rows.features.c)).toEqual([3]);
        expect(arr(rows.features.y)).toEqual([2]);
        expect(arr(rows.features.old)).toEqual([Number.NaN]);
        expect((await store.readRows('m', { from: 0, to: 10 }, CATEGORICAL_XC)).features.x).toEqual([
          'now text',
        ]);
      });
    });
    describe('dashboard reads (issue 5)', () => {
      it('listWindows(model, limit) lists the windows with data, newest first, with their evaluation time', async () => {
        const store = await withModel();
        await store.insertPredictions(
          'm',
          [prediction('a', 10), prediction('b', HOUR + 5), prediction('c', 3 * HOUR)],
          100,
        );
        await store.markWindowEvaluated('m', HOUR, 200);
        expect(await store.listWindows('m')).toEqual([
          { windowStart: 3 * HOUR, windowMs: HOUR, lastDataAt: 100 },
          { windowStart: HOUR, windowMs: HOUR, lastDataAt: 100, lastEvaluatedAt: 200 },
          { windowStart: 0, windowMs: HOUR, lastDataAt: 100 },
        ]);
        expect((await store.listWindows('m', 1)).map((w) => w.windowStart)).toEqual([3 * HOUR]);
        expect(await store.listWindows('other')).toEqual([]);
      });

      it('readModelPoints(model, range, metrics) reads the points of every monitor of the model in the range', async () => {
        const store = await withModel();
        const a = await store.createMonitor(monitor());
        const b = await store.createMonitor(monitor({ name: 'quality', kind: 'quality', config: {} }));
        await store.writePoints([
          point(a.id, 0),
          point(a.id, HOUR, { feature: 'x', metric: 'driftScore', details: { test: 'ks' } }),
          point(b.id, HOUR, { metric: 'missingShare', value: null, status: 'insufficient' }),
          point(b.id, 2 * HOUR),
        ]);
        const points = await store.readModelPoints('m', { from: HOUR, to: 2 * HOUR });
        expect(
          points.map((p) => [p.monitorId, p.windowStart, p.feature, p.metric, p.value, p.status]),
        ).toEqual([
          [a.id, HOUR, 'x', 'driftScore', 0.1, 'ok'],
          [b.id, HOUR, '', 'missingShare', null, 'insufficient'],
        ]);
        expect(points[0].details).toEqual({ test: 'ks' });
        const some = await store.readModelPoints('m', { from: 0, to: 3 * HOUR, metrics: ['psi'] });
        expect(some.map((p) => [p.monitorId, p.windowStart])).toEqual([
          [a.id, 0],
          [b.id, 2 * HOUR],
        ]);
        expect(await store.readModelPoints('m', { from: 0, to: 3 * HOUR, metrics: [] })).toEqual([]);
      });

      it('predictionStats(model, range) counts and averages per window; class counts when asked', async () => {
        const store = await withModel();
        await store.insertPredictions(
          'm',
          [
            prediction('a', 10, { prediction: 'pos', score: 0.25 }),
            prediction('b', 20, { prediction: 'neg', score: 0.75 }),
            prediction('c', 30, { prediction: 'pos' }),
            prediction('d', 2 * HOUR, { prediction: 2.5, score: 0.5 }),
            prediction('e', 5 * HOUR, { prediction: 'pos', score: 1 }),
          ],
          0,
        );
        const stats = await store.predictionStats('m', { from: 0, to: 3 * HOUR, windowMs: HOUR });
        expect(stats).toEqual([
          { windowStart: 0, count: 3, scoreMean: 0.5, predictionMean: null },
          { windowStart: 2 * HOUR, count: 1, scoreMean: 0.5, predictionMean: 2.5 },
        ]);
        const classes = await store.predictionStats('m', {
          from: 0,
          to: 3 * HOUR,
          windowMs: HOUR,
          classes: true,
        });
        expect(classes.map((s) => s.classCounts)).toEqual([{ pos: 2, neg: 1 }, { '2.5': 1 }]);
        const twoHours = await store.predictionStats('m', { from: 0, to: 6 * HOUR, windowMs: 2 * HOUR });
        expect(twoHours.map((s) => [s.windowStart, s.count])).toEqual([
          [0, 3],
          [2 * HOUR, 1],
          [4 * HOUR, 1],
        ]);
        expect(
          await store.predictionStats('m', { from: 10 * HOUR, to: 11 * HOUR, windowMs: HOUR, classes: true }),
        ).toEqual([]);
        expect(await store.predictionStats('nope', { from: 0, to: HOUR, windowMs: HOUR })).toEqual([]);
      });
    });

    describe('readSeries without details', () => {
      it('readSeries({ details: false }) returns the same points without details; true or absent keeps them', async () => {
        const store = await withModel();
        const mon = await store.createMonitor(monitor());
        await store.writePoints([
          point(mon.id, 0, {
            feature: 'x',
            metric: 'psi',
            value: 0.05,
            details: { bins: [1, 2], test: 'psi' },
          }),
          point(mon.id, HOUR, { feature: 'x', metric: 'psi', value: 0.3, status: 'breach' }),
          point(mon.id, HOUR, { feature: 'y', metric: 'psi', value: null, details: { note: 'few rows' } }),
        ]);
        const full = await store.readSeries({ monitorId: mon.id });
        expect(full.map((p) => p.details)).toEqual([
          { bins: [1, 2], test: 'psi' },
          undefined,
          { note: 'few rows' },
        ]);
        expect(await store.readSeries({ monitorId: mon.id, details: true })).toEqual(full);
        const bare = await store.readSeries({ monitorId: mon.id, details: false });
        expect(bare).toEqual(full.map(({ details: _, ...rest }) => rest));
        expect(bare.every((p) => p.details === undefined)).toBe(true);
        const filtered = await store.readSeries({
          monitorId: mon.id,
          feature: 'x',
          metric: 'psi',
          from: 0,
          to: HOUR,
          limit: 5,
          details: false,
        });
        expect(filtered).toEqual([full[0]].map(({ details: _, ...rest }) => rest));
      });
    });
  });
}
