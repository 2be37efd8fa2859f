/** Loading, error and empty states shared by the pages. */
import type { ReactNode } from 'react';
import type { ApiError } from '../api.js';

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorBox({ error, children }: { error: ApiError | Error | string; children?: ReactNode }) {
  const message = typeof error === 'string' ? error : error.message;
  return (
    <div className="error" role="alert">
      <strong>{typeof error === 'object' && 'code' in error ? `${error.code}: ` : ''}</strong>
      {message}
      {children}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}
