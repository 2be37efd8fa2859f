import { ErrorCodes, VigilError } from '@vigil/core';
import {
  DEFAULT_DEMO_STORE,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_STORE,
  serveDemo,
  startServer,
} from '@vigil/server';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { nonEmptyList } from '../dataOptions.js';
import type { Terminal } from '../terminal.js';
import { positiveInteger } from './numberOptions.js';

interface ServeOptions {
  port: number;
  host: string;
  store: string;
  adminKeyFile?: string;
  logLevel: string;
  maxBatch?: number;
  bodyLimit?: number;
  pseudonymize?: string[];
  demo?: boolean;
}

function port(value: string): number {
  const x = Number(value);
  if (!(Number.isSafeInteger(x) && x >= 0 && x <= 65_535 && value.trim() !== '')) {
    throw new InvalidArgumentError(`--port must be an integer from 0 to 65535; got "${value}".`);
  }
  return x;
}

/**
 * `vigil serve`: the monitoring server, until SIGTERM or SIGINT (then it drains and exits 0). With `--demo` (what
 * `npm start` runs), the server with a live demo model (packages/server/src/demo): on a fresh store under
 * ./vigil-data/demo/ unless `--store` names one, with server logs at `warn` unless `--log-level` is given.
 */
export function registerServeCommand(
  program: Command,
  terminal: Terminal,
  setExit: (code: number) => void,
): void {
  program
    .command('serve')
    .description(
      'run the monitoring server: ingest predictions and labels, monitors, alerts (REST API under /api/v1)',
    )
    .addOption(new Option('--port <n>', 'port (0: any free port)').argParser(port).default(DEFAULT_PORT))
    .option('--host <address>', 'address to listen on (0.0.0.0: every interface)', DEFAULT_HOST)
    .option('--store <spec>', 'duckdb:PATH (embedded) or postgres://user@host:port/db', DEFAULT_STORE)
    .option(
      '--admin-key-file <file>',
      'where the first admin key is saved (default: admin.key beside the data)',
    )
    .addOption(
      new Option('--log-level <level>', 'JSON log level (logs go to stderr)')
        .choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
        .default('info'),
    )
    .addOption(
      new Option('--max-batch <n>', 'most predictions per request (default 10000)').argParser(
        positiveInteger('--max-batch'),
      ),
    )
    .addOption(
      new Option('--body-limit <bytes>', 'largest JSON body (default 16 MiB)').argParser(
        positiveInteger('--body-limit'),
      ),
    )
    .addOption(
      new Option(
        '--pseudonymize <fields>',
        'identifier fields of features/tags stored as HMAC-SHA256 (key from VIGIL_PSEUDONYMIZE_KEY), comma-separated',
      ).argParser(nonEmptyList('--pseudonymize')),
    )
    .option(
      '--demo',
      `run a live demo: model "employment" fed from examples/employment, with drift, late labels and alerts (store: ${DEFAULT_DEMO_STORE}, emptied at start)`,
    )
    .action(async (options: ServeOptions, command: Command) => {
      if (options.demo) {
        const given = (name: string) => command.getOptionValueSource(name) !== 'default';
        const demo = await serveDemo({
          port: options.port,
          host: options.host,
          store: given('store') ? options.store : undefined,
          logLevel: given('logLevel') ? options.logLevel : undefined,
          print: terminal.stdout,
        });
        await demo.closed;
        setExit(0);
        return;
      }
      let pseudonymize: { fields: string[]; key: string } | undefined;
      if (options.pseudonymize !== undefined) {
        const key = terminal.env.VIGIL_PSEUDONYMIZE_KEY;
        if (key === undefined || key === '') {
          throw new VigilError(
            ErrorCodes.INVALID_ARGUMENT,
            'vigil serve: VIGIL_PSEUDONYMIZE_KEY must be set with --pseudonymize; got an empty or unset variable',
            { hint: 'Put the HMAC key in the environment (not in a flag: flags show in ps).' },
          );
        }
        pseudonymize = { fields: options.pseudonymize, key };
      }
      const limits: { maxBatch?: number; bodyBytes?: number } = {};
      if (options.maxBatch !== undefined) limits.maxBatch = options.maxBatch;
      if (options.bodyLimit !== undefined) limits.bodyBytes = options.bodyLimit;
      const server = await startServer({
        port: options.port,
        host: options.host,
        store: options.store,
        adminKeyFile: options.adminKeyFile,
        logLevel: options.logLevel,
        limits,
        pseudonymize,
        print: terminal.stdout,
      });
      await server.closed;
      setExit(0);
    });
}
