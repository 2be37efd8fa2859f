import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createPseudonymizer, pseudonym } from '../src/pseudonymize.js';
import type { PredictionRow } from '../src/store/types.js';

const row: PredictionRow = {
  id: 'a',
  timestamp: 0,
  features: { user: 'u-17', age: 40, account: 1234, missing: null },
  prediction: 'stay',
  tags: { session: 's-9', env: 'prod' },
};

describe('createPseudonymizer', () => {
  test('pseudonym(key, value) is HMAC-SHA256 in hex', () => {
    expect(pseudonym('k', 'u-17')).toBe(createHmac('sha256', 'k').update('u-17').digest('hex'));
    expect(pseudonym('k', 'u-17')).not.toBe(pseudonym('other', 'u-17'));
  });

  test('createPseudonymizer({fields, key}) replaces the fields in features and tags, keeping the rest', () => {
    const p = createPseudonymizer({ fields: ['user', 'account', 'missing', 'session'], key: 'k' });
    const out = p(row);
    expect(out).toEqual({
      ...row,
      features: { user: pseudonym('k', 'u-17'), age: 40, account: pseudonym('k', '1234'), missing: null },
      tags: { session: pseudonym('k', 's-9'), env: 'prod' },
    });
    expect(row.features.user).toBe('u-17');
  });

  test('createPseudonymizer() without fields is the identity; an empty key is refused', () => {
    expect(createPseudonymizer()(row)).toBe(row);
    expect(createPseudonymizer({ fields: [], key: 'k' })(row)).toBe(row);
    expect(createPseudonymizer({ fields: ['nothing'], key: 'k' })(row)).toBe(row);
    expect(() => createPseudonymizer({ fields: ['user'], key: '' })).toThrow(
      'createPseudonymizer: key must be non-empty; got an empty key',
    );
  });

  test('createPseudonymizer() keeps a "__proto__" field an own property', () => {
    const features = JSON.parse('{"__proto__": "x", "user": "u"}') as Record<string, string>;
    const out = createPseudonymizer({ fields: ['__proto__'], key: 'k' })({
      ...row,
      features,
      tags: undefined,
    });
    expect(Object.getPrototypeOf(out.features)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out.features, '__proto__')?.value).toBe(pseudonym('k', 'x'));
  });
});
