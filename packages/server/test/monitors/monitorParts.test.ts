import { categoricalFromStrings } from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { attachCodes, codesOf, firstAppearance } from '../../src/monitors/codedStrings.js';
import { evaluateMonitors, evaluateWindow } from '../../src/monitors/evaluateWindow.js';
import { createEvaluationCache } from '../../src/monitors/evaluationContext.js';
import {
  isSplittable,
  joinMonitorParts,
  monitorParts,
  runMonitorPart,
} from '../../src/monitors/monitorParts.js';
import { featureColumn } from '../../src/monitors/rowFrames.js';
import type { RowColumns, Task } from '../../src/store/types.js';
import { columnOf, packColumn, unpackRows } from '../../src/workers/columnTransfer.js';
import { everyKind } from './everyKind.js';

/** Only the named columns of `rows`, as a worker rebuilds them (other fields throw when read). */
function only(rows: RowColumns, keys: readonly string[]): RowColumns {
  const columns: Record<string, ReturnType<typeof packColumn>> = {};
  for (const key of keys) {
    const values = columnOf(rows, key as never);
    if (values !== undefined) columns[key] = packColumn(values);
  }
  return unpackRows({ n: rows.n, columns });
}

describe.each<Task>(['binary', 'multiclass', 'regression'])(
  'monitorParts(monitor, context) on a %s model',
  (task) => {
    const { reference, window, monitors, context } = everyKind(task);

    it('joinMonitorParts(runMonitorPart(each part)) equals evaluateWindow, for every splittable monitor', () => {
      for (const monitor of monitors.filter(isSplittable)) {
        const parts = monitorParts(monitor, context);
        const results = parts.map((p) =>
          runMonitorPart(monitor, p.index, reference, window, { ...context, cache: createEvaluationCache() }),
        );
        expect(joinMonitorParts(monitor, context, results), monitor.name).toEqual(
          evaluateWindow(monitor, reference, window, { ...context, cache: createEvaluationCache() }),
        );
      }
    });

    it('each part reads only the columns it declares (run on rows holding nothing else)', () => {
      for (const monitor of monitors.filter(isSplittable)) {
        const parts = monitorParts(monitor, context);
        const results = parts.map((p) =>
          runMonitorPart(monitor, p.index, only(reference, p.columns), only(window, p.columns), {
            ...context,
            cache: createEvaluationCache(),
          }),
        );
        expect(joinMonitorParts(monitor, context, results), monitor.name).toEqual(
          evaluateWindow(monitor, reference, window, { ...context, cache: createEvaluationCache() }),
        );
      }
    });

    it('cuts drift by column and quality by feature; the other kinds stay whole', () => {
      const [drift, , , quality, qualityList, performance, , latency, volume] = monitors;
      const pairs = monitorParts(drift, context);
      expect(pairs.map((p) => p.columns)).toEqual([
        ['feature:x'],
        ['feature:y'],
        ['feature:color'],
        ['feature:city'],
        [task === 'regression' ? 'predictionNumber' : 'predictionText'],
        ...(task === 'binary' ? [['score']] : []),
      ]);
      expect(monitorParts(quality, context)).toHaveLength(4);
      // A feature the schema lacks reads nothing: it is reported 'insufficient' wherever it runs.
      expect(monitorParts(qualityList, context).map((p) => p.columns)).toEqual([['feature:city'], []]);
      expect(monitorParts(performance, context)).toHaveLength(1);
      expect(monitorParts(latency, context)).toEqual([{ index: 0, columns: ['latencyMs'], cost: 2 }]);
      expect(monitorParts(volume, context)).toEqual([{ index: 0, columns: [], cost: 0 }]);
    });
  },
);

describe('isSplittable(monitor)', () => {
  it('is false for custom monitors only, which monitorParts refuses', () => {
    const { monitors, context } = everyKind('binary', 10);
    const custom = monitors.filter((m) => m.kind === 'custom');
    expect(monitors.filter((m) => !isSplittable(m))).toEqual(custom);
    expect(() => monitorParts(custom[0], context)).toThrow(/custom monitor/);
  });
});

describe('unpackRows(packed)', () => {
  it('throws when a field that was not sent is read', () => {
    const { window } = everyKind('binary', 10);
    const rows = only(window, ['score']);
    expect(rows.score).toEqual(window.score);
    expect(() => rows.labelText).toThrow('evaluation worker: column labelText was not sent');
    expect(rows.features.x).toBeUndefined();
  });

  it('rebuilds strings from their codes, with the codes attached', () => {
    const { window } = everyKind('binary', 50);
    const rows = only(window, ['feature:color', 'predictionText']);
    expect(rows.features.color).toEqual(window.features.color);
    expect(rows.predictionText).toEqual(window.predictionText);
    const { codes, dictionary } = categoricalFromStrings('', window.predictionText);
    expect(codesOf(rows.predictionText)).toEqual({ codes, dictionary });
  });
});

describe('firstAppearance(codes, dictionary)', () => {
  it('renumbers codes in order of first appearance, dropping unused entries (as categoricalFromStrings)', () => {
    const codes = Int32Array.from([2, -1, 0, 2, 3, 0]);
    const dictionary = firstAppearance(codes, ['a', 'b', 'c', 'd']);
    const values = ['c', null, 'a', 'c', 'd', 'a'];
    const expected = categoricalFromStrings('v', values);
    expect(dictionary).toEqual(expected.dictionary);
    expect(codes).toEqual(expected.codes);
  });

  it('leaves codes already in that order as they are', () => {
    const codes = Int32Array.from([0, 1, -1, 0, 2]);
    expect(firstAppearance(codes, ['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(codes).toEqual(Int32Array.from([0, 1, -1, 0, 2]));
  });
});

describe('featureColumn(rows, name, kind, cache) with codes attached', () => {
  it('uses the attached codes (the same column categoricalFromStrings builds)', () => {
    const values = ['b', 'a', null, 'b'];
    const expected = categoricalFromStrings('f', values);
    attachCodes(values, { codes: expected.codes, dictionary: expected.dictionary });
    const rows = { n: 4, features: { f: values } } as unknown as RowColumns;
    const column = featureColumn(rows, 'f', 'categorical', createEvaluationCache());
    expect(column).toEqual(expected);
    expect(column?.kind === 'categorical' && column.codes).toBe(expected.codes);
  });
});

describe('evaluateMonitors(every kind) on the fixture', () => {
  it('gives points of every monitor, custom ones reading the others', () => {
    const { reference, window, monitors, context } = everyKind('binary');
    const points = evaluateMonitors(monitors, reference, window, context);
    for (const m of monitors)
      expect(
        points.some((p) => p.monitorId === m.id),
        m.name,
      ).toBe(true);
    const share = points.find((p) => p.monitorId === 1 && p.metric === 'driftShare');
    expect(points.find((p) => p.monitorId === 10)?.value).toBe(share?.value);
    expect(points.find((p) => p.monitorId === 11)?.value).toBe(share?.value);
  });
});
