/**
 * Browser sessions of the dashboard (issue 5 §2 "login with an API key; session in an httpOnly, SameSite=Strict
 * cookie"): `POST /api/v1/session` trades a key for a random opaque token set as the `vigil_session` cookie, so
 * the key itself never sits in the browser where scripts could read it.
 *
 * Sessions live in this process's memory only (a restart logs everybody out, which a dashboard survives), keyed by
 * the SHA-256 of the token, so a memory dump does not hand out usable tokens. A session remembers which key it
 * stands for (id and prefix) and is checked against the store on every request (through the app's 1 s lookup
 * cache): revoking the key ends its sessions, within that second also when another process revoked it.
 * Sessions expire {@link SESSION_TTL_MS} after login (absolute, not sliding), as the cookie's Max-Age says.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ApiKey, Store } from '../store/types.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'vigil_session';
/** Lifetime of a session and of its cookie: 12 hours (a working day), ms. */
export const SESSION_TTL_MS = 12 * 3_600_000;
/** Header every mutating request authenticated by the cookie must carry with value '1' (see authHook.ts). */
export const CSRF_HEADER = 'x-vigil-csrf';

interface Session {
  keyId: number;
  prefix: string;
  expiresAt: number;
}

export interface Sessions {
  /** Opens a session for `key` and returns its token (the cookie value). */
  create(key: ApiKey): string;
  /** The unrevoked key of a live session, or undefined (an expired or revoked one is dropped). */
  resolve(token: string): Promise<ApiKey | undefined>;
  /** Ends the session of `token` (nothing when there is none). */
  end(token: string): void;
  /** Number of live sessions (tests, metrics). */
  readonly size: number;
}

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * An in-memory session table.
 * @param store where keys are checked on every resolve (revocation ends sessions).
 * @param now clock, ms.
 */
export function createSessions(store: Store, now: () => number): Sessions {
  const sessions = new Map<string, Session>();
  /** Drops expired sessions; run on every login so the table stays bounded by logins per 12 h. */
  const sweep = (t: number) => {
    for (const [hash, session] of sessions) if (session.expiresAt <= t) sessions.delete(hash);
  };
  return {
    create(key) {
      const t = now();
      sweep(t);
      // 32 random bytes: as much entropy as a key's secret.
      const token = randomBytes(32).toString('base64url');
      sessions.set(hashToken(token), { keyId: key.id, prefix: key.prefix, expiresAt: t + SESSION_TTL_MS });
      return token;
    },
    async resolve(token) {
      const hash = hashToken(token);
      const session = sessions.get(hash);
      if (session === undefined) return undefined;
      if (session.expiresAt <= now()) {
        sessions.delete(hash);
        return undefined;
      }
      const candidates = await store.findApiKeysByPrefix(session.prefix);
      const found = candidates.find((k) => k.id === session.keyId && k.revokedAt === undefined);
      if (found === undefined) {
        sessions.delete(hash);
        return undefined;
      }
      const { hash: _stored, ...key } = found;
      return key;
    },
    end(token) {
      sessions.delete(hashToken(token));
    },
    get size() {
      return sessions.size;
    },
  };
}
