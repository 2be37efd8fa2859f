/**
 * Where the CLI writes. Results go to stdout and nothing else does; messages, progress and logs go to stderr
 * (so `vigil drift --format json > out.json` stays clean). Tests pass a capturing terminal.
 */
export interface Terminal {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars) and stdout is one (colour). */
  stderrIsTTY: boolean;
  stdoutIsTTY: boolean;
  env: Record<string, string | undefined>;
}

export function processTerminal(): Terminal {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  };
}

/**
 * Colour only when stdout is a terminal, and never when NO_COLOR is set to a non-empty value
 * (https://no-color.org). FORCE_COLOR forces it on a pipe too, unless it is `0` or `false` (Node's own reading of
 * FORCE_COLOR), which turn colour off even on a terminal. NO_COLOR wins over FORCE_COLOR.
 */
export function useColor(terminal: Terminal): boolean {
  const { NO_COLOR, FORCE_COLOR } = terminal.env;
  if (NO_COLOR !== undefined && NO_COLOR !== '') return false;
  if (FORCE_COLOR !== undefined) return FORCE_COLOR !== '0' && FORCE_COLOR.toLowerCase() !== 'false';
  return terminal.stdoutIsTTY;
}
