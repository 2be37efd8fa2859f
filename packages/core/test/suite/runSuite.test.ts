import { describe, expect, it, vi } from 'vitest';
import { ErrorCodes, VigilError } from '../../src/errors.js';
import { binaryMetrics } from '../../src/evaluate/classificationMetrics.js';
import {
  categoricalFromStrings,
  createFrame,
  type Frame,
  numericFromNumbers,
} from '../../src/frame/frame.js';
import { presetChecks } from '../../src/suite/presets.js';
import { runSuite, type Suite } from '../../src/suite/runSuite.js';
import { createSuiteContext, defaultSuiteEngines, type SuiteData } from '../../src/suite/suiteContext.js';

/** n rows; y alternates 0/1; the prediction is right on the first `correct` rows. */
function binaryFrame(n: number, correct: number, shift = 0): Frame {
  const y = Array.from({ length: n }, (_, i) => i % 2);
  const pred = y.map((v, i) => (i < correct ? v : 1 - v));
  const score = pred.map((p, i) => (p === 1 ? 0.7 + (i % 7) / 30 : 0.3 - (i % 7) / 30));
  const x = Array.from({ length: n }, (_, i) => ((i * 37) % 101) + shift);
  const colour = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'red' : 'blue'));
  return createFrame([
    numericFromNumbers('y', y),
    numericFromNumbers('pred', pred),
    numericFromNumbers('score', score),
    numericFromNumbers('x', x),
    categoricalFromStrings('colour', colour),
  ]);
}

function metricsOf(frame: Frame) {
  const col = (name: string) => {
    const c = frame.columns.find((k) => k.name === name)!;
    return c.kind === 'numeric' ? c.values : new Float64Array();
  };
  return binaryMetrics(col('y'), col('pred'), col('score')).compute();
}

function data(reference: Frame | undefined, current: Frame): SuiteData {
  return {
    reference,
    current,
    metrics: (side) => metricsOf(side === 'current' ? current : reference!),
    columns: ['x', 'colour'],
  };
}

const gte = (value: number) => ({ type: 'absolute', operator: 'gte', value }) as const;

