// A tiny hash router: `#/cases?q=林地&page=2`. Hash URLs work the same under the harness and
// the desktop shell's custom protocol, and need no server support.
import { useSyncExternalStore } from 'react';

export type Query = Record<string, string>;

export interface Location {
  path: string;
  query: Query;
}

function parse(hash: string): Location {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?', 2);
  const query: Query = {};
  for (const [k, v] of new URLSearchParams(search)) query[k] = v;
  return { path: path.startsWith('/') ? path : `/${path}`, query };
}

/** The hash for a path and query; empty or undefined query values are left out. */
export function href(path: string, query: Record<string, string | number | boolean | undefined | null> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '' && v !== false) params.set(k, String(v));
  const s = params.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

export function navigate(path: string, query: Parameters<typeof href>[1] = {}, opts: { replace?: boolean } = {}): void {
  const target = href(path, query);
  if (opts.replace) {
    history.replaceState(null, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else if (location.hash !== target) {
    location.hash = target;
  }
}

let cached: { hash: string; loc: Location } | null = null;
const snapshot = (): Location => {
  if (!cached || cached.hash !== location.hash) cached = { hash: location.hash, loc: parse(location.hash) };
  return cached.loc;
};
const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export const useLocation = (): Location => useSyncExternalStore(subscribe, snapshot);

/** Matches `/cases/:id` style patterns; returns the params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}
