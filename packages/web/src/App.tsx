/**
 * The dashboard shell: asks the server who is signed in (GET /api/v1/session), shows the login form until
 * someone is, then the header, navigation and the page the URL names. A 401 from any request (session expired,
 * key revoked) brings the login form back.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, onUnauthorized } from './api.js';
import { AlertsPage } from './pages/Alerts.js';
import { FeaturePage } from './pages/Feature.js';
import { Login } from './pages/Login.js';
import { ModelPage } from './pages/Model.js';
import { MonitorsPage } from './pages/Monitors.js';
import { NotFound } from './pages/NotFound.js';
import { Overview } from './pages/Overview.js';
import { ReferencesPage } from './pages/References.js';
import { Link, type Location, navigate, paths, useLocation } from './router.js';
import { type Session, SessionContext } from './session.js';
import type { SessionKey } from './types.js';

type Auth = { state: 'signed-out' } | { state: 'signed-in'; session: Session };

const toSession = (key: SessionKey): Session => ({ key, canEdit: key.role === 'admin' });

/** Until GET /session answers: no name, no edit control. */
const PENDING: Session = { key: { id: 0, name: '', role: 'read' }, canEdit: false };

/**
 * Whether this browser signed in before (a flag, not a secret: the session itself is the httpOnly cookie). Without
 * it the first visit shows the login form at once instead of asking the server and getting a 401.
 */
const SIGNED_IN_FLAG = 'vigil.signedIn';
const flag = {
  get: () => {
    try {
      return window.localStorage.getItem(SIGNED_IN_FLAG) === '1';
    } catch {
      return true;
    }
  },
  set: (on: boolean) => {
    try {
      if (on) window.localStorage.setItem(SIGNED_IN_FLAG, '1');
      else window.localStorage.removeItem(SIGNED_IN_FLAG);
    } catch {
      // storage disabled: the server is asked at every load instead
    }
  },
};

export function App() {
  // A browser that signed in before shows its page at once (read-only until the server says which key this is),
  // its requests running beside the session check rather than after it: one round trip less to first paint.
  const [auth, setAuth] = useState<Auth>(() =>
    flag.get() ? { state: 'signed-in', session: PENDING } : { state: 'signed-out' },
  );
  const location = useLocation();

  useEffect(() => {
    const signedOut = () => {
      flag.set(false);
      setAuth({ state: 'signed-out' });
    };
    if (flag.get()) {
      api<{ key: SessionKey }>('/session', { quiet401: true }).then(
        (r) => setAuth({ state: 'signed-in', session: toSession(r.key) }),
        signedOut,
      );
    }
    return onUnauthorized(signedOut);
  }, []);

  const signIn = useCallback((key: SessionKey) => {
    flag.set(true);
    setAuth({ state: 'signed-in', session: toSession(key) });
  }, []);

  const signOut = useCallback(async () => {
    await api('/session', { method: 'DELETE', quiet401: true }).catch(() => undefined);
    flag.set(false);
    setAuth({ state: 'signed-out' });
    navigate('/');
  }, []);

  if (auth.state === 'signed-out') {
    return <Login onSignedIn={signIn} />;
  }
  const { session } = auth;
  return (
    <SessionContext.Provider value={session}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link to={paths.overview()} className="brand">
          Vigil
        </Link>
        <nav aria-label="Main">
          <Link to={paths.overview()} aria-current={location.path === '/' ? 'page' : undefined}>
            Models
          </Link>
          <Link to={paths.alerts()} aria-current={location.path === '/alerts' ? 'page' : undefined}>
            Alerts
          </Link>
        </nav>
        <div className="who">
          {session !== PENDING && (
            <span title={`signed in with the key "${session.key.name}"`}>
              {session.key.name} <span className="role">({session.key.role})</span>
            </span>
          )}
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Page location={location} />
      </main>
    </SessionContext.Provider>
  );
}

function Page({ location }: { location: Location }) {
  const parts = location.path
    .split('/')
    .filter((p) => p !== '')
    .map((p) => decodeURIComponent(p));
  if (parts.length === 0) return <Overview />;
  if (parts[0] === 'alerts' && parts.length === 1) return <AlertsPage query={location.query} />;
  if (parts[0] === 'models' && parts.length >= 2) {
    const model = parts[1];
    if (parts.length === 2) return <ModelPage model={model} query={location.query} />;
    if (parts[2] === 'features' && parts.length === 4) {
      const at = Number(location.query.get('windowStart'));
      return <FeaturePage model={model} feature={parts[3]} windowStart={at > 0 ? at : undefined} />;
    }
    if (parts[2] === 'monitors' && parts.length === 3) return <MonitorsPage model={model} />;
    if (parts[2] === 'references' && parts.length === 3) return <ReferencesPage model={model} />;
  }
  return <NotFound />;
}
