/**
 * A small client-side router on the History API: the server answers index.html for every non-API path, so each
 * page has a real URL that can be bookmarked, shared and opened in a new tab. Links are real `<a href>` elements
 * (keyboard and middle-click work); a plain click is turned into `pushState`.
 */
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** Goes to `to` (path and query) without reloading the page. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  for (const listener of listeners) listener();
}

export interface Location {
  path: string;
  query: URLSearchParams;
}

/** The current location; re-renders on navigation. */
export function useLocation(): Location {
  const current = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(current, window.location.origin);
  return { path: url.pathname, query: url.searchParams };
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}

/** Path builders, so pages agree on URLs. */
export const paths = {
  overview: () => '/',
  model: (model: string, windowStart?: number) =>
    `/models/${encodeURIComponent(model)}${windowStart === undefined ? '' : `?window=${windowStart}`}`,
  feature: (model: string, feature: string, windowStart?: number) =>
    `/models/${encodeURIComponent(model)}/features/${encodeURIComponent(feature)}${
      windowStart === undefined ? '' : `?windowStart=${windowStart}`
    }`,
  monitors: (model: string) => `/models/${encodeURIComponent(model)}/monitors`,
  references: (model: string) => `/models/${encodeURIComponent(model)}/references`,
  alerts: (filter: { model?: string; severity?: string; state?: string } = {}) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
    const search = params.toString();
    return `/alerts${search === '' ? '' : `?${search}`}`;
  },
};
