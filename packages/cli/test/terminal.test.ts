import { describe, expect, it } from 'vitest';
import { type Terminal, useColor } from '../src/terminal.js';

function terminal(stdoutIsTTY: boolean, env: Record<string, string | undefined> = {}): Terminal {
  return { stdout: () => {}, stderr: () => {}, stdoutIsTTY, stderrIsTTY: stdoutIsTTY, env };
}

describe('useColor', () => {
  it('useColor(terminal) colours a TTY and not a pipe', () => {
    expect(useColor(terminal(true))).toBe(true);
    expect(useColor(terminal(false))).toBe(false);
  });

  it('useColor(NO_COLOR set) never colours, whatever its value; an empty NO_COLOR is ignored (no-color.org)', () => {
    expect(useColor(terminal(true, { NO_COLOR: '1' }))).toBe(false);
    expect(useColor(terminal(true, { NO_COLOR: '0' }))).toBe(false);
    expect(useColor(terminal(true, { NO_COLOR: '' }))).toBe(true);
  });

  it('useColor(FORCE_COLOR) colours a pipe; FORCE_COLOR=0 or false turns colour off', () => {
    expect(useColor(terminal(false, { FORCE_COLOR: '1' }))).toBe(true);
    expect(useColor(terminal(false, { FORCE_COLOR: '' }))).toBe(true);
    expect(useColor(terminal(true, { FORCE_COLOR: '0' }))).toBe(false);
    expect(useColor(terminal(true, { FORCE_COLOR: 'false' }))).toBe(false);
  });

  it('useColor(NO_COLOR and FORCE_COLOR) lets NO_COLOR win', () => {
    expect(useColor(terminal(true, { NO_COLOR: '1', FORCE_COLOR: '1' }))).toBe(false);
  });
});
