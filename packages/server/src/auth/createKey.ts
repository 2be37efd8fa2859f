import type { ApiKey, Role, Store } from '../store/types.js';
import { generateApiKey } from './apiKeys.js';

/** Generates a key and stores its hash; returns the stored record and the key (show it once, never store it). */
export async function createKey(
  store: Store,
  options: { name: string; role: Role },
): Promise<{ apiKey: ApiKey; key: string }> {
  const generated = generateApiKey();
  const apiKey = await store.createApiKey({
    name: options.name,
    role: options.role,
    prefix: generated.prefix,
    hash: generated.hash,
  });
  return { apiKey, key: generated.key };
}
