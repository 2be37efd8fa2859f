import { fileURLToPath } from 'node:url';
import { main } from '../../src/main.js';
import { capturingTerminal } from './terminal.js';

/** What one in-process run of `vigil` produced. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of a run: the environment and whether stdout/stderr pretend to be terminals (default: pipes). */
export interface RunOptions {
  env?: Record<string, string | undefined>;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
}

/** Runs `main(argv)` with a capturing terminal (pipes and an empty environment unless told otherwise). */
export async function runCli(argv: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  const terminal = {
    ...capturingTerminal(options.env),
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
  };
  const code = await main(argv, terminal);
  return { code, stdout: terminal.out(), stderr: terminal.err() };
}

/** Absolute path of a committed fixture (packages/cli/test/fixtures/). */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}
