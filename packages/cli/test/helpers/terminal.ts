import type { Terminal } from '../../src/terminal.js';

/** A {@link Terminal} that keeps what the CLI writes, for tests: not a TTY, no environment (so no colour). */
export interface CapturingTerminal extends Terminal {
  /** Everything written to stdout so far. */
  readonly out: () => string;
  /** Everything written to stderr so far. */
  readonly err: () => string;
}

export function capturingTerminal(env: Record<string, string | undefined> = {}): CapturingTerminal {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: (text) => {
      out.push(text);
    },
    stderr: (text) => {
      err.push(text);
    },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env,
    out: () => out.join(''),
    err: () => err.join(''),
  };
}
