import { ErrorCodes, VigilError } from '@vigil/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMonitors, referenceFacts } from '../../src/monitors/defaultMonitors.js';
import { evaluateMonitors } from '../../src/monitors/evaluateWindow.js';
import { createEvaluationCache, type EvaluationContext } from '../../src/monitors/evaluationContext.js';
import type { MetricPoint, Monitor, Task } from '../../src/store/types.js';
import { createEvaluationPool, type EvaluationPool } from '../../src/workers/evaluationPool.js';
import { reviveError, serializeError } from '../../src/workers/evaluationProtocol.js';
import { BIG_SCHEMA, bigRows } from './bigWindow.js';
import { everyKind } from './everyKind.js';
import { monitorOf } from './rows.js';
import { sourceWorker } from './workerOptions.js';

// Workers transpile the sources as they load them: seconds on a busy machine, once for the file's pool.
const SLOW = 180_000;

describe('createEvaluationPool({workers: 2}).evaluate(monitors, reference, window, context)', () => {
  let pool: EvaluationPool;
  beforeAll(() => {
    pool = createEvaluationPool({ workers: 2, ...sourceWorker });
    pool.warm();
  });
  afterAll(() => pool.close());

  it.each<Task>(['binary', 'multiclass', 'regression'])(
    'gives exactly the points of evaluateMonitors on a seeded %s window (every monitor kind)',
    async (task) => {
      const { reference, window, monitors, context } = everyKind(task, 20_000);
      const expected = evaluateMonitors(monitors, reference, window, context);
      expect(await pool.evaluate(monitors, reference, window, context)).toEqual(expected);
    },
    SLOW,
  );

  it(
    'gives the default monitors’ points window after window, the reference kept in the workers, the window moved',
    async () => {
      const reference = bigRows(20_000, 1);
      const monitors: Monitor[] = defaultMonitors(
        { name: 'big', task: 'binary' },
        BIG_SCHEMA,
        referenceFacts(reference, BIG_SCHEMA),
      ).map((m, i) => ({ ...m, id: i + 1, createdAt: 0, updatedAt: 0 }));
      const context: EvaluationContext = {
        model: { name: 'big', task: 'binary', schema: BIG_SCHEMA },
        windowStart: 0,
        windowEnd: 3_600_000,
        computedAt: 1,
      };
      const referenceCache = createEvaluationCache();
      for (const [seed, shift] of [
        [2, 0.05],
        [3, 0],
      ]) {
        const window = bigRows(60_000, seed, { shift, labelled: 0.6 });
        const expected = evaluateMonitors(monitors, reference, window, { ...context, cache: referenceCache });
        const points = await pool.evaluate(monitors, reference, window, context, { transfer: true });
        expect(points).toEqual(expected);
        expect(points.filter((p) => p.metric === 'driftScore')).toHaveLength(22);
        // Moved, not copied: the window's arrays are detached here; the reference's are not.
        expect(window.features.x0).toHaveLength(0);
        expect(window.score).toHaveLength(0);
        expect(reference.features.x0).toHaveLength(20_000);
      }
    },
    SLOW,
  );

  it(
    'passes context.points to custom monitors (a series of a monitor not evaluated here)',
    async () => {
      const { reference, window, context } = everyKind('binary', 100);
      const source: MetricPoint = {
        model: 'm',
        monitorId: 99,
        windowStart: context.windowStart,
        windowEnd: context.windowEnd,
        feature: '',
        metric: 'accuracy',
        value: 0.7,
        status: 'ok',
        computedAt: 5,
      };
      const monitors = [
        monitorOf(
          'custom',
          { monitorId: 99, metric: 'accuracy' },
          {
            operator: 'lt',
            value: 0.8,
            severity: 'critical',
          },
        ),
        monitorOf('volume', {}, undefined, 2),
      ];
      const withSource = { ...context, points: [source] };
      const points = await pool.evaluate(monitors, reference, window, withSource);
      expect(points).toEqual(evaluateMonitors(monitors, reference, window, withSource));
      expect(points[1]).toMatchObject({ monitorId: 1, value: 0.7, status: 'breach' });
    },
    SLOW,
  );

  it(
    'rejects with the error evaluateMonitors throws, and evaluates the next window all the same',
    async () => {
      const { reference, window, monitors, context } = everyKind('binary', 500);
      const broken = {
        ...window,
        features: { ...window.features, x: Array.from(window.features.x, String) },
      };
      expect(() => evaluateMonitors(monitors, reference, broken, context)).toThrow(
        'feature "x" was read as text, expected numbers',
      );
      await expect(pool.evaluate(monitors, reference, broken, context)).rejects.toThrow(
        'feature "x" was read as text, expected numbers',
      );
      expect(await pool.evaluate(monitors, reference, window, context)).toEqual(
        evaluateMonitors(monitors, reference, window, context),
      );
    },
    SLOW,
  );

  it(
    'runs evaluations asked at once one after the other, each with its own points',
    async () => {
      const a = everyKind('regression', 3000);
      const b = everyKind('multiclass', 4000);
      const [pa, pb] = await Promise.all([
        pool.evaluate(a.monitors, a.reference, a.window, a.context),
        pool.evaluate(b.monitors, b.reference, b.window, b.context),
      ]);
      expect(pa).toEqual(evaluateMonitors(a.monitors, a.reference, a.window, a.context));
      expect(pb).toEqual(evaluateMonitors(b.monitors, b.reference, b.window, b.context));
    },
    SLOW,
  );

  it(
    'close() terminates the workers; a later evaluate rejects',
    async () => {
      const { reference, window, monitors, context } = everyKind('binary', 10);
      await pool.close();
      await pool.close();
      await expect(pool.evaluate(monitors, reference, window, context)).rejects.toThrow(
        'evaluation pool: pool must be open; got closed',
      );
    },
    SLOW,
  );
});

describe('createEvaluationPool({workers})', () => {
  it('refuses a worker count that is not an integer ≥ 1', () => {
    expect(() => createEvaluationPool({ workers: 0 })).toThrow(
      'createEvaluationPool: options.workers must be an integer ≥ 1; got 0',
    );
  });
});

describe('reviveError(serializeError(error))', () => {
  it('keeps a VigilError’s code, hint and location, and a plain error’s message', () => {
    const error = new VigilError(ErrorCodes.EMPTY_INPUT, 'columnDrift: current column "x" must have values', {
      hint: 'leave it out',
      location: { column: 'x' },
    });
    const revived = reviveError(structuredClone(serializeError(error)));
    expect(revived).toBeInstanceOf(VigilError);
    expect(revived).toMatchObject({
      code: ErrorCodes.EMPTY_INPUT,
      message: error.message,
      hint: 'leave it out',
      location: { column: 'x' },
    });
    const plain = reviveError(structuredClone(serializeError(new TypeError('boom'))));
    expect(plain).not.toBeInstanceOf(VigilError);
    expect(plain.message).toBe('boom');
  });
});
