/**
 * Terminal styling. Colour is the caller's decision (the CLI turns it off for NO_COLOR and non-terminals), so the
 * renderers stay pure functions of (result, options).
 */
export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow';

const codes: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
};

export type Paint = (style: Style, text: string) => string;

/** A painter that colours with ANSI escapes when `color` is true, and returns the text unchanged otherwise. */
export function painter(color: boolean): Paint {
  if (!color) return (_style, text) => text;
  return (style, text) => `\x1b[${codes[style][0]}m${text}\x1b[${codes[style][1]}m`;
}

/** Length of `text` as shown on a terminal: ANSI escapes take no room. */
export function visibleLength(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the escape character is the point
  return text.replace(/\x1b\[[0-9;]*m/g, '').length;
}
