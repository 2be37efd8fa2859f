/**
 * Sign-in with an API key: POST /api/v1/session trades the key for an httpOnly, SameSite=Strict session cookie,
 * so the key is not kept by the page (nor in storage) after this form.
 */
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api.js';
import type { SessionKey } from '../types.js';

export function Login({ onSignedIn }: { onSignedIn: (key: SessionKey) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const result = await api<{ key: SessionKey }>('/session', {
        method: 'POST',
        json: { key: key.trim() },
        quiet401: true,
      });
      setKey('');
      onSignedIn(result.key);
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 401
          ? 'That key is unknown or revoked. Check it and try again.'
          : e instanceof Error
            ? e.message
            : String(e),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login" id="main">
      <h1>Vigil</h1>
      <p className="muted">Model monitoring. Sign in with an API key.</p>
      <form onSubmit={submit} className="card stack">
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          name="key"
          type="password"
          autoComplete="current-password"
          spellCheck={false}
          placeholder="vgl_…"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          required
          aria-describedby={error ? 'login-error' : 'login-hint'}
        />
        <p id="login-hint" className="hint">
          The admin key is printed when the server starts for the first time (and saved beside its data). A{' '}
          <code>read</code> key shows everything but cannot change anything.
        </p>
        {error && (
          <p id="login-error" className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || key.trim() === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