describe('runSuite', () => {
  it('runSuite(absolute conditions) passes, fails and warns by severity', () => {
    const current = binaryFrame(200, 160); // accuracy 0.8
    const suite: Suite = {
      name: 's',
      checks: [
        { check: 'accuracy', condition: { type: 'absolute', operator: 'gte', value: 0.8 } },
        { check: 'rows', condition: { type: 'absolute', operator: 'eq', value: 200 } },
        { check: 'f1', condition: { type: 'absolute', operator: 'gte', value: 0.99 }, severity: 'warn' },
      ],
    };
    const result = runSuite(suite, data(undefined, current));
    expect(result.checks.map((c) => [c.name, c.status])).toEqual([
      ['accuracy', 'pass'],
      ['rows', 'pass'],
      ['f1', 'warn'],
    ]);
    expect(result.checks[0].value).toBeCloseTo(0.8, 12);
    expect(result.summary).toEqual({ total: 3, passed: 2, failed: 0, warned: 1, errored: 0 });
  });

  it('runSuite(two checks with one id) throws at the second, naming both lines', () => {
    const run = (checks: Suite['checks']) =>
      runSuite({ name: 's', file: 'suite.yaml', checks }, data(undefined, binaryFrame(100, 80)));
    let error: unknown;
    try {
      run([
        { check: 'accuracy', line: 4, condition: gte(0.8) },
        { check: 'rows', line: 5, condition: gte(1) },
        { check: 'accuracy', line: 7, condition: gte(0.7), severity: 'warn' },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VigilError);
    expect(error).toMatchObject({
      code: ErrorCodes.INVALID_ARGUMENT,
      location: { file: 'suite.yaml', line: 7 },
      message:
        'checks: "accuracy" at line 7 repeats the check at line 4 (same check and column); each check needs its own id',
      hint: expect.stringContaining('`name: accuracy-warning`'),
    });
    // Same check, different columns: two ids.
    expect(
      run([
        { check: 'quality.missingShare', column: 'x', condition: gte(0) },
        { check: 'quality.missingShare', column: 'colour', condition: gte(0) },
      ]).checks.map((c) => c.name),
    ).toEqual(['quality.missingShare[x]', 'quality.missingShare[colour]']);
    // Two names that collide.
    expect(() =>
      run([
        { check: 'accuracy', name: 'gate', line: 2, condition: gte(0.5) },
        { check: 'f1', name: 'gate', line: 3, condition: gte(0.5) },
      ]),
    ).toThrow('checks: "gate" at line 3 repeats the check at line 2 (same name)');
  });

  it('runSuite(name) keeps two conditions on one value, each under its own name', () => {
    const result = runSuite(
      {
        name: 's',
        checks: [
          { check: 'accuracy', name: 'accuracy-warn', condition: gte(0.85), severity: 'warn' },
          { check: 'accuracy', condition: gte(0.7) },
        ],
      },
      data(undefined, binaryFrame(100, 80)),
    );
    expect(result.checks.map((c) => [c.name, c.status, c.title])).toEqual([
      ['accuracy-warn', 'warn', 'accuracy on current data'],
      ['accuracy', 'pass', 'accuracy on current data'],
    ]);
    expect(result.checks[0].message).toBe('accuracy 0.8 is not ≥ 0.85');
  });

  it('runSuite(failing checks) says why in words, with the column and the reference', () => {
    const reference = binaryFrame(100, 90);
    const current = createFrame([
      ...binaryFrame(100, 80).columns.filter((c) => c.name !== 'x'),
      numericFromNumbers(
        'x',
        Array.from({ length: 100 }, (_, i) => (i < 10 ? null : i)),
      ),
    ]);
    const result = runSuite(
      {
        name: 's',
        checks: [
          { check: 'accuracy', condition: { type: 'absolute', operator: 'gt', value: 0.9 } },
          { check: 'rows', condition: { type: 'absolute', operator: 'between', value: [1, 50] } },
          {
            check: 'quality.missingShare',
            column: 'x',
            condition: { type: 'absolute', operator: 'lte', value: 0.05 },
          },
          {
            check: 'accuracy',
            name: 'vs-reference',
            condition: { type: 'notWorseThanReference', by: 0.05, relative: true },
          },
          {
            check: 'rows',
            name: 'rows-vs-reference',
            condition: { type: 'closeToReference', by: 5, relative: false },
          },
          {
            check: 'drift.column',
            column: 'x',
            condition: { type: 'absolute', operator: 'gt', value: 1 },
          },
        ],
      },
      data(reference, current),
    );
    expect(result.checks.map((c) => c.message)).toEqual([
      'accuracy 0.8 is not > 0.9',
      'rows 100 is not between 1 and 50',
      'missing share 0.1 is not ≤ 0.05 (column x)',
      'accuracy 0.8 is worse than the reference (0.9) by more than 5% (needs ≥ 0.855)',
      undefined,
      expect.stringMatching(/^ks p-value [0-9.e-]+ is not > 1 \(column x\)$/),
    ]);
    // A distance reads as a drift score.
    const wide = runSuite(
      {
        name: 's',
        checks: [
          { check: 'drift.column', column: 'x', condition: { type: 'absolute', operator: 'lt', value: 0 } },
        ],
      },
      { ...data(reference, current), driftOptions: { test: 'wasserstein' } },
    );
    expect(wide.checks[0].message).toMatch(/^wasserstein drift score [0-9.]+ is not < 0 \(column x\)$/);
  });

  it('runSuite(a NaN value) fails, saying the value is undefined', () => {
    const current = binaryFrame(10, 10);
    const result = runSuite(
      { name: 's', checks: [{ check: 'accuracy', condition: gte(0) }] },
      { current, metrics: () => ({ accuracy: Number.NaN }) },
    );
    expect(result.checks[0]).toMatchObject({
      status: 'fail',
      value: null,
      message: 'accuracy is undefined on the current data',
    });
  });

  it('runSuite(closeToReference, failing) says how far it may be from the reference', () => {
    const result = runSuite(
      {
        name: 's',
        checks: [{ check: 'rows', condition: { type: 'closeToReference', by: 0.1, relative: true } }],
      },
      data(binaryFrame(100, 90), binaryFrame(80, 0)),
    );
    expect(result.checks[0].message).toBe(
      'rows 80 is not within 10% of the reference (100) (needs between 90 and 110)',
    );
  });

  it('runSuite(driftOptions) reach the drift of a column outside data.columns', () => {
    const reference = binaryFrame(300, 300);
    const result = runSuite(
      { name: 's', checks: [{ check: 'drift.column', column: 'score' }] },
      { ...data(reference, binaryFrame(300, 300, 30)), driftOptions: { test: 'psi', threshold: 0.3 } },
    );
    expect(result.checks[0].details).toMatchObject({ test: 'psi', threshold: 0.3 });
    expect(result.checks[0].condition).toMatchObject({ operator: 'lt', threshold: 0.3 });
  });

  it('runSuite(accuracy gte at the boundary ± one row) flips between pass and fail', () => {
    const cond = { type: 'absolute', operator: 'gte', value: 0.8 } as const;
    const statusAt = (correct: number) =>
      runSuite(
        { name: 's', checks: [{ check: 'accuracy', condition: cond }] },
        data(undefined, binaryFrame(100, correct)),
      ).checks[0].status;
    expect(statusAt(80)).toBe('pass');
    expect(statusAt(79)).toBe('fail');
  });

  it('runSuite(notWorseThanReference) reads direction: higher for accuracy, lower for logLoss', () => {
    const reference = binaryFrame(100, 90); // accuracy 0.9
    const check = (name: string, current: Frame) =>
      runSuite(
        {
          name: 's',
          checks: [{ check: name, condition: { type: 'notWorseThanReference', by: 0.05, relative: true } }],
        },
        data(reference, current),
      ).checks[0];
    // 0.9 · 0.95 = 0.855: 0.86 passes, 0.85 fails.
    const pass = check('accuracy', binaryFrame(100, 86));
    expect(pass.status).toBe('pass');
    expect(pass.condition?.operator).toBe('gte');
    expect(pass.condition?.threshold).toBeCloseTo(0.855, 12);
    expect(pass.condition?.referenceValue).toBeCloseTo(0.9, 12);
    expect(check('accuracy', binaryFrame(100, 85)).status).toBe('fail');
    // logLoss: lower is better, so a better (lower) current loss passes and a worse one fails.
    const refLoss = metricsOf(reference).logLoss;
    const better = check('logLoss', binaryFrame(100, 95));
    expect(better.condition?.operator).toBe('lte');
    expect(better.condition?.threshold).toBeCloseTo(refLoss * 1.05, 12);
    expect(better.status).toBe('pass');
    expect(check('logLoss', binaryFrame(100, 70)).status).toBe('fail');
  });

  it('runSuite(closeToReference) bounds the rows on both sides', () => {
    const reference = binaryFrame(100, 90);
    const run = (n: number) =>
      runSuite(
        {
          name: 's',
          checks: [{ check: 'rows', condition: { type: 'closeToReference', by: 0.1, relative: true } }],
        },
        data(reference, binaryFrame(n, 0)),
      ).checks[0].status;
    expect(run(110)).toBe('pass');
    expect(run(90)).toBe('pass');
    expect(run(111)).toBe('fail');
    expect(run(89)).toBe('fail');
  });

  it('runSuite(drift checks) computes dataDrift once for many checks', () => {
    const reference = binaryFrame(300, 300);
    const current = binaryFrame(300, 300, 30);
    const spy = vi.fn(defaultSuiteEngines.dataDrift);
    const qualitySpy = vi.fn(defaultSuiteEngines.qualitySummary);
    const engines = { ...defaultSuiteEngines, dataDrift: spy, qualitySummary: qualitySpy };
    const result = runSuite(
      {
        name: 's',
        presets: [{ name: 'data-drift' }, { name: 'data-quality' }],
        checks: [
          { check: 'drift.columns', condition: { type: 'absolute', operator: 'lte', value: 0 } },
          { check: 'quality.missingShare', condition: { type: 'absolute', operator: 'eq', value: 0 } },
        ],
      },
      data(reference, current),
      engines,
    );
    expect(result.checks.length).toBeGreaterThan(6);
    expect(spy).toHaveBeenCalledTimes(1);
    // Once per side: current, and reference for the relative quality conditions.
    expect(qualitySpy).toHaveBeenCalledTimes(2);
    const x = result.checks.find((c) => c.name === 'drift.column[x]')!;
    expect(x.status).toBe('fail');
    expect(x.details?.drift).toBe(true);
    const colour = result.checks.find((c) => c.name === 'drift.column[colour]')!;
    expect(colour.status).toBe('pass');
    expect(result.checks.find((c) => c.name === 'drift.share')?.value).toBe(0.5);
  });

  it('runSuite(drift.column) defaults to the test’s own threshold', () => {
    const reference = binaryFrame(300, 300);
    const result = runSuite(
      { name: 's', checks: [{ check: 'drift.column', column: 'x' }] },
      data(reference, binaryFrame(300, 300)),
    );
    const [check] = result.checks;
    expect(check.status).toBe('pass');
    // 300 reference values: the auto rule picks KS; its verdict reads the p-value, drift when p < 0.05.
    expect(check.details?.test).toBe('ks');
    expect(check.condition).toMatchObject({ operator: 'gte', threshold: 0.05 });
    expect(check.value).toBe(1);
  });

  it('runSuite(unknown check) throws with the line and a suggestion', () => {
    expect(() =>
      runSuite(
        {
          name: 's',
          file: 'suite.yaml',
          checks: [{ check: 'acuracy', line: 7, condition: { type: 'absolute', operator: 'gte', value: 1 } }],
        },
        data(undefined, binaryFrame(10, 10)),
      ),
    ).toThrow(
      expect.objectContaining({
        location: { file: 'suite.yaml', line: 7 },
        hint: expect.stringContaining('accuracy'),
      }),
    );
  });

  it('runSuite(column missing) throws UNKNOWN_COLUMN with the line', () => {
    expect(() =>
      runSuite(
        {
          name: 's',
          checks: [
            {
              check: 'quality.missingShare',
              column: 'colur',
              line: 3,
              condition: { type: 'absolute', operator: 'lt', value: 1 },
            },
          ],
        },
        data(undefined, binaryFrame(10, 10)),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'UNKNOWN_COLUMN',
        location: { line: 3, column: 'colur' },
        hint: expect.stringMatching(/^did you mean "colour"/),
      }),
    );
  });

  it('runSuite(relative condition without reference) throws', () => {
    expect(() =>
      runSuite(
        {
          name: 's',
          checks: [
            {
              check: 'accuracy',
              line: 4,
              condition: { type: 'notWorseThanReference', by: 0.1, relative: true },
            },
          ],
        },
        data(undefined, binaryFrame(10, 10)),
      ),
    ).toThrow(/notWorseThanReference needs reference data/);
  });

  it('runSuite(preset without reference) throws with the preset line', () => {
    expect(() =>
      runSuite(
        { name: 's', presets: [{ name: 'data-drift', line: 2 }], checks: [] },
        data(undefined, binaryFrame(10, 10)),
      ),
    ).toThrow(expect.objectContaining({ location: { line: 2 } }));
  });

  it('runSuite(metric the roles do not give) throws listing the metrics available', () => {
    const current = binaryFrame(10, 10);
    const noScore: SuiteData = { current, metrics: () => ({ accuracy: 1 }) };
    expect(() =>
      runSuite(
        {
          name: 's',
          checks: [{ check: 'rocAuc', condition: { type: 'absolute', operator: 'gte', value: 0.5 } }],
        },
        noScore,
      ),
    ).toThrow(/rocAuc: is not computed/);
  });

  it('runSuite(metric error on the data) reports status error; a plain bug propagates', () => {
    const current = binaryFrame(10, 10);
    const check = {
      check: 'accuracy',
      condition: { type: 'absolute', operator: 'gte', value: 0.5 },
    } as const;
    const oneClass: SuiteData = {
      current,
      metrics: () => {
        throw new VigilError(ErrorCodes.ONE_CLASS, 'rocAucScore: yTrue must hold two classes; got one');
      },
    };
    const [result] = runSuite({ name: 's', checks: [check] }, oneClass).checks;
    expect(result).toMatchObject({
      status: 'error',
      value: null,
      message: expect.stringMatching(/two classes/),
    });
    const broken: SuiteData = {
      current,
      metrics: () => {
        throw new Error('plain bug');
      },
    };
    expect(() => runSuite({ name: 's', checks: [check] }, broken)).toThrow('plain bug');
  });

  it('runSuite(explicit check) overrides the preset check with the same id in place', () => {
    const reference = binaryFrame(100, 90);
    const result = runSuite(
      {
        name: 's',
        presets: [{ name: 'binary-classification', line: 1 }],
        checks: [{ check: 'f1', line: 9, condition: { type: 'absolute', operator: 'gte', value: 0.1 } }],
      },
      data(reference, binaryFrame(100, 50)),
    );
    expect(result.checks.map((c) => c.name)).toEqual(['accuracy', 'f1', 'rocAuc', 'logLoss']);
    const f1 = result.checks[1];
    expect(f1.preset).toBeUndefined();
    expect(f1.line).toBe(9);
    expect(f1.status).toBe('pass');
    expect(result.checks[0]).toMatchObject({ preset: 'binary-classification', status: 'fail', line: 1 });
  });
});

describe('presetChecks', () => {
  it('presetChecks(data-quality) derives missing-share bounds from the reference', () => {
    const reference = createFrame([
      numericFromNumbers('a', [1, 2, null, 4]),
      numericFromNumbers('b', [1, 1, 1, 1]),
    ]);
    const current = createFrame([
      numericFromNumbers('a', [1, null, null, 4]),
      numericFromNumbers('b', [1, 2, 3, 4]),
    ]);
    const d: SuiteData = { reference, current };
    const checks = presetChecks('data-quality', createSuiteContext(d));
    expect(checks.map((c) => `${c.check}${c.column ? `[${c.column}]` : ''}`)).toEqual([
      'quality.missingShare[a]',
      'quality.missingShare[b]',
      'quality.constantColumns',
      'quality.duplicatedShare',
      'schema.violations',
    ]);
    const result = runSuite({ name: 's', presets: [{ name: 'data-quality' }], checks: [] }, d);
    const a = result.checks[0];
    // Reference share 0.25, allowed up to 0.30; current 0.5.
    expect(a.condition?.threshold).toBeCloseTo(0.3, 12);
    expect(a.value).toBe(0.5);
    expect(a.status).toBe('fail');
    expect(result.checks[2]).toMatchObject({ value: 0, status: 'pass' });
    expect(result.checks[2].condition?.threshold).toBe(1);
    // The inferred schema says b has values 1..1 and a has no more missing than... a's max is 4: b breaks max.
    expect(result.checks[4]).toMatchObject({ severity: 'warn', status: 'warn' });
  });

  it('presetChecks(binary-classification) leaves out score metrics without a score', () => {
    const reference = binaryFrame(20, 18);
    const d: SuiteData = { reference, current: reference, metrics: () => ({ accuracy: 0.9, f1: 0.9 }) };
    expect(presetChecks('binary-classification', createSuiteContext(d)).map((c) => c.check)).toEqual([
      'accuracy',
      'f1',
    ]);
  });

  it('presetChecks(regression) uses an absolute margin for r2', () => {
    const reference = binaryFrame(20, 18);
    const d: SuiteData = {
      reference,
      current: reference,
      metrics: () => ({ rmse: 1, mae: 1, r2: 0.5 }),
    };
    expect(presetChecks('regression', createSuiteContext(d)).map((c) => [c.check, c.condition])).toEqual([
      ['rmse', { type: 'notWorseThanReference', by: 0.1, relative: true }],
      ['mae', { type: 'notWorseThanReference', by: 0.1, relative: true }],
      ['r2', { type: 'notWorseThanReference', by: 0.05, relative: false }],
    ]);
  });
});

describe('qualitySummary via runSuite', () => {
  it('runSuite(quality.missingShare on a column outside data.columns) still reads its share', () => {
    const current = createFrame([
      numericFromNumbers('a', [1, null, 3, 4]),
      numericFromNumbers('b', [1, 2, 3, 4]),
    ]);
    const result = runSuite(
      {
        name: 's',
        checks: [
          {
            check: 'quality.missingShare',
            column: 'a',
            condition: { type: 'absolute', operator: 'eq', value: 0.25 },
          },
          { check: 'quality.missingShare', condition: { type: 'absolute', operator: 'eq', value: 0 } },
          { check: 'quality.constantColumns', condition: { type: 'absolute', operator: 'eq', value: 0 } },
        ],
      },
      { current, columns: ['b'] },
    );
    expect(result.checks.map((c) => [c.value, c.status])).toEqual([
      [0.25, 'pass'],
      [0, 'pass'],
      [0, 'pass'],
    ]);
  });
});
