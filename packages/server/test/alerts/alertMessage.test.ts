import { describe, expect, it } from 'vitest';
import { alertSubject, firingMessage, formatValue, resolvedMessage } from '../../src/alerts/alertMessage.js';

describe('alert messages', () => {
  it.each([
    [0.31, '0.31'],
    [0.314159, '0.314'],
    [12, '12'],
    [-0.000123456, '-0.000123'],
    [123.456, '123'],
    [98765.4, '98765'],
    [null, 'n/a'],
    [Number.NaN, 'n/a'],
    [Number.POSITIVE_INFINITY, 'n/a'],
  ])('formatValue(%s) is %s', (value, text) => {
    expect(formatValue(value)).toBe(text);
  });

  it('alertSubject(kind, feature, metric) names what is measured', () => {
    expect(alertSubject('drift', 'AGEP', 'drift')).toBe('drift of AGEP');
    expect(alertSubject('drift', 'AGEP', 'psi')).toBe('drift of AGEP (psi)');
    expect(alertSubject('performance', '', 'f1Macro')).toBe('performance: f1Macro');
    expect(alertSubject('volume', '', 'volume')).toBe('volume');
  });

  it('firingMessage(...) and resolvedMessage(...) read as sentences', () => {
    expect(firingMessage('drift', 'AGEP', 'drift', 0.31, 'gte', 0.1, 2)).toBe(
      'drift of AGEP 0.31 ≥ 0.1 for 2 windows',
    );
    expect(firingMessage('latency', '', 'p99', 812.5, 'gt', 500, 1)).toBe(
      'latency: p99 813 > 500 for 1 window',
    );
    expect(resolvedMessage('performance', '', 'accuracy', 0.85, 'lt', 0.8, 3)).toBe(
      'resolved: performance: accuracy 0.85 ≥ 0.8 for 3 windows',
    );
  });
});
