import { describe, expect, it } from 'vitest';
import { painter, visibleLength } from '../../src/text/style.js';

describe('painter', () => {
  it('painter(false) returns the text unchanged', () => {
    expect(painter(false)('red', 'DRIFT')).toBe('DRIFT');
  });

  it('painter(true) wraps the text in the style’s ANSI on/off codes', () => {
    const paint = painter(true);
    expect(paint('bold', 'x')).toBe('\x1b[1mx\x1b[22m');
    expect(paint('dim', 'x')).toBe('\x1b[2mx\x1b[22m');
    expect(paint('red', 'x')).toBe('\x1b[31mx\x1b[39m');
    expect(paint('green', 'x')).toBe('\x1b[32mx\x1b[39m');
    expect(paint('yellow', 'x')).toBe('\x1b[33mx\x1b[39m');
  });
});

describe('visibleLength', () => {
  it('visibleLength(text with ANSI escapes) counts only what a terminal shows', () => {
    const paint = painter(true);
    expect(visibleLength(paint('bold', paint('red', 'DRIFT')))).toBe(5);
    expect(visibleLength('\x1b[1;31mab\x1b[0m')).toBe(2);
    expect(visibleLength('plain')).toBe(5);
    expect(visibleLength('')).toBe(0);
  });
});
