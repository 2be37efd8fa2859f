import { ErrorCodes, VigilError } from '@vigil/core';
import { createKey, DEFAULT_STORE, openStore, type Role, type Store } from '@vigil/server';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { Terminal } from '../terminal.js';

interface StoreOption {
  store: string;
}

function keyId(value: string): number {
  const x = Number(value);
  if (!(Number.isSafeInteger(x) && x >= 1 && value.trim() !== '')) {
    throw new InvalidArgumentError(
      `ID must be a key id (an integer >= 1, see \`vigil keys list\`); got "${value}".`,
    );
  }
  return x;
}

async function withStore<T>(spec: string, run: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(spec);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

const date = (ms: number | undefined) => (ms === undefined ? '-' : new Date(ms).toISOString());

/**
 * `vigil keys create|list|revoke` on a store (the same --store as `vigil serve`; a DuckDB file is locked while the
 * server runs, so use the API, POST /api/v1/keys, then).
 */
export function registerKeysCommand(
  program: Command,
  terminal: Terminal,
  setExit: (code: number) => void,
): void {
  const keys = program.command('keys').description('manage API keys (roles admin, ingest, read)');
  const storeOption = () =>
    new Option('--store <spec>', 'duckdb:PATH or postgres://user@host:port/db').default(DEFAULT_STORE);

  keys
    .command('create')
    .description('create an API key and print it (shown this once; only its hash is stored)')
    .addOption(
      new Option('--role <role>', 'what the key may do')
        .choices(['admin', 'ingest', 'read'])
        .makeOptionMandatory(),
    )
    .requiredOption('--name <name>', 'who or what uses it (shown in `vigil keys list`)')
    .addOption(storeOption())
    .action(async (options: StoreOption & { role: Role; name: string }) => {
      await withStore(options.store, async (store) => {
        const { apiKey, key } = await createKey(store, { name: options.name, role: options.role });
        await store.appendAudit({
          at: Date.now(),
          action: 'key.create',
          target: `key:${apiKey.id}`,
          details: { role: apiKey.role, name: apiKey.name, via: 'cli' },
        });
        terminal.stdout(`${key}\n`);
        terminal.stderr(
          `created key ${apiKey.id} "${apiKey.name}" (role ${apiKey.role}); it is not shown again\n`,
        );
      });
      setExit(0);
    });

  keys
    .command('list')
    .description('list API keys: id, prefix, role, name, created, last used, revoked')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(storeOption())
    .action(async (options: StoreOption & { format: 'text' | 'json' }) => {
      const list = await withStore(options.store, (store) => store.listApiKeys());
      if (options.format === 'json') terminal.stdout(`${JSON.stringify(list, null, 2)}\n`);
      else {
        const rows = [
          ['id', 'prefix', 'role', 'name', 'created', 'last used', 'revoked'],
          ...list.map((k) => [
            String(k.id),
            k.prefix,
            k.role,
            k.name,
            date(k.createdAt),
            date(k.lastUsedAt),
            date(k.revokedAt),
          ]),
        ];
        const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
        for (const row of rows)
          terminal.stdout(
            `${row
              .map((cell, c) => cell.padEnd(widths[c]))
              .join('  ')
              .trimEnd()}\n`,
          );
      }
      setExit(0);
    });

  keys
    .command('revoke')
    .description('revoke an API key (requests with it get 401 from then on)')
    .argument('<id>', 'the key id (see `vigil keys list`)', keyId)
    .addOption(storeOption())
    .action(async (id: number, options: StoreOption) => {
      await withStore(options.store, async (store) => {
        const list = await store.listApiKeys();
        const key = list.find((k) => k.id === id);
        if (key === undefined) {
          throw new VigilError(
            ErrorCodes.INVALID_ARGUMENT,
            `vigil keys revoke: id must name an API key; got ${id}`,
            {
              hint: 'List the keys with `vigil keys list`.',
            },
          );
        }
        if (key.revokedAt === undefined) {
          await store.revokeApiKey(id, Date.now());
          await store.appendAudit({
            at: Date.now(),
            action: 'key.revoke',
            target: `key:${id}`,
            details: { via: 'cli' },
          });
        }
        terminal.stderr(`revoked key ${id} "${key.name}" (${key.prefix})\n`);
      });
      setExit(0);
    });
}
