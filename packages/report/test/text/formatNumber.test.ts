import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/text/formatNumber.js';

describe('formatNumber', () => {
  it.each([
    [0.8596491228070176, '0.8596'],
    [0.86, '0.86'],
    [0.5, '0.5'],
    [1686.700000000001, '1687'],
    [123456.789, '123500'],
    [-0.12345, '-0.1235'],
    [0.001, '0.001'],
    [0.000012346, '1.235e-5'],
    // 0.000012345 is stored as 1.23449999…e-5, so it rounds down (the doc example once claimed otherwise).
    [0.000012345, '1.234e-5'],
    [0.0005, '5e-4'],
    [-0.00012, '-1.2e-4'],
    [2.5e9, '2.5e9'],
    [1e21, '1e21'],
  ])('formatNumber(%s) gives 4 significant digits without trailing zeros: %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('formatNumber(integer below 1e9) prints it in full', () => {
    expect(formatNumber(150)).toBe('150');
    expect(formatNumber(123456789)).toBe('123456789');
    expect(formatNumber(-7)).toBe('-7');
  });

  it('formatNumber(0 and -0) prints 0', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
  });

  it('formatNumber(non-numbers) prints —, NaN and ∞', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe('-∞');
  });
});
