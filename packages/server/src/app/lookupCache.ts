/**
 * The two lookups every ingest request makes before its body is used — the candidate keys of the presented key's
 * prefix, and the model — answered from memory for up to `ttlMs` (default 1 s). Each costs the store a query on
 * the request path (on DuckDB, parsing and planning it runs on the main thread); a busy ingest path asks the same
 * two questions hundreds of times a second.
 *
 * Writes through the returned store drop what they may change (a revoked key, an updated model), so this server
 * never answers from a stale entry; a change made by another process (a second server on the same PostgreSQL,
 * `vigil keys revoke`) takes effect within `ttlMs`.
 */
import type { Store } from '../store/types.js';

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

/** A memo of `load` per key, kept for `ttlMs`; a failed load is not kept. */
function memo<T>(ttlMs: number, load: (key: string) => Promise<T>) {
  const entries = new Map<string, Entry<T>>();
  return {
    get(key: string): Promise<T> {
      const t = performance.now();
      const hit = entries.get(key);
      if (hit !== undefined && t - hit.at < ttlMs) return hit.value;
      const value = load(key);
      entries.set(key, { at: t, value });
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
    clear(): void {
      entries.clear();
    },
  };
}

/** `store` with `getModel` and `findApiKeysByPrefix` cached (see the module comment). */
export function withLookupCache(store: Store, ttlMs = 1000): Store {
  const models = memo(ttlMs, (name) => store.getModel(name));
  const keys = memo(ttlMs, (prefix) => store.findApiKeysByPrefix(prefix));
  /** Runs `call` on the store, then drops `cache` (whether it succeeded or not). */
  const dropping = async <R>(cache: { clear(): void }, call: () => Promise<R>): Promise<R> => {
    try {
      return await call();
    } finally {
      cache.clear();
    }
  };
  // A view of `store`, not a copy: methods not overridden here are looked up on it at each call.
  const cached: Store = Object.create(store);
  return Object.assign(cached, {
    getModel: (name: string) => models.get(name),
    findApiKeysByPrefix: (prefix: string) => keys.get(prefix),
    createModel: (...args) => dropping(models, () => store.createModel(...args)),
    updateModel: (...args) => dropping(models, () => store.updateModel(...args)),
    deleteModel: (...args) => dropping(models, () => store.deleteModel(...args)),
    createVersion: (...args) => dropping(models, () => store.createVersion(...args)),
    createApiKey: (...args) => dropping(keys, () => store.createApiKey(...args)),
    revokeApiKey: (...args) => dropping(keys, () => store.revokeApiKey(...args)),
  } satisfies Partial<Store>);
}
