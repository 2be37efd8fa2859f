import { ErrorCodes, VigilError } from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { formatError } from '../src/reportError.js';

describe('formatError', () => {
  const error = new VigilError(
    ErrorCodes.TYPE_MISMATCH,
    'eval: score column "s" must be numerical; got "x" at row 3',
    {
      location: { file: 'data.csv', column: 's', row: 3 },
      hint: 'fix the value',
    },
  );

  it('formatError(VigilError) lists file, column, row and hint under the message', () => {
    expect(formatError(error, false)).toBe(
      [
        'error: eval: score column "s" must be numerical; got "x" at row 3',
        '  file:   data.csv',
        '  column: s',
        '  row:    3',
        '  hint:   fix the value',
        '',
      ].join('\n'),
    );
  });

  it('formatError(VigilError) leaves out the location lines it does not know', () => {
    expect(
      formatError(new VigilError(ErrorCodes.EMPTY_INPUT, 'f: x must not be empty; got 0 values'), false),
    ).toBe('error: f: x must not be empty; got 0 values\n');
  });

  it('formatError(VigilError, debug) appends the stack and the cause’s stack', () => {
    const wrapped = new VigilError(ErrorCodes.ONE_CLASS, 'outer', { cause: new Error('inner') });
    const text = formatError(wrapped, true);
    expect(text).toMatch(/^error: outer\nVigilError: outer\n {4}at /);
    expect(text).toMatch(/\ncaused by: Error: inner\n {4}at /);
  });

  it('formatError(other error) says how to see details, and shows the stack only with debug', () => {
    const bug = new TypeError('x is undefined');
    expect(formatError(bug, false)).toBe('error: x is undefined\n(run with --debug for details)\n');
    expect(formatError(bug, true)).toMatch(/^error: x is undefined\nTypeError: x is undefined\n {4}at /);
    expect(formatError('plain string', false)).toBe('error: plain string\n(run with --debug for details)\n');
  });

  it('formatError(VigilError with file and line) reads file:line: message, as compilers print it', () => {
    const error = new VigilError(ErrorCodes.INVALID_ARGUMENT, 'checks: unknown check "acuracy"', {
      location: { file: 'suite.yaml', line: 12, column: 'age' },
      hint: 'did you mean "accuracy"?',
    });
    expect(formatError(error, false)).toBe(
      'error: suite.yaml:12: checks: unknown check "acuracy"\n  column: age\n  hint:   did you mean "accuracy"?\n',
    );
  });
});
