import { describe, expect, it } from 'vitest';
import { VigilError } from '../../src/errors.js';
import { closestNames } from '../../src/frame/closestNames.js';

const adult = ['age', 'workclass', 'fnlwgt', 'education', 'education-num', 'sex', 'race', 'class'];

describe('closestNames', () => {
  it('closestNames(typo, names) puts the one-edit neighbour first', () => {
    // age: 1 deletion; sex and race: 3 edits each, tied, so in candidate order.
    expect(closestNames('agee', adult)).toEqual(['age', 'sex', 'race']);
  });

  it('closestNames(name, names, 1) returns only the closest', () => {
    expect(closestNames('educaton', adult, 1)).toEqual(['education']);
  });

  it('closestNames(name, names) ignores case when measuring distance', () => {
    expect(closestNames('AGE', adult, 1)).toEqual(['age']);
    expect(closestNames('Sex', ['sex', 'Set'], 2)).toEqual(['sex', 'Set']);
  });

  it('closestNames(name, names) breaks ties by candidate order', () => {
    // "cat" is one substitution from each of these.
    expect(closestNames('cat', ['bat', 'hat', 'cut'])).toEqual(['bat', 'hat', 'cut']);
    expect(closestNames('cat', ['cut', 'hat', 'bat'])).toEqual(['cut', 'hat', 'bat']);
  });

  it('closestNames(name, names) counts insertions, deletions and substitutions (kitten → sitting is 3)', () => {
    // Classic Levenshtein example: kitten → sitten → sittin → sitting.
    // mitten is 1 away, kitchen 2 (t→c, +h), sitting 3.
    expect(closestNames('kitten', ['sitting', 'kitchen', 'mitten'])).toEqual([
      'mitten',
      'kitchen',
      'sitting',
    ]);
    expect(closestNames('flaw', ['lawn', 'flown'], 2)).toEqual(['lawn', 'flown']);
  });

  it('closestNames(name, []) returns an empty list', () => {
    expect(closestNames('x', [])).toEqual([]);
  });

  it('closestNames(name, names) lists a duplicated candidate once', () => {
    expect(closestNames('a', ['a', 'a', 'b'])).toEqual(['a', 'b']);
  });

  it('closestNames(name, names, max) returns fewer than max when there are fewer names', () => {
    expect(closestNames('', ['xy', 'x'], 5)).toEqual(['x', 'xy']);
  });

  it('closestNames(name, names, 0) throws INVALID_ARGUMENT', () => {
    expect(() => closestNames('a', ['a'], 0)).toThrowError(
      new VigilError('INVALID_ARGUMENT', 'closestNames: max must be a positive integer; got 0'),
    );
    expect(() => closestNames('a', ['a'], 1.5)).toThrow(/max must be a positive integer; got 1.5/);
  });
});
