import { closeIo } from '@vigil/io';
import { Command, CommanderError } from 'commander';
import { registerCheckCommand } from './commands/check.js';
import { registerDriftCommand } from './commands/drift.js';
import { registerEvalCommand } from './commands/eval.js';
import { registerKeysCommand } from './commands/keys.js';
import { registerProfileCommand } from './commands/profile.js';
import { registerReportCommand } from './commands/report.js';
import { registerSchemaCommand } from './commands/schema.js';
import { registerServeCommand } from './commands/serve.js';
import { formatError } from './reportError.js';
import type { Terminal } from './terminal.js';

export const EXIT_OK = 0;
/** Usage or input error (DESIGN.md: the user can fix it). */
export const EXIT_USAGE = 2;

/**
 * Runs `vigil` with `argv` (without the node and script entries) and returns the exit code. Never calls
 * process.exit, so tests run it in-process.
 */
export async function main(argv: readonly string[], terminal: Terminal): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command('vigil')
    .description('Evaluate, test and monitor machine-learning models.')
    .version('0.1.0')
    .option('--debug', 'show stack traces on errors')
    .exitOverride()
    .configureOutput({ writeOut: terminal.stdout, writeErr: terminal.stderr })
    .showSuggestionAfterError();
  const setExit = (code: number) => {
    exitCode = code;
  };
  registerEvalCommand(program, terminal, setExit);
  registerDriftCommand(program, terminal, setExit);
  registerProfileCommand(program, terminal, setExit);
  registerSchemaCommand(program, terminal, setExit);
  registerCheckCommand(program, terminal, setExit);
  registerServeCommand(program, terminal, setExit);
  registerKeysCommand(program, terminal, setExit);
  registerReportCommand(program, terminal, setExit);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; every other commander error is a usage error.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    terminal.stderr(formatError(error, Boolean(program.opts().debug)));
    return EXIT_USAGE;
  } finally {
    await closeIo();
  }
  return exitCode;
}
