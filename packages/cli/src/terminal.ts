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

/** Colour only on a terminal and never when NO_COLOR is set (https://no-color.org). FORCE_COLOR forces it. */
export function useColor(terminal: Terminal): boolean {
  if (terminal.env.NO_COLOR !== undefined && terminal.env.NO_COLOR !== '') return false;
  if (terminal.env.FORCE_COLOR !== undefined && terminal.env.FORCE_COLOR !== '0') return true;
  return terminal.stdoutIsTTY;
}
