/**
 * API keys (issue 4 §2): `vgl_<prefix>_<secret>`, where the prefix is 8 lowercase letters and digits (stored in
 * the clear so people can tell keys apart and the server can find the candidate rows) and the secret is 32 random
 * bytes in base64url (43 characters). Only the SHA-256 of the whole key is stored; a presented key is hashed and
 * compared with `crypto.timingSafeEqual`, so the comparison takes the same time wherever the hashes differ.
 * A plain hash (no salt, no slow KDF) is enough because the secret has 256 bits of entropy.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiKey, Store } from '../store/types.js';

const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const KEY_PATTERN = /^vgl_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

/** A newly generated key: give `key` to the user once; store `prefix` and `hash`. */
export interface GeneratedKey {
  key: string;
  /** `vgl_` and the 8 prefix characters, as stored and listed. */
  prefix: string;
  /** SHA-256 of `key`, lowercase hex. */
  hash: string;
}

/** SHA-256 of a key, lowercase hex. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A fresh random key. */
export function generateApiKey(): GeneratedKey {
  // 8 characters from 36 by rejection sampling (no modulo bias): 41 bits, enough to make prefix clashes rare.
  let id = '';
  while (id.length < 8) {
    for (const byte of randomBytes(16)) {
      if (byte < 252 && id.length < 8) id += PREFIX_ALPHABET[byte % 36];
    }
  }
  const key = `vgl_${id}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix: `vgl_${id}`, hash: hashApiKey(key) };
}

/** The stored prefix of a well-formed key, or undefined when `key` does not have the key format. */
export function keyPrefix(key: string): string | undefined {
  const match = KEY_PATTERN.exec(key);
  return match === null ? undefined : `vgl_${match[1]}`;
}

/**
 * The unrevoked stored key matching `presented`, or undefined. Looks the candidates up by prefix, then compares
 * SHA-256 hashes in constant time.
 */
export async function verifyApiKey(store: Store, presented: string): Promise<ApiKey | undefined> {
  const prefix = keyPrefix(presented);
  if (prefix === undefined) return undefined;
  const hash = Buffer.from(hashApiKey(presented), 'hex');
  const candidates = await store.findApiKeysByPrefix(prefix);
  let found: ApiKey | undefined;
  for (const { hash: storedHex, ...key } of candidates) {
    const stored = Buffer.from(storedHex, 'hex');
    if (stored.length === hash.length && timingSafeEqual(stored, hash) && key.revokedAt === undefined) {
      found = key;
    }
  }
  return found;
}
