import { describe, expect, it } from 'vitest';
import { toIsoTimestamp } from '../src/index.js';

describe('toIsoTimestamp', () => {
  it('toIsoTimestamp(Date | ISO string | ms) is the same instant in UTC ISO form', () => {
    expect(toIsoTimestamp(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(toIsoTimestamp(1_700_000_000_123)).toBe('2023-11-14T22:13:20.123Z');
    expect(toIsoTimestamp(new Date(Date.UTC(2024, 4, 1)))).toBe('2024-05-01T00:00:00.000Z');
    expect(toIsoTimestamp('2024-05-01T12:00:00+02:00')).toBe('2024-05-01T10:00:00.000Z');
    expect(toIsoTimestamp('2024-05-01T12:00:00.5Z')).toBe('2024-05-01T12:00:00.500Z');
    expect(toIsoTimestamp('2024-05-01')).toBe('2024-05-01T00:00:00.000Z');
  });

  it('toIsoTimestamp() accepts the edges of years 0000-9999 and refuses beyond', () => {
    expect(toIsoTimestamp(253_402_300_799_999)).toBe('9999-12-31T23:59:59.999Z');
    expect(toIsoTimestamp(-62_167_219_200_000)).toBe('0000-01-01T00:00:00.000Z');
    expect(() => toIsoTimestamp(253_402_300_800_000)).toThrowError(/in years 0000-9999; got 253402300800000/);
    expect(() => toIsoTimestamp(-62_167_219_200_001)).toThrowError(/in years 0000-9999/);
  });

  it('toIsoTimestamp(NaN, Infinity, Invalid Date, garbage) throws INVALID_ARGUMENT naming the caller', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, new Date('nope'), 'yesterday', '']) {
      expect(() => toIsoTimestamp(value, 'f', 'event.timestamp')).toThrowError(
        expect.objectContaining({
          code: 'INVALID_ARGUMENT',
          message: expect.stringMatching(/^f: event.timestamp must be/),
        }),
      );
    }
    expect(() => toIsoTimestamp({} as unknown as number)).toThrowError('toIsoTimestamp: timestamp must be');
  });
});
