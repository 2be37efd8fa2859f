import { describe, expect, it } from 'vitest';
import {
  checkMonitorConfig,
  normalizeMonitorConfig,
  reportedMetrics,
} from '../../src/monitors/monitorConfig.js';
import type { ModelSchema } from '../../src/store/types.js';

const schema: ModelSchema = { features: [{ name: 'age', kind: 'numerical' }] };
const binary = { task: 'binary' as const, schema };
const rule = { operator: 'gt', value: 0.1, severity: 'warning' } as const;

describe('checkMonitorConfig(kind, config, rule, model)', () => {
  it('accepts valid configs of every kind', () => {
    expect(
      checkMonitorConfig('drift', { features: ['age'], test: 'ks', threshold: 0.01 }, undefined, binary),
    ).toEqual([]);
    expect(checkMonitorConfig('quality', {}, rule, binary)).toEqual([]);
    expect(
      checkMonitorConfig(
        'performance',
        { metrics: ['accuracy', 'rocAuc'], alertMetric: 'rocAuc' },
        rule,
        binary,
      ),
    ).toEqual([]);
    expect(checkMonitorConfig('volume', {}, rule, binary)).toEqual([]);
    expect(checkMonitorConfig('latency', { quantiles: ['p50', 'p99.9'] }, rule, binary)).toEqual([]);
    expect(checkMonitorConfig('custom', { monitorId: 3, metric: 'count' }, rule, binary)).toEqual([]);
  });

  it('names each problem by field', () => {
    expect(checkMonitorConfig('drift', { test: 'nope', extra: 1 }, undefined, binary)).toEqual([
      { field: 'config', problem: 'must not have "extra"' },
      { field: 'config.test', problem: expect.any(String) },
    ]);
    expect(checkMonitorConfig('drift', { features: ['age', 'height'] }, undefined, binary)).toEqual([
      { field: 'config.features.1', problem: 'must be a feature of the model schema; got "height"' },
    ]);
    expect(
      checkMonitorConfig('quality', { features: ['age'] }, undefined, { task: 'binary' })[0].problem,
    ).toMatch(/upload a reference first/);
    expect(checkMonitorConfig('performance', { metrics: ['rmse'] }, undefined, binary)[0]).toMatchObject({
      field: 'config.metrics.0',
      problem: expect.stringMatching(/^must be a binary metric/),
    });
    expect(checkMonitorConfig('latency', { quantiles: ['p101'] }, undefined, binary)[0].field).toBe(
      'config.quantiles.0',
    );
    expect(
      checkMonitorConfig('drift', { score: true }, undefined, { task: 'regression', schema })[0].field,
    ).toBe('config.score');
  });

  it('asks which metric the rule judges when several are reported, and checks that it is reported', () => {
    expect(checkMonitorConfig('performance', { metrics: ['accuracy', 'f1'] }, rule, binary)).toEqual([
      {
        field: 'config.alertMetric',
        problem: expect.stringMatching(/^must name the metric the rule judges/),
      },
    ]);
    expect(checkMonitorConfig('performance', { metrics: ['accuracy', 'f1'] }, undefined, binary)).toEqual([]);
    expect(checkMonitorConfig('latency', { alertMetric: 'p90' }, rule, binary)[0].field).toBe(
      'config.alertMetric',
    );
  });

  it('allows relative rules on performance monitors only', () => {
    const relative = { ...rule, relativeToReference: true };
    expect(checkMonitorConfig('performance', { metrics: ['accuracy'] }, relative, binary)).toEqual([]);
    expect(checkMonitorConfig('quality', {}, relative, binary)).toEqual([
      {
        field: 'rule.relativeToReference',
        problem: expect.stringMatching(/^must be false for quality monitors/),
      },
    ]);
  });
});

describe('normalizeMonitorConfig(kind, config)', () => {
  it('fills in the metric the rule judges', () => {
    expect(normalizeMonitorConfig('drift', {})).toEqual({ alertMetric: 'driftScore' });
    expect(normalizeMonitorConfig('performance', { metrics: ['f1'] })).toEqual({
      metrics: ['f1'],
      alertMetric: 'f1',
    });
    expect(normalizeMonitorConfig('latency', {})).toEqual({ alertMetric: 'p99' });
    expect(normalizeMonitorConfig('custom', { monitorId: 1, metric: 'count' })).toMatchObject({
      alertMetric: 'count',
    });
    expect(normalizeMonitorConfig('quality', {})).toEqual({});
    expect(normalizeMonitorConfig('drift', { alertMetric: 'driftShare' })).toEqual({
      alertMetric: 'driftShare',
    });
  });

  it('reportedMetrics lists what a monitor writes', () => {
    expect(reportedMetrics('performance', { metrics: ['rmse'] })).toEqual(['labelCoverage', 'rmse']);
    expect(reportedMetrics('latency', {})).toEqual(['p50', 'p95', 'p99']);
  });
});
