import { categoricalFromStrings, numericFromNumbers } from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { distinctLabels, encodeLabels, labelName, numericValues } from '../src/encodeLabels.js';

describe('distinctLabels', () => {
  it('distinctLabels(categorical) orders numbers numerically, then strings, and skips unused and missing', () => {
    const column = categoricalFromStrings('c', ['b', '10', '9', null, 'a', '9', '-1']);
    expect(distinctLabels(column)).toEqual(['-1', '9', '10', 'a', 'b']);
  });

  it('distinctLabels(numeric) writes integers without a decimal point and skips NaN', () => {
    expect(distinctLabels(numericFromNumbers('n', [2, 1, Number.NaN, 1, 0.5]))).toEqual(['0.5', '1', '2']);
    expect(labelName(1)).toBe('1');
  });
});

describe('encodeLabels', () => {
  it('encodeLabels(column, classes) gives each row its class code, for strings and numbers alike', () => {
    expect(
      encodeLabels(categoricalFromStrings('c', ['y', 'x', 'y']), ['x', 'y'], 'f.csv', 'target').codes,
    ).toEqual(Int32Array.of(1, 0, 1));
    expect(encodeLabels(numericFromNumbers('n', [1, 0, 1]), ['0', '1'], 'f.csv', 'target').codes).toEqual(
      Int32Array.of(1, 0, 1),
    );
  });

  it('encodeLabels(missing label) names file, column and 1-based row', () => {
    expect(() =>
      encodeLabels(numericFromNumbers('y', [1, Number.NaN]), ['0', '1'], 'f.csv', 'target'),
    ).toThrowError(
      expect.objectContaining({
        code: 'NON_FINITE',
        message: 'eval: target column "y" must not have missing values; got one at row 2',
        location: { file: 'f.csv', column: 'y', row: 2 },
      }),
    );
  });

  it('encodeLabels(label outside the classes) names the value and its row', () => {
    expect(() =>
      encodeLabels(categoricalFromStrings('p', ['a', 'c']), ['a', 'b'], 'f.csv', 'prediction'),
    ).toThrowError(
      expect.objectContaining({
        code: 'INVALID_ARGUMENT',
        message: 'eval: prediction column "p" must hold one of the classes "a", "b"; got "c" at row 2',
        location: { file: 'f.csv', column: 'p', row: 2 },
      }),
    );
  });
});

describe('numericValues', () => {
  it('numericValues(categorical) reports the first non-number and its row', () => {
    expect(() =>
      numericValues(categoricalFromStrings('s', ['0.1', '0.2', 'high']), 'f.csv', 'score'),
    ).toThrowError(
      expect.objectContaining({
        code: 'TYPE_MISMATCH',
        message: 'eval: score column "s" must be numerical; got "high" at row 3',
        location: { file: 'f.csv', column: 's', row: 3 },
      }),
    );
  });

  it('numericValues(numeric with Infinity) reports the row', () => {
    expect(() =>
      numericValues(numericFromNumbers('y', [1, Number.POSITIVE_INFINITY]), 'f.csv', 'target'),
    ).toThrowError('eval: target column "y" must have finite numbers; got Infinity at row 2');
  });
});
