/**
 * The zero-set-up admin key (issue 4 §2): when the store has no key at all, create an admin key, write it to a
 * file readable by its owner only (mode 0600) and return it, so `vigil serve` prints it once and nothing is ever
 * open. The file is written (atomically, through a temporary file and a rename) before the key is stored: if
 * storing fails, the next start makes a new one instead of leaving a stored key nobody knows.
 */
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Store } from '../store/types.js';
import { generateApiKey } from './apiKeys.js';

export interface BootstrapResult {
  key: string;
  file: string;
  keyId: number;
}

/** Creates the first admin key when the store has none; undefined when keys exist (revoked ones count). */
export async function bootstrapAdminKey(
  store: Store,
  file: string,
  now: () => number = Date.now,
): Promise<BootstrapResult | undefined> {
  if ((await store.listApiKeys()).length > 0) return undefined;
  const generated = generateApiKey();
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, `${generated.key}\n`, { mode: 0o600, flag: 'w' });
    // The mode of writeFile applies on creation only (and through the umask); make it exact.
    await chmod(temporary, 0o600);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  const stored = await store.createApiKey({
    name: 'admin (created at first start)',
    role: 'admin',
    prefix: generated.prefix,
    hash: generated.hash,
  });
  await store.appendAudit({
    at: now(),
    action: 'key.bootstrap',
    target: `key:${stored.id}`,
    details: { file, prefix: stored.prefix },
  });
  return { key: generated.key, file, keyId: stored.id };
}
