import { describe, expect, it } from 'vitest';
import { defaultMonitors, referenceFacts } from '../../src/monitors/defaultMonitors.js';
import { checkMonitorConfig } from '../../src/monitors/monitorConfig.js';
import type { ModelSchema } from '../../src/store/types.js';
import { rowsOf } from './rows.js';

const schema: ModelSchema = {
  features: [
    { name: 'age', kind: 'numerical' },
    { name: 'city', kind: 'categorical' },
  ],
};

describe('defaultMonitors(model, schema, facts)', () => {
  it('creates drift, quality, performance, volume and latency monitors with rules, all valid', () => {
    const monitors = defaultMonitors({ name: 'm', task: 'binary' }, schema, {
      hasScore: true,
      missingShares: {},
    });
    expect(monitors.map((m) => m.name)).toEqual([
      'feature drift',
      'prediction drift',
      'data quality',
      'performance: accuracy',
      'performance: f1',
      'performance: rocAuc',
      'volume',
      'latency',
    ]);
    for (const m of monitors) {
      expect(m.rule, m.name).toBeDefined();
      expect(m.enabled).toBe(true);
      expect(checkMonitorConfig(m.kind, m.config, m.rule, { task: 'binary', schema }), m.name).toEqual([]);
    }
    expect(monitors[0].config).toEqual({ test: 'auto', alertMetric: 'driftScore' });
    expect(monitors[1].config).toMatchObject({ features: [], prediction: true, score: true });
    expect(monitors[3]).toMatchObject({
      config: { metrics: ['accuracy'], minLabelCoverage: 0.5, alertMetric: 'accuracy' },
      rule: { operator: 'lt', value: 0.95, relativeToReference: true },
    });
    expect(monitors[7].config).toEqual({ quantiles: ['p50', 'p95', 'p99'], alertMetric: 'p99' });
  });

  it('picks the metrics of the task, rocAuc only with scores', () => {
    const names = (task: 'binary' | 'multiclass' | 'regression', hasScore: boolean) =>
      defaultMonitors({ name: 'm', task }, schema, { hasScore, missingShares: {} })
        .filter((m) => m.kind === 'performance')
        .map((m) => [m.name, m.rule?.operator]);
    expect(names('binary', false)).toEqual([
      ['performance: accuracy', 'lt'],
      ['performance: f1', 'lt'],
    ]);
    expect(names('multiclass', true)).toEqual([
      ['performance: accuracy', 'lt'],
      ['performance: f1Macro', 'lt'],
    ]);
    expect(names('regression', false)).toEqual([
      ['performance: rmse', 'gt'],
      ['performance: mae', 'gt'],
    ]);
    const regression = defaultMonitors({ name: 'm', task: 'regression' }, schema, {
      hasScore: false,
      missingShares: {},
    });
    expect(regression[1].config).toEqual({
      features: [],
      prediction: true,
      test: 'auto',
      alertMetric: 'driftScore',
    });
  });

  it('gives a feature often missing in the reference its own quality threshold', () => {
    const monitors = defaultMonitors({ name: 'm', task: 'binary' }, schema, {
      hasScore: false,
      missingShares: { age: 0.3, city: 0 },
    });
    const quality = monitors.filter((m) => m.kind === 'quality');
    expect(quality.map((m) => [m.name, m.config, m.rule?.value])).toEqual([
      ['data quality', { features: ['city'] }, 0.1],
      ['data quality: age', { features: ['age'] }, 0.4],
    ]);
  });

  it('has no feature drift monitor for a schema without features', () => {
    const monitors = defaultMonitors(
      { name: 'm', task: 'regression' },
      { features: [] },
      { hasScore: false, missingShares: {} },
    );
    expect(monitors.map((m) => m.name)).toEqual([
      'prediction drift',
      'performance: rmse',
      'performance: mae',
      'volume',
      'latency',
    ]);
  });
});

describe('referenceFacts(rows, schema)', () => {
  it('finds scores and missing shares', () => {
    const rows = rowsOf({
      features: { age: [1, null, 3, null], city: ['a', 'b', null, 'c'] },
      score: [null, 0.3, null, null],
    });
    expect(referenceFacts(rows, schema)).toEqual({ hasScore: true, missingShares: { age: 0.5, city: 0.25 } });
    expect(
      referenceFacts(rowsOf({ n: 0, features: { age: new Float64Array(0), city: [] } }), schema),
    ).toEqual({
      hasScore: false,
      missingShares: {},
    });
  });
});
